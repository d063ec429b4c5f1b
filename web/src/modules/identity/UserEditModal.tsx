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

/**
 * 编辑用户: name, org and phone. The phone in lists is masked, so an empty field leaves it unchanged.
 * `orgLocked`: why the org may not change here (a 三员 account, or one's own); the org is then not sent.
 */
export function UserEditModal(props: { user: User; tree: OrgTreeNode[]; orgLocked?: string; onClose: () => void; onSaved: () => void }) {
  const { user, tree, orgLocked, onClose, onSaved } = props;
  const [form] = Form.useForm<UserEditForm>();
  const { message } = App.useApp();
  const report = useApiError();

  async function save() {
    const values = await form.validateFields();
    try {
      // The org goes only when it changed: the server treats any orgId as a change of access, which
      // it refuses for 三员 accounts and for oneself.
      const orgId = orgLocked || values.orgId === user.orgId ? undefined : values.orgId;
      await api.patch(`/users/${user.id}`, { displayName: values.displayName, orgId, phone: values.phone?.trim() || undefined });
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
        <Form.Item name="orgId" label="所属机构" extra={orgLocked} rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect tree={tree} disabled={Boolean(orgLocked)} />
        </Form.Item>
        <Form.Item name="phone" label="手机号" extra={`当前：${user.phone ?? '未登记'}；留空则不修改`} rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号应为 11 位中国大陆手机号' }]}>
          <Input maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
