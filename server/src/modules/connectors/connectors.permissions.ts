import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '接口连接器';

// Business permissions: connectors move other agencies' personal data (SEC-18 keeps them off admin roles).
export const P = definePermissions([
  { code: 'menu:connectors', label: '接口连接器菜单', kind: 'menu', group: g, business: true },
  { code: 'connectors:read', label: '查看接口连接器与拉取记录', kind: 'api', group: g, business: true },
  { code: 'connectors:manage', label: '登记与修改接口连接器（对方地址、凭据、分页、字段映射、计划）', kind: 'button', group: g, business: true },
  { code: 'connectors:run', label: '立即从对方接口拉取', kind: 'button', group: g, business: true },
] as const);
