import { definePermissions } from '../authz/permissions.ts';

const group = '工作日历';

/**
 * Not business data (SEC-18): the system administrator maintains the calendar, and everyone who
 * computes statutory periods reads it.
 */
export const P = definePermissions([
  { code: 'menu:calendar', label: '工作日历菜单', kind: 'menu', group, business: false },
  { code: 'calendar:read', label: '查看工作日历、计算法定期间', kind: 'api', group, business: false },
  { code: 'calendar:edit', label: '录入年度放假安排', kind: 'button', group, business: false },
] as const);
