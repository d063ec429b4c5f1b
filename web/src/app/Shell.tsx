import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useSessionUser } from './auth';
import { visibleMenu } from './menu';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const user = useSessionUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const groups = visibleMenu(user.permissions);
  // The longest entry the path is in: /aggregation/coverage is 归集率, not 数据归集.
  const selected = groups
    .flatMap((g) => g.entries)
    .filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={208} theme="dark" breakpoint="lg" collapsedWidth={0}>
        <Link to="/" style={{ display: 'block', padding: '16px 20px', color: '#fff', fontSize: 18, fontWeight: 600 }}>
          天平 · 司法行政
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={groups.map((group) => ({
            type: 'group' as const,
            key: group.label,
            label: group.label,
            children: group.entries.map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{e.label}</Link> })),
          }))}
        />
      </Sider>
      <Layout>
        <Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0' }}
        >
          <Typography.Text strong style={{ fontSize: 16 }}>
            {user.orgName}
          </Typography.Text>
          <Space size="middle">
            <span>
              <UserOutlined /> {user.displayName}
            </span>
            <Button type="text" icon={<LockOutlined />} onClick={() => void navigate('/password')}>
              修改密码
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/login', { replace: true }))}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
