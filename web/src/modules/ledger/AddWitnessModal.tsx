import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { AddWitnessBody } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** 登记见证方: the witness's public key (cosignature/v1), as the other node shows it under 本节点的见证公钥. */
export function AddWitnessModal({ log, onClose, onAdded }: { log: string; onClose: () => void; onAdded: () => void }) {
  const [form] = Form.useForm<AddWitnessBody>();
  const { message } = App.useApp();
  const report = useApiError();
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const w = await api.post<{ name: string }>(`/ledger/logs/${encodeURIComponent(log)}/witnesses`, { vkey: values.vkey.trim() } satisfies AddWitnessBody);
      void message.success(`已登记见证方「${w.name}」`);
      onAdded();
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={`登记见证方：${log}`} okText="登记" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Typography.Paragraph type="secondary">
        请对方在其“存证日志 → 密钥与见证”中复制“本节点的见证公钥”，粘贴到下面。登记后，本日志接受该见证方的联署签名。
      </Typography.Paragraph>
      <Form<AddWitnessBody> form={form} name="addWitness" layout="vertical">
        <Form.Item name="vkey" label="见证公钥" rules={[{ required: true, whitespace: true, message: '请粘贴见证方的公钥' }, { max: 500 }]}>
          <Input.TextArea rows={3} placeholder="形如 example.org/witness+1a2b3c4d+AbCd…" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
