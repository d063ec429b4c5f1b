import { App, Form, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { formatCount } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { keyKindLabels } from './labels';
import type { LedgerLogDetail, RotateKeyBody } from '../../api/types';

type RotateKind = NonNullable<RotateKeyBody['kind']>;

/** 轮换密钥: a new signing key, announced on the log itself and handed over by a checkpoint both keys sign. */
export function RotateKeyModal({ log, onClose, onRotated }: { log: LedgerLogDetail; onClose: () => void; onRotated: () => void }) {
  const [form] = Form.useForm<{ kind: RotateKind }>();
  const { message } = App.useApp();
  const report = useApiError();
  const [saving, setSaving] = useState(false);
  // An SM3 log is signed with SM2 as well as Ed25519; the others with Ed25519 only.
  const kinds: RotateKind[] = log.hashAlg === 'sm3' ? ['ed25519', 'sm2'] : ['ed25519'];

  async function save() {
    const { kind } = await form.validateFields();
    setSaving(true);
    try {
      const r = await api.post<{ entry: number }>(`/ledger/logs/${encodeURIComponent(log.name)}/rotate-key`, { kind } satisfies RotateKeyBody);
      void message.success(`已轮换${keyKindLabels[kind]}密钥，新公钥记在序号 ${formatCount(r.entry)} 的记录中`);
      onRotated();
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={`轮换签名密钥：${log.name}`} okText="轮换" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Typography.Paragraph>
        服务器生成一把新密钥，把新公钥作为一条记录写入本日志，并用新旧两把密钥共同签发一个交接检查点。之后的检查点只用新密钥签名；旧密钥停用，但仍用来核验它签发过的检查点。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">适用于怀疑私钥泄露、人员交接或定期更换。已经分发给见证方和外部核验方的旧公钥无需收回。</Typography.Paragraph>
      <Form form={form} name="rotateKey" layout="vertical" initialValues={{ kind: kinds[0] }}>
        <Form.Item name="kind" label="要轮换的密钥" rules={[{ required: true }]}>
          <Radio.Group options={kinds.map((k) => ({ value: k, label: keyKindLabels[k] }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
