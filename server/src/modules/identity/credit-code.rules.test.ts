import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  MAX_CREDIT_SEQUENCE,
  creditCodeCheckChar,
  creditCodeError,
  isValidCreditCode,
  makeCreditCode,
  orgCodeCheckChar,
} from './credit-code.rules.ts';

/** Publicly circulated codes (see the final report for where each was found). */
const REAL_CODES = [
  '91350100M000100Y43', // the example widely cited in GB 32100 explanations
  '11140800558745220K', // 11 = 机构编制/机关; cited for 晋中市文化和旅游局 in a public procurement contract
  '11330000002484088Y', // 11 = 机构编制/机关; Zhejiang provincial organ, used as unit id by a public crawler of zhejiang.chinatax.gov.cn
  '91310110666007217T', // test fixture of Hutool's CreditCodeUtil
];

/** Replace the character at `index` (0-based). */
const withChar = (code: string, index: number, ch: string) => code.slice(0, index) + ch + code.slice(index + 1);

describe('isValidCreditCode / creditCodeError', () => {
  it.each(REAL_CODES)('accepts real code %s', (code) => {
    expect(creditCodeError(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('rejects every wrong 18th character of a real code', () => {
    const code = REAL_CODES[1] ?? '';
    for (const ch of CREDIT_CODE_CHARSET) {
      if (ch === code.charAt(17)) continue;
      const wrong = withChar(code, 17, ch);
      expect(isValidCreditCode(wrong)).toBe(false);
      expect(creditCodeError(wrong)).toContain('校验位');
    }
  });

  it('catches a single mistyped character anywhere in positions 1–17', () => {
    const code = REAL_CODES[0] ?? '';
    for (let i = 0; i < 17; i++) {
      for (const ch of CREDIT_CODE_CHARSET) {
        if (ch === code.charAt(i)) continue;
        expect(isValidCreditCode(withChar(code, i, ch))).toBe(false);
      }
    }
  });

  it('checks the embedded 组织机构代码 (GB 11714) too', () => {
    // Change position 17 and recompute position 18: the GB 32100 check passes, GB 11714 does not.
    const base = (REAL_CODES[1] ?? '').slice(0, 16) + '1';
    const forged = base + creditCodeCheckChar(base);
    expect(creditCodeError(forged)).toMatch(/组织机构代码.*校验位/);
    expect(orgCodeCheckChar('55874522')).toBe('0');
  });

  it('rejects wrong lengths', () => {
    expect(creditCodeError('')).toMatch(/长度应为 18 位，实际为 0 位/);
    expect(creditCodeError((REAL_CODES[0] ?? '').slice(0, 17))).toMatch(/长度/);
    expect(creditCodeError(`${REAL_CODES[0]}0`)).toMatch(/长度/);
    expect(creditCodeError(` ${REAL_CODES[0]}`)).toMatch(/长度/);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the forbidden letter %s', (letter) => {
    const code = withChar(REAL_CODES[0] ?? '', 8, letter);
    expect(isValidCreditCode(code)).toBe(false);
    expect(creditCodeError(code)).toContain(`不允许的字母 "${letter}"`);
  });

  it('rejects lower case, punctuation and full-width characters', () => {
    expect(creditCodeError((REAL_CODES[0] ?? '').toLowerCase())).toContain('大写');
    expect(creditCodeError(withChar(REAL_CODES[0] ?? '', 3, '-'))).toContain('非法字符');
    expect(creditCodeError(withChar(REAL_CODES[0] ?? '', 3, '３'))).toContain('非法字符');
  });

  it('requires digits for the region code (positions 3–8)', () => {
    const base = withChar(REAL_CODES[1] ?? '', 3, 'A').slice(0, 17);
    expect(creditCodeError(base + creditCodeCheckChar(base))).toContain('行政区划码');
  });
});

describe('makeCreditCode', () => {
  it('builds valid codes for many sequences, round-tripping through the validator', () => {
    const seen = new Set<string>();
    const sequences = [0, 1, 9, 10, 99, 12_345_678, MAX_CREDIT_SEQUENCE];
    for (let s = 0; s < 5000; s++) sequences.push(s * 19_997 + 3);
    for (const sequence of sequences) {
      const code = makeCreditCode({ registry: '1', category: '1', regionCode: '330000', sequence });
      expect(creditCodeError(code)).toBeNull();
      expect(code.startsWith('11330000')).toBe(true);
      expect(code.slice(8, 16)).toBe(String(sequence).padStart(8, '0'));
      seen.add(code);
    }
    expect(seen.size).toBe(new Set(sequences).size);
  });

  it('is deterministic and honours registry, category and region', () => {
    const input = { registry: '3', category: '1', regionCode: '330106', sequence: 42 };
    expect(makeCreditCode(input)).toBe(makeCreditCode({ ...input }));
    const code = makeCreditCode(input);
    expect(code.slice(0, 8)).toBe('31330106');
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('reproduces the check characters of a real code with a numeric body', () => {
    // 11140800 + 55874522 → 组织机构代码 check 0, credit check K.
    expect(makeCreditCode({ registry: '1', category: '1', regionCode: '140800', sequence: 55_874_522 })).toBe(
      '11140800558745220K',
    );
  });

  it('rejects inputs it cannot encode', () => {
    const ok = { registry: '1', category: '1', regionCode: '330000', sequence: 1 };
    expect(() => makeCreditCode({ ...ok, registry: 'I' })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...ok, registry: '11' })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...ok, category: '' })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...ok, regionCode: '33000' })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...ok, sequence: -1 })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...ok, sequence: 1.5 })).toThrow(RangeError);
    expect(() => makeCreditCode({ ...ok, sequence: MAX_CREDIT_SEQUENCE + 1 })).toThrow(RangeError);
  });
});
