import { describe, expect, it } from 'vitest';
import { creditCodeError, makeCreditCode } from '../identity/index.ts';
import { checkCreditCode } from './credit-code.check.ts';

/** Checksum-valid codes for each kind of organisation (GB 32100-2015 表 1: registry 3 = 司法行政). */
const code = (registry: string, category: string, sequence: number) =>
  makeCreditCode({ registry, category, regionCode: '330106', sequence });
const LAW_FIRM = code('3', '1', 12345);
const NOTARY = code('3', '2', 12346);
const APPRAISAL = code('3', '4', 12347);
const ORGAN = code('1', '1', 12348);
const INSTITUTION = code('1', '2', 12349);
const COMPANY = code('9', '1', 12350);

const toFullWidth = (s: string): string => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const withChar = (s: string, index: number, ch: string) => s.slice(0, index) + ch + s.slice(index + 1);
/** A code with letters in it, to exercise case folding (a real code cited in GB 32100 explanations). */
const WITH_LETTERS = '91350100M000100Y43';

describe('checkCreditCode', () => {
  it.each<[string, readonly string[] | undefined, string]>([
    [LAW_FIRM, undefined, LAW_FIRM],
    [LAW_FIRM, ['31'], LAW_FIRM],
    [NOTARY, ['32'], NOTARY],
    [APPRAISAL, ['34'], APPRAISAL],
    [ORGAN, ['11', '12'], ORGAN],
    [INSTITUTION, ['11', '12'], INSTITUTION],
    [COMPANY, [], COMPANY], // an empty list restricts nothing
    [` ${LAW_FIRM} `, ['31'], LAW_FIRM],
    [toFullWidth(LAW_FIRM), ['31'], LAW_FIRM],
    [WITH_LETTERS.toLowerCase(), undefined, WITH_LETTERS],
    [toFullWidth(WITH_LETTERS.toLowerCase()), undefined, WITH_LETTERS],
    ['9135 0100 M000 100Y 43', undefined, WITH_LETTERS],
  ])('accepts %j (types %j)', (input, types, expected) => {
    expect(checkCreditCode(input, types)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, readonly string[] | undefined, string, string]>([
    [LAW_FIRM, ['32'], 'CREDIT_CODE_TYPE', '第 1–2 位为 "31"（律师事务所），应为 32（公证处）'],
    [INSTITUTION, ['31'], 'CREDIT_CODE_TYPE', '第 1–2 位为 "12"（事业单位），应为 31（律师事务所）'],
    [COMPANY, ['11', '12'], 'CREDIT_CODE_TYPE', '应为 11（机关）或 12（事业单位）'],
    [code('3', '3', 1), ['34'], 'CREDIT_CODE_TYPE', '"33"（基层法律服务所），应为 34（司法鉴定机构）'],
    [code('3', '5', 1), ['39'], 'CREDIT_CODE_TYPE', '"35"（仲裁委员会），应为 39（其他（司法行政））'],
    [code('Y', '1', 1), ['31'], 'CREDIT_CODE_TYPE', '"Y1"，应为 31'],
    ['', undefined, 'CREDIT_CODE_INVALID', '为空'],
    [LAW_FIRM.slice(0, 17), ['31'], 'CREDIT_CODE_INVALID', '长度应为 18 位，实际为 17 位'],
    [withChar(LAW_FIRM, 17, LAW_FIRM.charAt(17) === '0' ? '1' : '0'), ['31'], 'CREDIT_CODE_INVALID', '校验位错误'],
    [withChar(LAW_FIRM, 10, 'I'), undefined, 'CREDIT_CODE_INVALID', '不允许的字母 "I"'],
    [withChar(LAW_FIRM, 10, '-'), undefined, 'CREDIT_CODE_INVALID', '非法字符 "-"'],
    [`${LAW_FIRM}\u0000`, undefined, 'CREDIT_CODE_INVALID', '长度'],
    ['X'.repeat(101), undefined, 'CREDIT_CODE_INVALID', '过长'],
  ])('rejects %j (types %j) with %s', (input, types, expectedCode, fragment) => {
    const r = checkCreditCode(input, types);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(expectedCode);
      expect(r.message).toContain(fragment);
    }
  });

  it('reports the identity module’s own message for an invalid code', () => {
    const wrong = withChar(ORGAN, 12, ORGAN.charAt(12) === '0' ? '1' : '0');
    expect(checkCreditCode(wrong)).toEqual({ ok: false, code: 'CREDIT_CODE_INVALID', message: creditCodeError(wrong) });
  });

  it('checks validity before the organisation type', () => {
    const broken = withChar(COMPANY, 17, COMPANY.charAt(17) === '0' ? '1' : '0');
    expect(checkCreditCode(broken, ['31'])).toMatchObject({ ok: false, code: 'CREDIT_CODE_INVALID' });
  });

  it.each(['', '\u0000', '\uD800'.repeat(18), '😀'.repeat(9), 'x'.repeat(10_000_000), 'ß'.repeat(18)])('never throws on hostile input', (input) => {
    expect(checkCreditCode(input, ['31']).ok).toBe(false);
  });

  it('survives values of the wrong type at run time', () => {
    for (const v of [null, undefined, 123, {}] as unknown as string[]) {
      expect(checkCreditCode(v)).toMatchObject({ ok: false, code: 'CREDIT_CODE_INVALID' });
    }
  });
});
