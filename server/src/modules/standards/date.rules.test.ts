import { describe, expect, it } from 'vitest';
import { checkDate, isCalendarDate } from './date.rules.ts';

describe('checkDate', () => {
  it.each<[string | number | Date, string]>([
    // Typed forms
    ['2021-07-15', '2021-07-15'],
    ['2021-7-5', '2021-07-05'],
    ['2021/7/15', '2021-07-15'],
    ['2021/07/15', '2021-07-15'],
    ['2021.7.15', '2021-07-15'],
    ['2021年7月15日', '2021-07-15'],
    ['2021年07月15号', '2021-07-15'],
    ['2021 年 7 月 15 日', '2021-07-15'],
    ['2021年7月15', '2021-07-15'],
    ['20210715', '2021-07-15'],
    ['  2021-07-15  ', '2021-07-15'],
    ['２０２１－０７－１５', '2021-07-15'],
    ['２０２１年７月１５日', '2021-07-15'],
    // Timestamps: the date part as written
    ['2021-07-15 08:00:00', '2021-07-15'],
    ['2021-07-15 8:00', '2021-07-15'],
    ['2021/7/15 23:59:59', '2021-07-15'],
    ['2021-07-15T08:00:00Z', '2021-07-15'],
    ['2021-07-15T23:30:00.123+08:00', '2021-07-15'],
    ['2021-07-15t08:00:00z', '2021-07-15'],
    // Calendar edges
    ['2020-02-29', '2020-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
    // Date objects: exceljs gives UTC midnight
    [new Date(Date.UTC(2021, 6, 15)), '2021-07-15'],
    [new Date(Date.UTC(2021, 6, 15, 23, 59)), '2021-07-15'],
    [new Date('1900-01-01T00:00:00Z'), '1900-01-01'],
    // Excel serials (1900 date system)
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [44392, '2021-07-15'],
    [44392.75, '2021-07-15'], // a time of day
    [73415, '2100-12-31'],
    ['44392', '2021-07-15'],
    ['44392.5', '2021-07-15'],
    ['４４３９２', '2021-07-15'],
    // A yyyymmdd number typed into a numeric cell
    [20210715, '2021-07-15'],
  ])('accepts %j as %s', (input, expected) => {
    expect(checkDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[string | number | Date, string, string]>([
    // Impossible dates
    ['2021-02-29', 'DATE_INVALID', '2021 年 2 月只有 28 天'],
    ['1900-02-29', 'DATE_INVALID', '1900 年 2 月只有 28 天'],
    ['2021-04-31', 'DATE_INVALID', '4 月只有 30 天'],
    ['2021-13-01', 'DATE_INVALID', '月份应为 1–12'],
    ['2021-00-10', 'DATE_INVALID', '月份应为 1–12'],
    ['2021-01-00', 'DATE_INVALID', '没有 0 日'],
    ['2021年2月30日', 'DATE_INVALID', '只有 28 天'],
    ['20210230', 'DATE_INVALID', '只有 28 天'],
    [20210230, 'DATE_INVALID', '只有 28 天'],
    ['2021-07-15 25:00', 'DATE_INVALID', '时间部分不正确'],
    // Out of range
    ['1899-12-31', 'DATE_OUT_OF_RANGE', '1899-12-31 超出 1900–2100 年的范围'],
    ['2101-01-01', 'DATE_OUT_OF_RANGE', '2101-01-01'],
    ['0001-01-01', 'DATE_OUT_OF_RANGE', '0001-01-01'],
    ['18991231', 'DATE_OUT_OF_RANGE', '1899-12-31'],
    [new Date(Date.UTC(1899, 11, 31)), 'DATE_OUT_OF_RANGE', '1899-12-31'],
    [new Date(Date.UTC(2200, 0, 1)), 'DATE_OUT_OF_RANGE', '2200-01-01'],
    [73416, 'DATE_OUT_OF_RANGE', '2101-01-01'],
    [2958465, 'DATE_OUT_OF_RANGE', '9999-12-31'],
    // Excel serial edge cases
    [60, 'DATE_INVALID', '1900-02-29'],
    ['60', 'DATE_INVALID', '1900-02-29'],
    [0, 'DATE_INVALID', '无法识别的日期'],
    [0.5, 'DATE_INVALID', '无法识别的日期'],
    [-1, 'DATE_INVALID', '无法识别的日期'],
    [2958466, 'DATE_INVALID', '无法识别的日期'],
    [Number.NaN, 'DATE_INVALID', '无法识别的日期'],
    [Number.POSITIVE_INFINITY, 'DATE_INVALID', '无法识别的日期'],
    ['123456', 'DATE_INVALID', '无法识别的日期'], // six digits: neither a serial nor yyyymmdd
    // A year alone is not a serial in 1905
    ['2021', 'DATE_INVALID', '只有年份'],
    [2021, 'DATE_INVALID', '只有年份'],
    // Unrecognised forms, with the accepted ones in the message
    ['', 'DATE_INVALID', '日期为空'],
    ['2021-07', 'DATE_INVALID', '可填 2021-07-15、2021/7/15、2021.7.15、2021年7月15日、20210715 或 Excel 日期'],
    ['2021年7月', 'DATE_INVALID', '无法识别的日期'],
    ['7/15/2021', 'DATE_INVALID', '无法识别的日期'],
    ['15.07.2021', 'DATE_INVALID', '无法识别的日期'],
    ['21-7-15', 'DATE_INVALID', '无法识别的日期'],
    ['2021-07/15', 'DATE_INVALID', '无法识别的日期'],
    ['2021-7-15-', 'DATE_INVALID', '无法识别的日期'],
    ['二〇二一年七月十五日', 'DATE_INVALID', '无法识别的日期'],
    ['2021-07-15abc', 'DATE_INVALID', '无法识别的日期'],
    ['1e5', 'DATE_INVALID', '无法识别的日期'],
    [new Date(Number.NaN), 'DATE_INVALID', '无效的日期'],
    ['2'.repeat(65), 'DATE_INVALID', '无法识别的日期'],
  ])('rejects %j with %s', (input, code, fragment) => {
    const r = checkDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.message).toContain(fragment);
    }
  });

  it('maps every serial of a year onto consecutive days', () => {
    // 2021-01-01 is serial 44197; walk the whole year and compare with JavaScript's calendar.
    for (let i = 0; i < 365; i++) {
      const expected = new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10);
      expect(checkDate(44197 + i)).toEqual({ ok: true, value: expected });
    }
  });

  it.each(['', '\u0000', '\uD800', '😀', '年月日', '2021-07-15 ' + ' '.repeat(100_000), 'x'.repeat(10_000_000)])(
    'never throws on hostile input %#',
    (input) => {
      expect(checkDate(input).ok).toBe(false);
    },
  );

  it('survives values of the wrong type at run time', () => {
    for (const v of [null, undefined, {}, true] as unknown as string[]) {
      expect(checkDate(v)).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    }
  });
});

describe('isCalendarDate', () => {
  it.each<[number, number, number, boolean]>([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2021, 12, 31, true],
    [2021, 11, 31, false],
    [2021, 0, 1, false],
    [2021, 1, 1.5, false],
  ])('%d-%d-%d → %s', (y, m, d, expected) => {
    expect(isCalendarDate(y, m, d)).toBe(expected);
  });
});
