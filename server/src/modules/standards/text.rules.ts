/**
 * Text, names, identifiers and numbers as people type them into spreadsheets.
 *
 * Everything here runs once per cell of an import, so regular expressions are compiled once at
 * module level, every pattern is linear (no nested quantifiers that could backtrack
 * quadratically), and inputs far longer than any valid value are rejected before any pattern runs.
 */
import { type Check, fail, ok, preview } from './check.ts';

// ---------------------------------------------------------------------------------------------
// Width folding and plain text

/**
 * Full-width ASCII (U+FF01–U+FF5E) and the ideographic space (U+3000). Chinese input methods
 * type these in full-width mode ("１２３", "Ａ", "（"), and GB 18030 keeps them distinct from
 * ASCII, so without folding "１２３" and "123" would be different values.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

const foldChar = (ch: string): string => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/**
 * Full-width ASCII → half-width, U+3000 → space. Touches nothing else: the middle dot "·"
 * (U+00B7), "、", "〔〕" and every CJK character are left as they are.
 */
export function foldWidth(s: string): string {
  if (typeof s !== 'string') return '';
  return s.replace(FULL_WIDTH, foldChar);
}

/**
 * Characters that never belong in a text value: C0 controls except the whitespace ones
 * (\t \n \v \f \r, which are collapsed instead), DEL and the C1 controls (typical of binary
 * content, or of GBK bytes decoded as Latin-1), U+FFFD (what a decoder puts where bytes were not
 * valid in the encoding it assumed — the file was read with the wrong encoding), and lone UTF-16
 * surrogates (a string cut in the middle of a character). One linear pass finds the first.
 */
const INVALID_CHAR = /[\x00-\x08\x0E-\x1F\x7F-\x9F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Zero-width characters left behind by web pages and Word (ZERO WIDTH SPACE, WORD JOINER, and
 * U+FEFF, a byte-order mark when a file was concatenated into another). They are invisible, so
 * two values that look equal would otherwise differ. ZWJ/ZWNJ are kept: they change rendering.
 */
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
/**
 * Whitespace that needs rewriting: a run of two or more, or any single whitespace other than a
 * plain space. A lone space is left alone, so ordinary prose is not rewritten match by match —
 * /\s+/g on a 100 MB cell of words took 25 s, this takes a fraction of a second.
 */
const WHITESPACE_RUN = / \s+|[^\S ]\s*/g;

const hex4 = (c: number): string => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/** 1-based position in characters (code points) of UTF-16 index `index`. */
function charPosition(s: string, index: number): number {
  let pos = 1;
  for (let i = 0; i < index; i++) {
    const c = s.charCodeAt(i);
    // The second half of a surrogate pair does not start a new character.
    if ((c & 0xfc00) === 0xdc00 && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    pos++;
  }
  return pos;
}

function invalidCharMessage(s: string, index: number): string {
  const c = s.charCodeAt(index);
  const where = `第 ${charPosition(s, index)} 个字符`;
  if (c === 0xfffd) {
    return `含乱码替换字符 U+FFFD（${where}）：文件编码可能有误，请以 UTF-8 或 GB 18030 重新导出`;
  }
  if ((c & 0xf800) === 0xd800) {
    return `含残缺的 Unicode 字符 ${hex4(c)}（${where}）：文本可能被截断或编码错误`;
  }
  return `含不可见控制字符 ${hex4(c)}（${where}；可能是二进制内容或编码错误）`;
}

/**
 * What `normalizeText` has to do to `s`, told in one pass without allocating, as it runs on most
 * cells: nothing (no character any step would reject, fold, delete or collapse; spaces single and
 * inside), only fold full-width ASCII (Chinese text is full of ，：（）), or everything. It may say
 * 'all' when less would do (the full path then does just that), never less than is needed.
 */
function textWork(s: string): 'none' | 'fold' | 'all' {
  const last = s.length - 1;
  let fold = false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII, and CJK punctuation, kana, ideographs, Hangul: most characters of a cell.
    if ((c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xd800)) continue;
    if (c === 0x20 && i > 0 && i < last && s.charCodeAt(i - 1) !== 0x20) continue;
    // Folded, these become printable ASCII: nothing for the later steps to do about them.
    if (c >= 0xff01 && c <= 0xff5e) fold = true;
    // Controls, white space, zero-width characters, U+FFFD, surrogates (the full path tells pairs from lone ones).
    else if (c < 0xa1 || (c >= 0x1680 && c <= 0x180e) || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f)) return 'all';
    else if (c === 0x205f || c === 0x2060 || c === 0x3000 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfeff || c === 0xfffd) return 'all';
  }
  return fold ? 'fold' : 'none';
}

/**
 * The normal form of free text: width folded, zero-width characters removed, every run of
 * whitespace (including line breaks and tabs inside a cell) collapsed to one space, trimmed.
 * Rejects control characters, U+FFFD and lone surrogates rather than deleting them: they mean
 * the value was damaged on the way in, and silently dropping them would hide that.
 */
export function normalizeText(raw: string): Check<string> {
  if (typeof raw !== 'string') return fail('TEXT_INVALID_CHARS', '须为文本');
  const work = textWork(raw);
  if (work === 'none') return ok(raw);
  if (work === 'fold') return ok(foldWidth(raw));
  const bad = raw.search(INVALID_CHAR);
  if (bad >= 0) return fail('TEXT_INVALID_CHARS', invalidCharMessage(raw, bad));
  return ok(foldWidth(raw).replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim());
}

// ---------------------------------------------------------------------------------------------
// Person names (GA/T 2000.1-2015 姓名; 少数民族姓名 with the middle dot)

/**
 * Han ideographs: CJK Unified Ideographs and Extension A, the compatibility block (some are
 * unified characters, e.g. 﨑), 〇 (U+3007, in 《通用规范汉字表》), and the whole of planes 2
 * and 3 (Extensions B–H and the compatibility supplement), which Unicode reserves for
 * ideographs — rare characters in names are exactly the ones that live there.
 */
const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\u3007\\u{20000}-\\u{3FFFD}';
const HAS_HAN = new RegExp(`[${HAN}]`, 'u');
const IS_HAN = new RegExp(`^[${HAN}]$`, 'u');
const MIDDLE_DOT = '\u00B7';
/** A Chinese name: ideographs, optionally in parts joined by single middle dots (阿沛·阿旺晋美). */
const CHINESE_NAME = new RegExp(`^[${HAN}]+(?:${MIDDLE_DOT}[${HAN}]+)*$`, 'u');
/**
 * What people type for the middle dot of a transliterated name: "·" U+00B7 (the one GB 18030
 * and 公安 systems use), "•" U+2022, "・" U+30FB (Japanese IME), its half-width U+FF65, "‧"
 * U+2027, "∙" U+2219, "⋅" U+22C5, Greek "·" U+0387, and "." — which is also what the full-width
 * "．" (U+FF0E) becomes after width folding.
 */
const DOT_VARIANTS = /[.\u00B7\u2022\u30FB\uFF65\u2027\u2219\u22C5\u0387]/g;
const SPACES = / /g;
const DIGIT = /\p{Nd}/u;
/** A Latin-script name: starts with a letter, may contain spaces . - ' and combining marks, ends in a letter or ".". */
const LATIN_NAME = /^\p{Script=Latin}(?:[\p{Script=Latin}\p{M} .'-]*[\p{Script=Latin}\p{M}.])?$/u;
const LATIN_NAME_CHAR = /^[\p{Script=Latin}\p{M} .'-]$/u;
const APOSTROPHES = /[\u2018\u2019\u02BC]/g;

const NAME_MIN = 2;
const NAME_MAX = 50;
/**
 * Longest raw cell still worth normalising. Spreadsheets pad two-character names with spaces
 * to line them up with three-character ones ("张  三"), so the limit is generous; anything longer
 * cannot become a 50-character name and is rejected without scanning it.
 */
const NAME_RAW_MAX = 1000;

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if ((s.charCodeAt(i) & 0xfc00) !== 0xdc00) n++;
  return n;
}

/** U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF, U+3007: the BMP part of HAN. */
const isBmpHan = (c: number): boolean => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;

/**
 * A name `checkPersonName` accepts as it is — 2–50 BMP ideographs, single middle dots only
 * between them — told without normalising or running the Unicode patterns, as almost every
 * cell of a name column is.
 */
function isPlainChineseName(s: string): boolean {
  const last = s.length - 1;
  if (last < NAME_MIN - 1 || last > NAME_MAX - 1) return false;
  for (let i = 0; i <= last; i++) {
    const c = s.charCodeAt(i);
    if (isBmpHan(c)) continue;
    if (c === 0xb7 && i > 0 && i < last && s.charCodeAt(i - 1) !== 0xb7) continue;
    return false;
  }
  return true;
}

/**
 * 姓名. Chinese names are ideographs (2–50 characters; spaces removed, since "张  三" is the
 * alignment habit, not part of the name; every middle-dot variant becomes U+00B7). Other names
 * are Latin letters with spaces . - ' (2–50 characters, NFC). No digits in either.
 */
export function checkPersonName(raw: string): Check<string> {
  if (typeof raw !== 'string') return fail('NAME_INVALID', '姓名须为文本');
  if (isPlainChineseName(raw)) return ok(raw);
  if (raw.length > NAME_RAW_MAX) return fail('NAME_INVALID', `姓名过长（超过 ${NAME_MAX} 个字符）`);
  const text = normalizeText(raw);
  if (!text.ok) return text;
  let s = text.value;
  if (s === '') return fail('NAME_INVALID', '姓名为空');
  const digit = DIGIT.exec(s);
  if (digit) return fail('NAME_INVALID', `姓名不能含数字（"${digit[0]}"）`);

  if (HAS_HAN.test(s)) {
    s = s.replace(SPACES, '').replace(DOT_VARIANTS, MIDDLE_DOT);
    if (!CHINESE_NAME.test(s)) {
      for (const ch of s) {
        if (ch !== MIDDLE_DOT && !IS_HAN.test(ch)) {
          return fail('NAME_INVALID', `姓名含不允许的字符 "${preview(ch)}"：中文姓名只能由汉字和间隔点“·”组成`);
        }
      }
      return fail('NAME_INVALID', '姓名的间隔点“·”不能在开头、结尾或连续出现');
    }
    const n = codePointLength(s);
    if (n < NAME_MIN) return fail('NAME_INVALID', `中文姓名至少 2 个字，"${s}" 只有 1 个字`);
    if (n > NAME_MAX) return fail('NAME_INVALID', `姓名过长：${n} 个字符，最多 ${NAME_MAX} 个`);
    return ok(s);
  }

  // Composed form, so "é" typed as e + U+0301 and as U+00E9 are the same name.
  s = s.normalize('NFC').replace(APOSTROPHES, "'");
  if (!LATIN_NAME.test(s)) {
    for (const ch of s) {
      if (!LATIN_NAME_CHAR.test(ch)) {
        return fail('NAME_INVALID', `姓名含不允许的字符 "${preview(ch)}"：外文姓名只能由拉丁字母、空格和 . - ' 组成`);
      }
    }
    return fail('NAME_INVALID', "外文姓名须以字母开头，以字母或“.”结尾");
  }
  const n = codePointLength(s);
  if (n < NAME_MIN) return fail('NAME_INVALID', `姓名至少 2 个字符，"${s}" 只有 1 个`);
  if (n > NAME_MAX) return fail('NAME_INVALID', `姓名过长：${n} 个字符，最多 ${NAME_MAX} 个`);
  return ok(s);
}

// ---------------------------------------------------------------------------------------------
// Identifiers (执业证号, 案号, 证书编号, 行政区划代码)

/**
 * Registry numbers: ASCII letters, digits, Han characters (案号 and 编号 carry them:
 * "(2024)浙0106民初123号", "浙司援〔2024〕12号"), and the punctuation those numbers use:
 * - / ( ) [ ] and the 六角括号 〔〕 of 发文字号 (GB/T 9704-2012). Full-width （）［］ fold to
 * ASCII before this test.
 */
const IDENTIFIER = new RegExp(`^[A-Z0-9\\-/()\\[\\]\\u3014\\u3015${HAN}]+$`, 'u');
const IDENTIFIER_CHAR = new RegExp(`^[A-Z0-9\\-/()\\[\\]\\u3014\\u3015${HAN}]$`, 'u');
/** Hyphen look-alikes (‐ ‑ ‒ – — ― and the minus sign) that word processors substitute for "-". */
const DASH_VARIANTS = /[\u2010-\u2015\u2212]/g;
const HAS_LOWER = /[a-z]/;
const LOWER = /[a-z]+/g;
const HAS_SPACE = /\s/;
const IDENTIFIER_RAW_MAX = 1000;

const upper = (m: string): string => m.toUpperCase();

/** Compiled `pattern`s of the data elements; there are only a handful, so the cache stays small. */
const patternCache = new Map<string, RegExp | null>();
const PATTERN_CACHE_MAX = 256;

function compiledPattern(source: string): RegExp | null {
  let re = patternCache.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch {
      re = null;
    }
    if (patternCache.size >= PATTERN_CACHE_MAX) patternCache.clear();
    patternCache.set(source, re);
  }
  return re;
}

/**
 * Whether `s` is non-empty and made only of characters IDENTIFIER allows that no normalisation
 * step touches (A–Z, 0–9, - / ( ) [ ], 〔 〕, BMP ideographs): then it is its own normal form.
 */
function isPlainIdentifier(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || isBmpHan(c)) continue;
    if (c === 0x2d || c === 0x2f || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x3014 || c === 0x3015) continue;
    return false;
  }
  return true;
}

/**
 * A registry number: width folded, trimmed, ASCII letters upper-cased (执业证号 and 证书编号 are
 * compared case-insensitively in practice, and one case keeps duplicates detectable); no spaces
 * inside. `pattern` (regular expression source, e.g. "^\\d{6}$") narrows the shape further.
 */
export function checkIdentifier(raw: string, pattern?: string): Check<string> {
  if (typeof raw !== 'string') return fail('IDENTIFIER_INVALID', '编号须为文本');
  if (raw.length > IDENTIFIER_RAW_MAX) return fail('IDENTIFIER_INVALID', '编号过长');
  let s = raw;
  if (!isPlainIdentifier(raw)) {
    s = foldWidth(raw).replace(DASH_VARIANTS, '-').trim();
    if (s === '') return fail('IDENTIFIER_INVALID', '编号为空');
    if (HAS_SPACE.test(s)) return fail('IDENTIFIER_INVALID', `编号 "${preview(s)}" 中间不能有空格`);
    // Upper-case only ASCII letters: String#toUpperCase would also turn "ß" into "SS".
    if (HAS_LOWER.test(s)) s = s.replace(LOWER, upper);
    if (!IDENTIFIER.test(s)) {
      for (const ch of s) {
        if (!IDENTIFIER_CHAR.test(ch)) {
          return fail('IDENTIFIER_INVALID', `编号含不允许的字符 "${preview(ch)}"：只能使用字母、数字、汉字和 - / ( ) 〔 〕 [ ]`);
        }
      }
    }
  }
  if (pattern !== undefined) {
    const re = compiledPattern(pattern);
    if (re === null) return fail('IDENTIFIER_INVALID', '该项的格式规则无效，请联系管理员');
    if (!re.test(s)) return fail('IDENTIFIER_INVALID', `编号 "${preview(s)}" 不符合该项规定的格式`);
  }
  return ok(s);
}

// ---------------------------------------------------------------------------------------------
// Numbers

const INTEGER_MAX = 999_999_999;
/** Digits, optionally in thousands groups ("1,234,567"); a zero fraction ("12.0", from exports of numeric columns) is tolerated. */
const INTEGER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?$/;
const FRACTIONAL = /^(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$/;
const NEGATIVE = /^-\s*[\d.,]/;
const COMMAS = /,/g;
/** Any numeric cell longer than this cannot be in range; reject before running patterns over it. */
const NUMBER_RAW_MAX = 64;

const INTEGER_HINT = '请填 0 至 999,999,999 之间的整数（可带千分位逗号）';

/**
 * A count: a non-negative integer up to 999,999,999 (nine digits fit the 32-bit integer
 * columns counts are stored in). Accepts thousands separators and full-width digits.
 */
export function checkInteger(raw: string | number): Check<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || !Number.isInteger(raw)) return fail('INTEGER_INVALID', `"${String(raw)}" 不是整数：${INTEGER_HINT}`);
    if (raw < 0) return fail('INTEGER_INVALID', `不能为负数：${INTEGER_HINT}`);
    if (raw > INTEGER_MAX) return fail('INTEGER_INVALID', `数值 ${raw} 超过上限 999,999,999`);
    return ok(raw + 0); // + 0 turns -0 into 0
  }
  if (typeof raw !== 'string') return fail('INTEGER_INVALID', INTEGER_HINT);
  if (raw.length > NUMBER_RAW_MAX) return fail('INTEGER_INVALID', `数值过长：${INTEGER_HINT}`);
  const s = foldWidth(raw).trim();
  if (s === '') return fail('INTEGER_INVALID', `数值为空：${INTEGER_HINT}`);
  if (NEGATIVE.test(s)) return fail('INTEGER_INVALID', `不能为负数（"${preview(s)}"）：${INTEGER_HINT}`);
  if (!INTEGER.test(s)) {
    if (FRACTIONAL.test(s)) return fail('INTEGER_INVALID', `须为整数，"${preview(s)}" 含小数`);
    return fail('INTEGER_INVALID', `"${preview(s)}" 不是有效的整数：${INTEGER_HINT}`);
  }
  const dot = s.indexOf('.');
  const digits = (dot < 0 ? s : s.slice(0, dot)).replace(COMMAS, '');
  const value = Number(digits);
  if (value > INTEGER_MAX) return fail('INTEGER_INVALID', `数值 ${preview(s)} 超过上限 999,999,999`);
  return ok(value);
}

/** Integer part at most 13 digits: with 2 decimals that is 15 significant digits, which survive a round trip through a double exactly. */
const DECIMAL_INT_DIGITS = 13;
const DECIMAL_MAX = 10 ** DECIMAL_INT_DIGITS;
/** Integer part (grouped or not, may be empty as in ".5") and an optional fraction. */
const DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
const EXPONENT = /^[\d.,]+e[+-]?\d+$/i;
const LEADING_ZEROS = /^0+(?=\d)/;
const TRAILING_ZEROS = /0+$/;

const DECIMAL_HINT = '请填数值，最多两位小数（可带千分位逗号）';

/**
 * An amount: a non-negative number with at most two decimal places, returned as its shortest
 * exact decimal string ("1,234.50" → "1234.5", "007" → "7"). Kept as a string so that no
 * binary floating-point rounding creeps in between the cell and the database's numeric column.
 * Trailing zeros beyond two places ("12.500") are accepted: they do not change the value.
 */
export function checkDecimal(raw: string | number): Check<string> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('DECIMAL_INVALID', `"${String(raw)}" 不是有效的数值：${DECIMAL_HINT}`);
    if (raw < 0) return fail('DECIMAL_INVALID', `不能为负数：${DECIMAL_HINT}`);
    if (raw >= DECIMAL_MAX) return fail('DECIMAL_INVALID', '数值过大（整数部分最多 13 位）');
    const fixed = raw.toFixed(2);
    // A spreadsheet's 0.1 + 0.2 is 0.30000000000000004: accept values within a few ulps of a
    // two-decimal number, reject real third decimals (1.005 is 0.005 away from 1.00).
    if (Math.abs(Number(fixed) - raw) > Math.max(Math.abs(raw) * 1e-15, Number.EPSILON)) {
      return fail('DECIMAL_INVALID', `最多两位小数，${String(raw)} 的小数位过多`);
    }
    return ok(canonicalDecimal(fixed.slice(0, -3), fixed.slice(-2)));
  }
  if (typeof raw !== 'string') return fail('DECIMAL_INVALID', DECIMAL_HINT);
  if (raw.length > NUMBER_RAW_MAX) return fail('DECIMAL_INVALID', `数值过长：${DECIMAL_HINT}`);
  const s = foldWidth(raw).trim();
  if (s === '') return fail('DECIMAL_INVALID', `数值为空：${DECIMAL_HINT}`);
  if (NEGATIVE.test(s)) return fail('DECIMAL_INVALID', `不能为负数（"${preview(s)}"）：${DECIMAL_HINT}`);
  if (EXPONENT.test(s)) return fail('DECIMAL_INVALID', `不能使用科学计数法（"${preview(s)}"）：${DECIMAL_HINT}`);
  const m = DECIMAL.exec(s);
  const intPart = m?.[1]?.replace(COMMAS, '') ?? '';
  const fraction = (m?.[2] ?? '').replace(TRAILING_ZEROS, '');
  if (!m || (intPart === '' && (m[2] ?? '') === '')) {
    return fail('DECIMAL_INVALID', `"${preview(s)}" 不是有效的数值：${DECIMAL_HINT}`);
  }
  if (fraction.length > 2) return fail('DECIMAL_INVALID', `最多两位小数，"${preview(s)}" 有 ${fraction.length} 位`);
  const int = intPart.replace(LEADING_ZEROS, '');
  if (int.length > DECIMAL_INT_DIGITS) return fail('DECIMAL_INVALID', '数值过大（整数部分最多 13 位）');
  return ok(canonicalDecimal(int, fraction));
}

function canonicalDecimal(int: string, fraction: string): string {
  const i = int === '' ? '0' : int.replace(LEADING_ZEROS, '');
  const f = fraction.replace(TRAILING_ZEROS, '');
  return f === '' ? i : `${i}.${f}`;
}
