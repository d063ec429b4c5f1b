import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { hashAlgOptions } from './labels';
import type { CreateLogBody, HashAlg, LedgerLog } from '../../api/types';
import { useApiError } from '../../app/useApiError';

interface CreateLogForm {
  name: string;
  hash: HashAlg;
  description?: string;
}

/** 新建日志: a name that goes into every checkpoint, the hash algorithm (fixed for good) and what it is for. */
export function CreateLogModal({ onClose, onCreated }: { onClose: () => void; onCreated: (log: LedgerLog) => void }) {
  const [form] = Form.useForm<CreateLogForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = await form.validateFields();
    const body: CreateLogBody = { name: values.name.trim(), hash: values.hash, description: values.description?.trim() || undefined };
    setSaving(true);
    try {
      const log = await api.post<LedgerLog>('/ledger/logs', body);
      void message.success(`已新建存证日志「${log.name}」`);
      onCreated(log);
    } catch (e) {
      report(e, form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title="新建存证日志" okText="新建" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} maskClosable={false}>
      <Form<CreateLogForm> form={form} name="ledgerLog" layout="vertical" initialValues={{ hash: 'sha256' }}>
        <Form.Item
          name="name"
          label="名称"
          extra="写入每个检查点，建成后不能修改"
          rules={[
            { required: true, message: '请输入名称' },
            { pattern: /^[a-z][a-z0-9-]{0,39}$/, message: '名称须为小写字母开头的小写字母、数字或连字符，至多 40 位，如 notary' },
          ]}
        >
          <Input placeholder="如 notary" maxLength={40} />
        </Form.Item>
        <Form.Item name="hash" label="哈希算法" extra="建成后不能更改；涉及国密要求的业务请选 SM3" rules={[{ required: true }]}>
          <Radio.Group options={hashAlgOptions} />
        </Form.Item>
        <Form.Item name="description" label="用途" rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} placeholder="选填：这个日志记录什么，如 公证书存证" maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
