/**
 * 公民身份号码 (GB 11643-1999《公民身份号码》).
 *
 * Layout of the 18 characters:
 *   1–6    address code: the GB/T 2260 administrative division where the number was first issued
 *   7–14   birth date YYYYMMDD (GB/T 7408)
 *   15–17  sequence; the 17th digit is odd for men and even for women
 *   18     check character, ISO 7064 MOD 11-2 over positions 1–17 (0–9 or X for ten)
 *
 * Numbers issued before the 1999 standard have 15 digits: the same address code, a two-digit
 * year (always 19YY) and the three-digit sequence, without a check character. They are upgraded
 * the way the issuing authorities did it: insert "19" before the year and append the check digit.
 */
import { type Check, fail, ok, preview } from './check.ts';
import { isCalendarDate } from './date.rules.ts';
import { foldWidth } from './text.rules.ts';

/** ISO 7064 MOD 11-2 weights for positions 1–17 (2^(18-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

const BODY17 = /^\d{17}$/;

/** The check character of the first 17 digits (GB 11643-1999 §4.3 / ISO 7064 MOD 11-2). */
export function idCheckDigit(first17: string): string {
  if (!BODY17.test(first17)) throw new RangeError('公民身份号码本体须为 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Province-level codes of GB/T 2260 that can open a number: 11–15, 21–23, 31–37, 41–46, 50–54,
 * 61–65; 71 台湾 (a GB/T 2260 province code, though no number is issued under it), 81 香港,
 * 82 澳门; and 83, which is not in GB/T 2260: 《港澳台居民居住证申领发放办法》(2018) numbers
 * 居住证 of 港澳居民 under 810000/820000 and of 台湾居民 under 830000. Those numbers follow
 * GB 11643 in every other respect and the people holding them appear in these registers (lawyers
 * from Hong Kong and Macao, legal-aid applicants), so they are accepted. GB 11643 itself only
 * requires a GB/T 2260 code, which is why 71 stays in.
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54,
  61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** No cell this long can hold a number, even with spaces between its groups. */
const ID_RAW_MAX = 100;
const WHITESPACE = /\s+/g;
/** 1.10105E+17: Excel stored the number as a double and kept only 15 significant digits. */
const SCIENTIFIC = /^\d(?:\.\d+)?E\+?\d+$/i;
const EARLIEST_BIRTH = '19000101';

const LENGTH_HINT = '应为 18 位（旧号码 15 位）';

/**
 * Today in China Standard Time (UTC+8, no daylight saving since 1991) as YYYYMMDD: a birth date
 * is a date in China, and the server's own time zone must not decide whether a number issued
 * today is accepted. Cached until the next midnight, as this runs once per row.
 */
let cachedToday = '';
let cachedUntil = 0;
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function chinaToday(): string {
  const now = Date.now();
  if (now >= cachedUntil || now < cachedUntil - DAY_MS) {
    const local = now + CST_OFFSET_MS;
    const d = new Date(local);
    cachedToday = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
    cachedUntil = (Math.floor(local / DAY_MS) + 1) * DAY_MS - CST_OFFSET_MS;
  }
  return cachedToday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface IdNumberOptions {
  /** 'YYYY-MM-DD'; the latest acceptable birth date. Defaults to today in China (UTC+8). */
  today?: string;
}

const isoOf = (ymd: string): string => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;

/** The first character that is neither a digit nor an X in the check position; -1 when none. */
function firstBadChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 88 && i === 17 && s.length === 18) continue;
    return i;
  }
  return -1;
}

const digitAt = (s: string, i: number): number => s.charCodeAt(i) - 48;

/**
 * The number as `checkIdNumber` would return it, when `s` is 18 ASCII characters (17 digits and
 * a digit, X or x) passing every check — what almost every cell of an import is; null for
 * anything else, which the full path then checks and explains. Reads character codes only:
 * no folding, slicing or patterns. The checks run in the full path's order, so `today` is read
 * (and a malformed one thrown) exactly when that path would read it.
 */
function plainIdNumber(s: string, opts: IdNumberOptions | undefined): string | null {
  if (s.length !== 18) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    sum += d * (WEIGHTS[i] ?? 0);
  }
  const given = s.charCodeAt(17);
  if (!((given >= 48 && given <= 57) || given === 88 || given === 120)) return null;
  if (!PROVINCES.has(digitAt(s, 0) * 10 + digitAt(s, 1))) return null;
  const year = digitAt(s, 6) * 1000 + digitAt(s, 7) * 100 + digitAt(s, 8) * 10 + digitAt(s, 9);
  if (year < 1900 /* EARLIEST_BIRTH */ || !isCalendarDate(year, digitAt(s, 10) * 10 + digitAt(s, 11), digitAt(s, 12) * 10 + digitAt(s, 13))) return null;
  const today = todayOf(opts);
  for (let k = 0; k < 8; k++) {
    const d = s.charCodeAt(6 + k) - today.charCodeAt(k);
    if (d > 0) return null; // born after today
    if (d < 0) break;
  }
  const expected = CHECK_CHARS.charCodeAt(sum % 11);
  if (given === expected) return s;
  return given === 120 && expected === 88 ? `${s.slice(0, 17)}X` : null;
}

/**
 * 公民身份号码, normalised to 18 characters. Full-width digits and a lower-case or full-width
 * x are folded, spaces (people group the digits 6-8-4) removed, 15-digit numbers upgraded.
 * Checks, in the order that gives the most specific message: characters and length, the
 * province code, the birth date (a real date, 1900-01-01 to today), then the check character —
 * a single mistyped digit anywhere is caught by the last, but a wrong birth date is reported as
 * such rather than as a bad check character.
 */
export function checkIdNumber(raw: string, opts?: IdNumberOptions): Check<string> {
  if (typeof raw !== 'string') return fail('ID_NUMBER_FORMAT', '公民身份号码须为文本');
  const plain = plainIdNumber(raw, opts);
  if (plain !== null) return ok(plain);
  if (raw.length > ID_RAW_MAX) return fail('ID_NUMBER_FORMAT', `公民身份号码${LENGTH_HINT}，该值过长`);
  let s = foldWidth(raw).replace(WHITESPACE, '');
  // A leading apostrophe is Excel's "store as text" marker, kept by some CSV exports.
  if (s.charCodeAt(0) === 39) s = s.slice(1);
  if (s === '') return fail('ID_NUMBER_FORMAT', '公民身份号码为空');
  if (s.length === 18 && s.charCodeAt(17) === 120) s = `${s.slice(0, 17)}X`;
  if (SCIENTIFIC.test(s)) {
    return fail('ID_NUMBER_FORMAT', `公民身份号码被 Excel 显示成了科学计数法（"${preview(s)}"），后几位已丢失：请把该列设为“文本”后重新填写`);
  }
  const bad = firstBadChar(s);
  if (bad >= 0) {
    const ch = String.fromCodePoint(s.codePointAt(bad) ?? 0);
    if (bad === 17 && s.length === 18) {
      return fail('ID_NUMBER_FORMAT', `公民身份号码第 18 位（校验码）应为数字或 X，实际为 "${preview(ch)}"`);
    }
    const hint = ch === 'X' || ch === 'x' ? '（只有 18 位号码的最后一位可以是 X）' : '';
    return fail('ID_NUMBER_FORMAT', `公民身份号码第 ${bad + 1} 位 "${preview(ch)}" 不是数字${hint}`);
  }
  const legacy = s.length === 15;
  if (!legacy && s.length !== 18) return fail('ID_NUMBER_FORMAT', `公民身份号码${LENGTH_HINT}，实际为 ${s.length} 位`);

  const province = (s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48);
  if (!PROVINCES.has(province)) {
    return fail('ID_NUMBER_REGION', `公民身份号码前 2 位 "${s.slice(0, 2)}" 不是有效的省级行政区划代码（GB/T 2260）`);
  }

  const ymd = legacy ? `19${s.slice(6, 12)}` : s.slice(6, 14);
  const where = legacy ? '15 位号码第 7–12 位' : '第 7–14 位';
  const year = Number(ymd.slice(0, 4));
  const month = Number(ymd.slice(4, 6));
  const day = Number(ymd.slice(6, 8));
  if (!isCalendarDate(year, month, day)) {
    return fail('ID_NUMBER_BIRTH_DATE', `公民身份号码${where}的出生日期 ${legacy ? ymd.slice(2) : ymd} 不存在`);
  }
  if (ymd < EARLIEST_BIRTH) {
    return fail('ID_NUMBER_BIRTH_DATE', `公民身份号码${where}的出生日期 ${isoOf(ymd)} 早于 1900-01-01`);
  }
  const today = todayOf(opts);
  if (ymd > today) {
    return fail('ID_NUMBER_BIRTH_DATE', `公民身份号码${where}的出生日期 ${isoOf(ymd)} 晚于今天（${isoOf(today)}）`);
  }

  if (legacy) {
    const first17 = `${s.slice(0, 6)}19${s.slice(6)}`;
    return ok(first17 + idCheckDigit(first17));
  }
  const expected = idCheckDigit(s.slice(0, 17));
  const given = s.charAt(17);
  if (given !== expected) {
    return fail('ID_NUMBER_CHECK_DIGIT', `公民身份号码校验位错误：第 18 位应为 "${expected}"，实际为 "${given}"（号码中可能有输错的数字）`);
  }
  return ok(s);
}

function todayOf(opts: IdNumberOptions | undefined): string {
  const given = opts?.today;
  if (given === undefined) return chinaToday();
  const m = ISO_DATE.exec(given);
  // A malformed `today` is a caller's bug, not bad data: fail loudly rather than misjudge every row.
  if (!m) throw new RangeError(`today 须为 YYYY-MM-DD：${given}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

/** 'YYYY-MM-DD' from positions 7–14 of a number that passed `checkIdNumber`. */
export function birthDateOfId(id18: string): string {
  if (typeof id18 !== 'string' || id18.length !== 18) return '';
  return isoOf(id18.slice(6, 14));
}

/**
 * GB/T 2261.1-2003 sex code from the 17th digit of a number that passed `checkIdNumber`:
 * odd → '1' 男性, even → '2' 女性 (GB 11643-1999 §4.2.3: the sequence code is odd for men).
 */
export function genderOfId(id18: string): '1' | '2' {
  const digit = typeof id18 === 'string' ? id18.charCodeAt(16) - 48 : 0;
  return digit % 2 === 1 ? '1' : '2';
}
