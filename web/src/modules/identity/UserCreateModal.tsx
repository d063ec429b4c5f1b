import { App, Form, Input, Modal, Select } from 'antd';
import { api } from '../../api/client';
import type { OrgTreeNode, Role, User } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { OrgTreeSelect } from './OrgTreeSelect';
import { passwordProblem } from './password-rules';
import { ADMIN_ROLES_NOTE, roleOptions } from './useRoles';

interface UserForm {
  username: string;
  displayName: string;
  orgId: number;
  roleCodes?: string[];
  password: string;
  phone?: string;
}

/** 新建用户. The initial password is temporary: the server makes the user change it at first login. */
export function UserCreateModal(props: { tree: OrgTreeNode[]; roles: Role[]; onClose: () => void; onCreated: () => void }) {
  const { tree, roles, onClose, onCreated } = props;
  const [form] = Form.useForm<UserForm>();
  const { modal } = App.useApp();
  const report = useApiError();
  // 三员分立: the system post creates accounts, the security post grants their roles.
  const mayGrant = useAuth().can('user:assign-roles');

  async function save() {
    const values = await form.validateFields();
    try {
      const user = await api.post<User>('/users', { ...values, username: values.username.trim(), phone: values.phone?.trim() || undefined });
      onCreated();
      void modal.success({
        title: `已创建用户「${user.displayName}」`,
        content: `用户名 ${user.username}。请将初始密码告知本人；该用户首次登录时必须修改密码。`,
        okText: '知道了',
      });
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open title="新建用户" okText="创建" onOk={() => void save()} onCancel={onClose} width={560}>
      <Form form={form} name="userCreate" layout="vertical" autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { pattern: /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, message: '用户名须以字母开头，3–32 位字母、数字、下划线、点或连字符' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]}>
          <OrgTreeSelect tree={tree} />
        </Form.Item>
        {mayGrant ? (
          <Form.Item name="roleCodes" label="角色" extra={ADMIN_ROLES_NOTE} rules={[{ required: true, message: '请至少选择一个角色' }]}>
            <Select mode="multiple" options={roleOptions(roles)} placeholder="选择角色" showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        ) : (
          <Form.Item label="角色">
            <span style={{ color: 'rgba(0,0,0,0.45)' }}>新账号暂无角色；创建后由安全管理员在“分配角色”中授权（三员分立）。</span>
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label="初始密码"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类；用户首次登录时须修改。"
          rules={[
            { required: true, message: '请输入初始密码' },
            { validator: (_, v: string | undefined) => (v && passwordProblem(v) ? Promise.reject(new Error(passwordProblem(v))) : Promise.resolve()) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="phone" label="手机号" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '手机号应为 11 位中国大陆手机号' }]}>
          <Input maxLength={11} placeholder="选填" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
