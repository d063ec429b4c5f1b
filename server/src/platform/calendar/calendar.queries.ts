import { sql, type ColumnType, type Generated, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CalendarDay } from './holidays.ts';

/** Year tables entered by administrators, one row per saved version (0003_create_calendar_years.sql). */
export interface CalendarYearsTable {
  id: Generated<number>;
  year: number;
  version: number;
  source: string;
  amended_by: string[];
  /** jsonb: written as JSON text, read back parsed */
  days: ColumnType<CalendarDay[], string, never>;
  entered_by: number | null;
  entered_by_username: string;
  entered_at: ColumnType<Date, Date, never>;
}

export type CalendarTables = { calendar_years: CalendarYearsTable };
export type CalendarYearRow = Selectable<CalendarYearsTable>;

type Db = Kysely<CalendarTables> | Transaction<CalendarTables>;

/** The version in effect of every administrator-entered year: the latest one. */
export function latestCalendarYears(db: Db): Promise<CalendarYearRow[]> {
  return db
    .selectFrom('calendar_years')
    .selectAll()
    .distinctOn('year')
    .orderBy('year')
    .orderBy('version', 'desc')
    .execute();
}

/**
 * Serializes saves in every process sharing the database: a save checks the new table against the
 * neighbouring years in effect, and two concurrent saves must not each pass against stale ones.
 */
export async function lockCalendarYears(trx: Transaction<CalendarTables>): Promise<void> {
  await sql`select pg_advisory_xact_lock(72657)`.execute(trx);
}

export interface NewCalendarYear {
  year: number;
  version: number;
  source: string;
  amendedBy: readonly string[];
  days: readonly CalendarDay[];
  enteredBy: number | null;
  enteredByUsername: string;
  enteredAt: Date;
}

export function insertCalendarYear(trx: Transaction<CalendarTables>, v: NewCalendarYear): Promise<CalendarYearRow> {
  return trx
    .insertInto('calendar_years')
    .values({
      year: v.year,
      version: v.version,
      source: v.source,
      amended_by: [...v.amendedBy],
      days: JSON.stringify(v.days),
      entered_by: v.enteredBy,
      entered_by_username: v.enteredByUsername,
      entered_at: v.enteredAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
