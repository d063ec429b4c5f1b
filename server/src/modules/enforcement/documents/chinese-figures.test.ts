import { describe, expect, it } from 'vitest';
import { amountInCapitals, amountInFigures, amountText, chineseDate } from './chinese-figures.ts';

describe('amountInCapitals (中文大写金额)', () => {
  it.each([
    [0, '人民币零元整'],
    [5000, '人民币伍仟元整'],
    [10, '人民币壹拾元整'],
    [16, '人民币壹拾陆元整'],
    [110_000, '人民币壹拾壹万元整'],
    [200, '人民币贰佰元整'],
    [1005, '人民币壹仟零伍元整'],
    [1050, '人民币壹仟零伍拾元整'],
    [10_000, '人民币壹万元整'],
    [100_500, '人民币壹拾万零伍佰元整'],
    [101_000, '人民币壹拾万壹仟元整'],
    [10_050_000, '人民币壹仟零伍万元整'],
    [100_001_000, '人民币壹亿零壹仟元整'],
    [100_000_005, '人民币壹亿零伍元整'],
    [123_456_789, '人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
  ])('%d → %s', (amount, text) => expect(amountInCapitals(amount)).toBe(text));

  it.each([
    [0.5, '人民币伍角'],
    [0.05, '人民币伍分'],
    [5000.5, '人民币伍仟元伍角'],
    [1000.05, '人民币壹仟元零伍分'],
    [1680.32, '人民币壹仟陆佰捌拾元叁角贰分'],
    [0.1 + 0.2, '人民币叁角'],
  ])('角分: %d → %s (整 only after 元)', (amount, text) => expect(amountInCapitals(amount)).toBe(text));

  it('refuses what cannot be an amount', () => {
    expect(() => amountInCapitals(-1)).toThrow(RangeError);
    expect(() => amountInCapitals(Number.NaN)).toThrow(RangeError);
    expect(() => amountInCapitals(1e12)).toThrow(RangeError);
  });
});

describe('figures and dates', () => {
  it('writes figures with thousands separators and fen only when there are some', () => {
    expect(amountInFigures(5000)).toBe('5,000');
    expect(amountInFigures(1234567.5)).toBe('1,234,567.50');
    expect(amountText(5000)).toBe('人民币5,000元（大写：人民币伍仟元整）');
  });

  it('writes dates without leading zeros', () => {
    expect(chineseDate('2024-09-29')).toBe('2024年9月29日');
    expect(chineseDate('2024-10-01')).toBe('2024年10月1日');
    expect(() => chineseDate('2024/9/29')).toThrow(RangeError);
  });
});
