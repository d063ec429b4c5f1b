import { sql, type Kysely } from 'kysely';
import type { AggregationTables } from './aggregation.tables.ts';

type Db = Kysely<AggregationTables>;

/** One accepted row on its way into agg_records. */
export interface StagedRow {
  key: string;
  data: string; // JSON
  cleansed: string | null; // JSON
  hash: string;
  seq: number;
  rowNo: number;
  sheet: string | null;
}

export interface ChunkContext {
  batchId: string;
  libraryId: string;
  libraryVersion: number;
  orgId: number | null;
  sourceId: number;
  receivedAt: Date;
}

export interface ChunkResult {
  fresh: number;
  inserted: number;
  updated: number;
  /** Rows whose business key an earlier chunk of this batch already delivered. */
  duplicates: { seq: number; rowNo: number; sheet: string | null }[];
}

/** The per-batch table of business keys seen so far; the id is a uuid we generated, so it is safe in a name. */
export function seenTable(batchId: string): string {
  const hex = batchId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a batch id: ${batchId}`);
  return `agg_seen_${hex}`;
}

export async function createSeenTable(db: Db, batchId: string): Promise<void> {
  await sql`create table if not exists ${sql.raw(seenTable(batchId))} (business_key text primary key, seq int not null, row_no int not null, sheet text)`.execute(db);
}

export async function dropSeenTable(db: Db, batchId: string): Promise<void> {
  await sql`drop table if exists ${sql.raw(seenTable(batchId))}`.execute(db);
}

/**
 * Writes one chunk in one statement: keys new to this batch are upserted (an existing record
 * with another content hash moves to history first; one with the same hash is left untouched, so
 * re-importing a file writes nothing), keys this batch already delivered come back as duplicates.
 * The rows arrive sorted by key so concurrent batches lock records in the same order.
 */
export async function writeChunk(db: Db, ctx: ChunkContext, rows: readonly StagedRow[]): Promise<ChunkResult> {
  const seen = sql.raw(seenTable(ctx.batchId));
  const keys = rows.map((r) => r.key);
  const result = await sql<{ fresh: number; inserted: number; updated: number; duplicates: ChunkResult['duplicates'] }>`
    with input as (
      select * from unnest(
        ${keys}::text[], ${rows.map((r) => r.data)}::jsonb[], ${rows.map((r) => r.cleansed)}::jsonb[], ${rows.map((r) => r.hash)}::text[],
        ${rows.map((r) => r.seq)}::int[], ${rows.map((r) => r.rowNo)}::int[], ${rows.map((r) => r.sheet)}::text[]
      ) as t(business_key, data, cleansed, content_hash, seq, row_no, sheet)
    ),
    fresh as (
      insert into ${seen} (business_key, seq, row_no, sheet)
      select business_key, seq, row_no, sheet from input
      on conflict (business_key) do nothing
      returning business_key
    ),
    old as (
      select r.* from agg_records r join input i on r.library_id = ${ctx.libraryId} and r.business_key = i.business_key
      where r.content_hash <> i.content_hash and i.business_key in (select business_key from fresh)
    ),
    hist as (
      insert into agg_record_history (library_id, business_key, data, cleansed, content_hash, library_version, org_id, source_id, batch_id, row_no, sheet, received_at, superseded_at, superseded_by)
      select library_id, business_key, data, cleansed, content_hash, library_version, org_id, source_id, batch_id, row_no, sheet, received_at, ${ctx.receivedAt}, ${ctx.batchId}::uuid
      from old
    ),
    up as (
      insert into agg_records (library_id, business_key, data, cleansed, content_hash, library_version, org_id, source_id, batch_id, row_no, sheet, received_at)
      select ${ctx.libraryId}, i.business_key, i.data, i.cleansed, i.content_hash, ${ctx.libraryVersion}::int, ${ctx.orgId}::bigint, ${ctx.sourceId}::bigint, ${ctx.batchId}::uuid, i.row_no, i.sheet, ${ctx.receivedAt}
      from input i where i.business_key in (select business_key from fresh)
      on conflict (library_id, business_key) do update set
        data = excluded.data, cleansed = excluded.cleansed, content_hash = excluded.content_hash, library_version = excluded.library_version,
        org_id = excluded.org_id, source_id = excluded.source_id, batch_id = excluded.batch_id, row_no = excluded.row_no,
        sheet = excluded.sheet, received_at = excluded.received_at
      where agg_records.content_hash <> excluded.content_hash
      returning (xmax = 0) as inserted
    )
    select
      (select count(*) from fresh)::int as fresh,
      (select count(*) from up where inserted)::int as inserted,
      (select count(*) from up where not inserted)::int as updated,
      coalesce((
        select json_agg(json_build_object('seq', i.seq, 'rowNo', s.row_no, 'sheet', s.sheet) order by i.seq)
        from input i join ${seen} s on s.business_key = i.business_key
        where i.business_key not in (select business_key from fresh)
      ), '[]'::json) as duplicates
  `.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('chunk write returned no row');
  return row;
}

export interface RowErrorInsert {
  seq: number;
  rowNo: number;
  sheet: string | null;
  headers: readonly string[];
  cells: readonly (string | null)[];
  reasons: readonly { code: string; message: string; field: string | null }[];
}

export async function insertRowErrors(db: Db, batchId: string, errors: readonly RowErrorInsert[]): Promise<void> {
  if (errors.length === 0) return;
  await sql`
    insert into agg_row_errors (batch_id, seq, row_no, sheet, headers, cells, reasons)
    select ${batchId}::uuid, seq, row_no, sheet, headers, cells, reasons
    from unnest(${errors.map((e) => e.seq)}::int[], ${errors.map((e) => e.rowNo)}::int[], ${errors.map((e) => e.sheet)}::text[],
      ${errors.map((e) => JSON.stringify(e.headers))}::jsonb[], ${errors.map((e) => JSON.stringify(e.cells))}::jsonb[], ${errors.map((e) => JSON.stringify(e.reasons))}::jsonb[])
      as t(seq, row_no, sheet, headers, cells, reasons)
    on conflict (batch_id, seq) do nothing
  `.execute(db);
}
