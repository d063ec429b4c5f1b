import { AppError, defineErrors, type ErrorSpec } from '../http/errors.ts';

// The calendar's error codes (DESIGN §4: stable codes, Chinese messages), declared once here and
// listed in docs/errors.md.
const SPECS = {
  CALENDAR_YEAR_MISSING: { status: 409, message: '该年度的工作日历（国务院办公厅节假日安排）尚未维护，无法计算期间' },
  CALENDAR_YEAR_NOT_FOUND: { status: 404, message: '该年度的工作日历尚未录入' },
  CALENDAR_TABLE_INVALID: { status: 400, message: '工作日历数据不符合要求' },
  CALENDAR_DATE_INVALID: { status: 400, message: '日期不正确，应为 YYYY-MM-DD 格式的有效日期' },
  CALENDAR_PERIOD_INVALID: { status: 400, message: '期间参数不符合要求' },
  CALENDAR_RANGE_INVALID: { status: 400, message: '日期范围不正确：开始日期不能晚于结束日期，且最多 366 天' },
} as const satisfies Record<string, ErrorSpec>;

export const calendarErrors = defineErrors(SPECS);

/**
 * A computation needed a year for which no table (State Council notice) is loaded. An unknown
 * year is never treated as "no holidays" (DAY-01..DAY-03 would silently give a wrong deadline).
 */
export class CalendarYearMissingError extends AppError {
  readonly year: number;
  /** the date whose status could not be decided */
  readonly date: string | undefined;
  constructor(year: number, date?: string) {
    super(
      'CALENDAR_YEAR_MISSING',
      SPECS.CALENDAR_YEAR_MISSING,
      `${year}年的工作日历（国务院办公厅节假日安排）尚未维护，无法判断${date ?? '该日期'}是否为工作日，` +
        `请系统管理员先在“工作日历”中录入${year}年放假安排`,
      [{ field: 'year', message: String(year) }],
    );
    this.name = 'CalendarYearMissingError';
    this.year = year;
    this.date = date;
  }
}
