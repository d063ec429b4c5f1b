/**
 * Calendar dates, stored in the GB/T 7408-2005 (ISO 8601) extended calendar form YYYY-MM-DD.
 *
 * People type dates in many ways, and spreadsheets add their own: exceljs hands date cells over
 * as Date objects at UTC midnight, and numeric cells that are really dates arrive as Excel
 * serial numbers. All of these are read here, once, so every library stores the same form.
 */
import { type Check, fail, ok, preview } from './check.ts';
import { foldWidth } from './text.rules.ts';

export const DATE_MIN_YEAR = 1900;
export const DATE_MAX_YEAR = 2100;

const FORMATS = '可填 2021-07-15、2021/7/15、2021.7.15、2021年7月15日、20210715 或 Excel 日期';

/** Days in each month of a common year; February is adjusted for leap years below. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** Whether year-month-day exists in the (proleptic) Gregorian calendar of GB/T 7408. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;

/**
 * Validates the parts and formats them; the one place every accepted form ends up. `stored` is
 * the input when it is the formatted form already.
 */
function fromParts(year: number, month: number, day: number, stored?: string): Check<string> {
  if (month < 1 || month > 12) return fail('DATE_INVALID', `日期不存在：月份应为 1–12，实际为 ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) {
    return fail('DATE_INVALID', `日期不存在：${year} 年 ${month} 月只有 ${daysInMonth(year, month)} 天，没有 ${day} 日`);
  }
  if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR) {
    return fail('DATE_OUT_OF_RANGE', `日期 ${iso(year, month, day)} 超出 ${DATE_MIN_YEAR}–${DATE_MAX_YEAR} 年的范围`);
  }
  return ok(stored ?? iso(year, month, day));
}

// ---------------------------------------------------------------------------------------------
// Excel serial numbers

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01 and 2958465 is 9999-12-31. Excel copied
 * Lotus 1-2-3 in treating 1900 as a leap year, so serial 60 is the nonexistent 1900-02-29 and
 * every later serial is one day ahead of a plain day count: serials from 61 on count from
 * 1899-12-30, those below 60 from 1899-12-31.
 */
const SERIAL_MAX = 2958465;
const SERIAL_FAKE_LEAP_DAY = 60;
const DAY_MS = 86_400_000;
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_LEAP_BUG = Date.UTC(1899, 11, 31);

function fromSerial(serial: number): Check<string> {
  const days = Math.floor(serial);
  if (days < 1 || days > SERIAL_MAX) return fail('DATE_INVALID', `无法识别的日期 ${serial}：${FORMATS}`);
  if (days === SERIAL_FAKE_LEAP_DAY) {
    return fail('DATE_INVALID', 'Excel 日期序号 60 对应 1900-02-29，这一天并不存在（Excel 沿袭 Lotus 1-2-3 的错误）');
  }
  const epoch = days > SERIAL_FAKE_LEAP_DAY ? EPOCH_AFTER_LEAP_BUG : EPOCH_BEFORE_LEAP_BUG;
  const d = new Date(epoch + days * DAY_MS);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A bare whole number 1000–2999 is far more likely a year typed into a date column than an
 * Excel serial (those serials are dates in 1902–1908, which no record here has), so it is
 * refused instead of silently becoming a date in 1905.
 */
const yearOnly = (year: number): Check<never> =>
  fail('DATE_INVALID', `"${year}" 只有年份，请填写完整日期（${FORMATS}）`);
const looksLikeYear = (n: number): boolean => Number.isInteger(n) && n >= 1000 && n <= 2999;

// ---------------------------------------------------------------------------------------------
// Strings

/** Longer than any accepted form (the longest is a timestamp with fraction and offset). */
const DATE_RAW_MAX = 64;
/**
 * 2021-07-15, 2021-7-5, 2021/7/15, 2021.7.15 (the same separator twice), optionally followed by
 * a time ("2021-07-15 08:00:00", "2021-07-15T08:00:00Z", "…+08:00"): the date part is taken as
 * written, without converting the time zone.
 */
const SEPARATED =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** 2021年7月15日, 2021年07月15号, with or without spaces. */
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
/** 20210715 (yyyymmdd, as exported by many registry systems). */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** An Excel serial as text: up to 5 integer digits (serials of dates up to 2100 have 5), optional fraction (time of day). */
const SERIAL = /^\d{1,5}(?:\.\d+)?$/;

const num = (s: string | undefined): number => (s === undefined ? Number.NaN : Number(s));

/** The number written by the ASCII digits from..to of `s`; −1 when one is not a digit. */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const oneOrTwo = (from: number, to: number): boolean => to - from >= 1 && to - from <= 2;

const YEAR = 0x5e74; // 年
const MONTH = '\u6708'; // 月
const DAY = 0x65e5; // 日
const DAY_ALT = 0x53f7; // 号

/**
 * Most cells are one of the forms above with nothing around them and no time: 2021-07-15,
 * 2021/7/15, 2021.7.15, 2021年7月15日 (号, or neither), 20210715. Read from the character codes,
 * without folding and the patterns (which accept exactly these too, and more): year · 10000 +
 * month · 100 + day, or −1 when `s` is not such a form.
 */
function plainDate(s: string): number {
  const n = s.length;
  if (n < 8 || n > 11) return -1;
  const year = digitsValue(s, 0, 4);
  if (year < 0) return -1;
  const sep = s.charCodeAt(4);
  if (n === 8 && sep >= 48 && sep <= 57) {
    const monthDay = digitsValue(s, 4, 8);
    return monthDay < 0 ? -1 : year * 10_000 + monthDay;
  }
  const chinese = sep === YEAR;
  if (!chinese && sep !== 45 && sep !== 46 && sep !== 47) return -1;
  const second = s.indexOf(chinese ? MONTH : s.charAt(4), 5);
  const last = s.charCodeAt(n - 1);
  const end = chinese && (last === DAY || last === DAY_ALT) ? n - 1 : n;
  if (second < 0 || !oneOrTwo(5, second) || !oneOrTwo(second + 1, end)) return -1;
  const month = digitsValue(s, 5, second);
  const day = digitsValue(s, second + 1, end);
  return month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
}

function fromString(raw: string): Check<string> {
  const plain = plainDate(raw);
  if (plain >= 0) {
    // 2021-07-15 as typed is already its stored form: keep the string rather than format it again.
    const stored = raw.length === 10 && raw.charCodeAt(4) === 45 ? raw : undefined;
    return fromParts(Math.floor(plain / 10_000), Math.floor(plain / 100) % 100, plain % 100, stored);
  }
  if (raw.length > DATE_RAW_MAX) return fail('DATE_INVALID', `无法识别的日期 "${preview(raw)}"：${FORMATS}`);
  const s = foldWidth(raw).trim();
  if (s === '') return fail('DATE_INVALID', `日期为空：${FORMATS}`);
  let m = SEPARATED.exec(s);
  if (m) {
    if (m[5] !== undefined && (num(m[5]) > 23 || num(m[6]) > 59 || num(m[7] ?? '0') > 60)) {
      return fail('DATE_INVALID', `"${preview(s)}" 的时间部分不正确：${FORMATS}`);
    }
    return fromParts(num(m[1]), num(m[3]), num(m[4]));
  }
  m = CHINESE.exec(s) ?? COMPACT.exec(s);
  if (m) return fromParts(num(m[1]), num(m[2]), num(m[3]));
  if (SERIAL.test(s)) {
    const n = Number(s);
    return looksLikeYear(n) ? yearOnly(n) : fromSerial(n);
  }
  return fail('DATE_INVALID', `无法识别的日期 "${preview(s)}"：${FORMATS}`);
}

/**
 * A calendar date as 'YYYY-MM-DD'. Accepts the separated, Chinese and compact forms above, a
 * timestamp (its date part), a Date (its UTC date: exceljs returns date cells as UTC midnight,
 * so local components would shift them by a day west of UTC), and Excel serial numbers.
 * Impossible dates are DATE_INVALID; real dates outside 1900–2100 are DATE_OUT_OF_RANGE.
 */
export function checkDate(raw: string | number | Date): Check<string> {
  if (typeof raw === 'string') return fromString(raw);
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('DATE_INVALID', `无法识别的日期：${FORMATS}`);
    if (looksLikeYear(raw)) return yearOnly(raw);
    // An eight-digit number is yyyymmdd typed into a numeric cell: no Excel serial is that large.
    if (Number.isInteger(raw) && raw >= 10_000_000 && raw <= 99_999_999) {
      return fromParts(Math.floor(raw / 10_000), Math.floor(raw / 100) % 100, raw % 100);
    }
    return fromSerial(raw);
  }
  if (raw instanceof Date) {
    const t = raw.getTime();
    if (Number.isNaN(t)) return fail('DATE_INVALID', `无效的日期：${FORMATS}`);
    return fromParts(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  return fail('DATE_INVALID', `无法识别的日期：${FORMATS}`);
}
