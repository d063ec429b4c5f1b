import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client';
import { useApiError } from '../../../app/useApiError';
import type { CaseDetail, CaseMove, MoveBody } from './types';

/**
 * 推进案件环节: the date and the 办理意见. A refusal lists every rule the move would break, here in
 * the dialog (the user fixes the record and tries again), not in a toast that fades.
 */
export function MoveModal({ caseId, move, onClose, onMoved }: { caseId: number; move: CaseMove; onClose: () => void; onMoved: (c: CaseDetail) => void }) {
  const [form] = Form.useForm<{ date: Dayjs; opinion?: string }>();
  const { message } = App.useApp();
  const report = useApiError();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<ApiError>();

  async function save() {
    const v = await form.validateFields();
    setSaving(true);
    setRefusal(undefined);
    try {
      const body: MoveBody = { to: move.to, date: v.date.format('YYYY-MM-DD'), opinion: (v.opinion ?? '').trim() };
      const moved = await api.post<CaseDetail>(`/enforcement/cases/${caseId}/moves`, body);
      void message.success(`已进入“${move.label}”`);
      onMoved(moved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CASE_MOVE_REFUSED') setRefusal(e);
      else report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={`推进到「${move.label}」`} okText="确认推进" cancelText="取消" confirmLoading={saving} maskClosable={false} onOk={() => void save()} onCancel={onClose}>
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`不能推进到「${move.label}」，须先解决：`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {refusal.details.map((d, i) => (
                <li key={i}>{d.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form form={form} name="caseMove" layout="vertical" initialValues={{ date: dayjs() }}>
        <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]} extra={move.to === 'decided' ? '移入“决定”时为决定书日期' : undefined}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="opinion" label="办理意见" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="如 符合立案条件，建议立案" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
