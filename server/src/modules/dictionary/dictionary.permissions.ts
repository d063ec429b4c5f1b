import { definePermissions } from '../../platform/authz/permissions.ts';

// Code sets are system configuration, not business data: the system administrator maintains them
// (SEC-18 三员分立), everyone who fills in a form reads them.
const g = '数据字典';

export const P = definePermissions([
  { code: 'menu:dictionary', label: '数据字典菜单', kind: 'menu', group: g, business: false },
  { code: 'dictionary:read', label: '查看数据字典', kind: 'api', group: g, business: false },
  { code: 'dictionary:edit', label: '维护数据字典', kind: 'button', group: g, business: false },
] as const);
