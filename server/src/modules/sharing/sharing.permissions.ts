import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '共享交换';

export const P = definePermissions([
  { code: 'menu:sharing', label: '共享交换菜单', kind: 'menu', group: g, business: true },
  { code: 'sharing:read', label: '查看资源目录、调用方、授权与调用统计', kind: 'api', group: g, business: true },
  { code: 'sharing:manage', label: '维护资源目录、登记调用方、直接授权、代调用方提出申请', kind: 'button', group: g, business: true },
  { code: 'sharing:request', label: '为本机构的调用方提出共享申请', kind: 'button', group: g, business: true },
  { code: 'sharing:approve', label: '审批本机构资源的共享申请', kind: 'button', group: g, business: true },
  { code: 'sharing:subject-log', label: '查询某人的数据被谁、为何查询（记录访问）', kind: 'api', group: g, business: true },
] as const);
