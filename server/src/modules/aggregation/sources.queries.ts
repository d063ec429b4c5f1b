import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { orgIdInScope } from '../identity/index.ts';
import type { AggregationTables } from './aggregation.tables.ts';

type Db = Kysely<AggregationTables>;

export async function listSources(db: Db, actor: Actor | null) {
  let q = db.selectFrom('agg_sources').selectAll();
  if (actor) q = q.where(orgIdInScope(actor, 'agg_sources.org_id'));
  return q.orderBy('code').execute();
}

export async function findSourceByCode(db: Db, code: string, actor: Actor | null) {
  let q = db.selectFrom('agg_sources').selectAll().where('code', '=', code);
  if (actor) q = q.where(orgIdInScope(actor, 'agg_sources.org_id'));
  return q.executeTakeFirst();
}

export async function findSource(db: Db, id: number, actor: Actor | null) {
  let q = db.selectFrom('agg_sources').selectAll().where('id', '=', id);
  if (actor) q = q.where(orgIdInScope(actor, 'agg_sources.org_id'));
  return q.executeTakeFirst();
}

export async function obligationsOf(db: Db, sourceIds: readonly number[]) {
  if (sourceIds.length === 0) return [];
  return db.selectFrom('agg_source_libraries').selectAll().where('source_id', 'in', sourceIds).orderBy('source_id').orderBy('library_id').execute();
}

/** Per source and library: records held, the last completed delivery, batches and rows in the last `sinceDays`. */
export async function deliveryFacts(db: Db, sourceIds: readonly number[]) {
  if (sourceIds.length === 0) return [];
  const ids = sql.join(sourceIds.map((id) => sql`${id}::bigint`));
  const result = await sql<{ source_id: number; library_id: string; held: number; last_delivery: Date | null; last_batch_id: string | null }>`
    select o.source_id, o.library_id,
      (select count(*) from agg_records r where r.library_id = o.library_id and r.source_id = o.source_id)::int as held,
      b.finished_at as last_delivery, b.id as last_batch_id
    from agg_source_libraries o
    left join lateral (
      select id, finished_at from agg_batches
      where source_id = o.source_id and library_id = o.library_id and status = 'completed'
      order by finished_at desc limit 1
    ) b on true
    where o.source_id in (${ids})
  `.execute(db);
  return result.rows;
}
