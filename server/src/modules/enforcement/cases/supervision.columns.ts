/**
 * What the supervision scan (执法监督, S5) reads of a case, computed whenever the case is written so
 * that a scan over a million cases is one SQL query, not a million evaluations:
 * - `alerts`: the findings that do not change with the day (an officer without a valid
 *   certificate, a fine outside the tier, a missing legal review);
 * - `next_due`: the earliest due date of a step not yet done or done late (送达, 缴款, 公示…) —
 *   overdue once today is past it, which a step done late already is (done ≤ today, due < done);
 * - `decision_due`: the ADP-14 limit of a case awaiting its decision (null while a pause lasts) —
 *   open beyond the limit once today is past it.
 * Together they give the same alerts as `superviseCase` on the case page (cases.demo.test.ts
 * compares them). A clock reaching a year whose work calendar is not loaded stores
 * CALENDAR_YEAR_MISSING and no due dates until the case is written again.
 */
import { CalendarYearMissingError, type WorkCalendar } from '../../../platform/calendar/index.ts';
import { awaitingDecision, caseSteps, decisionClock, recordFindings, type CaseFacts } from '../workflow/index.ts';

export const STEP_OVERDUE = 'SUPERVISION_STEP_OVERDUE';
export const OPEN_BEYOND_LIMIT = 'SUPERVISION_OPEN_BEYOND_LIMIT';

/** The alerts of the scan, as the console names them. */
export const ALERT_LABELS: Record<string, string> = {
  [STEP_OVERDUE]: '环节超期（送达、缴款、公示等）',
  [OPEN_BEYOND_LIMIT]: '超过办案期限未决定',
  SUPERVISION_CERTIFICATE_INVALID: '无有效执法证人员执法',
  SUPERVISION_OUTSIDE_BENCHMARK: '罚款超出裁量基准且未说明理由',
  SUPERVISION_LEGAL_REVIEW_MISSING: '应法制审核而未审核',
  CALENDAR_YEAR_MISSING: '工作日历缺年度，期限无法计算',
};

export interface SupervisionColumns {
  next_due: string | null;
  decision_due: string | null;
  alerts: string[];
}

export function supervisionColumns(facts: CaseFacts, cal: WorkCalendar, today: string): SupervisionColumns {
  const codes = new Set(recordFindings(facts).map((f) => f.code));
  try {
    const open = caseSteps(facts, cal).filter((s) => s.done === null || s.done > s.deadline.due).map((s) => s.deadline.due).sort();
    const clock = facts.filedDate !== null && awaitingDecision(facts.state) ? decisionClock(cal, facts.filedDate, facts.pauses, facts.extensionDays, today) : null;
    return { next_due: open[0] ?? null, decision_due: clock?.due ?? null, alerts: [...codes].sort() };
  } catch (err) {
    if (!(err instanceof CalendarYearMissingError)) throw err;
    return { next_due: null, decision_due: null, alerts: [...codes, err.code].sort() };
  }
}
