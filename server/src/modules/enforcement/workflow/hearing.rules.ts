/**
 * The hearing right (听证, ADP-09) and the thresholds that trigger it (ADP-10).
 * - ADP-09 行政处罚法第六十三条: a hearing is offered for "（一）较大数额罚款；（二）没收较大数额违法所得、
 *   没收较大价值非法财物；（三）降低资质等级、吊销许可证件；（四）责令停产停业、责令关闭、限制从业；（五）其他较重
 *   的行政处罚". 第六十四条: requested "在行政机关告知后五日内", notified "在举行听证的七日前", chaired by
 *   "非本案调查人员", "委托一至二人代理", a signed 笔录. 第八十五条: these are working days (DAY-01).
 * - ADP-10: the law does not set "较大数额"; sector and local rules do, so the amounts are a table
 *   keyed by (sector, basis level, province, party kind) with effective dates.
 */
import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import type { CaseFacts, HearingInput, PartyKind, PenaltyInput, Violation } from './case-facts.ts';
import { earliestHearingDate, hearingRequestDue } from './deadlines.ts';

export const ADP09 = 'ADP-09（行政处罚法第六十三条、第六十四条）';
const ADP10 = 'ADP-10（较大数额由部门或地方规定）';
const MAX_AGENTS = 2;

/** `penalty_type` codes of 第六十三条第一款第（三）（四）项. */
const HEARING_PENALTY_KINDS: Readonly<Record<string, string>> = {
  '07': '降低资质等级', '08': '吊销许可证件', '10': '责令停产停业', '11': '责令关闭', '12': '限制从业',
};

/** One row of the "较大数额" table. `'*'` matches any province or basis level. */
export interface HearingThreshold {
  sector: string;
  basisLevel: string;
  /** province region code ('440000') or '*' */
  province: string;
  partyKind: PartyKind;
  /** a fine of this many yuan or more is "较大数额" (以上 includes the number) */
  fineFrom: number;
  /** 没收 of this value or more; null: the fine amount applies */
  confiscationFrom: number | null;
  effectiveFrom: string;
  /** last day in effect; null while in effect */
  effectiveTo: string | null;
  source: string;
  /** false: a placeholder that must be replaced by the applicable rule before go-live */
  verified: boolean;
}

const GONGAN = '公安机关办理行政案件程序规定第一百二十三条第二款（2018年修正）';
const UNVERIFIED = '缺省值：未查到司法行政“较大数额”标准（ADP-10，U），暂按公安标准；上线前须按司法部或本省规定配置';

/**
 * Shipped rows. 公安 is the one figure verified in the domain catalogue ("对个人处以二千元以上罚款，
 * 对单位处以一万元以上罚款，对违反边防出境入境管理法律、法规和规章的个人处以六千元以上罚款"). The 司法行政 rows
 * are NOT law: a clearly marked default (the lower 公安 figures, so the right is offered rather than
 * lost) to be replaced from the 司法部 or provincial rule. Effective from the 2021 行政处罚法.
 */
export const DEFAULT_HEARING_THRESHOLDS: readonly HearingThreshold[] = [
  { sector: '公安', basisLevel: '*', province: '*', partyKind: 'citizen', fineFrom: 2000, confiscationFrom: null, effectiveFrom: '2021-07-15', effectiveTo: null, source: GONGAN, verified: true },
  { sector: '公安', basisLevel: '*', province: '*', partyKind: 'organisation', fineFrom: 10000, confiscationFrom: null, effectiveFrom: '2021-07-15', effectiveTo: null, source: GONGAN, verified: true },
  { sector: '公安（边防出境入境）', basisLevel: '*', province: '*', partyKind: 'citizen', fineFrom: 6000, confiscationFrom: null, effectiveFrom: '2021-07-15', effectiveTo: null, source: GONGAN, verified: true },
  { sector: '司法行政', basisLevel: '*', province: '*', partyKind: 'citizen', fineFrom: 2000, confiscationFrom: null, effectiveFrom: '2021-07-15', effectiveTo: null, source: UNVERIFIED, verified: false },
  { sector: '司法行政', basisLevel: '*', province: '*', partyKind: 'organisation', fineFrom: 10000, confiscationFrom: null, effectiveFrom: '2021-07-15', effectiveTo: null, source: UNVERIFIED, verified: false },
];

export interface ThresholdKey {
  sector: string;
  basisLevel: string;
  province: string;
  partyKind: PartyKind;
}

/**
 * The row in effect on `date` for the key: a province's own row before a national one, a row for
 * the basis level before '*' (local regulations carry local thresholds, 第一百二十三条 "按照地方规定执行"),
 * then the latest effective date.
 */
export function findHearingThreshold(table: readonly HearingThreshold[], key: ThresholdKey, date: string): HearingThreshold | undefined {
  const score = (t: HearingThreshold) => (t.province === key.province ? 2 : 0) + (t.basisLevel === key.basisLevel ? 1 : 0);
  return table
    .filter((t) => t.sector === key.sector && t.partyKind === key.partyKind && (t.province === key.province || t.province === '*')
      && (t.basisLevel === key.basisLevel || t.basisLevel === '*') && t.effectiveFrom <= date && (t.effectiveTo === null || date <= t.effectiveTo))
    .sort((a, b) => score(b) - score(a) || (b.effectiveFrom > a.effectiveFrom ? 1 : b.effectiveFrom < a.effectiveFrom ? -1 : 0))[0];
}

/** Why a penalty carries the hearing right (empty: it does not). Without a threshold only the kinds count. */
export function hearingTriggers(p: PenaltyInput, threshold: HearingThreshold | undefined): string[] {
  const out = p.kinds.filter((k) => k in HEARING_PENALTY_KINDS).map((k) => HEARING_PENALTY_KINDS[k] as string);
  if (threshold && p.fine !== null && p.fine >= threshold.fineFrom) out.push(`罚款 ${p.fine} 元达到较大数额 ${threshold.fineFrom} 元`);
  const confiscationFrom = threshold?.confiscationFrom ?? threshold?.fineFrom;
  if (confiscationFrom !== undefined && p.confiscation !== null && p.confiscation >= confiscationFrom) out.push(`没收 ${p.confiscation} 元达到较大数额 ${confiscationFrom} 元`);
  return out;
}

/** ADP-09/10 on the 告知书: the hearing right is told whenever the proposed penalty triggers it. */
export function noticeHearingRules(facts: CaseFacts, thresholds: readonly HearingThreshold[]): Violation[] {
  const notice = facts.notice;
  if (!notice) return [];
  const key = { sector: facts.sector, basisLevel: facts.basisLevel, province: facts.province, partyKind: facts.party.kind };
  const threshold = findHearingThreshold(thresholds, key, notice.servedDate);
  const out: Violation[] = [];
  if (!threshold && (notice.proposed.fine !== null || notice.proposed.confiscation !== null)) {
    out.push({ code: 'CASE_HEARING_THRESHOLD_MISSING', rule: ADP10, field: 'notice.proposed', message: `未配置 ${facts.sector}（${facts.province}，${facts.basisLevel}）在 ${notice.servedDate} 适用的听证“较大数额”标准，无法判断是否应告知听证权利（${ADP10}）` });
  }
  const triggers = hearingTriggers(notice.proposed, threshold);
  if (triggers.length > 0 && !notice.includesHearingRight) {
    out.push({ code: 'CASE_HEARING_RIGHT_MISSING', rule: ADP09, field: 'notice.includesHearingRight', message: `拟作出的处罚（${triggers.join('；')}）应当告知当事人有要求听证的权利（${ADP09}）` });
  }
  return out;
}

function investigatorIds(facts: CaseFacts): Set<string> {
  return new Set(facts.acts.flatMap((a) => a.officerIds));
}

/** ADP-09 on the hearing itself: request within 5 WD, notice ≥ 7 WD ahead, chair, agents, 笔录. */
export function hearingRules(facts: CaseFacts, hearing: HearingInput, cal: WorkCalendar, held: boolean): Violation[] {
  const out: Violation[] = [];
  const v = (code: string, field: string, message: string) => out.push({ code, rule: ADP09, field: `hearing.${field}`, message: `${message}（${ADP09}）` });
  if (facts.notice) {
    const due = hearingRequestDue(cal, facts.notice.servedDate).due;
    if (hearing.requestedDate > due) v('CASE_HEARING_REQUEST_LATE', 'requestedDate', `听证申请于 ${hearing.requestedDate} 提出，已超过告知后五个工作日（${due}）`);
  }
  if (hearing.notifiedDate === null || hearing.date === null) {
    v('CASE_HEARING_NOT_SCHEDULED', 'date', '尚未确定并通知听证的时间、地点');
  } else {
    const earliest = earliestHearingDate(cal, hearing.notifiedDate);
    if (hearing.date < earliest) v('CASE_HEARING_NOTICE_SHORT', 'date', `${hearing.notifiedDate} 通知、${hearing.date} 举行听证，不足七个工作日（最早 ${earliest}）`);
  }
  if (hearing.chairId === null) v('CASE_HEARING_CHAIR_MISSING', 'chairId', '未指定听证主持人');
  else if (investigatorIds(facts).has(hearing.chairId)) v('CASE_HEARING_CHAIR_INVESTIGATOR', 'chairId', `听证主持人 ${hearing.chairId} 是本案调查人员，应当由非本案调查人员主持`);
  if (hearing.agentCount > MAX_AGENTS) v('CASE_HEARING_AGENTS_EXCEEDED', 'agentCount', `当事人委托了 ${hearing.agentCount} 名代理人，只能委托一至二人`);
  if (held && !hearing.recordSigned) v('CASE_HEARING_RECORD_UNSIGNED', 'recordSigned', '听证笔录尚未经当事人或者其代理人核对签字');
  return out;
}
