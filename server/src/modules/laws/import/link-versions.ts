import { sql } from 'kysely';
import type { LawDb } from './store-law.ts';

/**
 * Versions of one law (the same short title) in date order: each gets its predecessor, and the
 * day its successor took effect, from which its status (law-status.ts) follows.
 */
export async function linkVersions(db: LawDb, shortTitles: readonly string[]): Promise<void> {
  if (shortTitles.length === 0) return;
  await sql`
    update law_versions v set previous_id = x.prev, superseded_on = x.next_effective
    from (
      select id,
             lag(id) over w as prev,
             lead(coalesce(effective_date, version_date)) over w as next_effective
      from law_versions where short_title = any(${[...shortTitles]}::text[])
      window w as (partition by short_title order by version_date nulls first, id)
    ) x
    where v.id = x.id and (v.previous_id is distinct from x.prev or v.superseded_on is distinct from x.next_effective)`.execute(db);
}
