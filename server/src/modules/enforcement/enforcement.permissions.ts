import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '执法主体与人员';

export const P = definePermissions([
  { code: 'menu:enforcement', label: '执法主体、执法人员菜单', kind: 'menu', group: g, business: true },
  { code: 'enforcement:read', label: '查看执法主体与执法人员（身份号码脱敏）', kind: 'api', group: g, business: true },
  { code: 'enforcement:manage', label: '登记、修改、导入执法主体与执法人员，暂扣、注销、恢复执法证', kind: 'button', group: g, business: true },
  { code: 'enforcement:read-personal', label: '查看执法人员完整身份号码（记录访问）', kind: 'api', group: g, business: true },
] as const);
