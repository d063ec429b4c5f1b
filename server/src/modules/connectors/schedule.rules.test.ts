import { describe, expect, it } from 'vitest';
import { isDue } from './schedule.rules.ts';

const at = (iso: string) => new Date(iso);
const NOW = at('2025-06-30T12:00:00Z');

describe('isDue', () => {
  it.each([
    ['manual', null, false],
    ['daily', null, true],
    ['daily', '2025-06-29T12:00:00Z', true],
    ['daily', '2025-06-29T12:00:01Z', false],
    ['hourly', '2025-06-30T11:00:00Z', true],
    ['hourly', '2025-06-30T11:30:00Z', false],
    ['weekly', '2025-06-24T12:00:00Z', false],
    ['weekly', '2025-06-23T12:00:00Z', true],
  ] as const)('%s, last started %s → %s', (schedule, last, due) => {
    expect(isDue(schedule, last === null ? null : at(last), NOW)).toBe(due);
  });
});
