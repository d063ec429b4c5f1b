import { App, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client';
import type { Org } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { useCodeOptions } from '../dictionary/useCodeOptions';

interface OrgForm {
  name: string;
  type: string;
  regionCode: string;
  creditCode?: string;
}

/** 新建下级机构 (with `parent`) or 编辑机构 (with `org`). */
export function OrgFormModal(props: {
  parent?: { id: number; name: string; regionCode: string };
  org?: Org;
  onClose: () => void;
  onSaved: (org: Org) => void;
}) {
  const { parent, org, onClose, onSaved } = props;
  const typeOptions = useCodeOptions('org_type');
  const [form] = Form.useForm<OrgForm>();
  const { message } = App.useApp();
  const report = useApiError();

  const initialValues: Partial<OrgForm> = org
    ? { name: org.name, type: org.type, regionCode: org.regionCode, creditCode: org.creditCode ?? undefined }
    : { regionCode: parent?.regionCode };

  async function save() {
    const values = await form.validateFields();
    const body = { ...values, creditCode: values.creditCode?.trim() || null };
    try {
      const saved = org ? await api.patch<Org>(`/orgs/${org.id}`, body) : await api.post<Org>('/orgs', { ...body, parentId: parent?.id });
      void message.success(org ? '机构已保存' : `已新建机构「${saved.name}」`);
      onSaved(saved);
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal
      open
      title={org ? `编辑机构：${org.name}` : `新建下级机构（上级：${parent?.name ?? ''}）`}
      okText="保存"
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Form form={form} name="org" layout="vertical" initialValues={initialValues}>
        <Form.Item name="name" label="机构名称" rules={[{ required: true, whitespace: true, message: '请输入机构名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="type" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
          <Select options={typeOptions} placeholder="选择机构类型" />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label="行政区划代码"
          extra="GB/T 2260 六位代码"
          rules={[{ required: true, message: '请输入行政区划代码' }, { pattern: /^\d{6}$/, message: '行政区划代码为 6 位数字' }]}
        >
          <Input maxLength={6} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: '统一社会信用代码为 18 位数字或大写字母' }]}
        >
          <Input maxLength={18} placeholder="选填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
