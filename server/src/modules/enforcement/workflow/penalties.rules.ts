/**
 * Checks on the penalty itself.
 * - ADP-08 行政处罚法第四十五条第二款: "不得因当事人陈述、申辩而给予更重的处罚" — the decision may not be
 *   heavier than the penalty the served 告知书 proposed; heavier needs new facts and a new 告知.
 * - ADP-16 第五十一条: 当场处罚 only "对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告";
 *   第五十二条: "填写预定格式、编有号码的行政处罚决定书". 第四十二条 allows no exception, so two officers.
 * - ADP-17 第六十八条: on-the-spot collection only "（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以
 *   执行的"; 第六十九条 remote, water or hard-to-reach areas on the party's request; 第七十条 a receipt.
 * - ADP-23 第三十四条: a penalty outside the applied 裁量基准 tier needs a recorded reason.
 * - ADP-25 第三十条: "不满十四周岁的未成年人有违法行为的，不予行政处罚"; 已满十四周岁不满十八周岁 "应当从轻或者
 *   减轻行政处罚". Age from the 公民身份号码 (GB 11643) on the day the act ended.
 */
import type { BenchmarkTier, OfficerInput, PartyKind, PenaltyInput, RecusalInput, Violation } from './case-facts.ts';
import { PENALTY } from '../../dictionary/index.ts';
import { ageOn } from './dates.ts';
import { officerRules } from './officers.rules.ts';

const ADP08_HEAVIER = 'ADP-08（行政处罚法第四十五条第二款）';
const ADP16 = 'ADP-16（行政处罚法第五十一条、第五十二条）';
const ADP17 = 'ADP-17（行政处罚法第六十八条至第七十条）';
const ADP23 = 'ADP-23（行政处罚法第三十四条）';
const ADP25 = 'ADP-25（行政处罚法第三十条）';

const WARNING = PENALTY.warning;
export const FINE = PENALTY.fine;
const REPUTATIONAL: readonly string[] = [WARNING, PENALTY.reprimand];
const SUMMARY_FINE_LIMIT: Record<PartyKind, number> = { citizen: 200, organisation: 3000 };
const SPOT_COLLECTION_LIMIT = 100;

/** How `final` is heavier than `proposed` (empty: not heavier). */
export function heavierThan(final: PenaltyInput, proposed: PenaltyInput): string[] {
  const out: string[] = [];
  if ((final.fine ?? 0) > (proposed.fine ?? 0)) out.push(`罚款 ${final.fine} 元高于告知的 ${proposed.fine ?? 0} 元`);
  if ((final.confiscation ?? 0) > (proposed.confiscation ?? 0)) out.push(`没收 ${final.confiscation} 元高于告知的 ${proposed.confiscation ?? 0} 元`);
  // 警告 or 通报批评 (第九条第（一）项, the lightest kinds) in place of a heavier kind is lighter, not heavier.
  const replacesHeavier = proposed.kinds.some((k) => !final.kinds.includes(k) && !REPUTATIONAL.includes(k));
  const added = final.kinds.filter((k) => !proposed.kinds.includes(k) && !(replacesHeavier && REPUTATIONAL.includes(k)));
  if (added.length > 0) out.push(`增加了告知书未列的处罚种类 ${added.join('、')}`);
  return out;
}

export function heavierRules(final: PenaltyInput, proposed: PenaltyInput, defenceFiled: boolean): Violation[] {
  const how = heavierThan(final, proposed);
  if (how.length === 0) return [];
  const because = defenceFiled ? '当事人已陈述申辩，不得因此加重处罚；' : '';
  return [{ code: 'CASE_PENALTY_HEAVIER_THAN_NOTICE', rule: ADP08_HEAVIER, field: 'decision.penalty', message: `决定的处罚重于事先告知的处罚（${how.join('；')}）：${because}确有新的事实须重新告知（${ADP08_HEAVIER}）` }];
}

/** The birth date in a 15- or 18-digit 公民身份号码, or null. */
export function birthDateFromIdNumber(idNumber: string): string | null {
  const digits = /^\d{17}[\dXx]$/.test(idNumber) ? idNumber.slice(6, 14) : /^\d{15}$/.test(idNumber) ? `19${idNumber.slice(6, 12)}` : null;
  if (digits === null) return null;
  const [y, m, d] = [digits.slice(0, 4), digits.slice(4, 6), digits.slice(6, 8)];
  return Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= 31 ? `${y}-${m}-${d}` : null;
}

/** ADP-25 for a penalty on a citizen: none under 14; a recorded lighter-penalty reason from 14 to 18. */
export function ageRules(party: { kind: PartyKind; idNumber: string | null }, actDate: string, minorMitigation: string | null, fields: { penalty: string; mitigation: string }): Violation[] {
  if (party.kind !== 'citizen') return [];
  const birth = party.idNumber === null ? null : birthDateFromIdNumber(party.idNumber);
  if (birth === null) {
    return [{ code: 'CASE_PARTY_AGE_UNKNOWN', rule: ADP25, field: 'party.idNumber', message: `无法从当事人的公民身份号码确定违法行为时的年龄（${ADP25}）` }];
  }
  const age = ageOn(birth, actDate);
  if (age < 14) {
    return [{ code: 'CASE_PARTY_UNDER_14', rule: ADP25, field: fields.penalty, message: `当事人违法行为时（${actDate}）${age} 周岁，不满十四周岁的不予行政处罚（${ADP25}）` }];
  }
  if (age < 18 && (minorMitigation === null || minorMitigation.trim() === '')) {
    return [{ code: 'CASE_MINOR_MITIGATION_MISSING', rule: ADP25, field: fields.mitigation, message: `当事人违法行为时 ${age} 周岁，应当从轻或者减轻行政处罚，须写明从轻、减轻的理由（${ADP25}）` }];
  }
  return [];
}

/** ADP-23: the fine lies in the applied tier's range, or the reason for leaving it is recorded. */
export function benchmarkRules(fine: number | null, tier: BenchmarkTier | null, reason: string | null): Violation[] {
  if (fine === null || tier === null) return [];
  const below = tier.amountMin !== null && fine < tier.amountMin;
  const above = tier.amountMax !== null && fine > tier.amountMax;
  if ((!below && !above) || (reason !== null && reason.trim() !== '')) return [];
  const range = `${tier.amountMin ?? '—'}～${tier.amountMax ?? '—'} 元`;
  return [{ code: 'CASE_PENALTY_OUTSIDE_BENCHMARK', rule: ADP23, field: 'decision.outsideBenchmarkReason', message: `罚款 ${fine} 元${below ? '低于' : '高于'}事项 ${tier.itemCode} “${tier.level}”阶次的裁量基准（${range}），须记录理由（${ADP23}）` }];
}

/** A 当场处罚 (简易程序) as the phone submits it. */
export interface SummaryPenaltyInput {
  party: { kind: PartyKind; idNumber: string | null };
  actDate: string;
  date: string;
  officerIds: string[];
  penalty: PenaltyInput;
  /** number of the pre-printed, numbered decision form */
  formNo: string | null;
  /** ADP-25: why the penalty is lighter for a party aged 14–18 */
  minorMitigation: string | null;
  collection: SpotCollectionInput | null;
}

/** 当场收缴 (ADP-17). `reason` names the clause relied on. */
export interface SpotCollectionInput {
  date: string;
  amount: number;
  reason: 'small-fine' | 'hard-to-enforce' | 'remote-area';
  receiptNo: string | null;
}

/** ADP-16 limits of the summary procedure, ADP-03/04 for its officers, ADP-25 and ADP-17. */
export function summaryRules(input: SummaryPenaltyInput, registry: { officers: OfficerInput[]; recusals: RecusalInput[] }): Violation[] {
  const out: Violation[] = [];
  const v = (code: string, rule: string, field: string, message: string) => out.push({ code, rule, field, message: `${message}（${rule}）` });
  const other = input.penalty.kinds.filter((k) => k !== WARNING && k !== FINE);
  if (other.length > 0 || input.penalty.confiscation !== null) v('CASE_SUMMARY_KIND_NOT_ALLOWED', ADP16, 'penalty.kinds', `当场处罚只能是警告或者罚款，不能是 ${[...other, ...(input.penalty.confiscation !== null ? ['没收'] : [])].join('、')}`);
  if (input.penalty.kinds.length === 0) v('CASE_SUMMARY_KIND_NOT_ALLOWED', ADP16, 'penalty.kinds', '未写处罚种类');
  const limit = SUMMARY_FINE_LIMIT[input.party.kind];
  if (input.penalty.fine !== null && input.penalty.fine > limit) {
    v('CASE_SUMMARY_FINE_EXCEEDED', ADP16, 'penalty.fine', `对${input.party.kind === 'citizen' ? '公民' : '法人或者其他组织'}当场罚款不得超过 ${limit} 元，本次 ${input.penalty.fine} 元，应当适用普通程序`);
  }
  if (input.formNo === null || input.formNo.trim() === '') v('CASE_SUMMARY_FORM_NO_MISSING', ADP16, 'formNo', '当场处罚须使用预定格式、编有号码的行政处罚决定书');
  out.push(...officerRules(registry, input.officerIds, input.date, 'officerIds', 'decision'));
  out.push(...ageRules(input.party, input.actDate, input.minorMitigation, { penalty: 'penalty', mitigation: 'minorMitigation' }));
  const c = input.collection;
  if (c) {
    if (c.reason === 'small-fine' && c.amount > SPOT_COLLECTION_LIMIT) v('CASE_SPOT_COLLECTION_NOT_ALLOWED', ADP17, 'collection.amount', `当场收缴 ${c.amount} 元超过 ${SPOT_COLLECTION_LIMIT} 元，须是不当场收缴事后难以执行或者边远、水上、交通不便地区`);
    if (c.amount !== input.penalty.fine) v('CASE_SPOT_COLLECTION_AMOUNT', ADP17, 'collection.amount', `收缴金额 ${c.amount} 元与罚款 ${input.penalty.fine ?? 0} 元不一致`);
    if (c.receiptNo === null || c.receiptNo.trim() === '') v('CASE_SPOT_RECEIPT_MISSING', ADP17, 'collection.receiptNo', '当场收缴罚款必须出具财政部门统一制发的专用票据并登记票据号');
  }
  return out;
}
