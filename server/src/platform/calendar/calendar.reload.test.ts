import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock } from '../../../test/helpers.ts';
import { createCalendarService } from './index.ts';

// Several servers on one PostgreSQL: a year saved through one reaches the others within a minute.
const TABLE_2027 = {
  year: 2027,
  source: '测试用表（非真实通知）',
  days: [{ date: '2027-01-01', kind: 'holiday' as const, name: '元旦（测试）' }],
};

describe('calendar across server processes', () => {
  const clock = fakeClock();
  let tp: TestApp;
  beforeAll(async () => {
    tp = await createTestApp();
  });
  afterAll(async () => tp?.destroy());

  it('a year saved by another process is seen after at most a minute (fresh)', async () => {
    const other = await createCalendarService(tp.database.db, clock.now);
    expect(other.current().knownYears()).not.toContain(2027);
    await tp.calendar.saveYear({ system: 'test' }, TABLE_2027);
    clock.advanceMinutes(0.5);
    expect((await other.fresh()).knownYears()).not.toContain(2027); // read 30 s ago: still trusted
    clock.advanceMinutes(0.6);
    expect((await other.fresh()).knownYears()).toContain(2027);
  });
});
