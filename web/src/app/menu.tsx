import {
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FundOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** The `menu:*` permission that shows this entry (and opens its route). */
  permission: string;
}

interface MenuGroup {
  label: string;
  entries: MenuEntry[];
}

export const menuGroups: MenuGroup[] = [
  {
    label: '系统管理',
    entries: [
      { path: '/orgs', label: '组织机构', icon: <ApartmentOutlined />, permission: 'menu:orgs' },
      { path: '/users', label: '用户管理', icon: <TeamOutlined />, permission: 'menu:users' },
      { path: '/roles', label: '角色管理', icon: <SafetyCertificateOutlined />, permission: 'menu:roles' },
    ],
  },
  {
    label: '安全审计',
    entries: [
      { path: '/login-events', label: '登录日志', icon: <LoginOutlined />, permission: 'menu:login-events' },
      { path: '/audit-events', label: '审计日志', icon: <AuditOutlined />, permission: 'menu:audit-events' },
      // 区块链存证: tamper-evident logs; the audit trail is anchored on one of them.
      { path: '/ledger', label: '存证日志', icon: <FileProtectOutlined />, permission: 'menu:ledger' },
    ],
  },
  {
    label: '基础数据',
    entries: [
      { path: '/dictionary', label: '数据字典', icon: <BookOutlined />, permission: 'menu:dictionary' },
      { path: '/calendar', label: '工作日历', icon: <CalendarOutlined />, permission: 'menu:calendar' },
    ],
  },
  {
    label: '数据资源中心',
    entries: [
      { path: '/standards', label: '标准库', icon: <DatabaseOutlined />, permission: 'menu:standards' },
      { path: '/aggregation', label: '数据归集', icon: <CloudUploadOutlined />, permission: 'menu:aggregation' },
      // No menu:* of its own: the page itself asks for aggregation:read-records.
      { path: '/aggregation/records', label: '归集记录', icon: <FileSearchOutlined />, permission: 'menu:aggregation' },
      { path: '/aggregation/coverage', label: '归集率', icon: <FundOutlined />, permission: 'menu:aggregation' },
    ],
  },
];

/** The groups and entries a user with these permissions sees; empty groups are dropped. */
export function visibleMenu(permissions: readonly string[]): MenuGroup[] {
  return menuGroups
    .map((group) => ({ ...group, entries: group.entries.filter((e) => permissions.includes(e.permission)) }))
    .filter((group) => group.entries.length > 0);
}
