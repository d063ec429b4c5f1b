import { describe, expect, it } from 'vitest';
import { parseChineseNumber, toChineseNumber } from './numerals.ts';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十一', 11],
    ['一十', 10],
    ['二十', 20],
    ['二十五', 25],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百一十九', 119],
    ['两百', 200],
    ['二百零一', 201],
    ['一千', 1000],
    ['一千零一', 1001],
    ['一千零一十', 1010],
    ['一千零十', 1010], // tolerated: 零 then 十
    ['一千零五十', 1050],
    ['一千二百零五', 1205],
    ['一千二百六十', 1260], // 民法典's last article
    ['两千', 2000],
    ['零', 0],
    ['〇', 0],
    ['二〇二一', 2021], // digit by digit, as years are written
    ['一九九六', 1996],
    ['51', 51],
    ['５１', 51], // full-width digits
    [' 十 ', 10],
  ])('%s → %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it.each([
    '', // nothing
    '百', // a unit needs its digit, except an opening 十
    '十十',
    '十百', // units must fall
    '一百十', // statutes write 一百一十
    '一百五', // colloquial 150
    '一千零零一', // one 零 per gap
    '一千零二百', // 零 must skip a unit
    '十零五',
    '一百零', // trailing 零
    '零五',
    '五十条',
    '5十',
    '两两',
  ])('refuses %j', (s) => {
    expect(parseChineseNumber(s)).toBeNull();
  });
});

describe('toChineseNumber', () => {
  it.each([
    [1, '一'],
    [10, '十'], // 第十条, not 一十
    [11, '十一'],
    [20, '二十'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'], // 第一百一十条, not 一百十
    [111, '一百一十一'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
    [1260, '一千二百六十'],
    [2000, '二千'],
    [9999, '九千九百九十九'],
  ])('%d → %s', (n, s) => {
    expect(toChineseNumber(n)).toBe(s);
  });

  it.each([0, -1, 1.5, 10_000, Number.NaN])('refuses %d', (n) => {
    expect(() => toChineseNumber(n)).toThrow(RangeError);
  });

  it('round-trips 1..2000', () => {
    const wrong: number[] = [];
    for (let n = 1; n <= 2000; n++) if (parseChineseNumber(toChineseNumber(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
  });
});
