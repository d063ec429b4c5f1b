import { App, Form, Input, Modal } from 'antd';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { passwordProblem } from './password-rules';

/** 重置密码: the new password is temporary; the user must change it at next login. */
export function ResetPasswordModal(props: { user: User; onClose: () => void; onSaved: () => void }) {
  const { user, onClose, onSaved } = props;
  const [form] = Form.useForm<{ password: string }>();
  const { message } = App.useApp();
  const report = useApiError();

  async function save() {
    const { password } = await form.validateFields();
    try {
      await api.post(`/users/${user.id}/reset-password`, { password });
      void message.success(`已重置「${user.displayName}」的密码，其下次登录时须修改密码`);
      onSaved();
    } catch (e) {
      report(e, form);
    }
  }

  return (
    <Modal open title={`重置密码：${user.displayName}`} okText="重置" onOk={() => void save()} onCancel={onClose}>
      <Form form={form} name="resetPassword" layout="vertical" autoComplete="off">
        <Form.Item
          name="password"
          label="临时密码"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类。"
          rules={[
            { required: true, message: '请输入临时密码' },
            { validator: (_, v: string | undefined) => (v && passwordProblem(v) ? Promise.reject(new Error(passwordProblem(v))) : Promise.resolve()) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
