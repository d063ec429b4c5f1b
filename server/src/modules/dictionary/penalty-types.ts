/**
 * The codes of the code set penalty_type (行政处罚法 第九条) that rules and demo data name in code.
 * The set itself, with its labels, is in business-code-sets.data.ts; these must match it.
 */
export const PENALTY = {
  warning: '01', // 警告
  reprimand: '02', // 通报批评
  fine: '03', // 罚款
  confiscateGains: '04', // 没收违法所得
  revokeLicence: '08', // 吊销许可证件
  suspendBusiness: '10', // 责令停产停业
  barFromPractice: '12', // 限制从业
} as const;
