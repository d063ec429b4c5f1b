import type { ConsumerAlg, OpenType, ShareConsumer, ShareResource, ShareResourceBody, SharingType } from '../../api/types';

type UpdateCycle = ShareResourceBody['updateCycle'];

/** 共享类型 (政务信息资源共享管理暂行办法 第九条). */
export const sharingTypeTags: Record<SharingType, { label: string; color: string }> = {
  unconditional: { label: '无条件共享', color: 'green' },
  conditional: { label: '有条件共享', color: 'gold' },
  none: { label: '不予共享', color: 'default' },
};

export const sharingTypeHelp: Record<SharingType, string> = {
  unconditional: '可提供给所有政务部门；申请提交后自动通过',
  conditional: '仅提供给有法定职责需要的部门，须经提供单位审批',
  none: '不提供给其他部门，须写明法律、法规或政策依据',
};

/** 开放类型 (公共数据开放). */
export const openTypeTags: Record<OpenType, { label: string; color: string }> = {
  open: { label: '无条件开放', color: 'green' },
  conditional: { label: '有条件开放', color: 'gold' },
  closed: { label: '不予开放', color: 'default' },
};

export const algLabels: Record<ConsumerAlg, string> = {
  'hmac-sha256': 'HMAC-SHA256',
  ed25519: 'Ed25519',
  'sm2-sm3': 'SM2 国密',
};

export const algHelp: Record<ConsumerAlg, string> = {
  'hmac-sha256': '本系统签发一个共享密钥，双方用它签名与验签；登记后只显示一次',
  ed25519: '对方自行生成密钥对，在此登记其公钥（PEM 或 32 字节 base64）',
  'sm2-sm3': '对方自行生成 SM2 密钥对，在此登记其公钥（04 开头的 130 位十六进制）',
};

export const consumerStatusTags: Record<ShareConsumer['status'], { label: string; color: string }> = {
  active: { label: '启用', color: 'success' },
  suspended: { label: '已停用', color: 'default' },
};

export const requestStatusTags: Record<string, { label: string; color: string }> = {
  pending: { label: '待审批', color: 'processing' },
  approved: { label: '已通过', color: 'success' },
  rejected: { label: '已驳回', color: 'error' },
  withdrawn: { label: '已撤回', color: 'default' },
};

export const requestStatusOptions = Object.entries(requestStatusTags).map(([value, t]) => ({ value, label: t.label }));

/** 更新周期 as the catalog records it. */
export const cycleLabels: Record<UpdateCycle, string> = {
  realtime: '实时',
  daily: '每日',
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
  yearly: '每年',
};

export const cycleOptions = Object.entries(cycleLabels).map(([value, label]) => ({ value: value as UpdateCycle, label }));

export function cycleLabel(cycle: string): string {
  return (cycleLabels as Record<string, string>)[cycle] ?? cycle;
}

/** The services a consumer calls at the gateway. */
export const serviceLabels: Record<string, string> = {
  lookup: '查询',
  verify: '核验',
  changes: '订阅',
};

/** A resource's lookup keys by their 数据元 names, each once: 执业证号、公民身份号码. */
export function lookupLabel(r: ShareResource): string {
  if (r.lookupKeys.length === 0) return '—';
  return [...new Set(r.lookupKeys)].map((k) => r.fields.find((f) => f.id === k)?.name ?? k).join('、');
}
