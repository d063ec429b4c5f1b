import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  FundOutlined,
  IdcardOutlined,
  KeyOutlined,
  LoginOutlined,
  OrderedListOutlined,
  ReadOutlined,
  SearchOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
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
  {
    // 共享交换: the catalog, demand → approval → grant, the consumers' keys and every call's log.
    label: '共享交换',
    entries: [
      { path: '/sharing/resources', label: '资源目录', icon: <UnorderedListOutlined />, permission: 'menu:sharing' },
      { path: '/sharing/requests', label: '共享申请', icon: <SendOutlined />, permission: 'menu:sharing' },
      { path: '/sharing/consumers', label: '调用方', icon: <ApiOutlined />, permission: 'menu:sharing' },
      { path: '/sharing/grants', label: '授权', icon: <KeyOutlined />, permission: 'menu:sharing' },
      { path: '/sharing/stats', label: '调用统计', icon: <BarChartOutlined />, permission: 'menu:sharing' },
      { path: '/sharing/subject-log', label: '数据主体查询', icon: <UserSwitchOutlined />, permission: 'sharing:subject-log' },
    ],
  },
  {
    // 大系统: the regulation library (立法) and the power list (执法) it underpins.
    label: '法治业务',
    entries: [
      { path: '/laws', label: '法规库', icon: <ReadOutlined />, permission: 'menu:laws' },
      { path: '/laws/search', label: '法规检索', icon: <SearchOutlined />, permission: 'menu:laws' },
      { path: '/power-list', label: '权责清单', icon: <OrderedListOutlined />, permission: 'menu:power-list' },
      { path: '/enforcement/subjects', label: '执法主体', icon: <BankOutlined />, permission: 'menu:enforcement' },
      { path: '/enforcement/officers', label: '执法人员', icon: <IdcardOutlined />, permission: 'menu:enforcement' },
      { path: '/enforcement/cases', label: '行政处罚案件', icon: <FileTextOutlined />, permission: 'menu:cases' },
    ],
  },
];

/** The groups and entries a user with these permissions sees; empty groups are dropped. */
export function visibleMenu(permissions: readonly string[]): MenuGroup[] {
  return menuGroups
    .map((group) => ({ ...group, entries: group.entries.filter((e) => permissions.includes(e.permission)) }))
    .filter((group) => group.entries.length > 0);
}
