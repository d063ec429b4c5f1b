import { describe, expect, it } from 'vitest';
import { coverageRate, isStale } from './coverage.rules.ts';

const now = new Date('2026-11-27T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('stale sources (超期未归集)', () => {
  it.each([
    ['never delivered', null, 'monthly', true],
    ['daily, 20 hours ago', daysAgo(20 / 24), 'daily', false],
    ['daily, 2 days ago', daysAgo(2), 'daily', true],
    ['weekly, 6 days ago', daysAgo(6), 'weekly', false],
    ['weekly, 8 days ago', daysAgo(8), 'weekly', true],
    ['monthly, 31 days ago', daysAgo(30.9), 'monthly', false],
    ['monthly, 40 days ago', daysAgo(40), 'monthly', true],
    ['quarterly, 90 days ago', daysAgo(90), 'quarterly', false],
    ['yearly, 400 days ago', daysAgo(400), 'yearly', true],
    ['realtime, 2 days ago', daysAgo(2), 'realtime', true],
  ] as const)('%s', (_, last, cycle, stale) => {
    expect(isStale(last, cycle, now)).toBe(stale);
  });
});

describe('coverage rate (归集率)', () => {
  it.each([
    [90, 100, 0.9],
    [100, 100, 1],
    [120, 100, 1],
    [5, null, null],
    [5, 0, null],
  ] as const)('%i of %s', (held, expected, rate) => {
    expect(coverageRate(held, expected)).toBe(rate);
  });
});
