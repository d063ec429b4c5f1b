import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { SessionUser } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { AuthLayout } from './AuthLayout';
import { PASSWORD_MIN_LENGTH, passwordClasses, passwordProblem } from './password-rules';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

function PasswordRules({ password }: { password: string }) {
  const classes = passwordClasses.filter((c) => c.test(password)).length;
  const rules = [
    { ok: password.length >= PASSWORD_MIN_LENGTH, text: `长度至少 ${PASSWORD_MIN_LENGTH} 位` },
    { ok: classes >= 3, text: `至少包含以下四类中的三类：${passwordClasses.map((c) => c.label).join('、')}` },
  ];
  return (
    <Space orientation="vertical" size={2} style={{ marginBottom: 16 }}>
      {rules.map((r) => (
        <Typography.Text key={r.text} type={r.ok ? 'success' : 'secondary'}>
          {r.ok ? <CheckCircleFilled /> : <CloseCircleOutlined />} {r.text}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** 修改密码. `forced`: the first login or an admin reset — the app shows only this page until done. */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const [form] = Form.useForm<PasswordForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const { setUser, logout } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const navigate = useNavigate();

  async function submit(values: PasswordForm) {
    try {
      const r = await api.post<{ user: SessionUser }>('/auth/password', {
        oldPassword: values.oldPassword,
        newPassword: values.newPassword,
      });
      void message.success('密码已修改');
      setUser(r.user);
      if (!forced) void navigate('/');
    } catch (e) {
      report(e, form);
    }
  }

  const body = (
    <Form form={form} name="changePassword" layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
      <Form.Item name="oldPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[
          { required: true, message: '请输入新密码' },
          { validator: (_, v: string | undefined) => (v && passwordProblem(v) ? Promise.reject(new Error(passwordProblem(v))) : Promise.resolve()) },
        ]}
        style={{ marginBottom: 8 }}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <PasswordRules password={newPassword} />
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, v: string | undefined) =>
              !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          确认修改
        </Button>
        {forced && <Button onClick={() => void logout()}>退出登录</Button>}
      </Space>
    </Form>
  );

  if (!forced) {
    return (
      <Card title="修改密码" style={{ maxWidth: 560 }}>
        {body}
      </Card>
    );
  }
  return (
    <AuthLayout title="修改密码">
      <Alert type="warning" showIcon title="首次登录、密码已被重置或密码已使用超过 90 天，请先修改密码后再使用系统。" style={{ marginBottom: 16 }} />
      {body}
    </AuthLayout>
  );
}
