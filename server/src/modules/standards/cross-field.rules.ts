/**
 * Rules between fields of one record (the `crossRules` of a standard library). They run after
 * the field checks, on normalised values: a field that is empty or failed its own check is
 * reported there, so these rules pass whenever one side is missing or unusable rather than
 * reporting the same problem twice.
 */
import { type Check, fail, ok } from './check.ts';
import { birthDateOfId, genderOfId } from './id-number.rules.ts';

const ID18 = /^\d{17}[\dX]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const usableId = (id18: string | null): id18 is string => typeof id18 === 'string' && ID18.test(id18);

/** GB/T 2261.1-2003 names of the two codes a 公民身份号码 can imply. */
const SEX_NAMES = { '1': '男性', '2': '女性' } as const;

/**
 * 性别 must agree with the 17th digit of the 公民身份号码 (GB 11643-1999: odd for men, even
 * for women). Only the GB/T 2261.1 codes 1 and 2 are compared: 0 未知的性别 and 9 未说明的性别
 * say nothing that could contradict the number.
 */
export function checkGenderMatchesId(gender: string | null, id18: string | null): Check<null> {
  if ((gender !== '1' && gender !== '2') || !usableId(id18)) return ok(null);
  const implied = genderOfId(id18);
  if (gender === implied) return ok(null);
  return fail('GENDER_ID_MISMATCH', `性别与公民身份号码第 17 位不符（号码显示为${SEX_NAMES[implied]}）`);
}

/** 出生日期 ('YYYY-MM-DD') must equal positions 7–14 of the 公民身份号码. */
export function checkBirthDateMatchesId(birth: string | null, id18: string | null): Check<null> {
  if (typeof birth !== 'string' || !ISO_DATE.test(birth) || !usableId(id18)) return ok(null);
  const implied = birthDateOfId(id18);
  if (birth === implied) return ok(null);
  return fail('BIRTH_DATE_ID_MISMATCH', `出生日期 ${birth} 与公民身份号码第 7–14 位不符（号码显示为 ${implied}）`);
}
