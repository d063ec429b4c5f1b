import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import { orgIdInScope } from '../identity/index.ts';
import type { AggBatchesTable, AggregationTables } from './aggregation.tables.ts';
import type { BatchCounts } from './ingest.engine.ts';

type Db = Kysely<AggregationTables>;

export const batchColumns = [
  'b.id', 'b.library_id', 'b.library_version', 'b.source_id', 'b.org_id', 'b.kind', 'b.mode', 'b.status', 'b.file_name', 'b.file_size',
  'b.format', 'b.external_id', 'b.read_rows', 'b.accepted_rows', 'b.cleansed_rows', 'b.rejected_rows', 'b.inserted_rows', 'b.updated_rows',
  'b.unchanged_rows', 'b.checkpoint_seq', 'b.bytes_read', 'b.unmapped_headers', 'b.error_code', 'b.error_message', 'b.created_at',
  'b.updated_at', 'b.finished_at', 's.code as source_code', 's.name as source_name',
] as const;

export function countsColumns(c: BatchCounts) {
  return {
    read_rows: c.read, accepted_rows: c.accepted, cleansed_rows: c.cleansed, rejected_rows: c.rejected,
    inserted_rows: c.inserted, updated_rows: c.updated, unchanged_rows: c.unchanged,
  };
}

type CountColumns = 'read_rows' | 'accepted_rows' | 'cleansed_rows' | 'rejected_rows' | 'inserted_rows' | 'updated_rows' | 'unchanged_rows';

export function countsOf(b: { [K in CountColumns]: unknown }): BatchCounts {
  const n = (v: unknown) => Number(v);
  return {
    read: n(b.read_rows), accepted: n(b.accepted_rows), cleansed: n(b.cleansed_rows), rejected: n(b.rejected_rows),
    inserted: n(b.inserted_rows), updated: n(b.updated_rows), unchanged: n(b.unchanged_rows),
  };
}

function baseQuery(db: Db) {
  return db.selectFrom('agg_batches as b').innerJoin('agg_sources as s', 's.id', 'b.source_id');
}

export async function findBatch(db: Db, id: string, actor: Actor | null) {
  let q = baseQuery(db).select(batchColumns).where('b.id', '=', id);
  if (actor) q = q.where(orgIdInScope(actor, 'b.org_id'));
  return q.executeTakeFirst();
}

export interface BatchFilter {
  libraryId?: string;
  sourceId?: number;
  status?: AggBatchesTable['status'];
}

export async function listBatches(db: Db, actor: Actor, filter: BatchFilter, page: Page) {
  let q = baseQuery(db).where(orgIdInScope(actor, 'b.org_id'));
  if (filter.libraryId) q = q.where('b.library_id', '=', filter.libraryId);
  if (filter.sourceId) q = q.where('b.source_id', '=', filter.sourceId);
  if (filter.status) q = q.where('b.status', '=', filter.status);
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select(batchColumns).orderBy('b.created_at', 'desc').orderBy('b.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** An unfinished file batch for the same library, source and file contents: a re-run resumes it. */
export async function findResumable(db: Db, libraryId: string, sourceId: number, fileHash: string) {
  return db.selectFrom('agg_batches').selectAll().where('status', '=', 'running').where('kind', '=', 'file')
    .where('library_id', '=', libraryId).where('source_id', '=', sourceId).where('file_hash', '=', fileHash)
    .orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export async function findByExternalId(db: Db, sourceId: number, libraryId: string, externalId: string) {
  return db.selectFrom('agg_batches').selectAll().where('source_id', '=', sourceId).where('library_id', '=', libraryId).where('external_id', '=', externalId).executeTakeFirst();
}

export async function rowErrors(db: Db, batchId: string, afterSeq: number, limit: number) {
  return db.selectFrom('agg_row_errors').select(['seq', 'row_no', 'sheet', 'headers', 'cells', 'reasons'])
    .where('batch_id', '=', batchId).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** File batches that no process has advanced since `before`: their process died. */
export async function interruptedFileBatches(db: Db, before: Date) {
  return db.selectFrom('agg_batches as b').innerJoin('agg_sources as s', 's.id', 'b.source_id')
    .select(['b.id', 'b.library_id', 'b.mode', 'b.file_name', 's.code as source_code'])
    .where('b.status', '=', 'running').where('b.kind', '=', 'file').where('b.updated_at', '<', before).execute();
}

export async function touchBatch(db: Db, id: string, values: Partial<Record<keyof AggBatchesTable, unknown>>, now: Date) {
  await db.updateTable('agg_batches').set({ ...(values as object), updated_at: now }).where('id', '=', id).execute();
}

