import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import type { SessionUser } from '../../api/types';
import { useAuth } from '../../app/auth';
import { menuGroups } from '../../app/menu';
import { AuthLayout } from './AuthLayout';

interface LoginForm {
  username: string;
  password: string;
}

/** The server's details for a locked account carry the unlock time; show it in local time. */
function lockDetail(error: ApiError): string | undefined {
  const detail = error.details.find((d) => d.field === 'lockedUntil') ?? error.details[0];
  if (!detail) return undefined;
  const at = dayjs(detail.message);
  return at.isValid() ? `预计解锁时间：${at.format('YYYY-MM-DD HH:mm')}` : detail.message;
}

/** Back to where the session ended, unless whoever signs in now may not open that page. */
function landingFor(user: SessionUser, from: string): string {
  const entry = menuGroups.flatMap((g) => g.entries).find((e) => from.startsWith(e.path));
  return entry && !user.permissions.includes(entry.permission) ? '/' : from;
}

export function LoginPage() {
  const { user, notice, login } = useAuth();
  const location = useLocation();
  const [failure, setFailure] = useState<{ message: string; description?: string }>();
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (user) return <Navigate to={landingFor(user, from)} replace />;

  async function submit(values: LoginForm) {
    setSubmitting(true);
    setFailure(undefined);
    try {
      // Once signed in, this page re-renders into the redirect above.
      await login(values.username.trim(), values.password);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'AUTH_ACCOUNT_LOCKED') setFailure({ message: e.message, description: lockDetail(e) });
      else setFailure({ message: e instanceof ApiError ? e.message : '登录失败，请稍后再试' });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthLayout title="用户登录">
      {notice && !failure && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {failure && (
        <Alert type="error" showIcon title={failure.message} description={failure.description} style={{ marginBottom: 16 }} />
      )}
      <Form<LoginForm> name="login" layout="vertical" size="large" onFinish={(v) => void submit(v)} autoComplete="on">
        <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          登录
        </Button>
      </Form>
    </AuthLayout>
  );
}
