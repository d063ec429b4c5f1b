/**
 * The gates before a 行政处罚决定 (ADP-08, ADP-09, ADP-11, ADP-12, ADP-13).
 * - ADP-08 第四十四条, 第六十二条: no decision without a served 告知书 that states the facts, reasons,
 *   basis and rights, and without hearing the party — "当事人明确放弃陈述或者申辩权利的除外". So the
 *   statement period the notice gave must have passed, or a signed waiver be on file (the waiver
 *   form also covers the hearing request).
 * - ADP-09 第六十五条: "听证结束后，行政机关应当根据听证笔录" decide: a requested hearing is held first.
 * - ADP-11 第五十八条: "未经法制审核或者审核未通过的，不得作出决定"; a held hearing is a ground (第一款第
 *   （二）项); "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格".
 * - ADP-12 第五十七条第二款: "行政机关负责人应当集体讨论决定" — minutes and who attended.
 * - ADP-13 第五十九条: the six items and the seal; ADP-20 行政强制法第四十五条: the surcharge standard.
 */
import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import type { CaseFacts, DecisionInput, NoticeInput, Violation } from './case-facts.ts';
import { hearingRequestDue } from './deadlines.ts';
import { ADP09, hearingRules } from './hearing.rules.ts';
import { officerRules } from './officers.rules.ts';
import { ageRules, benchmarkRules, FINE, heavierRules } from './penalties.rules.ts';

const ADP08 = 'ADP-08（行政处罚法第四十四条、第六十二条）';
const ADP11 = 'ADP-11（行政处罚法第五十八条）';
const ADP12 = 'ADP-12（行政处罚法第五十七条第二款）';
const ADP13 = 'ADP-13（行政处罚法第五十九条）';
const ADP20 = 'ADP-20（行政强制法第四十五条第二款）';
const MIN_DISCUSSION_ATTENDEES = 2;

const NOTICE_ITEMS: Record<keyof NoticeInput['states'], string> = { facts: '事实', reasons: '理由', basis: '依据', rights: '陈述、申辩、要求听证等权利' };

const DECISION_ITEMS: [keyof DecisionInput['content'], string][] = [
  ['party', '（一）当事人的姓名或者名称、地址'],
  ['factsAndEvidence', '（二）违反法律、法规、规章的事实和证据'],
  ['kindAndBasis', '（三）行政处罚的种类和依据'],
  ['performance', '（四）行政处罚的履行方式和期限'],
  ['remedies', '（五）申请行政复议、提起行政诉讼的途径和期限'],
  ['agencyAndDate', '（六）作出行政处罚决定的行政机关名称和作出决定的日期'],
];

/** ADP-08 on the 告知书 itself (第四十四条). */
export function noticeContentRules(notice: NoticeInput): Violation[] {
  const missing = (Object.keys(NOTICE_ITEMS) as (keyof NoticeInput['states'])[]).filter((k) => !notice.states[k]);
  if (missing.length === 0) return [];
  return [{ code: 'CASE_NOTICE_CONTENT_INCOMPLETE', rule: ADP08, field: 'notice.states', message: `告知书未载明${missing.map((k) => NOTICE_ITEMS[k]).join('、')}（${ADP08}）` }];
}

/** ADP-08/09: notice served, the party heard (or waived), a requested hearing held. */
function hearingThePartyRules(facts: CaseFacts, d: DecisionInput, cal: WorkCalendar): Violation[] {
  const notice = facts.notice;
  if (notice === null || notice.servedDate > d.date) {
    return [{ code: 'CASE_NOTICE_NOT_SERVED', rule: ADP08, field: 'notice', message: `作出决定前未向当事人送达行政处罚事先告知书（${ADP08}）` }];
  }
  const out = noticeContentRules(notice);
  if (!notice.waiverSigned && d.date <= notice.statementDeadline) {
    out.push({ code: 'CASE_STATEMENT_WINDOW_OPEN', rule: ADP08, field: 'decision.date', message: `陈述、申辩期限至 ${notice.statementDeadline} 届满，当事人未书面放弃，${d.date} 不能作出决定（${ADP08}）` });
  }
  if (facts.hearing) {
    out.push(...hearingRules(facts, facts.hearing, cal, true));
    if (facts.hearing.date !== null && facts.hearing.date > d.date) {
      out.push({ code: 'CASE_HEARING_NOT_HELD', rule: ADP09, field: 'hearing.date', message: `当事人已要求听证，听证（${facts.hearing.date}）结束前不能作出决定（${ADP09}）` });
    }
  } else if (notice.includesHearingRight && !notice.waiverSigned) {
    const due = hearingRequestDue(cal, notice.servedDate).due;
    if (d.date <= due) {
      out.push({ code: 'CASE_HEARING_WINDOW_OPEN', rule: ADP09, field: 'decision.date', message: `要求听证的期限至 ${due}（告知后五个工作日）届满，${d.date} 不能作出决定（${ADP09}）` });
    }
  }
  out.push(...heavierRules(d.penalty, notice.proposed, notice.defenceFiled));
  return out;
}

/** ADP-11: required when a ground applies or a hearing was held; passed; a qualified reviewer. */
export function legalReviewRules(facts: CaseFacts, decisionDate: string): Violation[] {
  const out: Violation[] = [];
  const review = facts.legalReview;
  const heard = facts.hearing !== null && facts.hearing.date !== null && facts.hearing.date <= decisionDate;
  const required = facts.legalReviewGrounds.length > 0 || heard;
  if (required && (review === null || review.date > decisionDate)) {
    out.push({ code: 'CASE_LEGAL_REVIEW_MISSING', rule: ADP11, field: 'legalReview', message: `本案${heard ? '经过听证程序，' : ''}须经法制审核，未经法制审核不得作出决定（${ADP11}）` });
  } else if (required && review !== null && review.result !== 'passed') {
    out.push({ code: 'CASE_LEGAL_REVIEW_NOT_PASSED', rule: ADP11, field: 'legalReview.result', message: `法制审核未通过，不得作出决定（${ADP11}）` });
  }
  if (review !== null && review.priorReviews === 0 && !review.hasLegalQualification) {
    out.push({ code: 'CASE_LEGAL_REVIEWER_UNQUALIFIED', rule: ADP11, field: 'legalReview.reviewerId', message: `审核人员 ${review.reviewerId} 初次从事法制审核，应当取得法律职业资格（${ADP11}）` });
  }
  return out;
}

/** ADP-12: a required collective discussion took place before the decision, with minutes and attendees. */
function collectiveDiscussionRules(facts: CaseFacts, decisionDate: string): Violation[] {
  if (!facts.collectiveDiscussionRequired) return [];
  const c = facts.collectiveDiscussion;
  if (c === null || c.date > decisionDate) {
    return [{ code: 'CASE_COLLECTIVE_DISCUSSION_MISSING', rule: ADP12, field: 'collectiveDiscussion', message: `本案情节复杂或者重大，应当由行政机关负责人集体讨论决定（${ADP12}）` }];
  }
  const out: Violation[] = [];
  if (!c.minutesAttached) out.push({ code: 'CASE_COLLECTIVE_MINUTES_MISSING', rule: ADP12, field: 'collectiveDiscussion.minutesAttached', message: `集体讨论（${c.date}）缺少会议记录（${ADP12}）` });
  if (new Set(c.attendeeIds).size < MIN_DISCUSSION_ATTENDEES) out.push({ code: 'CASE_COLLECTIVE_ATTENDEES_MISSING', rule: ADP12, field: 'collectiveDiscussion.attendeeIds', message: `集体讨论须有两名以上负责人参加并列明出席人员（${ADP12}）` });
  return out;
}

/** ADP-13 (and ADP-20 for a fine): the decision document is complete and sealed. */
function decisionContentRules(d: DecisionInput): Violation[] {
  const out: Violation[] = [];
  const missing = DECISION_ITEMS.filter(([k]) => !d.content[k]).map(([, label]) => label);
  if (missing.length > 0) out.push({ code: 'CASE_DECISION_CONTENT_INCOMPLETE', rule: ADP13, field: 'decision.content', message: `行政处罚决定书未载明${missing.join('；')}（${ADP13}）` });
  if (!d.content.sealed) out.push({ code: 'CASE_DECISION_SEAL_MISSING', rule: ADP13, field: 'decision.content.sealed', message: `行政处罚决定书必须盖有作出决定的行政机关的印章（${ADP13}）` });
  if (d.penalty.kinds.includes(FINE) && !d.content.surchargeStandard) {
    out.push({ code: 'CASE_DECISION_SURCHARGE_STANDARD_MISSING', rule: ADP20, field: 'decision.content.surchargeStandard', message: `罚款决定应当告知到期不缴纳每日按罚款数额百分之三加处罚款的标准（${ADP20}）` });
  }
  return out;
}

/** Every gate before the decision, in the order of the procedure. */
export function decisionRules(facts: CaseFacts, d: DecisionInput, cal: WorkCalendar): Violation[] {
  return [
    ...officerRules(facts, d.officerIds, d.date, 'decision.officerIds', 'decision'),
    ...ageRules(facts.party, facts.actEndDate, d.minorMitigation, { penalty: 'decision.penalty', mitigation: 'decision.minorMitigation' }),
    ...hearingThePartyRules(facts, d, cal),
    ...legalReviewRules(facts, d.date),
    ...collectiveDiscussionRules(facts, d.date),
    ...decisionContentRules(d),
    ...benchmarkRules(d.penalty.fine, d.benchmark, d.outsideBenchmarkReason),
  ];
}
