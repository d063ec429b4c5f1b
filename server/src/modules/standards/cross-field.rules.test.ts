import { describe, expect, it } from 'vitest';
import { checkBirthDateMatchesId, checkGenderMatchesId } from './cross-field.rules.ts';
import { idCheckDigit } from './id-number.rules.ts';

const withCheck = (first17: string): string => first17 + idCheckDigit(first17);

const WOMAN = '11010519491231002X'; // GB 11643 example: 17th digit 2, born 1949-12-31
const MAN = withCheck('33010619850101123'); // 17th digit 3, born 1985-01-01

describe('checkGenderMatchesId', () => {
  it.each<[string | null, string | null]>([
    ['2', WOMAN],
    ['1', MAN],
    ['0', MAN], // 未知的性别: nothing to contradict
    ['9', WOMAN], // 未说明的性别
    [null, MAN],
    ['', MAN],
    ['1', null],
    ['1', ''],
    ['1', '110105194912310'], // a 15-digit or otherwise unusable number is the field check's business
    ['1', 'not a number'],
    [null, null],
  ])('passes gender %j with id %j', (gender, id) => {
    expect(checkGenderMatchesId(gender, id)).toEqual({ ok: true, value: null });
  });

  it.each<[string, string, string]>([
    ['1', WOMAN, '号码显示为女性'],
    ['2', MAN, '号码显示为男性'],
  ])('rejects gender %s with id %s', (gender, id, fragment) => {
    const r = checkGenderMatchesId(gender, id);
    expect(r).toMatchObject({ ok: false, code: 'GENDER_ID_MISMATCH' });
    if (!r.ok) {
      expect(r.message).toContain('性别与公民身份号码第 17 位不符');
      expect(r.message).toContain(fragment);
    }
  });

  it('uses the exact wording of the standard message', () => {
    expect(checkGenderMatchesId('2', MAN)).toEqual({
      ok: false,
      code: 'GENDER_ID_MISMATCH',
      message: '性别与公民身份号码第 17 位不符（号码显示为男性）',
    });
  });
});

describe('checkBirthDateMatchesId', () => {
  it.each<[string | null, string | null]>([
    ['1949-12-31', WOMAN],
    ['1985-01-01', MAN],
    [null, MAN],
    ['', MAN],
    ['1985/1/1', MAN], // not normalised: the date field reports it
    ['1985-01-01', null],
    ['1985-01-01', '330106850101123'],
  ])('passes birth date %j with id %j', (birth, id) => {
    expect(checkBirthDateMatchesId(birth, id)).toEqual({ ok: true, value: null });
  });

  it.each<[string, string, string]>([
    ['1949-12-30', WOMAN, '出生日期 1949-12-30 与公民身份号码第 7–14 位不符（号码显示为 1949-12-31）'],
    ['1958-01-01', MAN, '号码显示为 1985-01-01'],
  ])('rejects birth date %s with id %s', (birth, id, fragment) => {
    const r = checkBirthDateMatchesId(birth, id);
    expect(r).toMatchObject({ ok: false, code: 'BIRTH_DATE_ID_MISMATCH' });
    if (!r.ok) expect(r.message).toContain(fragment);
  });
});
