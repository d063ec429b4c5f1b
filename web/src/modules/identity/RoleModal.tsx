import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client';
import type { DataScope, Permission, Role } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { dataScopeLabels } from './labels';
import { PermissionTree } from './PermissionTree';

interface RoleForm {
  code: string;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: string[];
}

const dataScopeOptions = Object.entries(dataScopeLabels).map(([value, label]) => ({ value, label }));

/** 新建角色 (no `role`) or 编辑角色及权限. */
export function RoleModal(props: { role?: Role; permissions: Permission[]; onClose: () => void; onSaved: () => void }) {
  const { role, permissions, onClose, onSaved } = props;
  const [form] = Form.useForm<RoleForm>();
  const { message } = App.useApp();
  const report = useApiError();
  const adminRole = Boolean(role?.adminKind);

  async function save() {
    const values = await form.validateFields();
    try {
      if (role) {
        const { code: _code, ...changes } = values;
        await api.patch(`/roles/${role.id}`, changes);
      } else {
        await api.post('/roles', values);
      }
      void message.success(role ? `已保存角色「${values.name}」` : `已新建角色「${values.name}」`);
      onSaved();
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open title={role ? `编辑角色：${role.name}` : '新建角色'} okText="保存" onOk={() => void save()} onCancel={onClose} width={680}>
      <Form<RoleForm>
        name="role"
        form={form}
        layout="vertical"
       
        initialValues={
          role
            ? { code: role.code, name: role.name, description: role.description, dataScope: role.dataScope, permissions: role.permissions }
            : { description: '', dataScope: 'org', permissions: [] }
        }
      >
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item
            name="code"
            label="编码"
            style={{ flex: 1 }}
            rules={[{ required: true, message: '请输入编码' }, { pattern: /^[a-z][a-z0-9_-]{1,39}$/, message: '小写字母开头，2–40 位小写字母、数字、_ 或 -' }]}
          >
            <Input disabled={Boolean(role)} />
          </Form.Item>
          <Form.Item name="name" label="名称" style={{ flex: 1 }} rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="dataScope" label="数据范围" style={{ width: 160 }} rules={[{ required: true }]}>
            <Select options={dataScopeOptions} />
          </Form.Item>
        </div>
        <Form.Item name="description" label="说明">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        {adminRole && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title="三员分立：管理员角色不得授予业务数据权限，相关选项已禁用。" />
        )}
        <Form.Item name="permissions" label="权限">
          <PermissionTree permissions={permissions} adminRole={adminRole} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
