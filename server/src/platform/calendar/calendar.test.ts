import { describe, expect, it } from 'vitest';
import { CalendarYearMissingError } from './calendar.errors.ts';
import { createWorkCalendar, periodKind, yearTableProblems } from './calendar.ts';
import { STATE_COUNCIL_CALENDAR, type YearTable } from './holidays.ts';

const cal = createWorkCalendar(STATE_COUNCIL_CALENDAR);

/** The error code thrown by fn, or 'no error'. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

interface Row {
  id: 'DAY-01' | 'DAY-02' | 'DAY-03' | 'DAY-04';
  name: string;
  actual: () => unknown;
  expected: unknown;
}

const row = (id: Row['id'], name: string, actual: () => unknown, expected: unknown): Row => ({ id, name, actual, expected });

// One block of rows per rule id (DESIGN §5): passing cases and the cases that must not pass.
const rows: Row[] = [
  // DAY-01 行政处罚法第八十五条: 2/3/5/7 days are working days, every other period is a calendar period.
  row('DAY-01', '2/3/5/7 days are working days', () => [2, 3, 5, 7].map((d) => periodKind('行政处罚法', d)), [
    'workdays',
    'workdays',
    'workdays',
    'workdays',
  ]),
  row('DAY-01', '10/15/90 days are calendar days', () => [10, 15, 90].map((d) => periodKind('行政处罚法', d)), [
    'calendar',
    'calendar',
    'calendar',
  ]),
  // 2024-09-30 (Mon) + 5 WD: 10-01..07 国庆 rest; 10-08, 09, 10, 11 and the 调休 Saturday 10-12 count.
  row(
    'DAY-01',
    '5 WD across 2024 国庆 ends on the make-up Saturday 10-12',
    () => cal.deadline('行政处罚法', '2024-09-30', 5).date,
    '2024-10-12',
  ),
  row('DAY-01', '2024-10-12 is a 调休上班日, not a weekend', () => cal.dayInfo('2024-10-12').reason, 'makeup-workday'),
  // 2024-04-03 (Wed) + 3 WD: 04-04..06 清明 rest; 04-07 (Sun, 上班), 04-08, 04-09.
  row('DAY-01', '3 WD across 2024 清明 counts the make-up Sunday', () => cal.addWorkdays('2024-04-03', 3), '2024-04-09'),
  row(
    'DAY-01',
    '15 days is a calendar period, rolled past 国庆 (DAY-03)',
    () => cal.deadline('行政处罚法', '2024-09-22', 15),
    expect.objectContaining({
      kind: 'calendar',
      date: '2024-10-08',
      nominalEnd: '2024-10-07',
      rolled: true,
      rules: ['DAY-01', 'DAY-03'],
    }),
  ),
  row(
    'DAY-01',
    'the statute fixes the kind: no override',
    () => codeOf(() => periodKind('行政处罚法', 5, 'calendar')),
    'CALENDAR_PERIOD_INVALID',
  ),

  // DAY-02 行政复议法第八十八条: 3/5/7/10 days are working days; 15/30/60 follow the 民事诉讼法.
  row('DAY-02', '3/5/7/10 days are working days', () => [3, 5, 7, 10].map((d) => periodKind('行政复议法', d)), [
    'workdays',
    'workdays',
    'workdays',
    'workdays',
  ]),
  row('DAY-02', '2/15/30/60 days are calendar days', () => [2, 15, 30, 60].map((d) => periodKind('行政复议法', d)), [
    'calendar',
    'calendar',
    'calendar',
    'calendar',
  ]),
  // 2025-01-24 (Fri) + 7 WD: 01-26 (Sun, 上班), 01-27, [01-28..02-04 春节], 02-05, 06, 07, 02-08 (Sat, 上班), 02-10.
  row('DAY-02', '7 WD across 2025 春节 with both make-up days', () => cal.deadline('行政复议法', '2025-01-24', 7).date, '2025-02-10'),
  // 2025-08-02 + 60 = 2025-10-01, inside 国庆节、中秋节 10-01..08 => 10-09.
  row(
    'DAY-02',
    '60-day application period rolled past 2025 国庆',
    () => cal.deadline('行政复议法', '2025-08-02', 60),
    expect.objectContaining({ kind: 'calendar', nominalEnd: '2025-10-01', date: '2025-10-09', rules: ['DAY-02', 'DAY-03'] }),
  ),
  row(
    'DAY-02',
    'the statute fixes the kind: no override',
    () => codeOf(() => cal.deadline('行政复议法', '2025-01-24', 7, { kind: 'calendar' })),
    'CALENDAR_PERIOD_INVALID',
  ),

  // DAY-03 民事诉讼法第八十五条: start day not counted; a last day that is a 法定休假日 moves to the next working day.
  row('DAY-03', 'start day not counted (calendar)', () => cal.addCalendarDays('2025-03-03', 1), '2025-03-04'),
  row('DAY-03', 'start day not counted (working days)', () => cal.addWorkdays('2025-03-03', 1), '2025-03-04'),
  row('DAY-03', '15 days ending on a working day: not rolled', () => cal.addCalendarDays('2025-03-03', 15), '2025-03-18'),
  row('DAY-03', '15 days ending on 国庆 2024-10-07: rolled to 10-08', () => cal.addCalendarDays('2024-09-22', 15), '2024-10-08'),
  row('DAY-03', '15 days ending on a Sunday: rolled to Monday', () => cal.addCalendarDays('2025-03-01', 15), '2025-03-17'),
  row('DAY-03', '15 days ending on the 调休 Saturday 2024-10-12: not rolled', () => cal.addCalendarDays('2024-09-27', 15), '2024-10-12'),
  row(
    'DAY-03',
    'the 民事诉讼法 itself: calendar, DAY-03 only',
    () => cal.deadline('民事诉讼法', '2024-09-22', 15),
    expect.objectContaining({ kind: 'calendar', date: '2024-10-08', rules: ['DAY-03'] }),
  ),
  // 2020-02-01 (Sat) was a make-up workday in 国办发明电〔2019〕16号; 国办发明电〔2020〕1号 made it a rest day.
  row('DAY-03', '2020 extension: 02-01 is a rest day, period runs to 02-03', () => cal.addCalendarDays('2020-01-17', 15), '2020-02-03'),
  row('DAY-03', '2020 extension: 1 WD after 01-23 is 02-03', () => cal.addWorkdays('2020-01-23', 1), '2020-02-03'),
  row('DAY-03', '2020-01-19 (Sun) stays a make-up workday', () => cal.isWorkday('2020-01-19'), true),
  row('DAY-03', 'rest run across the year end (2023 元旦 from 2022-12-31)', () => cal.addCalendarDays('2022-12-16', 15), '2023-01-03'),
  row('DAY-03', 'only the years examined are needed (start in 2019)', () => cal.addCalendarDays('2019-12-20', 15), '2020-01-06'),
  row(
    'DAY-03',
    'end in an unknown year: CalendarYearMissingError',
    () => codeOf(() => cal.addCalendarDays('2026-12-20', 30)),
    'CALENDAR_YEAR_MISSING',
  ),
  row(
    'DAY-03',
    'working days into an unknown year: CalendarYearMissingError',
    () => codeOf(() => cal.addWorkdays('2026-12-28', 5)),
    'CALENDAR_YEAR_MISSING',
  ),
  row('DAY-03', 'a day before 12-24 does not need next year', () => cal.isWorkday('2026-12-23'), true),
  // The next year's notice may set the last days of December (2019 notice: 2018-12-29 上班, 12-31 放假).
  row('DAY-03', 'from 12-24 next year\'s table is needed', () => codeOf(() => cal.isWorkday('2026-12-28')), 'CALENDAR_YEAR_MISSING'),
  row('DAY-03', 'an invalid date is refused', () => codeOf(() => cal.addCalendarDays('2025-02-29', 1)), 'CALENDAR_DATE_INVALID'),
  row('DAY-03', 'a period of 0 or 1.5 days is refused', () => [0, 1.5].map((n) => codeOf(() => cal.addWorkdays('2025-03-03', n))), [
    'CALENDAR_PERIOD_INVALID',
    'CALENDAR_PERIOD_INVALID',
  ]),

  // DAY-04 法律援助法 / 社区矫正法 / 律师法: silent, calendar days by default, overridable per rule.
  row('DAY-04', 'default is calendar days', () => (['法律援助法', '社区矫正法', '律师法'] as const).map((s) => periodKind(s, 7)), [
    'calendar',
    'calendar',
    'calendar',
  ]),
  row('DAY-04', 'override to working days', () => periodKind('法律援助法', 7, 'workdays'), 'workdays'),
  // 2025-09-30 + 7 = 10-07 (国庆节、中秋节 rest until 10-08) => 10-09.
  row(
    'DAY-04',
    'default: 7 calendar days rolled past 2025 国庆',
    () => cal.deadline('法律援助法', '2025-09-30', 7),
    expect.objectContaining({ kind: 'calendar', date: '2025-10-09', rules: ['DAY-04', 'DAY-03'] }),
  ),
  // Override: 10-09, 10-10, 10-11 (Sat, 上班), 10-13, 14, 15, 16.
  row(
    'DAY-04',
    'override: 7 working days after 2025-09-30',
    () => cal.deadline('法律援助法', '2025-09-30', 7, { kind: 'workdays' }),
    expect.objectContaining({ kind: 'workdays', date: '2025-10-16', rules: ['DAY-04'] }),
  ),
];

describe('statutory day counting (statutory-rules.md §0.3)', () => {
  it.each(rows)('$id $name', (row) => {
    expect(row.actual()).toEqual(row.expected);
  });

  it('covers every rule id', () => {
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(['DAY-01', 'DAY-02', 'DAY-03', 'DAY-04']));
  });

  it('CalendarYearMissingError carries the year and never guesses', () => {
    for (const [date, year] of [['2027-01-04', 2027], ['2019-12-31', 2019], ['2026-12-28', 2027]] as const) {
      let caught: unknown;
      try {
        cal.isWorkday(date);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(CalendarYearMissingError);
      expect((caught as CalendarYearMissingError).year).toBe(year);
      expect((caught as CalendarYearMissingError).status).toBe(409);
    }
  });
});

describe('built-in notices 2020–2026', () => {
  // Per notice: holiday dates listed = the sum of its "共N天" (or "X日放假" for a single day);
  // make-up workdays = the "（星期六/日）上班" dates; net weekday days off = weekday rest days minus
  // make-up days, which must equal the statutory days off: 11 under the 2013 全国年节及纪念日放假办法,
  // 13 under its 2024 revision (from 2025), 2020 + 2 (国办发明电〔2020〕1号 added 01-31 and 02-01).
  const expected: [year: number, source: string, holidays: number, workdays: number, net: number][] = [
    [2020, '国办发明电〔2019〕16号', 30, 6, 13], // 1+10+3+5+3+8 (春节 7 days + extension to 02-02)
    [2021, '国办发明电〔2020〕27号', 31, 7, 11], // 3+7+3+5+3+3+7
    [2022, '国办发明电〔2021〕11号', 31, 7, 11], // 3+7+3+5+3+3+7
    [2023, '国办发明电〔2022〕16号', 27, 7, 11], // 3+7+1+5+3+8 (元旦 starts 2022-12-31)
    [2024, '国办发明电〔2023〕7号', 28, 8, 11], // 1+8+3+5+1+3+7 (元旦, 端午 "与周末连休")
    [2025, '国办发明电〔2024〕12号', 28, 5, 13], // 1+8+3+5+3+8
    [2026, '国办发明电〔2025〕7号', 33, 6, 13], // 3+9+3+5+3+3+7
  ];

  it('has exactly one table per year 2020–2026', () => {
    expect(cal.knownYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  it.each(expected)('%i (%s): %i holiday dates, %i make-up workdays, %i net days off', (year, source, holidays, workdays, net) => {
    const t = cal.tableFor(year);
    expect(t?.source).toBe(source);
    const days = t?.days ?? [];
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(holidays);
    expect(days.filter((d) => d.kind === 'workday')).toHaveLength(workdays);
    const weekdayRest = days.filter((d) => d.kind === 'holiday' && cal.dayInfo(d.date).weekday % 6 !== 0).length;
    expect(weekdayRest - workdays).toBe(net);
    for (const d of days) expect(cal.isWorkday(d.date)).toBe(d.kind === 'workday');
  });

  it('2020 records the extension notice', () => {
    expect(cal.tableFor(2020)?.amendedBy).toEqual(['国办发明电〔2020〕1号']);
    expect(cal.dayInfo('2020-02-01')).toMatchObject({ workday: false, reason: 'holiday', name: '春节' });
  });
});

describe('createWorkCalendar layers (built-in + database)', () => {
  // Synthetic fixture, not a real notice.
  const fixture2027: YearTable = {
    year: 2027,
    source: '测试用文号',
    days: [
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-01-02', kind: 'holiday', name: '元旦' },
      { date: '2027-01-09', kind: 'workday', name: '元旦' },
    ],
  };

  it('adds a year from the database layer', () => {
    const c = createWorkCalendar(STATE_COUNCIL_CALENDAR, [fixture2027]);
    expect(c.knownYears()).toContain(2027);
    expect(c.isWorkday('2027-01-01')).toBe(false);
    expect(c.isWorkday('2027-01-09')).toBe(true);
    expect(c.addCalendarDays('2026-12-20', 12)).toBe('2027-01-04');
    expect(c.isWorkday('2026-12-28')).toBe(true);
  });

  it('a later layer replaces a whole built-in year', () => {
    const original2020: YearTable = {
      year: 2020,
      source: '国办发明电〔2019〕16号',
      days: [{ date: '2020-02-01', kind: 'workday', name: '春节' }],
    };
    const c = createWorkCalendar(STATE_COUNCIL_CALENDAR, [original2020]);
    expect(c.isWorkday('2020-02-01')).toBe(true);
    expect(c.tableFor(2020)?.amendedBy).toBeUndefined();
  });

  it.each([
    ['the same year twice in one layer', [fixture2027, fixture2027]],
    ['a make-up workday on a weekday', [{ ...fixture2027, days: [{ date: '2027-01-04', kind: 'workday', name: '元旦' }] }]],
    ['a date far outside its year', [{ ...fixture2027, days: [{ date: '2030-01-01', kind: 'holiday', name: '元旦' }] }]],
    ['an invalid date', [{ ...fixture2027, days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] }]],
    ['no notice number', [{ ...fixture2027, source: ' ' }]],
    [
      'a date two tables disagree on',
      [
        { year: 2027, source: 'x', days: [{ date: '2026-12-26', kind: 'holiday', name: '元旦' }] },
        { year: 2026, source: 'y', days: [{ date: '2026-12-26', kind: 'workday', name: '元旦' }] },
      ],
    ],
  ] as [string, YearTable[]][])('refuses %s', (_name, layer) => {
    expect(codeOf(() => createWorkCalendar(layer))).toBe('CALENDAR_TABLE_INVALID');
  });

  it('a later layer that contradicts an earlier layer\'s neighbour is refused with its path', () => {
    const bad: YearTable = { year: 2027, source: 'x', days: [{ date: '2026-12-26', kind: 'workday', name: '元旦' }] };
    const withHoliday: YearTable = { year: 2026, source: 'y', days: [{ date: '2026-12-26', kind: 'holiday', name: '元旦' }] };
    let caught: unknown;
    try {
      createWorkCalendar([withHoliday], [bad]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'CALENDAR_TABLE_INVALID', details: [expect.objectContaining({ field: 'layers[1][0].days[0].kind' })] });
  });

  it('yearTableProblems gives paths relative to the table, shape before conflicts', () => {
    const table: YearTable = {
      year: 2027,
      source: '测试用文号',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-06', kind: 'workday', name: '元旦' }, // a Wednesday
        { date: '2027-02-30', kind: 'holiday', name: '春节' },
      ],
    };
    expect(yearTableProblems(table).map((d) => d.field)).toEqual(['days[1].date', 'days[2].date']);
    const clash: YearTable = { year: 2027, source: 'x', days: [{ date: '2026-12-26', kind: 'holiday', name: '元旦' }] };
    const neighbour = (y: number) => (y === 2026 ? { year: 2026, source: 'y', days: [{ date: '2026-12-26', kind: 'workday' as const, name: '元旦' }] } : undefined);
    expect(yearTableProblems(clash, neighbour)).toEqual([{ field: 'days[0].kind', message: expect.stringContaining('2026年工作日历（y）') }]);
  });
});
