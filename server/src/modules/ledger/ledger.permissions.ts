import { definePermissions } from '../../platform/authz/permissions.ts';

const g = '区块链存证';

/**
 * Not business permissions: the log holds hashes and ids only, never personal data, so the
 * system post runs it and the audit post checks it (SEC-18 lets both hold these).
 */
export const P = definePermissions([
  { code: 'menu:ledger', label: '存证日志菜单', kind: 'menu', group: g, business: false },
  { code: 'ledger:read', label: '查看存证日志、检查点与证明，执行校验', kind: 'api', group: g, business: false },
  { code: 'ledger:manage', label: '新建日志、轮换签名密钥、登记见证方', kind: 'button', group: g, business: false },
  { code: 'ledger:append', label: '向存证日志写入记录（接口）', kind: 'api', group: g, business: false },
] as const);
