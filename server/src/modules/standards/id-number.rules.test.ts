import { afterEach, describe, expect, it, vi } from 'vitest';
import { birthDateOfId, checkIdNumber, genderOfId, idCheckDigit } from './id-number.rules.ts';

/** A fixed "today" so that the tests do not depend on when they run. */
const TODAY = { today: '2024-06-01' };

/** The GB 11643-1999 example number (北京市朝阳区, born 1949-12-31, female). */
const GB_EXAMPLE = '11010519491231002X';

/** Appends the check character, so test numbers are valid by construction rather than by copying. */
const withCheck = (first17: string): string => first17 + idCheckDigit(first17);

/** Replace the character at `index` (0-based). */
const withChar = (s: string, index: number, ch: string) => s.slice(0, index) + ch + s.slice(index + 1);

const toFullWidth = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const HANGZHOU_MAN = withCheck('33010619850101123'); // 17th digit 3: odd, male
const HONG_KONG_PERMIT = withCheck('81000019900101002'); // 港澳居民居住证
const TAIWAN_PERMIT = withCheck('83000019900101004'); // 台湾居民居住证

describe('idCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
  ])('%s → %s', (first17, expected) => {
    expect(idCheckDigit(first17)).toBe(expected);
  });

  it('rejects a body that is not 17 digits', () => {
    expect(() => idCheckDigit('1101051949123100')).toThrow(RangeError);
    expect(() => idCheckDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('checkIdNumber', () => {
  it.each([
    [GB_EXAMPLE, GB_EXAMPLE],
    ['11010519491231002x', GB_EXAMPLE], // lower-case x
    [toFullWidth(GB_EXAMPLE), GB_EXAMPLE], // full-width digits and Ｘ
    [toFullWidth('11010519491231002x'), GB_EXAMPLE], // full-width ｘ
    ['110105 19491231 002X', GB_EXAMPLE], // grouped 6-8-4
    [` ${GB_EXAMPLE}\t`, GB_EXAMPLE],
    [`'${GB_EXAMPLE}`, GB_EXAMPLE], // Excel's text marker
    ['110105491231002', GB_EXAMPLE], // the same person's 15-digit number
    ['330106850101123', HANGZHOU_MAN],
    [HANGZHOU_MAN, HANGZHOU_MAN],
    [withCheck('11010520000229001'), withCheck('11010520000229001')], // 2000 is a leap year
    [withCheck('65010219000101001'), withCheck('65010219000101001')], // the earliest accepted birth date
    [withCheck('11010520240601001'), withCheck('11010520240601001')], // born today
    [HONG_KONG_PERMIT, HONG_KONG_PERMIT],
    [withCheck('82000019900101002'), withCheck('82000019900101002')],
    [TAIWAN_PERMIT, TAIWAN_PERMIT],
    [withCheck('71000019900101002'), withCheck('71000019900101002')],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkIdNumber(input, TODAY)).toEqual({ ok: true, value: expected });
  });

  it.each([
    // Wrong check digit
    ['110105194912310021', 'ID_NUMBER_CHECK_DIGIT', '第 18 位应为 "X"，实际为 "1"'],
    [withChar(HANGZHOU_MAN, 16, '4'), 'ID_NUMBER_CHECK_DIGIT', '校验位错误'], // one digit mistyped
    // Impossible or out-of-range birth dates
    [withCheck('11010519990230001'), 'ID_NUMBER_BIRTH_DATE', '19990230 不存在'],
    [withCheck('11010519001301001'), 'ID_NUMBER_BIRTH_DATE', '19001301 不存在'],
    [withCheck('11010519000229001'), 'ID_NUMBER_BIRTH_DATE', '19000229 不存在'], // 1900 is not a leap year
    [withCheck('11010519990000001'), 'ID_NUMBER_BIRTH_DATE', '不存在'],
    ['440524188001010014', 'ID_NUMBER_BIRTH_DATE', '1880-01-01 早于 1900-01-01'], // check digit right, birth too early
    [withCheck('11010520240602001'), 'ID_NUMBER_BIRTH_DATE', '2024-06-02 晚于今天（2024-06-01）'],
    ['110105990230001', 'ID_NUMBER_BIRTH_DATE', '15 位号码第 7–12 位的出生日期 990230 不存在'],
    // Region
    [withCheck('00010519491231002'), 'ID_NUMBER_REGION', '"00"'],
    [withCheck('19010519491231002'), 'ID_NUMBER_REGION', '"19"'],
    [withCheck('72000019900101002'), 'ID_NUMBER_REGION', '"72"'],
    [withCheck('91010519491231002'), 'ID_NUMBER_REGION', '"91"'],
    ['990105491231002', 'ID_NUMBER_REGION', '"99"'],
    // Format
    ['', 'ID_NUMBER_FORMAT', '为空'],
    ['   ', 'ID_NUMBER_FORMAT', '为空'],
    ['11010519491231002', 'ID_NUMBER_FORMAT', '实际为 17 位'],
    ['11010519491231002X1', 'ID_NUMBER_FORMAT', '第 18 位'],
    ['110105194912310021X', 'ID_NUMBER_FORMAT', '第 19 位'],
    ['1101051949123100212', 'ID_NUMBER_FORMAT', '实际为 19 位'],
    ['11010519491231002Y', 'ID_NUMBER_FORMAT', '第 18 位（校验码）应为数字或 X'],
    ['1101051949X231002X', 'ID_NUMBER_FORMAT', '第 11 位 "X" 不是数字（只有 18 位号码的最后一位可以是 X）'],
    ['11010549123100X', 'ID_NUMBER_FORMAT', '第 15 位'],
    ['110105-19491231-002X', 'ID_NUMBER_FORMAT', '第 7 位 "-"'],
    ['1.10105E+17', 'ID_NUMBER_FORMAT', '科学计数法'],
    ['110105194912310😀', 'ID_NUMBER_FORMAT', '"😀"'],
    ['11010519491231002\uD800', 'ID_NUMBER_FORMAT', '"?"'],
    ['1'.repeat(101), 'ID_NUMBER_FORMAT', '过长'],
  ])('rejects %j with %s', (input, code, fragment) => {
    const r = checkIdNumber(input, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(fragment);
    }
  });

  it('rejects every wrong check character of a valid number', () => {
    for (const ch of '0123456789X') {
      if (ch === GB_EXAMPLE.charAt(17)) continue;
      expect(checkIdNumber(withChar(GB_EXAMPLE, 17, ch), TODAY)).toMatchObject({ ok: false, code: 'ID_NUMBER_CHECK_DIGIT' });
    }
  });

  it('catches a single mistyped sequence digit', () => {
    for (let i = 14; i < 17; i++) {
      for (const d of '0123456789') {
        if (d === GB_EXAMPLE.charAt(i)) continue;
        expect(checkIdNumber(withChar(GB_EXAMPLE, i, d), TODAY)).toMatchObject({ ok: false, code: 'ID_NUMBER_CHECK_DIGIT' });
      }
    }
  });

  it('upgrades 15-digit numbers to valid 18-digit ones', () => {
    for (const old of ['110105491231002', '330106850101123', '440301700228555', '650102000101001']) {
      const r = checkIdNumber(old, TODAY);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value).toHaveLength(18);
        expect(r.value.slice(0, 6) + r.value.slice(8, 17)).toBe(old);
        expect(r.value.slice(6, 8)).toBe('19');
        expect(checkIdNumber(r.value, TODAY)).toEqual(r);
      }
    }
  });

  it('defaults "today" to the current date in China (UTC+8)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const bornJune2 = withCheck('11010520240602001');
    vi.setSystemTime(new Date('2024-06-01T15:59:59Z')); // 23:59:59 on 1 June in Beijing
    expect(checkIdNumber(bornJune2)).toMatchObject({ ok: false, code: 'ID_NUMBER_BIRTH_DATE' });
    vi.setSystemTime(new Date('2024-06-01T16:00:00Z')); // midnight, 2 June in Beijing
    expect(checkIdNumber(bornJune2)).toEqual({ ok: true, value: bornJune2 });
    vi.setSystemTime(new Date('2024-05-01T00:00:00Z')); // the clock going back is honoured too
    expect(checkIdNumber(bornJune2)).toMatchObject({ ok: false, code: 'ID_NUMBER_BIRTH_DATE' });
  });

  it('refuses a malformed "today" (a caller bug, not bad data)', () => {
    expect(() => checkIdNumber(GB_EXAMPLE, { today: '2024/06/01' })).toThrow(RangeError);
  });

  it.each(['', '\u0000', '\uD800', '😀'.repeat(1000), 'x'.repeat(10_000_000), '1'.repeat(100)])('never throws on hostile input', (input) => {
    expect(checkIdNumber(input, TODAY).ok).toBe(false);
    expect(checkIdNumber(input).ok).toBe(false);
  });

  it('survives values of the wrong type at run time', () => {
    for (const v of [null, undefined, 110105194912310020, {}] as unknown as string[]) {
      expect(checkIdNumber(v)).toMatchObject({ ok: false, code: 'ID_NUMBER_FORMAT' });
    }
  });

  afterEach(() => {
    vi.useRealTimers();
  });
});

describe('birthDateOfId / genderOfId', () => {
  it.each([
    [GB_EXAMPLE, '1949-12-31', '2'], // 17th digit 2: female
    [HANGZHOU_MAN, '1985-01-01', '1'], // 17th digit 3: male
    [withCheck('11010520000229001'), '2000-02-29', '1'],
    [withCheck('11010520000229000'), '2000-02-29', '2'], // 0 is even
    [withCheck('11010520000229009'), '2000-02-29', '1'],
  ])('%s → %s, %s', (id, birth, gender) => {
    expect(birthDateOfId(id)).toBe(birth);
    expect(genderOfId(id)).toBe(gender);
  });

  it('does not throw on malformed input', () => {
    expect(birthDateOfId('')).toBe('');
    expect(birthDateOfId('123')).toBe('');
    expect(['1', '2']).toContain(genderOfId(''));
    expect(['1', '2']).toContain(genderOfId('\uD800'));
  });
});
