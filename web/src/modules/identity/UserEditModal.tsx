import { App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import type { OrgTreeNode, User } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { OrgTreeSelect } from './OrgTreeSelect';

interface UserEditForm {
  displayName: string;
  orgId: number;
  phone?: string;
}

/** 编辑用户: name, org and phone. The phone in lists is masked, so an empty field leaves it unchanged. */
export function UserEditModal(props: { user: User; tree: OrgTreeNode[]; onClose: () => void; onSaved: () => void }) {
  const { user, tree, onClose, onSaved } = props;
  const [form] = Form.useForm<UserEditForm>();
  const { message } = App.useApp();
  const report = useApiError();

  async function save() {
    const values = await form.validateFields();
    try {
      await api.patch(`/users/${user.id}`, { displayName: values.displayName, orgId: values.orgId, phone: values.phone?.trim() || undefined });
      void message.success('用户已保存');
      onSaved();
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open title={`编辑用户：${user.username}`} okText="保存" onOk={() => void save()} onCancel={onClose}>
      <Form form={form} name="userEdit" layout="vertical" initialValues={{ displayName: user.displayName, orgId: user.orgId }}>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect tree={tree} />
        </Form.Item>
        <Form.Item name="phone" label="手机号" extra={`当前：${user.phone ?? '未登记'}；留空则不修改`} rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号应为 11 位中国大陆手机号' }]}>
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
