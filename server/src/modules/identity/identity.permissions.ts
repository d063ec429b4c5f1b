import { definePermissions } from '../../platform/authz/permissions.ts';
import type { DataScopeKind } from '../../platform/authz/scope.ts';
import type { AdminKind } from '../../platform/authz/actor.ts';

const g = { org: '组织机构', user: '用户管理', role: '角色管理', log: '日志审计' };

export const P = definePermissions([
  { code: 'menu:orgs', label: '组织机构菜单', kind: 'menu', group: g.org, business: false },
  { code: 'org:read', label: '查看组织机构', kind: 'api', group: g.org, business: false },
  { code: 'org:create', label: '新建组织机构', kind: 'button', group: g.org, business: false },
  { code: 'org:update', label: '修改组织机构', kind: 'button', group: g.org, business: false },
  { code: 'org:import', label: '导入行政区划', kind: 'button', group: g.org, business: false },
  { code: 'menu:users', label: '用户管理菜单', kind: 'menu', group: g.user, business: false },
  { code: 'user:read', label: '查看用户', kind: 'api', group: g.user, business: false },
  { code: 'user:create', label: '新建用户', kind: 'button', group: g.user, business: false },
  { code: 'user:update', label: '修改用户', kind: 'button', group: g.user, business: false },
  { code: 'user:assign-roles', label: '分配角色', kind: 'button', group: g.user, business: false },
  { code: 'user:unlock', label: '解锁账号', kind: 'button', group: g.user, business: false },
  { code: 'user:reset-password', label: '重置密码', kind: 'button', group: g.user, business: false },
  { code: 'user:read-personal', label: '查看完整个人信息（记录访问）', kind: 'api', group: g.user, business: true },
  { code: 'menu:roles', label: '角色管理菜单', kind: 'menu', group: g.role, business: false },
  { code: 'role:read', label: '查看角色', kind: 'api', group: g.role, business: false },
  { code: 'role:manage', label: '管理角色与权限', kind: 'button', group: g.role, business: false },
  { code: 'menu:login-events', label: '登录日志菜单', kind: 'menu', group: g.log, business: false },
  { code: 'login-event:read', label: '查看登录日志', kind: 'api', group: g.log, business: false },
  { code: 'menu:audit-events', label: '审计日志菜单', kind: 'menu', group: g.log, business: false },
  { code: 'audit:read', label: '查看审计日志', kind: 'api', group: g.log, business: false },
] as const);

/**
 * SEC-18: the rights of the three posts — the system post (accounts, org tree, code sets,
 * calendar), the security post (grants, unlocks, resets) and the audit post (the login log and the
 * audit trail). They stay with the built-in sysadmin, secadmin and auditadmin roles: a business
 * role carrying them would be a further, unseparated administrator — one that could, for example,
 * create accounts inside its own org and so widen its own reach — and "nobody but the audit
 * administrator reads the audit trail" would hold only until someone made such a role.
 */
export const ADMIN_POST_PERMISSIONS: ReadonlySet<string> = new Set([
  P['org:create'], P['org:update'], P['org:import'], P['user:create'], P['user:update'],
  'dictionary:edit', 'calendar:edit',
  P['role:manage'], P['user:assign-roles'], P['user:unlock'], P['user:reset-password'],
  P['menu:login-events'], P['login-event:read'], P['menu:audit-events'], P['audit:read'],
]);

export interface BuiltinRole {
  code: string;
  name: string;
  description: string;
  dataScope: DataScopeKind;
  adminKind: AdminKind | null;
  permissions: string[];
}

/**
 * The built-in roles. 三员分立 (SEC-18): the system administrator runs the system (orgs, accounts,
 * code sets, calendar), the security administrator grants rights and unlocks accounts, the audit
 * administrator alone reads the logs. None of them holds a business permission.
 */
export const BUILTIN_ROLES: readonly BuiltinRole[] = [
  {
    code: 'sysadmin',
    name: '系统管理员',
    description: '维护组织机构、用户账号、数据字典与工作日历；不能查看业务数据与审计日志',
    dataScope: 'all',
    adminKind: 'system',
    permissions: [
      P['menu:orgs'], P['org:read'], P['org:create'], P['org:update'], P['org:import'],
      P['menu:users'], P['user:read'], P['user:create'], P['user:update'], P['role:read'],
      'menu:dictionary', 'dictionary:read', 'dictionary:edit', 'menu:calendar', 'calendar:read', 'calendar:edit',
      'menu:standards', 'standards:read', 'menu:ledger', 'ledger:read', 'ledger:manage',
    ],
  },
  {
    code: 'secadmin',
    name: '安全管理员',
    description: '管理角色权限、分配角色、解锁账号与重置密码；不能查看业务数据与审计日志',
    dataScope: 'all',
    adminKind: 'security',
    permissions: [
      P['menu:roles'], P['role:read'], P['role:manage'], P['menu:users'], P['user:read'],
      P['user:assign-roles'], P['user:unlock'], P['user:reset-password'], P['org:read'],
    ],
  },
  {
    code: 'auditadmin',
    name: '审计管理员',
    description: '查看登录日志与审计日志（只读）；不能修改任何数据',
    dataScope: 'all',
    adminKind: 'audit',
    permissions: [P['menu:login-events'], P['login-event:read'], P['menu:audit-events'], P['audit:read'], P['org:read'], 'menu:ledger', 'ledger:read'],
  },
  {
    code: 'leader',
    name: '领导',
    description: '本机构及下级机构的业务数据查阅与审批',
    dataScope: 'subtree',
    adminKind: null,
    permissions: [
      P['menu:orgs'], P['org:read'], P['menu:users'], P['user:read'], 'menu:calendar', 'calendar:read', 'dictionary:read',
      'menu:standards', 'standards:read', 'menu:aggregation', 'aggregation:read', 'aggregation:read-records',
      'menu:laws', 'laws:read', 'menu:power-list', 'power-list:read', 'menu:enforcement', 'enforcement:read', 'menu:cases', 'case:read',
      'menu:sharing', 'sharing:read', 'sharing:approve',
      'menu:connectors', 'connectors:read',
    ],
  },
  {
    code: 'staff',
    name: '工作人员',
    description: '本机构及下级机构的日常业务办理',
    dataScope: 'subtree',
    adminKind: null,
    permissions: [
      P['menu:orgs'], P['org:read'], P['menu:users'], P['user:read'], 'menu:calendar', 'calendar:read', 'dictionary:read',
      'menu:standards', 'standards:read', 'menu:aggregation', 'aggregation:read', 'aggregation:read-records', 'aggregation:ingest', 'aggregation:manage-sources',
      'menu:laws', 'laws:read', 'laws:import', 'menu:power-list', 'power-list:read', 'power-list:manage',
      'menu:enforcement', 'enforcement:read', 'enforcement:manage', 'menu:cases', 'case:read', 'case:handle',
      'menu:sharing', 'sharing:read', 'sharing:manage', 'sharing:request', 'sharing:approve', 'sharing:subject-log',
      'menu:connectors', 'connectors:read', 'connectors:manage', 'connectors:run',
    ],
  },
  {
    code: 'source_system',
    name: '来源系统接口',
    description: '业务系统向数据中心推送数据所用的接口账号：只能推送并查看本机构的归集批次',
    dataScope: 'org',
    adminKind: null,
    permissions: ['aggregation:push', 'aggregation:read', 'ledger:append'],
  },
];
