import { sql, type RawBuilder } from 'kysely';

/**
 * 时效性 of a law version on a day, derived — never stored, since it changes with the calendar:
 * 已废止 from its repeal, 尚未生效 before its effective date, 已修改 once the next version took
 * effect, 有效 otherwise. A version without an effective date takes effect on its version date.
 */
export const LAW_STATUSES = ['in-force', 'amended', 'repealed', 'pending'] as const;
export type LawStatus = (typeof LAW_STATUSES)[number];

export const LAW_STATUS_LABELS: Record<LawStatus, string> = { 'in-force': '有效', amended: '已修改', repealed: '已废止', pending: '尚未生效' };

export interface VersionDates {
  versionDate: string | null;
  effectiveDate: string | null;
  supersededOn: string | null;
  repealedOn: string | null;
}

/** ISO dates compare as strings. */
export function statusOn(v: VersionDates, day: string): LawStatus {
  const effective = v.effectiveDate ?? v.versionDate;
  if (v.repealedOn !== null && v.repealedOn <= day) return 'repealed';
  if (effective !== null && effective > day) return 'pending';
  if (v.supersededOn !== null && v.supersededOn <= day) return 'amended';
  return 'in-force';
}

/** The same rule over `law_versions` columns (qualified by `alias`), for filters in SQL. */
export function statusSql(alias: string, day: string): RawBuilder<LawStatus> {
  const c = (col: string) => sql.ref(`${alias}.${col}`);
  return sql<LawStatus>`case
    when ${c('repealed_on')} <= ${day}::date then 'repealed'
    when coalesce(${c('effective_date')}, ${c('version_date')}) > ${day}::date then 'pending'
    when ${c('superseded_on')} <= ${day}::date then 'amended'
    else 'in-force' end`;
}

/** Versions in force on `day` (法不溯及既往: the text that governed an act is the one in force then). */
export function inForceSql(alias: string, day: string): RawBuilder<boolean> {
  return sql<boolean>`${statusSql(alias, day)} = 'in-force'`;
}
