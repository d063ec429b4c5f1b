import { z } from 'zod';
import { listOf, pageQuery } from '../http/pagination.ts';
import { plainText } from '../http/text.ts';
import { MAX_PERIOD_DAYS, STATUTE_DAY_RULES, YEAR_MAX, YEAR_MIN, type Statute } from './calendar.ts';

const statute = z.enum(Object.keys(STATUTE_DAY_RULES) as [Statute, ...Statute[]]);
const dayKind = z.enum(['holiday', 'workday']);
const periodKind = z.enum(['workdays', 'calendar']);
/** A valid calendar date 'YYYY-MM-DD' (zod checks month lengths and leap years). */
const isoDate = z.iso.date();

export const yearParam = z.strictObject({ year: z.coerce.number().int().min(YEAR_MIN).max(YEAR_MAX) });
export const yearsQuery = z.strictObject({ ...pageQuery });

export const calendarYearSummary = z.object({
  year: z.number().int(),
  source: z.string(),
  amendedBy: z.array(z.string()),
  holidays: z.number().int(),
  workdays: z.number().int(),
  origin: z.enum(['builtin', 'admin']),
  version: z.number().int().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});
export const calendarDay = z.object({ date: z.string(), kind: dayKind, name: z.string() });
export const calendarYear = calendarYearSummary.extend({ days: z.array(calendarDay) });

/**
 * A year's table as the notice reads. Only the shape is checked here; the dates (valid, near the
 * year, 调休上班日 on a weekend, no clash with a neighbouring year) are checked by the calendar
 * itself, which answers CALENDAR_TABLE_INVALID with fields like `days[3].date`.
 */
export const calendarYearBody = z.strictObject({
  source: plainText(100).describe('放假安排通知的文号，如 国办发明电〔2025〕7号'),
  amendedBy: z.array(plainText(100)).max(10).optional().describe('后来修改该年安排的通知文号'),
  days: z
    .array(
      z.strictObject({
        date: z.string().max(32).describe('YYYY-MM-DD'),
        kind: dayKind.describe('holiday 放假；workday 调休上班（周六或周日）'),
        name: plainText(30).describe('节日名称，如 春节'),
      }),
    )
    .min(1)
    .max(200),
});

export const deadlineQuery = z.strictObject({
  statute: statute.describe('期间所依据的法律（DAY-01 行政处罚法，DAY-02 行政复议法，DAY-03 民事诉讼法，DAY-04 其余）'),
  start: isoDate.describe('期间开始日（不计入期间）'),
  days: z.coerce.number().int().min(1).max(MAX_PERIOD_DAYS),
  kind: periodKind.optional().describe('仅法律未规定时（DAY-04）可指定按工作日计算'),
});

export const deadline = z.object({
  statute,
  start: z.string(),
  days: z.number().int(),
  kind: periodKind,
  rules: z.array(z.enum(['DAY-01', 'DAY-02', 'DAY-03', 'DAY-04'])),
  basis: z.string(),
  date: z.string().describe('期间届满日'),
  nominalEnd: z.string().describe('顺延前的届满日'),
  rolled: z.boolean().describe('届满日为法定休假日而顺延（DAY-03）'),
});

export const daysQuery = z.strictObject({ from: isoDate, to: isoDate });

export const calendarDays = listOf(
  z.object({
    date: z.string(),
    weekday: z.number().int().describe('0 周日 … 6 周六'),
    isWorkday: z.boolean().nullable().describe('null：该年度工作日历尚未维护'),
    reason: z.enum(['weekday', 'weekend', 'holiday', 'makeup-workday', 'unknown']),
    name: z.string().nullable(),
  }),
).extend({ missingYears: z.array(z.number().int()).describe('尚未维护工作日历、需管理员录入的年度') });
