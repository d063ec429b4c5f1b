/**
 * 工作日历 — pure working-day arithmetic over Chinese legal dates ('YYYY-MM-DD', no time zones),
 * implementing domain/statutory-rules.md §0.3 once for every module:
 *
 * - DAY-01 行政处罚法第八十五条: "二日""三日""五日""七日" are working days, other periods calendar days.
 * - DAY-02 行政复议法第八十八条: "三日""五日""七日""十日" are working days (第二款); other periods follow
 *   the 民事诉讼法 (第一款).
 * - DAY-03 民事诉讼法第八十五条: the start day is not counted; a period whose last day is a 法定休假日
 *   (statutory holiday or weekend rest day) ends on the first working day after it.
 * - DAY-04 法律援助法 / 社区矫正法 / 律师法 say nothing: calendar days by default (the stricter reading),
 *   overridable per rule.
 *
 * A year without a table is never treated as "no holidays": any computation that needs it throws
 * CalendarYearMissingError. Tables come from the built-in notices (holidays.ts) and from the database
 * (years an administrator adds later); see createWorkCalendar.
 */
import type { ErrorDetail } from '../http/errors.ts';
import { calendarErrors, CalendarYearMissingError } from './calendar.errors.ts';
import { civilFromDays, dayNumber, formatDay, isWeekend, parseDate, weekdayOf, yearOf } from './dates.ts';
import type { CalendarDay, DayKind, YearTable } from './holidays.ts';

// ---------------------------------------------------------------------------------------------
// Statute rule set (DAY-01, DAY-02, DAY-04; DAY-03 for every calendar period)

export type PeriodKind = 'workdays' | 'calendar';
export type DayRuleId = 'DAY-01' | 'DAY-02' | 'DAY-03' | 'DAY-04';

interface StatuteDayRule {
  readonly rule: DayRuleId;
  readonly basis: string;
  /** periods (in days) that the statute itself declares to be working days */
  readonly workdayPeriods: readonly number[];
  /** DAY-04: the statute is silent, so a rule may choose working days */
  readonly overridable: boolean;
}

export const STATUTE_DAY_RULES = {
  // DAY-01 行政处罚法（2021）第八十五条："本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。"
  行政处罚法: { rule: 'DAY-01', basis: '行政处罚法第八十五条', workdayPeriods: [2, 3, 5, 7], overridable: false },
  // DAY-02 行政复议法（2023）第八十八条第二款："本法关于行政复议期间有关“三日”、“五日”、“七日”、“十日”的规定是指
  // 工作日，不含法定休假日。"
  // 第一款: other periods are computed under the 民事诉讼法 (DAY-03).
  行政复议法: { rule: 'DAY-02', basis: '行政复议法第八十八条', workdayPeriods: [3, 5, 7, 10], overridable: false },
  // DAY-03 民事诉讼法（2023）第八十五条: all periods are calendar periods.
  民事诉讼法: { rule: 'DAY-03', basis: '民事诉讼法第八十五条', workdayPeriods: [], overridable: false },
  // DAY-04: silent statutes — calendar days by default (stricter), overridable per rule.
  法律援助法: { rule: 'DAY-04', basis: '法律援助法（未规定“日”是否为工作日）', workdayPeriods: [], overridable: true },
  社区矫正法: { rule: 'DAY-04', basis: '社区矫正法（未规定“日”是否为工作日）', workdayPeriods: [], overridable: true },
  律师法: { rule: 'DAY-04', basis: '律师法（未规定“日”是否为工作日）', workdayPeriods: [], overridable: true },
} as const satisfies Record<string, StatuteDayRule>;

export type Statute = keyof typeof STATUTE_DAY_RULES;

export interface PeriodOverrides {
  /** DAY-04 only: count this rule's period in working days (e.g. a regulation says "7个工作日") */
  kind?: PeriodKind;
}

/** The longest period accepted (100 years): longer ones are input errors, not statutes. */
export const MAX_PERIOD_DAYS = 36_600;

function checkDays(days: number, field = 'days'): void {
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_PERIOD_DAYS) {
    const message = `期间天数应为 1 至 ${MAX_PERIOD_DAYS} 的整数：${days}`;
    throw calendarErrors.CALENDAR_PERIOD_INVALID(undefined, [{ field, message }]);
  }
}

function ruleOf(statute: Statute): StatuteDayRule {
  const rule: StatuteDayRule | undefined = (STATUTE_DAY_RULES as Record<string, StatuteDayRule>)[statute];
  if (!rule) {
    const message = `未配置期间规则：${String(statute)}`;
    throw calendarErrors.CALENDAR_PERIOD_INVALID(undefined, [{ field: 'statute', message }]);
  }
  return rule;
}

/**
 * Working days or calendar days for a period of `days` under `statute` (DAY-01, DAY-02, DAY-04).
 * An override is accepted only where the statute is silent (DAY-04); DAY-01/02 statutes fix it.
 */
export function periodKind(statute: Statute, days: number, override?: PeriodKind): PeriodKind {
  const rule = ruleOf(statute);
  checkDays(days);
  if (override !== undefined) {
    if (override !== 'workdays' && override !== 'calendar') {
      const message = `未知的期间类型：${String(override)}`;
      throw calendarErrors.CALENDAR_PERIOD_INVALID(undefined, [{ field: 'kind', message }]);
    }
    if (!rule.overridable) {
      throw calendarErrors.CALENDAR_PERIOD_INVALID(`${rule.basis}已规定期间的计算方法，不能覆盖（${rule.rule}）`, [
        { field: 'kind', message: `${statute}的期间类型由法律规定` },
      ]);
    }
    return override;
  }
  return rule.workdayPeriods.includes(days) ? 'workdays' : 'calendar';
}

export interface Deadline {
  statute: Statute;
  start: string;
  days: number;
  kind: PeriodKind;
  /** rule ids applied, e.g. ['DAY-01'] or ['DAY-02', 'DAY-03'] */
  rules: DayRuleId[];
  basis: string;
  /** the last day of the period (期间届满日) */
  date: string;
  /** calendar periods: start + days before any roll-forward (DAY-03) */
  nominalEnd: string;
  /** true when the nominal end fell on a rest day and the period was extended (DAY-03) */
  rolled: boolean;
}

// ---------------------------------------------------------------------------------------------
// The calendar

export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup-workday';

export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  workday: boolean;
  reason: DayReason;
  /** holiday block name (春节 …) when the notice lists the day */
  name?: string;
  /** notice number of the table that lists the day */
  source?: string;
}

export interface WorkCalendar {
  /** years that have a table, ascending */
  knownYears(): number[];
  /** the table in effect for a year (a database table replaces a built-in one) */
  tableFor(year: number): YearTable | undefined;
  isWorkday(date: string): boolean;
  dayInfo(date: string): DayInfo;
  /** DAY-01/02: the start day is not counted; the n-th working day after `start` */
  addWorkdays(start: string, n: number): string;
  /** DAY-03: start + n calendar days; if that day is a rest day, the next working day */
  addCalendarDays(start: string, n: number): string;
  /** periodKind + addWorkdays/addCalendarDays, with the rule ids and basis applied */
  deadline(statute: Statute, start: string, days: number, overrides?: PeriodOverrides): Deadline;
}

/** From 12-24 on, a date's status may depend on next year's notice (seen: 12-29 to 12-31). */
const YEAR_END_WINDOW_FROM_DAY = 24;

interface Entry {
  kind: DayKind;
  name: string;
  source: string;
}

// ---------------------------------------------------------------------------------------------
// Year tables: validation and layering

/** Years a table may have; its dates lie in its year or the one before or after. */
export const YEAR_MIN = 1949;
export const YEAR_MAX = 2999;

const KIND_LABEL: Record<DayKind, string> = { holiday: '放假', workday: '调休上班' };

/** Shape problems of one table, with field paths relative to it ('days[3].date'). */
function shapeProblems(t: YearTable): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const bad = (field: string, message: string) => details.push({ field, message });
  if (!Number.isSafeInteger(t.year) || t.year < YEAR_MIN || t.year > YEAR_MAX) bad('year', `年份不正确：${t.year}`);
  if (typeof t.source !== 'string' || t.source.trim() === '') bad('source', '缺少放假安排通知的文号');
  if (!Array.isArray(t.days)) bad('days', '缺少日期列表');
  const seen = new Set<string>();
  (Array.isArray(t.days) ? t.days : []).forEach((d: CalendarDay, i: number) => {
    const n = dayNumber(d?.date);
    if (n === undefined) return bad(`days[${i}].date`, `不是有效日期：${String(d?.date)}`);
    if (Math.abs(yearOf(n) - t.year) > 1) bad(`days[${i}].date`, `${d.date}不在${t.year}年前后`);
    if (seen.has(d.date)) bad(`days[${i}].date`, `${d.date}重复`);
    seen.add(d.date);
    if (d.kind !== 'holiday' && d.kind !== 'workday') {
      bad(`days[${i}].kind`, `类型应为 holiday 或 workday：${String(d.kind)}`);
    }
    if (typeof d.name !== 'string' || d.name.trim() === '') bad(`days[${i}].name`, '缺少节日名称');
    // A 调休上班日 is always a Saturday or Sunday: a weekday "workday" means a typo in the data.
    if (d.kind === 'workday' && !isWeekend(n)) bad(`days[${i}].date`, `${d.date}不是周末，不能作为调休上班日`);
  });
  return details;
}

/**
 * Dates of `t` that a neighbouring year's table lists with the other kind. A year-end date can sit
 * in two notices (2022-12-31 is in the 2023 notice); DAY-03 needs one answer per date.
 */
function conflicts(t: YearTable, neighbour: (year: number) => YearTable | undefined): ErrorDetail[] {
  const elsewhere = new Map<string, { kind: DayKind; year: number; source: string }>();
  // A table lists dates within one year of its own, so only tables up to two years away can overlap.
  for (const y of [t.year - 2, t.year - 1, t.year + 1, t.year + 2]) {
    const other = neighbour(y);
    if (!other) continue;
    for (const d of other.days) elsewhere.set(d.date, { kind: d.kind, year: y, source: other.source });
  }
  const details: ErrorDetail[] = [];
  t.days.forEach((d, i) => {
    const o = elsewhere.get(d.date);
    if (o && o.kind !== d.kind) {
      const message = `${d.date}在${o.year}年工作日历（${o.source}）中为${KIND_LABEL[o.kind]}，与本表相互矛盾`;
      details.push({ field: `days[${i}].kind`, message });
    }
  });
  return details;
}

/**
 * Everything wrong with one year table, as error details with paths relative to it
 * ('days[3].date'); empty when it may be used. `neighbour` answers the tables in effect for the
 * other years, so a table that contradicts them is refused before it is stored.
 */
export function yearTableProblems(t: YearTable, neighbour: (year: number) => YearTable | undefined = () => undefined): ErrorDetail[] {
  const shape = shapeProblems(t);
  return shape.length > 0 ? shape : conflicts(t, neighbour);
}

function reject(year: number, where: string, details: readonly ErrorDetail[]): void {
  if (details.length === 0) return;
  const prefixed = details.map((d) => ({ ...d, field: `${where}.${d.field ?? ''}` }));
  throw calendarErrors.CALENDAR_TABLE_INVALID(`${year}年工作日历数据不符合要求`, prefixed);
}

/**
 * Builds a calendar from layers of year tables, e.g.
 *   createWorkCalendar(STATE_COUNCIL_CALENDAR, tablesFromDatabase)
 * Within one layer a year may appear once. A later layer replaces a whole year of an earlier one
 * (an administrator recording a later amendment, as 国办发明电〔2020〕1号 amended 2020). Every
 * table is validated (CALENDAR_TABLE_INVALID, fields like `layers[1][0].days[3].date`); the same
 * date listed by two tables in effect with different kinds is an error.
 */
export function createWorkCalendar(...layers: readonly (readonly YearTable[])[]): WorkCalendar {
  const tables = new Map<number, { table: YearTable; where: string; order: number }>();
  let added = 0;
  layers.forEach((layer, li) => {
    const inLayer = new Set<number>();
    layer.forEach((t, ti) => {
      const where = `layers[${li}][${ti}]`;
      reject(t.year, where, shapeProblems(t));
      if (inLayer.has(t.year)) {
        throw calendarErrors.CALENDAR_TABLE_INVALID(`${t.year}年的工作日历重复`, [
          { field: `${where}.year`, message: `${t.year}年在同一来源中出现两次` },
        ]);
      }
      inLayer.add(t.year);
      tables.set(t.year, { table: t, where, order: added++ });
    });
  });
  const tableFor = (year: number): YearTable | undefined => tables.get(year)?.table;

  // A contradiction is reported on the table added last (the newcomer), not on the one it contradicts.
  for (const { table: t, where } of [...tables.values()].sort((a, b) => b.order - a.order)) {
    reject(t.year, where, conflicts(t, tableFor));
  }

  const entries = new Map<number, Entry>();
  for (const { table: t } of tables.values()) {
    for (const d of t.days) {
      const n = parseDate(d.date);
      // A date both neighbouring tables list (with the same kind): name it after its own year's.
      if (!entries.has(n) || yearOf(n) === t.year) entries.set(n, { kind: d.kind, name: d.name, source: t.source });
    }
  }
  const years = [...tables.keys()].sort((a, b) => a - b);

  /**
   * Throws unless the day's own year has a table: an unknown year is never "no holidays". The last
   * days of December also need the next year's table, because its notice may set them (the 2019
   * notice made 2018-12-29 a workday and 2018-12-30/31 rest days; the 2023 notice, 2022-12-31).
   */
  function requireYear(n: number): void {
    const [y, m, d] = civilFromDays(n);
    if (!tables.has(y)) throw new CalendarYearMissingError(y, formatDay(n));
    if (m === 12 && d >= YEAR_END_WINDOW_FROM_DAY && !tables.has(y + 1)) {
      throw new CalendarYearMissingError(y + 1, formatDay(n));
    }
  }

  function workdayAt(n: number): boolean {
    requireYear(n);
    const e = entries.get(n);
    if (e) return e.kind === 'workday';
    return !isWeekend(n);
  }

  /** DAY-03 民事诉讼法第八十五条: a last day that is a 法定休假日 moves to the first working day after it. */
  function rollForward(n: number): number {
    let m = n;
    while (!workdayAt(m)) m += 1;
    return m;
  }

  function addWorkdaysN(start: number, n: number): number {
    let d = start; // DAY-01/02: the start day itself is not counted
    for (let counted = 0; counted < n; ) {
      d += 1;
      if (workdayAt(d)) counted += 1;
    }
    return d;
  }

  return Object.freeze({
    knownYears: () => [...years],
    tableFor,
    isWorkday: (date: string) => workdayAt(parseDate(date)),
    dayInfo(date: string): DayInfo {
      const n = parseDate(date);
      const workday = workdayAt(n);
      const e = entries.get(n);
      const listed: DayReason | undefined = e && (e.kind === 'workday' ? 'makeup-workday' : 'holiday');
      const reason: DayReason = listed ?? (isWeekend(n) ? 'weekend' : 'weekday');
      return { date, weekday: weekdayOf(n), workday, reason, ...(e ? { name: e.name, source: e.source } : {}) };
    },
    addWorkdays(start: string, n: number): string {
      const s = parseDate(start, 'start');
      checkDays(n, 'n');
      return formatDay(addWorkdaysN(s, n));
    },
    addCalendarDays(start: string, n: number): string {
      const s = parseDate(start, 'start');
      checkDays(n, 'n');
      return formatDay(rollForward(s + n)); // DAY-03: start day not counted
    },
    deadline(statute: Statute, start: string, days: number, overrides?: PeriodOverrides): Deadline {
      const rule = ruleOf(statute);
      const kind = periodKind(statute, days, overrides?.kind);
      const s = parseDate(start, 'start');
      if (kind === 'workdays') {
        const end = formatDay(addWorkdaysN(s, days));
        const basis = rule.overridable ? `${rule.basis}；按本规则参数以工作日计算` : `${rule.basis}：${days}日指工作日`;
        return { statute, start, days, kind, rules: [rule.rule], basis, date: end, nominalEnd: end, rolled: false };
      }
      const nominal = s + days;
      const end = rollForward(nominal);
      const rules: DayRuleId[] = rule.rule === 'DAY-03' ? ['DAY-03'] : [rule.rule, 'DAY-03'];
      const basis = rule.rule === 'DAY-03' ? rule.basis : `${rule.basis}；期间计算依民事诉讼法第八十五条`;
      const [date, nominalEnd] = [formatDay(end), formatDay(nominal)];
      return { statute, start, days, kind, rules, basis, date, nominalEnd, rolled: end !== nominal };
    },
  });
}
