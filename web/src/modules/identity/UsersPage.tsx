import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { useAuth, useSessionUser } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { usePagedList } from '../../app/usePagedList';
import { OrgTreeSelect } from './OrgTreeSelect';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCreateModal } from './UserCreateModal';
import { UserEditModal } from './UserEditModal';
import { UserRolesModal } from './UserRolesModal';
import { useOrgTree } from './useOrgTree';
import { ADMIN_ACCOUNT_NOTE, adminRoleCodes, assignableRoles, isAdminAccount, useRoles } from './useRoles';

type UserFilters = {
  orgId?: number;
  q?: string;
  includeSubtree: boolean;
};

type Dialog = { kind: 'create' } | { kind: 'edit' | 'roles' | 'password'; user: User };

/** 用户管理: paged users in the caller's data scope, filtered by org and keyword. */
export default function UsersPage() {
  const { can } = useAuth();
  const me = useSessionUser();
  const { message } = App.useApp();
  const report = useApiError();
  const list = usePagedList<User, UserFilters>('/users', { includeSubtree: true });
  const { tree } = useOrgTree();
  // The roles tell which accounts are 三员 (adminKind) and fill the pickers.
  const { roles } = useRoles(can('role:read'));
  const adminCodes = adminRoleCodes(roles);
  const [dialog, setDialog] = useState<Dialog>();

  async function act(promise: Promise<unknown>, done: string) {
    try {
      await promise;
      void message.success(done);
      list.reload();
    } catch (e) {
      report(e);
    }
  }

  // Room for the buttons this user may press: 编辑/停用 for the system admin, 分配角色/重置密码
  // (and 解锁, when some account on the page is locked) for the security admin. On a 三员 account
  // the 三员账号 tag stands where 停用 or 分配角色/重置密码 would be, and is no wider.
  const anyLocked = list.items.some((u) => u.locked);
  const buttons = [can('user:update') ? 2 : 0, can('user:assign-roles') ? 1 : 0, can('user:unlock') && anyLocked ? 1 : 0, can('user:reset-password') ? 1 : 0];
  const actionsWidth = 40 + 70 * Math.max(buttons.reduce((a, b) => a + b, 0), 1);
  // Whether the operator-only actions would be this user's to press on an ordinary account.
  const managesAccounts = can('user:update') || can('user:assign-roles') || can('user:reset-password');

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 110 },
    { title: '姓名', dataIndex: 'displayName', width: 90 },
    { title: '所属机构', dataIndex: 'orgName', width: 170, ellipsis: true },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (_, u) =>
        u.roles.map((r) => (
          <Tag key={r.code} color={adminCodes.has(r.code) ? 'purple' : undefined}>
            {r.name}
          </Tag>
        )),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 70,
      render: (_, u) => (u.status === 'active' ? <Tag color="success">正常</Tag> : <Tag>停用</Tag>),
    },
    {
      title: '锁定',
      dataIndex: 'locked',
      width: 70,
      render: (_, u) =>
        u.locked ? (
          <Tooltip title={`解锁时间：${formatDateTime(u.lockedUntil)}`}>
            <Tag color="error">已锁定</Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: '手机号', dataIndex: 'phone', width: 110, render: (_, u) => u.phone ?? '—' },
    { title: '最后登录', dataIndex: 'lastLoginAt', width: 160, render: (_, u) => formatDateTime(u.lastLoginAt) },
    {
      title: '操作',
      key: 'actions',
      width: actionsWidth,
      fixed: 'right',
      render: (_, u) => {
        // SEC-18: the server refuses the status, org, roles and password of a 三员 account from the
        // console (USER_ADMIN_ACCOUNT_PROTECTED); only 编辑 (name, phone) and 解锁 remain.
        const admin = isAdminAccount(u, adminCodes);
        return (
          <Space size={0} wrap>
            {can('user:update') && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                编辑
              </Button>
            )}
            {/* The server refuses changes to one's own roles and status (USER_SELF_CHANGE_FORBIDDEN). */}
            {can('user:assign-roles') && u.id !== me.id && !admin && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'roles', user: u })}>
                分配角色
              </Button>
            )}
            {can('user:unlock') && u.locked && (
              <Button type="link" size="small" onClick={() => void act(api.post(`/users/${u.id}/unlock`), `已解锁「${u.displayName}」`)}>
                解锁
              </Button>
            )}
            {can('user:reset-password') && !admin && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
                重置密码
              </Button>
            )}
            {can('user:update') && u.id !== me.id && !admin && (
              <Popconfirm
                title={u.status === 'active' ? `停用「${u.displayName}」？停用后该用户无法登录。` : `启用「${u.displayName}」？`}
                onConfirm={() =>
                  act(
                    api.patch(`/users/${u.id}`, { status: u.status === 'active' ? 'disabled' : 'active' }),
                    u.status === 'active' ? '已停用' : '已启用',
                  )
                }
              >
                <Button type="link" size="small" danger={u.status === 'active'}>
                  {u.status === 'active' ? '停用' : '启用'}
                </Button>
              </Popconfirm>
            )}
            {admin && managesAccounts && (
              <Tooltip title={ADMIN_ACCOUNT_NOTE}>
                <Tag icon={<SafetyCertificateOutlined />} color="purple" variant="outlined" style={{ marginInlineStart: 7, cursor: 'help' }}>
                  三员账号
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
  ];

  const close = () => setDialog(undefined);
  const closeAndReload = () => {
    setDialog(undefined);
    list.reload();
  };

  return (
    <Card
      title="用户管理"
      extra={
        can('user:create') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新建用户
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect
          tree={tree}
          allowClear
          placeholder="所属机构（全部）"
          style={{ width: 260 }}
          value={list.filters.orgId}
          onChange={(orgId) => list.setFilters({ ...list.filters, orgId })}
        />
        <Checkbox checked={list.filters.includeSubtree} onChange={(e) => list.setFilters({ ...list.filters, includeSubtree: e.target.checked })}>
          含下级机构
        </Checkbox>
        <Input.Search
          placeholder="用户名、姓名"
          allowClear
          style={{ width: 240 }}
          onSearch={(q) => list.setFilters({ ...list.filters, q: q.trim() || undefined })}
        />
      </Space>
      <Table<User> rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} scroll={{ x: 1100 }} />
      {/* Each dialog mounts only while open, so every opening starts from a fresh form. */}
      {dialog?.kind === 'create' && <UserCreateModal tree={tree} roles={assignableRoles(roles)} onClose={close} onCreated={closeAndReload} />}
      {dialog?.kind === 'edit' && (
        <UserEditModal
          user={dialog.user}
          tree={tree}
          orgLocked={isAdminAccount(dialog.user, adminCodes) ? ADMIN_ACCOUNT_NOTE : dialog.user.id === me.id ? '不能修改本人的所属机构' : undefined}
          onClose={close}
          onSaved={closeAndReload}
        />
      )}
      {dialog?.kind === 'roles' && <UserRolesModal user={dialog.user} roles={assignableRoles(roles)} onClose={close} onSaved={closeAndReload} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} onSaved={closeAndReload} />}
    </Card>
  );
}
