/**
 * Elapsed-day arithmetic on Chinese legal dates ('YYYY-MM-DD'). Deadlines themselves come from the
 * work calendar (DAY-01..03); this only measures spans between recorded dates (the 90-day clock's
 * pauses, overdue days for the surcharge, on the calendar's day numbers) and anniversaries
 * (limitation, age).
 */
import { daysBetween } from '../../../platform/calendar/index.ts';

/** Days of [from, to) that fall inside [start, end): the overlap of two half-open spans. */
export function overlapDays(from: string, to: string, start: string, end: string): number {
  const lo = from > start ? from : start;
  const hi = to < end ? to : end;
  return hi > lo ? daysBetween(lo, hi) : 0;
}

/**
 * The same month and day `years` later; 02-29 becomes 02-28 in a common year (the period ends in
 * that month, on its last day).
 */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Full years of age on `date` for a birth date (the birthday itself completes the year). */
export function ageOn(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) >= birth.slice(5) ? years : years - 1;
}
