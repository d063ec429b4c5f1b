import { App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client';
import { useApiError } from '../../../app/useApiError';
import type { CaseAct, CaseDetail, StoredRecord } from './types';

interface ActForm {
  kind: string;
  date: Dayjs;
  officerIds: number[];
  recordAttached: boolean;
  note?: string;
}

/**
 * 记录调查取证: one act added to those recorded. The record's parts are replaced whole, so the
 * existing acts go with it; how many officers an act needs is the server's rule to state.
 */
export function ActModal({ detail, record, officers, onClose, onSaved }: { detail: CaseDetail; record: StoredRecord; officers: { value: number; label: string }[]; onClose: () => void; onSaved: (c: CaseDetail) => void }) {
  const [form] = Form.useForm<ActForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const [saving, setSaving] = useState(false);

  async function save() {
    const v = await form.validateFields();
    const act: CaseAct = { kind: v.kind.trim(), date: v.date.format('YYYY-MM-DD'), officerIds: v.officerIds, recordAttached: v.recordAttached, note: (v.note ?? '').trim() };
    setSaving(true);
    try {
      const saved = await api.patch<CaseDetail>(`/enforcement/cases/${detail.id}/record`, { acts: [...record.acts, act] });
      void message.success(`已记录调查取证：${act.kind}`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open width={600} title={`记录调查取证：${detail.caseNo}`} okText="保存" cancelText="取消" confirmLoading={saving} maskClosable={false} onOk={() => void save()} onCancel={onClose}>
      <Form<ActForm> form={form} name="caseAct" layout="vertical" initialValues={{ date: dayjs(), officerIds: record.officerIds, recordAttached: true }}>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="kind" label="种类" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请输入种类' }, { max: 50 }]}>
            <Input maxLength={50} placeholder="询问、检查、勘验…" />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
        </div>
        <Form.Item name="officerIds" label="执法人员">
          <Select mode="multiple" options={officers} optionFilterProp="label" placeholder="选择参与的执法人员" />
        </Form.Item>
        <Form.Item name="recordAttached" valuePropName="checked">
          <Checkbox>附笔录</Checkbox>
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
