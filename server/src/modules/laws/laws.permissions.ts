import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '法规库';

export const P = definePermissions([
  { code: 'menu:laws', label: '法规库菜单', kind: 'menu', group: g, business: true },
  { code: 'laws:read', label: '查阅、检索法规与引用关系', kind: 'api', group: g, business: true },
  { code: 'laws:import', label: '导入法规文本', kind: 'button', group: g, business: true },
] as const);
