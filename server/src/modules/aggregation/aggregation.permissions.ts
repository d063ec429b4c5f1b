import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '数据归集';

export const P = definePermissions([
  { code: 'menu:aggregation', label: '数据归集菜单', kind: 'menu', group: g, business: true },
  { code: 'aggregation:read', label: '查看归集批次、来源系统与归集率', kind: 'api', group: g, business: true },
  { code: 'aggregation:ingest', label: '上传文件归集', kind: 'button', group: g, business: true },
  { code: 'aggregation:push', label: '来源系统推送数据（接口）', kind: 'api', group: g, business: true },
  { code: 'aggregation:manage-sources', label: '登记来源系统与归集责任', kind: 'button', group: g, business: true },
  { code: 'aggregation:read-records', label: '查看归集记录（个人信息脱敏）', kind: 'api', group: g, business: true },
] as const);
