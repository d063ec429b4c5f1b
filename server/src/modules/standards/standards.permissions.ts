import { definePermissions } from '../../platform/authz/permissions.ts';

// Standards are metadata (field definitions, code sets, validators), not business records: anyone
// who imports or reads data needs to see them, and the system administrator maintains the platform.
export const P = definePermissions([
  { code: 'menu:standards', label: '标准库菜单', kind: 'menu', group: '数据标准', business: false },
  { code: 'standards:read', label: '查看数据元与标准库', kind: 'api', group: '数据标准', business: false },
] as const);
