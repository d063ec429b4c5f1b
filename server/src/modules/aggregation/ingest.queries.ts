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

/** The per-batch table of the keys found unchanged so far; the id is a uuid we generated, so it is safe in a name. */
export function seenTable(batchId: string): string {
  const hex = batchId.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/.test(hex)) throw new Error(`not a batch id: ${batchId}`);
  return `agg_seen_${hex}`;
}

export async function createSeenTable(db: Db, batchId: string): Promise<void> {
  await sql`create table if not exists ${sql.raw(seenTable(batchId))} (business_key text primary key, row_no int not null, sheet text)`.execute(db);
}

export async function dropSeenTable(db: Db, batchId: string): Promise<void> {
  await sql`drop table if exists ${sql.raw(seenTable(batchId))}`.execute(db);
}

/**
 * The chunk as one text parameter, a line per row and a tab between fields, split by the server
 * (string_to_table, string_to_array). Measured for 5000 rows on PostgreSQL: ~20 ms, against ~140 ms
 * for the same rows as JSON (json_to_recordset) and ~90 ms for seven arrays serialised by the driver.
 * No field holds a tab or a line break: data and cleansed are JSON text (which escapes both),
 * keys are normalised values (whitespace collapsed), and sheet names are cleaned here.
 */
function chunkText(rows: readonly StagedRow[]): string {
  const clean = (s: string) => s.replace(/[\t\n\r]/g, ' ');
  return rows.map((r) => `${clean(r.key)}\t${r.data}\t${r.cleansed ?? ''}\t${r.hash}\t${r.seq}\t${r.rowNo}\t${r.sheet === null ? '' : clean(r.sheet) || ' '}`).join('\n');
}

/**
 * Writes one chunk in one statement. Each row's key is looked up once in the library (a lateral
 * primary-key probe: the cost of a chunk must not grow with the millions of records held) and
 * classed as:
 *  - duplicate: this batch already wrote the key (the record carries this batch id), or already
 *    found it unchanged (the seen table) — a key may appear once per batch;
 *  - new or changed: upserted, a changed record's previous version moved to history first;
 *  - unchanged (same content hash): left untouched, so re-importing a file writes no record, and
 *    remembered in the seen table, the only keys it holds.
 * Rows arrive sorted by key, so concurrent batches lock records in the same order.
 *
 * Measured per chunk on PostgreSQL (EXPLAIN ANALYZE, 10,000 lawyer rows): the insert into
 * agg_records (heap, primary key, change-feed index, WAL) is most of a first import, the seen-table
 * insert most of a re-import. So `data` stays text until it is written (a row found unchanged or
 * duplicate is never parsed into jsonb); the seen table is probed per key and only for keys held
 * from another batch (a new key cannot have been seen — seen keys are held records — and a hash
 * join read the whole seen table for every chunk, growing with the file); and the chunk's work
 * tables stay in memory (work_mem) instead of spilling to temporary files.
 */
export async function writeChunk(db: Db, ctx: ChunkContext, rows: readonly StagedRow[]): Promise<ChunkResult> {
  const text = chunkText(rows);
  // A chunk's split lines and classed rows are a few MB: 4 MB (the default) spills them to disk.
  // Local to the transaction (the chunk's, or an atomic job's).
  await sql`set local work_mem = '64MB'`.execute(db);
  // A key the probe found absent is inserted plainly: the upsert's speculative insertion costs
  // ~40% of an insert. If a concurrent batch inserted one of those keys since, the insert fails
  // (unique violation) and the chunk is written again as upserts, after the savepoint.
  await sql`savepoint agg_chunk`.execute(db);
  try {
    const result = await chunkStatement(db, ctx, text, false);
    await sql`release savepoint agg_chunk`.execute(db);
    return result;
  } catch (err) {
    if ((err as { code?: unknown }).code !== '23505') throw err;
    await sql`rollback to savepoint agg_chunk`.execute(db);
    return chunkStatement(db, ctx, text, true);
  }
}

async function chunkStatement(db: Db, ctx: ChunkContext, text: string, upsertNew: boolean): Promise<ChunkResult> {
  const seen = sql.raw(seenTable(ctx.batchId));
  const upserted = sql.raw(upsertNew ? "('new', 'changed')" : "('changed')");
  const result = await sql<{ fresh: number; inserted: number; updated: number; duplicates: ChunkResult['duplicates'] }>`
    with input as (
      select f[1] as business_key, f[2] as data, nullif(f[3], '') as cleansed, f[4] as content_hash,
        f[5]::int as seq, f[6]::int as row_no, nullif(f[7], '') as sheet
      -- offset 0: split each line once, not once per field reference
      from (select string_to_array(line, E'\t') as f from string_to_table(${text}::text, E'\n') as line offset 0) lines
    ),
    probe as (
      select i.*, r.batch_id as held_batch, r.content_hash as held_hash, r.row_no as held_row, r.sheet as held_sheet,
        s.row_no as seen_row, s.sheet as seen_sheet, s.business_key is not null as was_seen
      from input i
      left join lateral (
        select batch_id, content_hash, row_no, sheet from agg_records r where r.library_id = ${ctx.libraryId} and r.business_key = i.business_key
        limit 1 -- keeps the probe a parameterised index scan (a plain join is planned as a scan of the library)
      ) r on true
      left join lateral (
        select business_key, row_no, sheet from ${seen} s
        where s.business_key = i.business_key and r.batch_id <> ${ctx.batchId}::uuid
        limit 1 -- as above: a probe per key, never a join over the whole table
      ) s on true
    ),
    classed as (
      select *, case
        when was_seen or held_batch = ${ctx.batchId}::uuid then 'duplicate'
        when held_hash is null then 'new'
        when held_hash = content_hash then 'unchanged'
        else 'changed' end as class
      from probe
    ),
    hist as (
      insert into agg_record_history (library_id, business_key, data, cleansed, content_hash, library_version, org_id, source_id, batch_id, row_no, sheet, received_at, superseded_at, superseded_by)
      select r.library_id, r.business_key, r.data, r.cleansed, r.content_hash, r.library_version, r.org_id, r.source_id, r.batch_id, r.row_no, r.sheet, r.received_at, ${ctx.receivedAt}, ${ctx.batchId}::uuid
      from classed c cross join lateral (
        select * from agg_records r where r.library_id = ${ctx.libraryId} and r.business_key = c.business_key limit 1
      ) r
      where c.class = 'changed'
    ),
    ins as (
      insert into agg_records (library_id, business_key, data, cleansed, content_hash, library_version, org_id, source_id, batch_id, row_no, sheet, received_at)
      select ${ctx.libraryId}, business_key, data::jsonb, cleansed::jsonb, content_hash, ${ctx.libraryVersion}::int, ${ctx.orgId}::bigint, ${ctx.sourceId}::bigint, ${ctx.batchId}::uuid, row_no, sheet, ${ctx.receivedAt}
      from classed where class = 'new' and not ${upsertNew}
      returning 1
    ),
    up as (
      insert into agg_records (library_id, business_key, data, cleansed, content_hash, library_version, org_id, source_id, batch_id, row_no, sheet, received_at)
      select ${ctx.libraryId}, business_key, data::jsonb, cleansed::jsonb, content_hash, ${ctx.libraryVersion}::int, ${ctx.orgId}::bigint, ${ctx.sourceId}::bigint, ${ctx.batchId}::uuid, row_no, sheet, ${ctx.receivedAt}
      from classed where class in ${upserted}
      on conflict (library_id, business_key) do update set
        data = excluded.data, cleansed = excluded.cleansed, content_hash = excluded.content_hash, library_version = excluded.library_version,
        org_id = excluded.org_id, source_id = excluded.source_id, batch_id = excluded.batch_id, row_no = excluded.row_no,
        sheet = excluded.sheet, received_at = excluded.received_at,
        change_xid = pg_current_xact_id() -- the change feed (sharing) reads records by it
      where agg_records.content_hash <> excluded.content_hash
      returning (xmax = 0) as inserted
    ),
    remembered as (
      insert into ${seen} (business_key, row_no, sheet)
      select business_key, row_no, sheet from classed where class = 'unchanged' -- neither seen before nor twice in a chunk
    )
    select
      (select count(*) from classed where class <> 'duplicate')::int as fresh,
      ((select count(*) from ins) + (select count(*) from up where inserted))::int as inserted,
      (select count(*) from up where not inserted)::int as updated,
      coalesce((
        select json_agg(json_build_object('seq', seq, 'rowNo', coalesce(seen_row, held_row), 'sheet', case when was_seen then seen_sheet else held_sheet end) order by seq)
        from classed where class = 'duplicate'
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
  const payload = JSON.stringify(errors.map((e) => ({ seq: e.seq, row_no: e.rowNo, sheet: e.sheet, headers: e.headers, cells: e.cells, reasons: e.reasons })));
  await sql`
    insert into agg_row_errors (batch_id, seq, row_no, sheet, headers, cells, reasons)
    select ${batchId}::uuid, seq, row_no, sheet, headers, cells, reasons
    from json_to_recordset(${payload}::json) as t(seq int, row_no int, sheet text, headers jsonb, cells jsonb, reasons jsonb)
    on conflict (batch_id, seq) do nothing
  `.execute(db);
}
