/**
 * Chinese numerals as statutes write them: 第一千二百六十条, 第一百零五条, 第十条 (not 一十),
 * 第一百一十条 (not 一百十), items （二十）. Only 1–9999 with units (no 万): no article, chapter or
 * item number reaches 10,000, and refusing what a statute never writes makes a typo visible instead
 * of silently turning it into some number.
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Every character a numeral may contain, for patterns built elsewhere. */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十百千0-9０-９';

const ARABIC = /^[0-9０-９]+$/;

/**
 * The value of a Chinese numeral with units (一千二百六十, 十一, 一百零五, 一千零一, 两), of a
 * digit-by-digit one (二〇二一, as years are written), or of ASCII / full-width digits; null when
 * it is not a well-formed numeral. Strict where statutes are: units must fall (千 > 百 > 十), a
 * 零 stands for skipped units only (一千零一, not 一千零零一 or 一百零十五), and a bare digit after
 * 百 or 千 (colloquial 一百五 for 150) is refused.
 */
export function parseChineseNumber(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return null;
  if (ARABIC.test(s)) return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  if ([...s].every((c) => c in DIGITS)) return s.length === 1 ? (DIGITS[s] ?? null) : positional(s);
  return withUnits(s);
}

/** 二〇二一 → 2021: each character one decimal digit; 两 and a leading 零 never occur there. */
function positional(s: string): number | null {
  if (s.includes('两') || DIGITS[s.charAt(0)] === 0) return null;
  let n = 0;
  for (const c of s) n = n * 10 + (DIGITS[c] ?? 0);
  return n;
}

function withUnits(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let zero = false;
  let lastUnit = Infinity;
  for (const c of s) {
    const d = DIGITS[c];
    const u = UNITS[c];
    if (d !== undefined && d > 0) {
      if (digit !== null) return null;
      digit = d;
    } else if (d === 0) {
      // A 零 follows a unit (never a digit, never another 零) and never opens the numeral.
      if (digit !== null || zero || total === 0) return null;
      zero = true;
    } else if (u !== undefined) {
      if (u >= lastUnit) return null;
      // 十 alone opens 十一…十九; after 零 (一千零十) it is tolerated as 一十.
      if (digit === null && u === 10 && (total === 0 || zero)) digit = 1;
      if (digit === null) return null;
      // 零 must stand for at least one skipped unit: 一千零二百 skips none.
      if (zero && lastUnit <= u * 10) return null;
      total += digit * u;
      lastUnit = u;
      digit = null;
      zero = false;
    } else {
      return null;
    }
  }
  if (digit !== null) {
    // The units digit: right after 十 (二十五), or after a 零 that skipped the tens (一百零五).
    if (zero ? lastUnit < 100 : lastUnit !== 10 && lastUnit !== Infinity) return null;
    return total + digit;
  }
  return zero ? null : total;
}

const DIGIT_CHARS = '零一二三四五六七八九';

/**
 * The numeral statutes write for `n` (1–9999): 十, 十一, 二十, 一百一十, 一百零五, 一千零一十,
 * 一千二百六十. Throws RangeError outside 1–9999 or for a non-integer.
 */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`无法写成中文数字：${n}`);
  const parts: [number, string][] = [
    [Math.floor(n / 1000), '千'],
    [Math.floor(n / 100) % 10, '百'],
    [Math.floor(n / 10) % 10, '十'],
    [n % 10, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [d, unit] of parts) {
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    // 10–19 are 十, 十一…; inside a larger number the 一 stays (一百一十).
    out += d === 1 && unit === '十' && out === '' ? '十' : `${DIGIT_CHARS[d]}${unit}`;
  }
  return out;
}
