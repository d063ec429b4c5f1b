import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import type { CalendarTables } from './calendar.queries.ts';

// A clearly labelled test table, not the real 2027 notice: 2027-01-01..03 (Fri–Sun) rest days and
// Saturday 2027-01-09 a make-up workday.
const SOURCE = '测试用表（非真实通知）';
const TEST_2027 = {
  source: SOURCE,
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦（测试）' },
    { date: '2027-01-02', kind: 'holiday', name: '元旦（测试）' },
    { date: '2027-01-03', kind: 'holiday', name: '元旦（测试）' },
    { date: '2027-01-09', kind: 'workday', name: '元旦（测试）' },
  ],
};

let tp: TestApp;
let admin: string;
let staff: string;
let auditor: string;

beforeAll(async () => {
  tp = await createTestApp();
  [admin, staff, auditor] = await Promise.all([tp.login('sysadmin'), tp.login('xihu_staff'), tp.login('auditadmin')]);
});
afterAll(async () => {
  await tp?.destroy();
});

const get = (token: string, url: string) => tp.as(token, { method: 'GET', url });
const put2027 = (token: string, payload: object) => tp.as(token, { method: 'PUT', url: '/api/v1/calendar/years/2027', payload });
const deadline = (q: string) => get(staff, `/api/v1/calendar/deadline?${q}`);
const savedEvents = async () => (await get(auditor, '/api/v1/audit-events?action=calendar.save-year')).json();

describe('工作日历 API before 2027 is entered', () => {
  it('lists the built-in State Council years 2020–2026', async () => {
    const res = await get(staff, '/api/v1/calendar/years?page=1&pageSize=100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(7);
    expect(body.items[6]).toMatchObject({ year: 2026, source: '国办发明电〔2025〕7号', holidays: 33, workdays: 6, origin: 'builtin', version: null });
  });

  it('DAY-01: a deadline that reaches 2027 answers 409 CALENDAR_YEAR_MISSING naming 2027', async () => {
    const res = await deadline(`statute=${encodeURIComponent('行政处罚法')}&start=2026-12-30&days=5`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: [{ field: 'year', message: '2027' }] });
    expect(res.json().message).toContain('录入2027年放假安排');
  });

  it('GET a year without a table is 404 CALENDAR_YEAR_NOT_FOUND', async () => {
    const res = await get(staff, '/api/v1/calendar/years/2027');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CALENDAR_YEAR_NOT_FOUND');
  });

  it('staff may read but not save a year (403 AUTHZ_FORBIDDEN)', async () => {
    const res = await put2027(staff, TEST_2027);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('AUTHZ_FORBIDDEN');
  });

  const day = (date: string, kind: string, name = '元旦（测试）') => ({ date, kind, name });
  it.each([
    ['a make-up workday on a Wednesday', { ...TEST_2027, days: [...TEST_2027.days.slice(0, 3), day('2027-01-06', 'workday')] }, 'CALENDAR_TABLE_INVALID', 'days[3].date'],
    ['a date that does not exist', { ...TEST_2027, days: [day('2027-01-01', 'holiday'), day('2027-02-30', 'holiday')] }, 'CALENDAR_TABLE_INVALID', 'days[1].date'],
    ['a date two years away', { ...TEST_2027, days: [day('2029-01-01', 'holiday')] }, 'CALENDAR_TABLE_INVALID', 'days[0].date'],
    ['a date listed twice', { ...TEST_2027, days: [day('2027-01-01', 'holiday'), day('2027-01-01', 'holiday')] }, 'CALENDAR_TABLE_INVALID', 'days[1].date'],
    // 国办发明电〔2025〕7号 made Saturday 2026-10-10 a workday.
    ['a clash with the 2026 notice', { ...TEST_2027, days: [day('2026-10-10', 'holiday', '国庆节')] }, 'CALENDAR_TABLE_INVALID', 'days[0].kind'],
    // Unknown keys: zod reports them at the object's path and names the key in the message.
    ['an unknown field', { ...TEST_2027, note: 'x' }, 'VALIDATION_FAILED', 'note'],
    ['an unknown field in a day', { ...TEST_2027, days: [{ ...day('2027-01-01', 'holiday'), color: 'red' }] }, 'VALIDATION_FAILED', 'days.0 color'],
    ['markup in a name', { ...TEST_2027, days: [...TEST_2027.days.slice(0, 2), day('2027-01-03', 'holiday', '<script>alert(1)</script>')] }, 'VALIDATION_FAILED', 'days.2.name'],
    ['an unknown kind', { ...TEST_2027, days: [day('2027-01-01', 'rest')] }, 'VALIDATION_FAILED', 'days.0.kind'],
    ['no notice number', { ...TEST_2027, source: ' ' }, 'VALIDATION_FAILED', 'source'],
  ])('refuses %s with 400 %s naming %s', async (_name, payload, code, where) => {
    const res = await put2027(admin, payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe(code);
    const named = (d: { field: string; message: string }) => where.split(' ').every((w) => d.field.startsWith(w) || d.message.includes(`"${w}"`));
    expect(body.details.some(named), JSON.stringify(body.details)).toBe(true);
  });

  it('stored nothing and audited nothing for the refused tables', async () => {
    expect((await get(admin, '/api/v1/calendar/years/2027')).statusCode).toBe(404);
    expect((await savedEvents()).total).toBe(0);
    const rows = await tp.database.db.withTables<CalendarTables>().selectFrom('calendar_years').select('id').execute();
    expect(rows).toHaveLength(0);
  });
});

describe('工作日历 API after an administrator enters 2027', () => {
  beforeAll(async () => {
    const res = await put2027(admin, TEST_2027);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, source: SOURCE, origin: 'admin', version: 1, enteredBy: 'sysadmin', holidays: 3, workdays: 1 });
  });

  it('lists 2027 as entered by the administrator', async () => {
    const body = (await get(staff, '/api/v1/calendar/years')).json();
    expect(body.total).toBe(8);
    expect(body.items[7]).toMatchObject({ year: 2027, origin: 'admin', version: 1, enteredBy: 'sysadmin' });
    expect((await get(staff, '/api/v1/calendar/years/2027')).json().days).toEqual(TEST_2027.days);
  });

  it.each([
    // DAY-01 5 working days: 12-31, [01-01..03 rest], 01-04, 05, 06, 07.
    ['行政处罚法', '2026-12-30', 5, '', { date: '2027-01-07', kind: 'workdays', rules: ['DAY-01'], basis: '行政处罚法第八十五条：5日指工作日' }],
    // DAY-02 10 working days, counting the make-up Saturday 01-09.
    ['行政复议法', '2026-12-30', 10, '', { date: '2027-01-13', kind: 'workdays', rules: ['DAY-02'] }],
    // DAY-03: 2026-12-17 + 15 = 2027-01-01, a rest day, so the period ends on Monday 01-04.
    ['民事诉讼法', '2026-12-17', 15, '', { date: '2027-01-04', nominalEnd: '2027-01-01', rolled: true, rules: ['DAY-03'] }],
    // DAY-04: calendar days by default, working days when the rule says so.
    ['法律援助法', '2026-12-30', 7, '', { date: '2027-01-06', kind: 'calendar', rules: ['DAY-04', 'DAY-03'] }],
    ['法律援助法', '2026-12-30', 7, '&kind=workdays', { date: '2027-01-09', kind: 'workdays', rules: ['DAY-04'] }],
  ])('%s from %s, %i days%s', async (statute, start, days, extra, expected) => {
    const res = await deadline(`statute=${encodeURIComponent(statute)}&start=${start}&days=${days}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ statute, start, days, ...expected });
  });

  it('refuses an override where the statute fixes the kind (DAY-01), and bad query values', async () => {
    const fixed = await deadline(`statute=${encodeURIComponent('行政处罚法')}&start=2026-12-30&days=5&kind=calendar`);
    expect(fixed.statusCode).toBe(400);
    expect(fixed.json()).toMatchObject({ code: 'CALENDAR_PERIOD_INVALID', details: [{ field: 'kind' }] });
    for (const q of ['statute=x&start=2026-12-30&days=5', `statute=${encodeURIComponent('律师法')}&start=2027-02-29&days=5`, `statute=${encodeURIComponent('律师法')}&start=2027-01-04&days=0`]) {
      const res = await deadline(q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('gives each day of a range for the month grid', async () => {
    const res = await get(staff, '/api/v1/calendar/days?from=2026-12-31&to=2027-01-11');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 12, missingYears: [] });
    expect(body.items[0]).toEqual({ date: '2026-12-31', weekday: 4, isWorkday: true, reason: 'weekday', name: null });
    expect(body.items[1]).toEqual({ date: '2027-01-01', weekday: 5, isWorkday: false, reason: 'holiday', name: '元旦（测试）' });
    expect(body.items[9]).toEqual({ date: '2027-01-09', weekday: 6, isWorkday: true, reason: 'makeup-workday', name: '元旦（测试）' });
    expect(body.items[10]).toMatchObject({ date: '2027-01-10', isWorkday: false, reason: 'weekend' });
  });

  it('marks days it cannot decide as unknown and names the missing year', async () => {
    const body = (await get(staff, '/api/v1/calendar/days?from=2027-12-23&to=2027-12-24')).json();
    expect(body.items.map((d: { isWorkday: boolean | null }) => d.isWorkday)).toEqual([true, null]);
    expect(body.missingYears).toEqual([2028]);
    const tooLong = await get(staff, '/api/v1/calendar/days?from=2026-01-01&to=2027-01-02');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().code).toBe('CALENDAR_RANGE_INVALID');
  });

  it('a corrected table becomes version 2 at once; version 1 is kept', async () => {
    const res = await put2027(admin, { ...TEST_2027, days: TEST_2027.days.slice(0, 3) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, workdays: 0 });
    // Without the make-up Saturday 01-09 the tenth working day is 01-14.
    const after = await deadline(`statute=${encodeURIComponent('行政复议法')}&start=2026-12-30&days=10`);
    expect(after.json().date).toBe('2027-01-14');
    const rows = await tp.database.db.withTables<CalendarTables>().selectFrom('calendar_years').select(['year', 'version']).orderBy('version').execute();
    expect(rows).toEqual([{ year: 2027, version: 1 }, { year: 2027, version: 2 }]);
    expect((await tp.calendar.reload()).addWorkdays('2026-12-30', 10)).toBe('2027-01-14');
  });

  it('audits each save for the audit administrator', async () => {
    const body = await savedEvents();
    expect(body.total).toBe(2);
    expect(body.items[1]).toMatchObject({
      actorUsername: 'sysadmin',
      targetType: 'calendar_year',
      targetId: '2027',
      changes: { version: 1, replaced: null, source: [null, SOURCE], removed: [] },
    });
    expect(body.items[0].changes).toMatchObject({ version: 2, replaced: 'admin v1', added: [], removed: ['2027-01-09:workday'] });
  });
});
