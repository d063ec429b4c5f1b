import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Permission, Role } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { adminKindLabels, dataScopeLabels } from './labels';
import { RoleModal } from './RoleModal';
import { useRoles } from './useRoles';

const SHOWN_PERMISSIONS = 8;

/** 角色管理: roles with data scope, 三员 type and permissions; the security admin edits them. */
export default function RolesPage() {
  const { can } = useAuth();
  const report = useApiError();
  const { roles, loading, reload } = useRoles();
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [editing, setEditing] = useState<{ role?: Role }>();
  const manage = can('role:manage');

  useEffect(() => {
    api
      .get<{ items: Permission[] }>('/permissions')
      .then((r) => setPermissions(r.items))
      .catch(report);
  }, [report]);

  const labelOf = new Map(permissions.map((p) => [p.code, p.label]));
  // Tags in catalog order (menus of a group before its buttons), not in the order they were granted.
  const rank = new Map(permissions.map((p, i) => [p.code, i]));
  const ordered = (codes: string[]) => [...codes].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity));
  const columns: TableColumnsType<Role> = [
    { title: '编码', dataIndex: 'code', width: 140 },
    {
      title: '名称',
      dataIndex: 'name',
      width: 150,
      render: (_, r) => (
        <Tooltip title={r.description || undefined}>
          {r.name} {r.builtin && <Tag>内置</Tag>}
        </Tooltip>
      ),
    },
    { title: '数据范围', dataIndex: 'dataScope', width: 120, render: (_, r) => dataScopeLabels[r.dataScope] },
    { title: '三员类型', dataIndex: 'adminKind', width: 110, render: (_, r) => (r.adminKind ? <Tag color="purple">{adminKindLabels[r.adminKind]}</Tag> : '—') },
    {
      title: '权限',
      dataIndex: 'permissions',
      render: (_, r) => (
        <>
          {ordered(r.permissions).slice(0, SHOWN_PERMISSIONS).map((code) => (
            <Tag key={code} color="blue" style={{ marginBottom: 4 }}>
              {labelOf.get(code) ?? code}
            </Tag>
          ))}
          {r.permissions.length > SHOWN_PERMISSIONS && (
            <Tooltip title={ordered(r.permissions).slice(SHOWN_PERMISSIONS).map((c) => labelOf.get(c) ?? c).join('、')}>
              <Tag>+{r.permissions.length - SHOWN_PERMISSIONS}</Tag>
            </Tooltip>
          )}
        </>
      ),
    },
  ];
  if (manage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      // The server refuses changes to the built-in 三员 roles (SEC-18); say so instead of failing.
      render: (_, r) =>
        r.builtin && r.adminKind ? (
          <Tooltip title="内置三员角色的权限不能修改">
            <Button type="link" size="small" disabled>
              编辑权限
            </Button>
          </Tooltip>
        ) : (
          <Button type="link" size="small" onClick={() => setEditing({ role: r })}>
            编辑权限
          </Button>
        ),
    });
  }

  return (
    <Card
      title="角色管理"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新建角色
          </Button>
        )
      }
    >
      <Table<Role> rowKey="id" size="middle" columns={columns} dataSource={roles} loading={loading} pagination={false} />
      {editing && (
        <RoleModal
          role={editing.role}
          permissions={permissions}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            reload();
          }}
        />
      )}
    </Card>
  );
}
