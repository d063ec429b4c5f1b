import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import type { EnforcementOfficer, EnforcementOfficerDetail, OfficerStatusBody } from '../../api/types';
import { useApiError } from '../../app/useApiError';

export type StatusAction = OfficerStatusBody['action'];
export const ACTION_LABELS: Record<StatusAction, string> = { suspend: '暂扣', revoke: '注销', reinstate: '恢复' };

/** 暂扣 / 注销 / 恢复 a 执法证, with the reason the history keeps. */
export function StatusModal({ officer, action, onClose, onDone }: { officer: EnforcementOfficer; action: StatusAction; onClose: () => void; onDone: (o: EnforcementOfficerDetail) => void }) {
  const [form] = Form.useForm<{ reason: string; effectiveOn: Dayjs }>();
  const { message } = App.useApp();
  const report = useApiError();
  const [saving, setSaving] = useState(false);
  const label = ACTION_LABELS[action];

  async function save() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body: OfficerStatusBody = { action, reason: v.reason.trim(), effectiveOn: v.effectiveOn.format('YYYY-MM-DD') };
      const done = await api.post<EnforcementOfficerDetail>(`/enforcement/officers/${officer.id}/status`, body);
      void message.success(`已${label} ${officer.name} 的执法证`);
      onDone(done);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={`${label}执法证：${officer.name}（${officer.certificateNo}）`} okText={`确认${label}`} okButtonProps={{ danger: action !== 'reinstate' }} cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose}>
      {action === 'revoke' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="注销后不能恢复；如需继续执法，须重新申领执法证。" />}
      {action !== 'reinstate' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`自生效日期起，该人员不能参与执法活动（行政处罚法第四十二条）。`} />}
      <Form form={form} name="officerStatus" layout="vertical" initialValues={{ effectiveOn: dayjs() }}>
        <Form.Item name="reason" label={`${label}原因`} rules={[{ required: true, whitespace: true, message: `请写明${label}原因` }, { max: 500 }]}>
          <Input maxLength={500} placeholder="如 涉嫌违规执法，停职调查期间暂扣" />
        </Form.Item>
        <Form.Item name="effectiveOn" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
