import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '权责清单';

export const P = definePermissions([
  { code: 'menu:power-list', label: '权责清单菜单', kind: 'menu', group: g, business: true },
  { code: 'power-list:read', label: '查看执法事项、法律依据与裁量基准', kind: 'api', group: g, business: true },
  { code: 'power-list:manage', label: '新增、修改、导入执法事项，复核依据', kind: 'button', group: g, business: true },
] as const);
