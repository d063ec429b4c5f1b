/**
 * The rules of subjects and officers, pure: the service reads the facts and calls these. The case
 * workflow (workflow/) asks `certificateStanding` for each acting officer (ADP-03) and
 * `powerStanding` for the subject and the item a decision cites (ADP-30, ADP-31).
 */
import { ENTRUSTED, type OfficerStatus, type SubjectKind } from './enforcement.tables.ts';

export interface Violation {
  field: string;
  code: string;
  message: string;
}

export interface EntrustmentInput {
  entrustingSubjectId: number;
  documentNo: string;
  matters: string;
  from: string;
  to: string;
  publishedOn: string | null;
}

export interface SubjectInput {
  orgId: number;
  kind: SubjectKind;
  legalBasis: string;
  domains: string[];
  itemIds: number[];
  entrustment: EntrustmentInput | null;
}

export interface SubjectFacts {
  /** The subject being changed (null when creating). */
  selfId: number | null;
  /** The entrusting subject named by the 委托书, if it exists. */
  entrusting: { id: number; kind: SubjectKind; itemIds: ReadonlySet<number> } | null;
  /** Whether other subjects act under this one's 委托书 (it may then not become an entrusted one). */
  entrustsOthers: boolean;
  knownItems: ReadonlySet<number>;
  domains: ReadonlyMap<string, { enabled: boolean }>;
}

const v = (field: string, code: string, message: string): Violation => ({ field, code, message });

export function checkSubject(s: SubjectInput, f: SubjectFacts): Violation[] {
  const out: Violation[] = [];
  s.domains.forEach((d, k) => {
    if (!f.domains.get(d)?.enabled) out.push(v(`domains.${k}`, 'ENF_DOMAIN_UNKNOWN', `“${d}”不是执法领域代码集中的有效代码`));
  });
  s.itemIds.forEach((id, k) => {
    if (!f.knownItems.has(id)) out.push(v(`itemIds.${k}`, 'ENF_ITEM_UNKNOWN', `权责清单中没有编号为 ${id} 的执法事项`));
  });
  // 行政处罚法 第十九条: an authorised organisation acts on a law or regulation that names it.
  if (s.kind === '法律法规授权组织' && s.legalBasis.trim() === '') out.push(v('legalBasis', 'ENF_LEGAL_BASIS_REQUIRED', '法律、法规授权组织须写明授权的法律、法规依据'));
  if (s.kind !== ENTRUSTED) {
    if (s.entrustment) out.push(v('entrustment', 'ENF_ENTRUSTMENT_UNEXPECTED', `${s.kind}以自己的名义执法，不填委托书`));
    return out;
  }
  // ADP-30 (第二十条): a written 委托书 with matters, powers and term.
  const e = s.entrustment;
  if (!e) return [...out, v('entrustment', 'ENF_ENTRUSTMENT_REQUIRED', '受委托组织须有委托书（委托事项、权限、期限，行政处罚法第二十条）')];
  // 第二十条第四款: "受委托组织不得再委托其他组织或者个人实施行政处罚。"
  if (f.entrustsOthers) out.push(v('kind', 'ENF_SUBDELEGATION', '已有其他组织受本主体委托执法，本主体不能改为受委托组织（受委托组织不得再委托）'));
  if (f.selfId !== null && e.entrustingSubjectId === f.selfId) out.push(v('entrustment.entrustingSubjectId', 'ENF_ENTRUSTING_SELF', '不能委托给自己'));
  else if (!f.entrusting) out.push(v('entrustment.entrustingSubjectId', 'ENF_ENTRUSTING_NOT_FOUND', '委托机关不是已登记的执法主体'));
  else if (f.entrusting.kind === ENTRUSTED) out.push(v('entrustment.entrustingSubjectId', 'ENF_SUBDELEGATION', '委托机关本身是受委托组织，不得再委托（行政处罚法第二十条第四款）'));
  else {
    // Only what the entrusting subject may itself exercise can be entrusted.
    const beyond = s.itemIds.filter((id) => f.knownItems.has(id) && !f.entrusting?.itemIds.has(id));
    if (beyond.length > 0) out.push(v('itemIds', 'ENF_ENTRUSTMENT_BEYOND_POWER', `委托事项超出委托机关的职权：事项 ${beyond.join('、')} 不在委托机关的权责清单中`));
  }
  if (e.from > e.to) out.push(v('entrustment.to', 'ENF_ENTRUSTMENT_TERM', '委托期限的终止日期早于起始日期'));
  if (s.itemIds.length === 0) out.push(v('itemIds', 'ENF_ENTRUSTMENT_NO_ITEMS', '委托书须载明委托的具体事项：请选择受委托实施的执法事项'));
  return out;
}

/** What a subject's record says about its standing to exercise an item on a day. */
export interface PowerFacts {
  kind: SubjectKind;
  itemIds: ReadonlySet<number>;
  entrustment: { from: string; to: string; publishedOn: string | null; entrustingItemIds: ReadonlySet<number> } | null;
}

export type PowerStanding = { allowed: true } | { allowed: false; code: string; reason: string };

/**
 * ADP-31: a penalty by a body without standing is void; ADP-30: an entrusted body acts only
 * within a 委托书 in force and published, and only on matters its entrusting subject holds.
 */
export function powerStanding(p: PowerFacts | null, itemId: number, onDate: string): PowerStanding {
  if (!p) return { allowed: false, code: 'ENF_NOT_A_SUBJECT', reason: '该机构不是已登记的执法主体（行政处罚法第三十八条：不具有主体资格的，行政处罚无效）' };
  if (!p.itemIds.has(itemId)) return { allowed: false, code: 'ENF_ITEM_NOT_HELD', reason: '该执法事项不在本主体可实施的权责清单事项中' };
  if (p.kind !== ENTRUSTED) return { allowed: true };
  const e = p.entrustment;
  if (!e) return { allowed: false, code: 'ENF_ENTRUSTMENT_REQUIRED', reason: '受委托组织没有委托书' };
  if (onDate < e.from || onDate > e.to) return { allowed: false, code: 'ENF_ENTRUSTMENT_OUT_OF_TERM', reason: `${onDate} 不在委托期限 ${e.from} 至 ${e.to} 内` };
  if (e.publishedOn === null || e.publishedOn > onDate) return { allowed: false, code: 'ENF_ENTRUSTMENT_UNPUBLISHED', reason: '委托书尚未向社会公布（行政处罚法第二十条第二款）' };
  if (!e.entrustingItemIds.has(itemId)) return { allowed: false, code: 'ENF_ENTRUSTMENT_BEYOND_POWER', reason: '委托机关已不再享有该事项的职权' };
  return { allowed: true };
}

export const STANDINGS = ['valid', 'expired', 'suspended', 'revoked', 'not-yet-valid'] as const;
export type Standing = (typeof STANDINGS)[number];
export const STANDING_LABELS: Record<Standing, string> = { valid: '有效', expired: '已过期', suspended: '暂扣', revoked: '注销', 'not-yet-valid': '未生效' };

export interface CertificateFacts {
  status: OfficerStatus;
  statusOn: string | null;
  issuedOn: string;
  expiresOn: string;
}

/**
 * Whether an officer's 执法证 is in force on a day (ADP-03: "valid, unexpired"). A suspension or
 * revocation counts from its date; the certificate is valid through its expiry day.
 */
export function certificateStanding(c: CertificateFacts, onDate: string): { standing: Standing; reason: string } {
  const since = c.statusOn === null || c.statusOn <= onDate;
  if (c.status === '注销' && since) return { standing: 'revoked', reason: `执法证已于 ${c.statusOn ?? c.issuedOn} 注销` };
  if (c.status === '暂扣' && since) return { standing: 'suspended', reason: `执法证自 ${c.statusOn ?? c.issuedOn} 起暂扣` };
  if (onDate < c.issuedOn) return { standing: 'not-yet-valid', reason: `执法证自 ${c.issuedOn} 起有效` };
  if (onDate > c.expiresOn) return { standing: 'expired', reason: `执法证已于 ${c.expiresOn} 到期` };
  return { standing: 'valid', reason: `执法证有效期至 ${c.expiresOn}` };
}

export const STATUS_ACTIONS = ['suspend', 'revoke', 'reinstate'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

const NEXT: Record<StatusAction, { from: readonly OfficerStatus[]; to: OfficerStatus; event: '暂扣' | '注销' | '恢复' }> = {
  suspend: { from: ['在岗'], to: '暂扣', event: '暂扣' },
  revoke: { from: ['在岗', '暂扣'], to: '注销', event: '注销' },
  reinstate: { from: ['暂扣'], to: '在岗', event: '恢复' },
};

/** 注销 is final: a revoked certificate is re-issued as a new one, never reinstated. */
export function statusTransition(from: OfficerStatus, action: StatusAction): { to: OfficerStatus; event: '暂扣' | '注销' | '恢复' } | null {
  const n = NEXT[action];
  return n.from.includes(from) ? { to: n.to, event: n.event } : null;
}

export interface OfficerFacts {
  domains: ReadonlyMap<string, { enabled: boolean }>;
}

export function checkOfficer(o: { domains: string[]; issuedOn: string; expiresOn: string }, f: OfficerFacts): Violation[] {
  const out: Violation[] = [];
  o.domains.forEach((d, k) => {
    if (!f.domains.get(d)?.enabled) out.push(v(`domains.${k}`, 'ENF_DOMAIN_UNKNOWN', `“${d}”不是执法领域代码集中的有效代码`));
  });
  if (o.expiresOn < o.issuedOn) out.push(v('expiresOn', 'ENF_CERTIFICATE_TERM', '执法证有效期截止日期早于发证日期'));
  return out;
}
