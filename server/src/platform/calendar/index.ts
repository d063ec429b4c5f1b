/**
 * 工作日历 (platform/calendar): statutory holidays and 调休 make-up workdays, and the statutory
 * period rules DAY-01..DAY-04 (domain/statutory-rules.md §0.3). Modules receive the service from
 * the composition root and compute deadlines with `calendar.current().deadline(...)`; they import
 * only this file. See README.md.
 */
export { calendarRoutes } from './calendar.routes.ts';
export { createCalendarService, type CalendarService } from './calendar.service.ts';
export { CalendarYearMissingError } from './calendar.errors.ts';
export {
  createWorkCalendar,
  periodKind,
  STATUTE_DAY_RULES,
  type Deadline,
  type PeriodKind,
  type PeriodOverrides,
  type Statute,
  type WorkCalendar,
} from './calendar.ts';
export { daysBetween } from './dates.ts';
export { STATE_COUNCIL_CALENDAR, type CalendarDay, type YearTable } from './holidays.ts';
