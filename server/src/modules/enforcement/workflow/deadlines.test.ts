import { describe, expect, it } from 'vitest';
import {
  bankDepositDue, decisionClock, earliestHearingDate, handOverDue, hearingRequestDue, paymentDue, preservationAlert,
  preservationDue, publicationDue, serviceDue, surcharge, withdrawalDue,
} from './deadlines.ts';
import { cal } from './test-fixtures.ts';

// Real dates from the State Council notices. 2024 国庆: 10-01..10-07 off, Sunday 09-29 and Saturday
// 10-12 are working days. 2025 春节: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 are working days.

interface Row {
  id: string;
  name: string;
  actual: () => unknown;
  expected: unknown;
}
const row = (id: string, name: string, actual: () => unknown, expected: unknown): Row => ({ id, name, actual, expected });
const clock = (filed: string, asOf: string, pauses: { from: string; to: string | null; reason: string }[] = [], ext = 0) => decisionClock(cal, filed, pauses, ext, asOf);

const rows: Row[] = [
  // ADP-07: preservation decision within 7 working days, alert on the 5th.
  row('ADP-07', 'preserved Friday 2025-01-24: due 02-10 over 春节 (01-26 and 02-08 count), alert 02-07', () => [preservationDue(cal, '2025-01-24').due, preservationAlert(cal, '2025-01-24')], ['2025-02-10', '2025-02-07']),
  row('ADP-07', 'preserved 2024-09-27: due on the 调休 Saturday 10-12', () => preservationDue(cal, '2024-09-27').due, '2024-10-12'),
  // ADP-09: hearing request within 5 WD of the notice; hearing notified 7 WD ahead.
  row('ADP-09', 'notice served 2024-09-27: request due 10-10 (not 10-02, a 国庆 day)', () => hearingRequestDue(cal, '2024-09-27').due, '2024-10-10'),
  row('ADP-09', 'notified 2025-01-22: earliest hearing 02-07', () => earliestHearingDate(cal, '2025-01-22'), '2025-02-07'),
  // ADP-14: 90 calendar days from 立案; the last day rolls past a holiday (DAY-03); pauses and extensions move it.
  row('ADP-14', 'filed 2024-07-03: day 90 is 10-01 (国庆), due 10-08', () => clock('2024-07-03', '2024-08-01').due, '2024-10-08'),
  row('ADP-14', 'filed 2024-11-01: day 90 is 2025-01-30 (春节), due 02-05', () => clock('2024-11-01', '2024-12-01').due, '2025-02-05'),
  row('ADP-14', 'a 10-day pause: due 2024-10-12, a 调休 Saturday, not rolled', () => {
    const c = clock('2024-07-04', '2024-10-03', [{ from: '2024-08-01', to: '2024-08-11', reason: '检测鉴定' }]);
    return [c.due, c.pausedDays, c.elapsedDays];
  }, ['2024-10-12', 10, 81]),
  row('ADP-14', 'a pause in progress stops the clock: no due date', () => {
    const c = clock('2024-07-04', '2024-09-01', [{ from: '2024-08-01', to: null, reason: '中止调查' }]);
    return [c.paused, c.due, c.elapsedDays, c.alert];
  }, [true, null, 28, 'none']),
  row('ADP-14', 'alerts on days 60, 75 and 85, overdue after the due date', () => [
    clock('2024-07-03', '2024-08-31').alert, clock('2024-07-03', '2024-09-01').alert, clock('2024-07-03', '2024-09-16').alert,
    clock('2024-07-03', '2024-09-26').alert, clock('2024-07-03', '2024-10-08').alert, clock('2024-07-03', '2024-10-09').alert,
  ], ['none', 'day-60', 'day-75', 'day-85', 'day-85', 'overdue']),
  row('ADP-14', 'a 30-day sector extension moves the limit and its alerts', () => {
    const c = clock('2024-07-03', '2024-10-01', [], 30);
    return [c.limitDays, c.due, c.alert];
  }, [120, '2024-10-31', 'day-60']),
  // ADP-15: service within 7 working days of the decision.
  row('ADP-15', 'decided on the 调休 Sunday 2024-09-29: served by 10-14', () => serviceDue(cal, '2024-09-29').due, '2024-10-14'),
  row('ADP-15', 'decided 2025-01-24: served by 02-10', () => serviceDue(cal, '2025-01-24').due, '2025-02-10'),
  // ADP-17: cash to the agency in 2 WD, to the bank in 2 more.
  row('ADP-17', 'collected 2024-09-30: to the agency by 10-09, then to the bank by 10-10', () => [handOverDue(cal, '2024-09-30').due, bankDepositDue(cal, '2024-10-08').due], ['2024-10-09', '2024-10-10']),
  row('ADP-17', 'landed Friday 2025-01-24: the 调休 Sunday counts, due 01-27', () => handOverDue(cal, '2025-01-24').due, '2025-01-27'),
  // ADP-18: 15 calendar days from receipt (the service date), not from the decision.
  row('ADP-18', 'served 2024-09-20: day 15 is 10-05 (国庆), due 10-08', () => paymentDue(cal, '2024-09-20').due, '2024-10-08'),
  row('ADP-18', 'served 2024-09-14: day 15 is the 调休 Sunday 09-29, a working day, not rolled', () => paymentDue(cal, '2024-09-14').due, '2024-09-29'),
  row('ADP-18', 'served 2025-01-15: day 15 is 01-30 (春节), due 02-05', () => paymentDue(cal, '2025-01-15').due, '2025-02-05'),
  row('ADP-18', 'the period starts at service: decided 09-10, served 09-20', () => paymentDue(cal, '2024-09-20').start, '2024-09-20'),
  // ADP-20: 3 % a day after the due date, capped at the fine, without 复议/诉讼 days.
  row('ADP-20', 'nothing on or before the due date', () => surcharge(1000, '2024-10-08', '2024-10-08', []), { overdueDays: 0, amount: 0, capped: false }),
  row('ADP-20', '10 days late: ¥300 on ¥1,000', () => surcharge(1000, '2024-10-08', '2024-10-18', []), { overdueDays: 10, amount: 300, capped: false }),
  row('ADP-20', '33 days: ¥990; 34 days would be ¥1,020, capped at the fine', () => [surcharge(1000, '2024-10-08', '2024-11-10', []).amount, surcharge(1000, '2024-10-08', '2024-11-11', [])], [990, { overdueDays: 34, amount: 1000, capped: true }]),
  row('ADP-20', 'a 复议 period is not counted: 10 days late with 5 in review is 5 days', () => surcharge(1000, '2024-10-08', '2024-10-18', [{ from: '2024-10-10', to: '2024-10-15', reason: '行政复议' }]), { overdueDays: 5, amount: 150, capped: false }),
  row('ADP-20', 'a review still pending stops the count at its start', () => surcharge(1000, '2024-10-08', '2024-12-31', [{ from: '2024-10-10', to: null, reason: '行政诉讼' }]).overdueDays, 2),
  row('ADP-20', 'computed in fen and rounded down: 3 % of ¥333.33 is ¥9.99', () => surcharge(333.33, '2024-10-08', '2024-10-09', []).amount, 9.99),
  // ADP-27: withdrawal of published information within 3 WD.
  row('ADP-27', 'revoked 2024-09-30: withdrawn by 10-10', () => withdrawalDue(cal, '2024-09-30').due, '2024-10-10'),
  // ADP-28: publication within 7 working days (国办发〔2018〕118号).
  row('ADP-28', 'decided 2025-01-24: published by 02-10', () => publicationDue(cal, '2025-01-24').due, '2025-02-10'),
  row('ADP-28', 'decided 2024-09-29: published by 10-14', () => publicationDue(cal, '2024-09-29').due, '2024-10-14'),
];

describe('case deadlines on the State Council calendar', () => {
  it.each(rows)('$id $name', ({ actual, expected }) => {
    expect(actual()).toEqual(expected);
  });
  it('every deadline names its rule', () => {
    const all = [preservationDue, hearingRequestDue, serviceDue, handOverDue, bankDepositDue, paymentDue, withdrawalDue, publicationDue].map((f) => f(cal, '2025-03-03').rule);
    expect(all).toEqual(['ADP-07', 'ADP-09', 'ADP-15', 'ADP-17', 'ADP-17', 'ADP-18', 'ADP-27', 'ADP-28']);
  });
});
