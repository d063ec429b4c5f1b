import { describe, expect, it } from 'vitest';
import { checkDecimal, checkIdentifier, checkInteger, checkPersonName, foldWidth, normalizeText } from './text.rules.ts';

/** Inputs that have broken validators elsewhere: none may throw, every one must get an answer. */
const HOSTILE: readonly string[] = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDC00abc',
  '😀',
  '👨‍👩‍👧',
  '\uFFFD',
  'a'.repeat(100_000),
  ' '.repeat(1_000_000) + 'x',
  '1,'.repeat(100_000),
  '张'.repeat(100_000) + '1',
  '·'.repeat(100_000),
  '('.repeat(10_000),
];

describe('foldWidth', () => {
  it.each([
    ['１２３', '123'],
    ['ＡＢＣａｂｃ', 'ABCabc'],
    ['（２０２４）', '(2024)'],
    ['张　三', '张 三'],
    ['！～', '!~'],
    // Not in U+FF01–U+FF5E: left alone.
    ['阿沛·阿旺晋美', '阿沛·阿旺晋美'],
    ['〔2024〕、“”', '〔2024〕、“”'],
    ['｡｢', '｡｢'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(foldWidth(input)).toBe(expected);
  });
});

describe('normalizeText', () => {
  it.each([
    ['  浙江省杭州市  ', '浙江省杭州市'],
    ['第一行\r\n第二行\t第三列', '第一行 第二行 第三列'],
    ['a \n\n  b', 'a b'],
    ['ＡＢＣ　１２３', 'ABC 123'],
    ['\uFEFF名称', '名称'],
    ['零\u200B宽', '零宽'],
    ['a\u000Bb\u000Cc', 'a b c'],
    ['', ''],
    ['   ', ''],
    ['emoji 😀 ok', 'emoji 😀 ok'],
    ['𠀀 rare', '𠀀 rare'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a\u0000b', '不可见控制字符 U+0000（第 2 个字符'],
    ['\u0007bell', '不可见控制字符 U+0007'],
    ['x\u001Fy', '不可见控制字符 U+001F'],
    ['del\u007F', '不可见控制字符 U+007F'],
    ['c1\u0085', '不可见控制字符 U+0085'],
    ['\u0096', '不可见控制字符 U+0096'],
    ['张\uFFFD三', '乱码替换字符 U+FFFD（第 2 个字符）'],
    ['ab\uD800c', '残缺的 Unicode 字符 U+D800（第 3 个字符）'],
    ['ab\uD83D', '残缺的 Unicode 字符 U+D83D'],
    ['\uDE00', '残缺的 Unicode 字符 U+DE00（第 1 个字符）'],
    ['😀😀\u0001', '第 3 个字符'],
  ])('rejects %j', (input, fragment) => {
    const r = normalizeText(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('TEXT_INVALID_CHARS');
      expect(r.message).toContain(fragment);
    }
  });
});

describe('checkPersonName', () => {
  it.each([
    ['张三', '张三'],
    [' 欧阳修 ', '欧阳修'],
    ['张  三', '张三'], // spaces that line two-character names up with three-character ones
    ['张　三', '张三'],
    ['阿沛·阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛•阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛・阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛．阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛.阿旺晋美', '阿沛·阿旺晋美'],
    ['阿沛 · 阿旺晋美', '阿沛·阿旺晋美'],
    ['买买提·吐尔逊·阿不都', '买买提·吐尔逊·阿不都'],
    ['㐀㐁', '㐀㐁'], // CJK Extension A
    ['王𠀀', '王𠀀'], // Extension B, outside the BMP
    ['李〇', '李〇'],
    ['John Smith', 'John Smith'],
    ["O'Brien", "O'Brien"],
    ['O’Brien', "O'Brien"],
    ['Mary-Jane Watson', 'Mary-Jane Watson'],
    ['John F. Kennedy', 'John F. Kennedy'],
    ['José Martí', 'José Martí'],
    ['Jose\u0301', 'José'], // decomposed é composed
    ['Ｊｏｈｎ', 'John'],
    ['张'.repeat(50), '张'.repeat(50)],
  ])('accepts %j as %j', (input, expected) => {
    expect(checkPersonName(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', '姓名为空'],
    ['   ', '姓名为空'],
    ['张', '只有 1 个字'],
    ['𠀀', '只有 1 个字'],
    ['A', '只有 1 个'],
    ['张三1', '不能含数字'],
    ['张三１', '不能含数字'],
    ['John2', '不能含数字'],
    ['张'.repeat(51), '过长'],
    ['A'.repeat(51), '过长'],
    ['张'.repeat(2000), '过长'],
    ['·张三', '间隔点'],
    ['张三·', '间隔点'],
    ['阿沛··阿旺晋美', '间隔点'],
    ['张三John', '"J"'],
    ['张三（曾用名）', '"("'],
    ['张三😀', '"😀"'],
    ['Иван', '"И"'],
    ['John_Smith', '"_"'],
    ['-John', '须以字母开头'],
    ['John-', '以字母或“.”结尾'],
    ['??', '"?"'],
  ])('rejects %j', (input, fragment) => {
    const r = checkPersonName(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('NAME_INVALID');
      expect(r.message).toContain(fragment);
    }
  });

  it('passes on the text error for control characters and broken encodings', () => {
    expect(checkPersonName('张\u0000三')).toMatchObject({ ok: false, code: 'TEXT_INVALID_CHARS' });
    expect(checkPersonName('张\uFFFD')).toMatchObject({ ok: false, code: 'TEXT_INVALID_CHARS' });
  });
});

describe('checkIdentifier', () => {
  it.each([
    ['13301201910123456', undefined, '13301201910123456'],
    [' a2021-0001 ', undefined, 'A2021-0001'],
    ['ＡＢ１２３', undefined, 'AB123'],
    ['（2024）浙0106民初123号', undefined, '(2024)浙0106民初123号'],
    ['浙司援〔2024〕12号', undefined, '浙司援〔2024〕12号'],
    ['[2024]7', undefined, '[2024]7'],
    ['ZJ/2024/7', undefined, 'ZJ/2024/7'],
    ['A—1', undefined, 'A-1'], // an em dash from a word processor
    ['330106', '^\\d{6}$', '330106'],
    ['３３０１０６', '^\\d{6}$', '330106'],
    ['abc', '^[A-Z]+$', 'ABC'], // the pattern sees the normalised value
  ])('accepts %j (pattern %s) as %j', (input, pattern, expected) => {
    expect(checkIdentifier(input, pattern)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', undefined, '编号为空'],
    ['  ', undefined, '编号为空'],
    ['A 123', undefined, '中间不能有空格'],
    ['A\t123', undefined, '中间不能有空格'],
    ['A_1', undefined, '"_"'],
    ['A.1', undefined, '"."'],
    ['A#1', undefined, '"#"'],
    ['ß1', undefined, '"ß"'],
    ['А1', undefined, '"А"'], // Cyrillic А, a look-alike of A
    ['A1😀', undefined, '"😀"'],
    ['A\u0000', undefined, '"?"'],
    ['33010', '^\\d{6}$', '不符合该项规定的格式'],
    ['3301067', '^\\d{6}$', '不符合该项规定的格式'],
    ['330106', '(', '格式规则无效'],
    ['A'.repeat(1001), undefined, '过长'],
  ])('rejects %j (pattern %s)', (input, pattern, fragment) => {
    const r = checkIdentifier(input, pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('IDENTIFIER_INVALID');
      expect(r.message).toContain(fragment);
    }
  });
});

describe('checkInteger', () => {
  it.each<[string | number, number]>([
    ['0', 0],
    ['42', 42],
    [' 42 ', 42],
    ['007', 7],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    ['１２３', 123],
    ['１，２３４', 1234],
    ['12.0', 12],
    ['999,999,999', 999_999_999],
    [0, 0],
    [-0, 0],
    [42, 42],
    [999_999_999, 999_999_999],
  ])('accepts %j as %d', (input, expected) => {
    const r = checkInteger(input);
    expect(r).toEqual({ ok: true, value: expected });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });

  it.each<[string | number, string]>([
    ['', '为空'],
    ['-1', '负数'],
    [-1, '负数'],
    ['12.5', '含小数'],
    [12.5, '不是整数'],
    ['1000000000', '超过上限'],
    ['1,000,000,000', '超过上限'],
    [1_000_000_000, '超过上限'],
    ['12,34', '不是有效的整数'],
    ['1,2345', '不是有效的整数'],
    ['1e3', '不是有效的整数'],
    ['+5', '不是有效的整数'],
    ['五', '不是有效的整数'],
    ['0x10', '不是有效的整数'],
    ['1 234', '不是有效的整数'],
    [Number.NaN, '不是整数'],
    [Number.POSITIVE_INFINITY, '不是整数'],
    ['9'.repeat(65), '过长'],
  ])('rejects %j', (input, fragment) => {
    const r = checkInteger(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('INTEGER_INVALID');
      expect(r.message).toContain(fragment);
    }
  });
});

describe('checkDecimal', () => {
  it.each<[string | number, string]>([
    ['0', '0'],
    ['00', '0'],
    ['1234.50', '1234.5'],
    ['1,234.50', '1234.5'],
    ['1234.00', '1234'],
    ['1234.05', '1234.05'],
    ['0.10', '0.1'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['007.5', '7.5'],
    ['12.500', '12.5'], // zeros beyond two places do not change the value
    ['１２３．４５', '123.45'],
    ['9,999,999,999,999.99', '9999999999999.99'],
    [1234.5, '1234.5'],
    [0.1 + 0.2, '0.3'], // spreadsheet float noise
    [1234.56 + 0.0000000000001, '1234.56'],
    [12, '12'],
    [-0, '0'],
    [0.05, '0.05'],
  ])('accepts %j as %j', (input, expected) => {
    expect(checkDecimal(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string | number, string]>([
    ['', '为空'],
    ['.', '不是有效的数值'],
    ['1.005', '有 3 位'],
    ['0.001', '有 3 位'],
    [1.005, '小数位过多'],
    [0.001, '小数位过多'],
    ['-1', '负数'],
    ['-0.5', '负数'],
    [-1, '负数'],
    ['1e5', '科学计数法'],
    ['1.5E+3', '科学计数法'],
    ['NaN', '不是有效的数值'],
    ['Infinity', '不是有效的数值'],
    [Number.NaN, '不是有效的数值'],
    [Number.POSITIVE_INFINITY, '不是有效的数值'],
    ['12,34.5', '不是有效的数值'],
    ['¥12', '不是有效的数值'],
    ['12元', '不是有效的数值'],
    ['1.2.3', '不是有效的数值'],
    ['10000000000000', '过大'],
    [1e13, '过大'],
    ['1'.repeat(65), '过长'],
  ])('rejects %j', (input, fragment) => {
    const r = checkDecimal(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('DECIMAL_INVALID');
      expect(r.message).toContain(fragment);
    }
  });
});

describe('robustness', () => {
  it.each(HOSTILE.map((s) => [s.length > 20 ? `${s.slice(0, 20)}… (${s.length})` : JSON.stringify(s), s]))(
    'never throws on %s',
    (_label, input) => {
      for (const fn of [normalizeText, checkPersonName, checkIdentifier, checkInteger, checkDecimal]) {
        const r = fn(input);
        expect(typeof r.ok).toBe('boolean');
        // Messages quote at most a short excerpt of the input.
        if (!r.ok) expect(r.message.length).toBeLessThan(200);
      }
      expect(typeof foldWidth(input)).toBe('string');
    },
  );

  it('handles a very long cell in linear time', () => {
    const big = `${'张三 '.repeat(3_000_000)}\u0000`;
    const started = Date.now();
    expect(normalizeText(big)).toMatchObject({ ok: false, code: 'TEXT_INVALID_CHARS' });
    expect(normalizeText(big.slice(0, -1)).ok).toBe(true);
    expect(checkPersonName(big).ok).toBe(false);
    expect(checkIdentifier(big).ok).toBe(false);
    expect(checkDecimal(big).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('survives values of the wrong type at run time', () => {
    const bad = [null, undefined, {}, [], true] as unknown as string[];
    for (const v of bad) {
      expect(normalizeText(v).ok).toBe(false);
      expect(checkPersonName(v).ok).toBe(false);
      expect(checkIdentifier(v).ok).toBe(false);
      expect(checkInteger(v).ok).toBe(false);
      expect(checkDecimal(v).ok).toBe(false);
      expect(foldWidth(v)).toBe('');
    }
  });
});
