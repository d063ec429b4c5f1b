import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import { orgIdInScope } from '../identity/index.ts';
import type { AggregationTables } from './aggregation.tables.ts';

type Db = Kysely<AggregationTables>;

const columns = [
  'r.business_key', 'r.data', 'r.cleansed', 'r.content_hash', 'r.library_version', 'r.org_id', 'r.batch_id', 'r.row_no', 'r.sheet',
  'r.received_at', 's.code as source_code', 's.name as source_name',
] as const;

/** Records of a library in the caller's data scope, by business key; `keyPrefix` narrows by the key's start (the primary key serves it). */
export async function listRecords(db: Db, actor: Actor, libraryId: string, keyPrefix: string | undefined, page: Page) {
  let q = db.selectFrom('agg_records as r').innerJoin('agg_sources as s', 's.id', 'r.source_id')
    .where('r.library_id', '=', libraryId).where(orgIdInScope(actor, 'r.org_id'));
  if (keyPrefix) q = q.where('r.business_key', 'like', `${keyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select(columns).orderBy('r.business_key').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/**
 * A record by its reference (content hash; unique within a library since the data holds the key).
 * No index serves it — every index costs each upsert — so it scans the library: fine for opening
 * one record from a list, not for bulk lookups.
 */
export async function findRecord(db: Db, actor: Actor, libraryId: string, ref: string) {
  return db.selectFrom('agg_records as r').innerJoin('agg_sources as s', 's.id', 'r.source_id').select(columns)
    .where('r.library_id', '=', libraryId).where('r.content_hash', '=', ref).where(orgIdInScope(actor, 'r.org_id')).limit(1).executeTakeFirst();
}

/** Earlier versions of a record, newest first. */
export async function recordHistory(db: Db, libraryId: string, key: string) {
  return db.selectFrom('agg_record_history as r').innerJoin('agg_sources as s', 's.id', 'r.source_id')
    .select([...columns, 'r.superseded_at', 'r.superseded_by'])
    .where('r.library_id', '=', libraryId).where('r.business_key', '=', key).orderBy('r.superseded_at', 'desc').limit(100).execute();
}
