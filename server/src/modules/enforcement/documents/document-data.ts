/**
 * What each 文书 prints, as the case service hands it over: the workflow's facts
 * (`workflow/case-facts.ts`) say whether something happened, these say what it said. Dates are
 * 'YYYY-MM-DD', amounts yuan; texts are the clerk's words, printed as given.
 */
import type { PartyKind, ServiceMethod } from '../workflow/index.ts';

/** The 行政执法主体 issuing the 文书 and its number (西司罚决字〔2024〕第12号). */
export interface DocumentHeader {
  agency: string;
  number: string;
}

/** 当事人: a citizen by 公民身份号码, an organisation by 统一社会信用代码 and its legal representative. */
export interface PartyData {
  kind: PartyKind;
  name: string;
  idNumber: string;
  address: string;
  /** organisations only: 法定代表人（负责人） */
  representative: string | null;
}

/** The penalty as worded: kind labels (警告, 罚款…, from the penalty_type code set) and amounts. */
export interface PenaltyData {
  kinds: string[];
  fine: number | null;
  confiscation: number | null;
}

/** Where the party sends 陈述、申辩 or a hearing request. */
export interface ContactData {
  person: string;
  phone: string;
  address: string;
}

/** 立案审批表 (ADP-01): the case, the clue and the three opinions. */
export interface FilingApprovalData extends DocumentHeader {
  cause: string;
  source: string;
  clueDate: string;
  party: PartyData;
  summary: string;
  /** 立案依据: the provision the suspected act breaks */
  basis: string;
  handlers: { name: string; certificateNo: string }[];
  handlerOpinion: string;
  unitOpinion: string;
  approval: { opinion: string; approver: string; date: string };
}

/** 行政处罚事先告知书 (ADP-08; ADP-09 when `hearingRight`). */
export interface NoticeData extends DocumentHeader {
  party: PartyData;
  facts: string;
  evidence: string[];
  /** why the facts break the provision */
  reasons: string;
  violated: string;
  basis: string;
  proposed: PenaltyData;
  statementDeadline: string;
  /** ADP-09: the proposed penalty triggers the hearing right; the request is due on `hearingRequestDue` */
  hearingRight: boolean;
  hearingRequestDue: string | null;
  contact: ContactData;
  date: string;
}

/** 行政处罚听证告知书 (ADP-09): the right, the 5-working-day window and what a hearing gives. */
export interface HearingNoticeData extends DocumentHeader {
  party: PartyData;
  cause: string;
  proposed: PenaltyData;
  basis: string;
  hearingRequestDue: string;
  contact: ContactData;
  date: string;
}

/** 行政处罚决定书: 第五十九条第一款 (一)–(六) (ADP-13), payment (ADP-18) and surcharge (ADP-20). */
export interface DecisionData extends DocumentHeader {
  party: PartyData;
  facts: string;
  evidence: string[];
  /** 告知 and what the party said (陈述、申辩、听证) and how it was weighed */
  procedure: string;
  violated: string;
  basis: string;
  penalty: PenaltyData;
  /** 第六十七条: where the fine is paid (bank or e-payment) */
  payment: string;
  /** 申请行政复议 / 提起行政诉讼: the review organ and the court */
  reviewOrgan: string;
  court: string;
  date: string;
}

/** 送达回证 (ADP-15): one delivery of one or more 文书. */
export interface ServiceReceiptData extends DocumentHeader {
  recipient: string;
  documents: { title: string; number: string }[];
  place: string;
  method: ServiceMethod;
  servers: string[];
  date: string;
  /** 留置送达 witnesses, 委托 organ, or nothing */
  note: string;
}
