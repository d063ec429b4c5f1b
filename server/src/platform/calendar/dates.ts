/**
 * Chinese legal dates 'YYYY-MM-DD' as day numbers (days since 1970-01-01, proleptic Gregorian).
 * No Date objects and no time zones: a deadline must not move by a day with the server's TZ.
 */
import { calendarErrors } from './calendar.errors.ts';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a (proleptic Gregorian) year, month 1–12 and day (H. Hinnant's civil algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1–12, day 1–31] of a day number. */
export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The day number of a valid 'YYYY-MM-DD', or undefined (rejects 2025-02-30 and non-strings). */
export function dayNumber(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const n = daysFromCivil(y, mo, d);
  const [y2, mo2, d2] = civilFromDays(n);
  return y2 === y && mo2 === mo && d2 === d ? n : undefined;
}

/** The day number of `date`; CALENDAR_DATE_INVALID naming `field` when it is not a valid date. */
export function parseDate(date: string, field = 'date'): number {
  const n = dayNumber(date);
  if (n === undefined) {
    throw calendarErrors.CALENDAR_DATE_INVALID(undefined, [{ field, message: `不是有效日期：${String(date)}` }]);
  }
  return n;
}

/** Days from `a` to `b` (negative when b is earlier): 2024-10-01 → 2024-10-08 is 7. Elapsed days, never a deadline. */
export function daysBetween(a: string, b: string): number {
  return parseDate(b, 'to') - parseDate(a, 'from');
}

export function formatDay(n: number): string {
  const [y, m, d] = civilFromDays(n);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isWeekend(n: number): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

export const yearOf = (n: number): number => civilFromDays(n)[0];
