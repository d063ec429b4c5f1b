import { App, Form, Modal, Select } from 'antd';
import { api } from '../../api/client';
import type { Role, User } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { ADMIN_ROLES_NOTE, roleOptions } from './useRoles';

/** 分配角色 (安全管理员): replaces the user's roles. `roles`: the assignable ones, without the 三员 roles. */
export function UserRolesModal(props: { user: User; roles: Role[]; onClose: () => void; onSaved: () => void }) {
  const { user, roles, onClose, onSaved } = props;
  const [form] = Form.useForm<{ roleCodes: string[] }>();
  const { message } = App.useApp();
  const report = useApiError();

  async function save() {
    const { roleCodes } = await form.validateFields();
    try {
      await api.put(`/users/${user.id}/roles`, { roleCodes });
      void message.success(`已更新「${user.displayName}」的角色`);
      onSaved();
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open title={`分配角色：${user.displayName}`} okText="保存" onOk={() => void save()} onCancel={onClose}>
      <Form form={form} name="userRoles" layout="vertical" initialValues={{ roleCodes: user.roles.map((r) => r.code) }}>
        <Form.Item name="roleCodes" label="角色" extra={ADMIN_ROLES_NOTE} rules={[{ required: true, message: '请至少选择一个角色' }]}>
          <Select mode="multiple" options={roleOptions(roles)} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
