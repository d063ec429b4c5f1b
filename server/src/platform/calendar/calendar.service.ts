import { recordAudit, type AuditWho } from '../audit/audit.ts';
import type { BaseDb } from '../db/database.ts';
import type { Page } from '../http/pagination.ts';
import { calendarErrors as E, CalendarYearMissingError } from './calendar.errors.ts';
import { insertCalendarYear, latestCalendarYears, lockCalendarYears, type CalendarTables, type CalendarYearRow } from './calendar.queries.ts';
import { createWorkCalendar, yearTableProblems, type DayReason, type WorkCalendar } from './calendar.ts';
import { formatDay, parseDate, weekdayOf } from './dates.ts';
import { STATE_COUNCIL_CALENDAR, type CalendarDay, type YearTable } from './holidays.ts';

export interface CalendarYearSummary {
  year: number;
  source: string;
  amendedBy: string[];
  holidays: number;
  workdays: number;
  /** built into the release (holidays.ts) or entered by an administrator (calendar_years) */
  origin: 'builtin' | 'admin';
  version: number | null;
  enteredBy: string | null;
  enteredAt: string | null;
}

export interface CalendarYearView extends CalendarYearSummary {
  days: CalendarDay[];
}

/** One date of a month grid. `isWorkday: null` when the year's table is missing (never a guess). */
export interface CalendarDayStatus {
  date: string;
  weekday: number;
  isWorkday: boolean | null;
  reason: DayReason | 'unknown';
  name: string | null;
}

/** A grid covers at most a (leap) year. */
export const MAX_RANGE_DAYS = 366;

interface State {
  calendar: WorkCalendar;
  /** the version in effect of each administrator-entered year */
  admin: ReadonlyMap<number, CalendarYearRow>;
}

function tableOf(row: CalendarYearRow): YearTable {
  return { year: row.year, source: row.source, ...(row.amended_by.length > 0 ? { amendedBy: row.amended_by } : {}), days: row.days };
}

/** Built-in notices overlaid with the administrators' tables; a database year replaces a built-in one. */
function build(rows: readonly CalendarYearRow[]): State {
  return { calendar: createWorkCalendar(STATE_COUNCIL_CALENDAR, rows.map(tableOf)), admin: new Map(rows.map((r) => [r.year, r])) };
}

const count = (t: YearTable, kind: CalendarDay['kind']) => t.days.filter((d) => d.kind === kind).length;

/** '2027-01-01:holiday' entries of `a` that `b` lacks: what a save added or removed, for the audit. */
const missingFrom = (a: YearTable | undefined, b: YearTable | undefined) => {
  const keep = new Set((b?.days ?? []).map((d) => `${d.date}:${d.kind}`));
  return (a?.days ?? []).map((d) => `${d.date}:${d.kind}`).filter((k) => !keep.has(k));
};

/**
 * The working-day calendar of the running system (DESIGN §4 "statutory periods use the calendar in
 * platform"). Modules take `current()` and compute DAY-01..DAY-04 deadlines with it; an
 * administrator adds next year's table when the State Council publishes it (`saveYear`), and the
 * in-process calendar is rebuilt at once. Loads the database years before it resolves.
 */
const RELOAD_AFTER_MS = 60_000;

export async function createCalendarService(base: BaseDb, clock: () => Date = () => new Date()) {
  const db = base.withTables<CalendarTables>();
  let state = build(await latestCalendarYears(db));
  let loadedAt = clock().getTime();

  /** Re-reads the administrators' tables (another process may have saved one). */
  async function reload(): Promise<WorkCalendar> {
    state = build(await latestCalendarYears(db));
    loadedAt = clock().getTime();
    return state.calendar;
  }

  function summary(year: number): CalendarYearSummary | undefined {
    const t = state.calendar.tableFor(year);
    if (!t) return undefined;
    const row = state.admin.get(year);
    return {
      year,
      source: t.source,
      amendedBy: [...(t.amendedBy ?? [])],
      holidays: count(t, 'holiday'),
      workdays: count(t, 'workday'),
      origin: row ? 'admin' : 'builtin',
      version: row?.version ?? null,
      enteredBy: row?.entered_by_username ?? null,
      enteredAt: row?.entered_at.toISOString() ?? null,
    };
  }

  function year(y: number): CalendarYearView {
    const s = summary(y);
    const t = state.calendar.tableFor(y);
    if (!s || !t) throw E.CALENDAR_YEAR_NOT_FOUND(`${y}年的工作日历尚未录入`, [{ field: 'year', message: String(y) }]);
    return { ...s, days: [...t.days] };
  }

  return {
    /** The calendar in effect. Synchronous: deadlines are computed inside other services' transactions. */
    current: (): WorkCalendar => state.calendar,

    reload,

    /**
     * The calendar, re-read when the last read is over a minute old: with several servers on one
     * PostgreSQL, a year saved on one reaches the others within a minute. Call before a transaction
     * that computes deadlines.
     */
    async fresh(): Promise<WorkCalendar> {
      return clock().getTime() - loadedAt > RELOAD_AFTER_MS ? reload() : state.calendar;
    },

    years(page: Page = { page: 1, pageSize: 500 }): { items: CalendarYearSummary[]; total: number } {
      const all = state.calendar.knownYears().flatMap((y) => summary(y) ?? []);
      const from = (page.page - 1) * page.pageSize;
      return { items: all.slice(from, from + page.pageSize), total: all.length };
    },

    year,

    /**
     * Stores a new version of a year's table and makes it the one in effect. Refused with
     * CALENDAR_TABLE_INVALID (fields like `days[3].date`) when the table is malformed or contradicts
     * a neighbouring year; then nothing is stored. Audited in the same transaction.
     */
    async saveYear(who: AuditWho, input: YearTable): Promise<CalendarYearView> {
      state = await db.transaction().execute(async (trx) => {
        await lockCalendarYears(trx);
        const rows = await latestCalendarYears(trx);
        const others = rows.filter((r) => r.year !== input.year);
        const inEffect = new Map([...STATE_COUNCIL_CALENDAR, ...others.map(tableOf)].map((t) => [t.year, t]));
        const problems = yearTableProblems(input, (y) => inEffect.get(y));
        if (problems.length > 0) throw E.CALENDAR_TABLE_INVALID(`${input.year}年工作日历数据不符合要求`, problems);

        const previous = rows.find((r) => r.year === input.year);
        const before = previous ? tableOf(previous) : STATE_COUNCIL_CALENDAR.find((t) => t.year === input.year);
        const actor = 'actor' in who ? who.actor : null;
        const row = await insertCalendarYear(trx, {
          year: input.year,
          version: (previous?.version ?? 0) + 1,
          source: input.source,
          amendedBy: input.amendedBy ?? [],
          days: [...input.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
          enteredBy: actor?.userId ?? null,
          enteredByUsername: actor ? actor.username : `system:${'system' in who ? who.system : ''}`,
          enteredAt: clock(),
        });
        await recordAudit(trx, who, {
          action: 'calendar.save-year',
          targetType: 'calendar_year',
          targetId: input.year,
          changes: {
            version: row.version,
            replaced: previous ? `admin v${previous.version}` : before ? 'builtin' : null,
            source: [before?.source ?? null, input.source],
            added: missingFrom(input, before),
            removed: missingFrom(before, input),
          },
        });
        return build([...others, row]); // validates the whole calendar again before the commit
      });
      return year(input.year);
    },

    /**
     * Each date from `from` to `to` (at most MAX_RANGE_DAYS) for the console's month grid. A date
     * whose year has no table is answered `isWorkday: null` and its year listed in `missingYears`.
     */
    days(from: string, to: string): { items: CalendarDayStatus[]; total: number; missingYears: number[] } {
      const [first, last] = [parseDate(from, 'from'), parseDate(to, 'to')];
      if (last < first || last - first >= MAX_RANGE_DAYS) {
        throw E.CALENDAR_RANGE_INVALID(undefined, [{ field: 'to', message: `${from} 至 ${to} 不是 1 至 ${MAX_RANGE_DAYS} 天的范围` }]);
      }
      const missing = new Set<number>();
      const items: CalendarDayStatus[] = [];
      for (let n = first; n <= last; n++) {
        const date = formatDay(n);
        try {
          const d = state.calendar.dayInfo(date);
          items.push({ date, weekday: d.weekday, isWorkday: d.workday, reason: d.reason, name: d.name ?? null });
        } catch (e) {
          if (!(e instanceof CalendarYearMissingError)) throw e;
          missing.add(e.year);
          items.push({ date, weekday: weekdayOf(n), isWorkday: null, reason: 'unknown', name: null });
        }
      }
      return { items, total: items.length, missingYears: [...missing].sort((a, b) => a - b) };
    },
  };
}

export type CalendarService = Awaited<ReturnType<typeof createCalendarService>>;
