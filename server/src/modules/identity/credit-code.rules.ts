/**
 * 统一社会信用代码 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》).
 *
 * Layout of the 18 characters:
 *   1      登记管理部门码 (1 = 机构编制: 司法厅/局 themselves; 3 = 司法行政: the 律师事务所 etc. they register)
 *   2      机构类别码
 *   3–8    登记管理机关行政区划码 (GB/T 2260)
 *   9–17   主体标识码 = 组织机构代码 (GB 11714-1997: 8-char body + its own check char)
 *   18     校验码 over positions 1–17
 *
 * Both check characters are verified: a single mistyped character is caught by position 18, and
 * checking the embedded 组织机构代码 as well means a code whose own parts are inconsistent is not
 * accepted merely because someone recomputed the last character.
 */

/** GB 32100 drops I, O, S, V, Z: they are too easily confused with 1, 0, 5, U, 2 when read aloud or written. */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 weights: 3^(i) mod 31 for positions 1–17. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** GB 11714-1997 weights for the 8-character 组织机构代码 body. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

const LENGTH = 18;

/** Charset value by character code (−1 outside the charset): a lookup instead of an indexOf per character. */
const CHARSET_VALUES = new Int8Array(128).fill(-1);
for (let v = 0; v < CREDIT_CODE_CHARSET.length; v++) CHARSET_VALUES[CREDIT_CODE_CHARSET.charCodeAt(v)] = v;

const codeValue = (c: number): number => (c < 128 ? (CHARSET_VALUES[c] ?? -1) : -1);

/** The value of a character (a code point: a surrogate pair is one, and never in the charset). */
function charsetValue(ch: string): number {
  return ch.length === 1 ? codeValue(ch.charCodeAt(0)) : -1;
}

/** GB 11714 values: digits as themselves, letters A=10 … Z=35 (the full Latin alphabet, not GB 32100's). */
function orgCharValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  return -1;
}

/** Check character of a 组织机构代码 body (GB 11714-1997: 11 − Σ mod 11; 10 → X, 11 → 0). */
export function orgCodeCheckChar(body: string): string {
  if (body.length !== ORG_WEIGHTS.length) throw new RangeError('组织机构代码本体须为 8 位');
  let sum = 0;
  for (let i = 0; i < ORG_WEIGHTS.length; i++) {
    const v = orgCharValue(body.charCodeAt(i));
    if (v < 0) throw new RangeError(`组织机构代码含非法字符 ${body.charAt(i)}`);
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  return orgCheckChar(sum);
}

function orgCheckChar(sum: number): string {
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Check character of the first 17 characters (GB 32100-2015: 31 − Σ mod 31; 31 → 0). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== LENGTH - 1) throw new RangeError('统一社会信用代码本体须为 17 位');
  let sum = 0;
  for (let i = 0; i < LENGTH - 1; i++) {
    const v = codeValue(first17.charCodeAt(i));
    if (v < 0) throw new RangeError(`统一社会信用代码含非法字符 ${first17.charAt(i)}`);
    sum += v * (CREDIT_WEIGHTS[i] ?? 0);
  }
  return creditCheckChar(sum);
}

const creditCheckChar = (sum: number): string => CREDIT_CODE_CHARSET.charAt((31 - (sum % 31)) % 31);

/** Why `code`, which is not 18 UTF-16 units of the charset, is not a code: its length or its first bad character. */
function charsetError(code: string): string {
  const chars = [...code];
  for (let i = 0; chars.length === LENGTH && i < LENGTH; i++) {
    const ch = chars[i] ?? '';
    if (charsetValue(ch) >= 0) continue;
    if (/[a-z]/.test(ch) && charsetValue(ch.toUpperCase()) >= 0) {
      return `统一社会信用代码第 ${i + 1} 位 "${ch}" 须为大写字母`;
    }
    if ('IOSVZ'.includes(ch.toUpperCase())) {
      return `统一社会信用代码第 ${i + 1} 位含不允许的字母 "${ch}"（不使用 I、O、S、V、Z）`;
    }
    return `统一社会信用代码第 ${i + 1} 位含非法字符 "${ch}"`;
  }
  return `统一社会信用代码长度应为 18 位，实际为 ${chars.length} 位`;
}

/**
 * Why `code` is not a valid 统一社会信用代码, in Chinese; null when it is valid. An import checks
 * one per row, so the characters are read once, in one pass that gathers both checksums.
 */
export function creditCodeError(code: string): string | null {
  if (typeof code !== 'string') return '统一社会信用代码须为字符串';
  if (code.length !== LENGTH) return charsetError(code);
  let sum = 0;
  let orgSum = 0;
  let regionDigits = true;
  for (let i = 0; i < LENGTH; i++) {
    const c = code.charCodeAt(i);
    const v = codeValue(c);
    if (v < 0) return charsetError(code);
    if (i < LENGTH - 1) sum += v * (CREDIT_WEIGHTS[i] ?? 0);
    if (i >= 2 && i < 8 && v > 9) regionDigits = false;
    if (i >= 8 && i < 16) orgSum += orgCharValue(c) * (ORG_WEIGHTS[i - 8] ?? 0);
  }
  if (!regionDigits) return '统一社会信用代码第 3–8 位（登记管理机关行政区划码）须为 6 位数字';
  const expected = creditCheckChar(sum);
  if (code.charAt(17) !== expected) return `统一社会信用代码校验位错误：第 18 位应为 "${expected}"，实际为 "${code.charAt(17)}"`;
  const orgExpected = orgCheckChar(orgSum);
  if (code.charAt(16) !== orgExpected) {
    return `统一社会信用代码第 9–17 位（组织机构代码）校验位错误：第 17 位应为 "${orgExpected}"，实际为 "${code.charAt(16)}"`;
  }
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeError(code) === null;
}

export interface MakeCreditCodeInput {
  /** 登记管理部门码, one character of the GB 32100 charset ('1' = 机构编制). */
  registry: string;
  /** 机构类别码 ('1' = 机关 under 机构编制). */
  category: string;
  /** GB/T 2260 code of the registering authority's region. */
  regionCode: string;
  /** 0 … 99 999 999; becomes the 8-digit 组织机构代码 body. */
  sequence: number;
}

export const MAX_CREDIT_SEQUENCE = 99_999_999;

/**
 * Deterministic, checksum-valid code for demo data: same input, same code, so seeds and
 * snapshots are stable. The body is the zero-padded sequence; real bodies are assigned by the
 * 组织机构代码 authority, so a demo code may coincide with a real one — never present it as real.
 */
export function makeCreditCode(input: MakeCreditCodeInput): string {
  const { registry, category, regionCode, sequence } = input;
  if (registry.length !== 1 || charsetValue(registry) < 0) throw new RangeError(`登记管理部门码无效：${registry}`);
  if (category.length !== 1 || charsetValue(category) < 0) throw new RangeError(`机构类别码无效：${category}`);
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`行政区划码须为 6 位数字：${regionCode}`);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > MAX_CREDIT_SEQUENCE) {
    throw new RangeError(`序号须为 0–${MAX_CREDIT_SEQUENCE} 的整数：${sequence}`);
  }
  const body = String(sequence).padStart(8, '0');
  const first17 = `${registry}${category}${regionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}
