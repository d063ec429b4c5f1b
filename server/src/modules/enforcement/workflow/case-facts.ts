/**
 * The facts a case rule looks at. The case service gathers them (case rows, the officer and
 * certificate registry, documents) and passes them in; every rule in this folder is pure.
 * Dates are Chinese legal dates 'YYYY-MM-DD'; amounts are yuan.
 */
import type { CertificateFacts } from '../enforcement.rules.ts';
import type { CaseState } from './case-states.ts';

export type PartyKind = 'citizen' | 'organisation';

/** An officer and the facts of the 执法证 as the registry holds them (enforcement.rules.ts). */
export interface OfficerInput extends CertificateFacts {
  officerId: string;
  certificateNo: string;
}

/**
 * ADP-04 回避: a conflict the officer declared, or a party's application. The agency head decides
 * an application; until then the investigation goes on (第四十三条) but no decision is signed.
 */
export interface RecusalInput {
  officerId: string;
  source: 'declared' | 'applied';
  outcome: 'pending' | 'granted' | 'rejected';
}

/** An investigation act (询问, 检查, 勘验…): ADP-03 wants two certified officers and a 笔录. */
export interface ActInput {
  id: string;
  kind: string;
  date: string;
  officerIds: string[];
  recordAttached: boolean;
}

/** A penalty: `penalty_type` codes (行政处罚法第九条) and amounts. */
export interface PenaltyInput {
  kinds: string[];
  fine: number | null;
  /** 没收违法所得 / 非法财物: amount or value */
  confiscation: number | null;
}

/** 行政处罚事先告知书 (ADP-08, ADP-09). */
export interface NoticeInput {
  servedDate: string;
  /** the last day for 陈述、申辩 the notice gives */
  statementDeadline: string;
  proposed: PenaltyInput;
  /** 第四十四条: facts, reasons, basis, rights */
  states: { facts: boolean; reasons: boolean; basis: boolean; rights: boolean };
  includesHearingRight: boolean;
  /** 第六十二条: the party signed a waiver of 陈述、申辩 */
  waiverSigned: boolean;
  defenceFiled: boolean;
}

/** 听证 (ADP-09). */
export interface HearingInput {
  requestedDate: string;
  /** the day the party was told the time and place */
  notifiedDate: string | null;
  date: string | null;
  chairId: string | null;
  agentCount: number;
  recordSigned: boolean;
}

/** ADP-11 法制审核. `priorReviews` counts the reviewer's earlier reviews (0 = first time). */
export interface LegalReviewInput {
  reviewerId: string;
  date: string;
  result: 'passed' | 'failed';
  priorReviews: number;
  hasLegalQualification: boolean;
}

/** ADP-11 第五十八条第一款 grounds other than "听证" (which the facts show by themselves). */
export type LegalReviewGround = 'public-interest' | 'complex' | 'by-law';

export interface CollectiveDiscussionInput {
  date: string;
  minutesAttached: boolean;
  attendeeIds: string[];
}

/** 行政处罚决定书 content, 第五十九条第一款 (一)–(六), and its seal. */
export interface DecisionContent {
  party: boolean;
  factsAndEvidence: boolean;
  kindAndBasis: boolean;
  performance: boolean;
  remedies: boolean;
  agencyAndDate: boolean;
  sealed: boolean;
  /** ADP-20 行政强制法第四十五条第二款: the surcharge standard is told in a fine decision */
  surchargeStandard: boolean;
}

export interface DecisionInput {
  date: string;
  officerIds: string[];
  penalty: PenaltyInput;
  content: DecisionContent;
  /** ADP-25: why the penalty is lighter for a party aged 14–18 */
  minorMitigation: string | null;
  /** ADP-23: the cited item's 裁量基准 tier applied, and why the amount leaves it (if it does) */
  benchmark: BenchmarkTier | null;
  outsideBenchmarkReason: string | null;
}

/** One 裁量基准 tier of the cited power-list item (its shape there: level, amountMin, amountMax). */
export interface BenchmarkTier {
  itemCode: string;
  level: string;
  amountMin: number | null;
  amountMax: number | null;
}

/** ADP-29 移送: to which judicial organ and why. */
export interface TransferInput {
  organ: string;
  reason: string;
}

export type ServiceMethod = 'in-person' | 'left-at-residence' | 'post' | 'entrusted' | 'electronic' | 'announcement';

/** ADP-15 送达. `electronic` needs the party's 确认书. */
export interface ServiceInput {
  date: string;
  method: ServiceMethod;
  consentOnFile: boolean;
}

/** A span [from, to) during which a clock stands still; `to` null while it lasts. */
export interface Pause {
  from: string;
  to: string | null;
  reason: string;
}

export interface CaseFacts {
  state: CaseState;
  party: { kind: PartyKind; idNumber: string | null };
  /** ADP-10 threshold lookup keys */
  sector: string;
  province: string;
  basisLevel: string;
  /** ADP-22: the day the act ended (行为终了之日) and whether the 5-year period applies */
  actEndDate: string;
  lifeHealthOrFinancialHarm: boolean;
  discoveredDate: string | null;
  filedDate: string | null;
  officers: OfficerInput[];
  recusals: RecusalInput[];
  acts: ActInput[];
  notice: NoticeInput | null;
  hearing: HearingInput | null;
  legalReviewGrounds: LegalReviewGround[];
  legalReview: LegalReviewInput | null;
  collectiveDiscussionRequired: boolean;
  collectiveDiscussion: CollectiveDiscussionInput | null;
  decision: DecisionInput | null;
  transfer: TransferInput | null;
  service: ServiceInput | null;
  /** ADP-14: suspensions of the 90-day clock allowed by a sector rule */
  pauses: Pause[];
  /** ADP-14: extension days approved under a sector rule (the law itself has none) */
  extensionDays: number;
  /** ADP-07 先行登记保存: when goods were preserved and when the handling decision was made */
  preservations: { date: string; decidedDate: string | null }[];
  /** ADP-18: the day the fine was paid (from the bank or 非税 feed) */
  paidDate: string | null;
  /** ADP-20: 行政复议 / 行政诉讼 periods, not counted for the surcharge */
  reviewPeriods: Pause[];
  /** ADP-28: the decision is to be published, and when it was */
  publicationRequired: boolean;
  publishedDate: string | null;
  /** ADP-27: the published decision was changed, revoked or declared void, and when it was withdrawn */
  publicationWithdrawal: { changedDate: string; withdrawnDate: string | null } | null;
}

export interface Violation {
  /** Stable, SCREAMING_SNAKE: goes to `details[].code`. */
  code: string;
  /** The statutory rule id and article the check comes from. */
  rule: string;
  /** API path of the field at fault: `decision.officerIds`, `acts.2.officerIds`. */
  field: string;
  /** Chinese, naming the value and the rule. */
  message: string;
}
