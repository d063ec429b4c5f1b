/**
 * The statutory clocks of a case, on the work calendar the service passes in (DAY-01..03; nothing
 * here counts working days itself).
 * - ADP-07 第五十六条: preservation, "七日内及时作出处理决定" (7 WD; alert on the 5th).
 * - ADP-09 第六十四条: hearing request "告知后五日内" (5 WD); notice "举行听证的七日前" (7 WD).
 * - ADP-14 第六十条: "自行政处罚案件立案之日起九十日内作出行政处罚决定" — calendar days. The law has no
 *   pause or extension; sector rules add them, so both are facts (pauses, extensionDays).
 * - ADP-15 第六十一条: service "七日内" (7 WD) when the party was not present.
 * - ADP-17 第七十一条: cash to the agency within 2 WD of collection (of landing, on water); the
 *   agency pays it into the bank within 2 WD.
 * - ADP-18 第六十七条第三款: "自收到行政处罚决定书之日起十五日内" — 15 calendar days from service.
 * - ADP-20 第七十二条第一款第（一）项, 第七十三条第三款: 3 % a day, "不得超出罚款的数额", not counted during
 *   复议 or 诉讼.
 * - ADP-27 第四十八条第二款: published information withdrawn "在三日内" (3 WD).
 * - ADP-28 国办发〔2018〕118号: published "7个工作日内" — a policy document, so `addWorkdays`, not the
 *   行政处罚法's DAY-01 rule.
 */
import { daysBetween, type WorkCalendar } from '../../../platform/calendar/index.ts';
import type { Pause } from './case-facts.ts';
import { overlapDays } from './dates.ts';

const DECISION_DAYS = 90;
const PAYMENT_DAYS = 15;
const SURCHARGE_PERCENT_PER_DAY = 3;

export interface CaseDeadline {
  rule: string;
  label: string;
  start: string;
  due: string;
}

const deadline = (rule: string, label: string, start: string, due: string): CaseDeadline => ({ rule, label, start, due });

export const preservationDue = (cal: WorkCalendar, preservedDate: string) =>
  deadline('ADP-07', '先行登记保存处理决定', preservedDate, cal.deadline('行政处罚法', preservedDate, 7).date);
/** ADP-07: the day to warn that the preservation decision is due (the 5th working day). */
export const preservationAlert = (cal: WorkCalendar, preservedDate: string) => cal.addWorkdays(preservedDate, 5);
export const hearingRequestDue = (cal: WorkCalendar, noticeServedDate: string) =>
  deadline('ADP-09', '要求听证', noticeServedDate, cal.deadline('行政处罚法', noticeServedDate, 5).date);
/** ADP-09: the earliest hearing date for a notice given on `notifiedDate`. */
export const earliestHearingDate = (cal: WorkCalendar, notifiedDate: string) => cal.deadline('行政处罚法', notifiedDate, 7).date;
export const serviceDue = (cal: WorkCalendar, decisionDate: string) =>
  deadline('ADP-15', '送达行政处罚决定书', decisionDate, cal.deadline('行政处罚法', decisionDate, 7).date);
export const handOverDue = (cal: WorkCalendar, collectedOrLandedDate: string) =>
  deadline('ADP-17', '当场收缴罚款交至行政机关', collectedOrLandedDate, cal.deadline('行政处罚法', collectedOrLandedDate, 2).date);
export const bankDepositDue = (cal: WorkCalendar, handedOverDate: string) =>
  deadline('ADP-17', '罚款缴付指定银行', handedOverDate, cal.deadline('行政处罚法', handedOverDate, 2).date);
export const paymentDue = (cal: WorkCalendar, serviceDate: string) =>
  deadline('ADP-18', '缴纳罚款', serviceDate, cal.deadline('行政处罚法', serviceDate, PAYMENT_DAYS).date);
export const withdrawalDue = (cal: WorkCalendar, changedDate: string) =>
  deadline('ADP-27', '撤回已公开的处罚决定信息', changedDate, cal.deadline('行政处罚法', changedDate, 3).date);
export const publicationDue = (cal: WorkCalendar, decisionDate: string) =>
  deadline('ADP-28', '公开行政处罚决定信息', decisionDate, cal.addWorkdays(decisionDate, 7));

export type ClockAlert = 'none' | 'day-60' | 'day-75' | 'day-85' | 'overdue';

export interface DecisionClock {
  /** days counted since 立案, pauses excluded */
  elapsedDays: number;
  pausedDays: number;
  /** a pause is in progress: the clock stands and has no due date */
  paused: boolean;
  limitDays: number;
  due: string | null;
  alert: ClockAlert;
}

/** Days of the pauses that fall between `start` and `end`; an open pause runs to `end`. */
function pausedWithin(pauses: readonly Pause[], start: string, end: string): number {
  return pauses.reduce((sum, p) => sum + overlapDays(start, end, p.from, p.to ?? end), 0);
}

/**
 * ADP-14: the 90-day decision clock from 立案 on `asOf`. Alerts 30, 15 and 5 days before the limit
 * (days 60, 75 and 85 of 90; an approved extension moves them with the limit).
 */
export function decisionClock(cal: WorkCalendar, filedDate: string, pauses: readonly Pause[], extensionDays: number, asOf: string): DecisionClock {
  const limitDays = DECISION_DAYS + extensionDays;
  const pausedDays = pausedWithin(pauses, filedDate, asOf);
  const paused = pauses.some((p) => p.from <= asOf && (p.to === null || asOf < p.to));
  const elapsedDays = Math.max(0, daysBetween(filedDate, asOf) - pausedDays);
  const due = paused ? null : cal.deadline('行政处罚法', filedDate, limitDays + pausedDays).date;
  const alert: ClockAlert = due !== null && asOf > due ? 'overdue'
    : elapsedDays >= limitDays - 5 ? 'day-85'
      : elapsedDays >= limitDays - 15 ? 'day-75'
        : elapsedDays >= limitDays - 30 ? 'day-60' : 'none';
  return { elapsedDays, pausedDays, paused, limitDays, due, alert };
}

export interface Surcharge {
  overdueDays: number;
  /** yuan, to the fen; never more than the fine */
  amount: number;
  capped: boolean;
}

/**
 * ADP-20: 3 % of the fine for each day after the payment due date up to `asOf`, without the days
 * of 复议 / 诉讼, capped at the fine. Computed in fen, rounded down (never more than the law allows).
 */
export function surcharge(fine: number, due: string, asOf: string, reviewPeriods: readonly Pause[]): Surcharge {
  if (asOf <= due) return { overdueDays: 0, amount: 0, capped: false };
  const overdueDays = daysBetween(due, asOf) - pausedWithin(reviewPeriods, due, asOf);
  const fineFen = Math.round(fine * 100);
  const raw = Math.floor((fineFen * SURCHARGE_PERCENT_PER_DAY * overdueDays) / 100);
  return { overdueDays, amount: Math.min(raw, fineFen) / 100, capped: raw >= fineFen };
}
