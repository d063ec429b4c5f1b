import { definePermissions } from '../../../platform/authz/permissions.ts';

const g = '行政执法办案';

export const P = definePermissions([
  { code: 'menu:cases', label: '行政处罚案件菜单', kind: 'menu', group: g, business: true },
  { code: 'case:read', label: '查看行政处罚案件与全过程记录（当事人身份号码脱敏）', kind: 'api', group: g, business: true },
  { code: 'case:handle', label: '登记线索、记录办案材料、推进案件环节', kind: 'button', group: g, business: true },
  { code: 'case:read-personal', label: '查看当事人完整身份号码（记录访问）', kind: 'api', group: g, business: true },
] as const);
