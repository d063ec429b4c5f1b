/**
 * 执法监督 findings over one case's facts on a given day (S5). Pure, so the later supervision scan
 * can run it over any number of cases; each finding names its rule and the field at fault.
 * - steps overdue or near due: ADP-07, ADP-14, ADP-15, ADP-18, ADP-27, ADP-28 (deadlines.ts);
 * - an officer acted without a valid certificate: ADP-03;
 * - a fine outside the applied 裁量基准 tier without a reason: ADP-23;
 * - a case open beyond its decision limit, or nearing it (days 60/75/85): ADP-14;
 * - a decision made without a required, passed legal review: ADP-11.
 */
import { daysBetween, type WorkCalendar } from '../../../platform/calendar/index.ts';
import type { CaseFacts, Violation } from './case-facts.ts';
import type { CaseState } from './case-states.ts';
import { legalReviewRules } from './decision.rules.ts';
import {
  decisionClock, paymentDue, preservationDue, publicationDue, serviceDue, withdrawalDue, type CaseDeadline,
} from './deadlines.ts';
import { ADP03, certificateValidOn } from './officers.rules.ts';
import { benchmarkRules, FINE } from './penalties.rules.ts';

export interface Finding extends Violation {
  /** 'alert': a rule was broken; 'warning': a deadline is close */
  severity: 'alert' | 'warning';
  due?: string;
}

export interface SupervisionOptions {
  /** a step is near due from this many calendar days before its due date */
  nearDueDays: number;
}

export const DEFAULT_SUPERVISION: SupervisionOptions = { nearDueDays: 3 };

/** States in which the case still awaits its decision (the ADP-14 clock runs). */
const AWAITING_DECISION: readonly CaseState[] = ['filed', 'investigation', 'examination', 'notice', 'hearing', 'legal-review', 'collective-discussion'];

interface Step {
  deadline: CaseDeadline;
  field: string;
  done: string | null;
}

/** Every step of the case that has a statutory due date, with when it was done. */
export function caseSteps(facts: CaseFacts, cal: WorkCalendar): Step[] {
  const out: Step[] = facts.preservations.map((p, i) => ({ deadline: preservationDue(cal, p.date), field: `preservations.${i}.decidedDate`, done: p.decidedDate }));
  const d = facts.decision;
  if (d !== null && facts.state !== 'transferred') {
    out.push({ deadline: serviceDue(cal, d.date), field: 'service.date', done: facts.service?.date ?? null });
    if (facts.service !== null && d.penalty.kinds.includes(FINE)) out.push({ deadline: paymentDue(cal, facts.service.date), field: 'paidDate', done: facts.paidDate });
    if (facts.publicationRequired) out.push({ deadline: publicationDue(cal, d.date), field: 'publishedDate', done: facts.publishedDate });
  }
  const w = facts.publicationWithdrawal;
  if (w !== null) out.push({ deadline: withdrawalDue(cal, w.changedDate), field: 'publicationWithdrawal.withdrawnDate', done: w.withdrawnDate });
  return out;
}

function stepFindings(facts: CaseFacts, cal: WorkCalendar, asOf: string, opts: SupervisionOptions): Finding[] {
  return caseSteps(facts, cal).flatMap(({ deadline: dl, field, done }): Finding[] => {
    const at = done ?? asOf;
    if (at > dl.due) {
      const what = done === null ? `至 ${asOf} 仍未完成` : `${done} 才完成`;
      return [{ code: 'SUPERVISION_STEP_OVERDUE', rule: dl.rule, field, severity: 'alert', due: dl.due, message: `${dl.label}应于 ${dl.due} 前完成，${what}（${dl.rule}）` }];
    }
    if (done === null && daysBetween(asOf, dl.due) <= opts.nearDueDays) {
      return [{ code: 'SUPERVISION_STEP_NEAR_DUE', rule: dl.rule, field, severity: 'warning', due: dl.due, message: `${dl.label}将于 ${dl.due} 到期（${dl.rule}）` }];
    }
    return [];
  });
}

/** ADP-03: each act and the decision, officer by officer, on its own date. */
function certificateFindings(facts: CaseFacts): Finding[] {
  const acted = [
    ...facts.acts.map((a, i) => ({ ids: a.officerIds, date: a.date, field: `acts.${i}.officerIds`, what: a.kind })),
    ...(facts.decision ? [{ ids: facts.decision.officerIds, date: facts.decision.date, field: 'decision.officerIds', what: '作出决定' }] : []),
  ];
  return acted.flatMap(({ ids, date, field, what }) => ids
    .filter((id) => { const o = facts.officers.find((x) => x.officerId === id); return o === undefined || !certificateValidOn(o, date); })
    .map((id): Finding => ({ code: 'SUPERVISION_CERTIFICATE_INVALID', rule: ADP03, field, severity: 'alert', message: `执法人员 ${id} 在 ${date} ${what}时无有效执法证（${ADP03}）` })));
}

/** ADP-14 for a case still awaiting its decision. */
function clockFindings(facts: CaseFacts, cal: WorkCalendar, asOf: string): Finding[] {
  if (facts.filedDate === null || !AWAITING_DECISION.includes(facts.state)) return [];
  const c = decisionClock(cal, facts.filedDate, facts.pauses, facts.extensionDays, asOf);
  const rule = 'ADP-14（行政处罚法第六十条）';
  if (c.alert === 'none') return [];
  if (c.alert === 'overdue') {
    return [{ code: 'SUPERVISION_OPEN_BEYOND_LIMIT', rule, field: 'filedDate', severity: 'alert', due: c.due ?? undefined, message: `案件 ${facts.filedDate} 立案，应于 ${c.due} 前作出决定，至 ${asOf} 仍未决定（${rule}）` }];
  }
  return [{ code: 'SUPERVISION_DECISION_CLOCK', rule, field: 'filedDate', severity: 'warning', due: c.due ?? undefined, message: `案件已办理 ${c.elapsedDays} 日（期限 ${c.limitDays} 日，${c.due} 届满）（${rule}）` }];
}

/**
 * The findings that do not change with the day or the calendar: an act or decision by an officer
 * without a valid certificate, a fine outside the tier, a decision without a required review. The
 * supervision scan stores them when a case is written.
 */
export function recordFindings(facts: CaseFacts): Finding[] {
  const d = facts.decision;
  const decided = d !== null && !AWAITING_DECISION.includes(facts.state);
  return [
    ...certificateFindings(facts),
    ...(decided ? benchmarkRules(d.penalty.fine, d.benchmark, d.outsideBenchmarkReason).map((v): Finding => ({ ...v, code: 'SUPERVISION_OUTSIDE_BENCHMARK', severity: 'alert' })) : []),
    ...(decided ? legalReviewRules(facts, d.date).filter((v) => v.code !== 'CASE_LEGAL_REVIEWER_UNQUALIFIED').map((v): Finding => ({ ...v, code: 'SUPERVISION_LEGAL_REVIEW_MISSING', severity: 'alert' })) : []),
  ];
}

/** Every finding for the case on `asOf`. */
export function superviseCase(facts: CaseFacts, cal: WorkCalendar, asOf: string, opts: SupervisionOptions = DEFAULT_SUPERVISION): Finding[] {
  return [...stepFindings(facts, cal, asOf, opts), ...clockFindings(facts, cal, asOf), ...recordFindings(facts)];
}

/** States in which the ADP-14 decision clock runs. */
export const awaitingDecision = (state: CaseState): boolean => AWAITING_DECISION.includes(state);
