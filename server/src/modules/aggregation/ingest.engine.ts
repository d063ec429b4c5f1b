import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  compileRowCheck, headerIndex, labelOf as fieldLabel, mapHeaders, type HeaderMapping, type RawCell, type RowReason, type StandardLibrary,
} from '../standards/index.ts';
import type { AggregationTables, IngestMode } from './aggregation.tables.ts';
import { insertRowErrors, writeChunk, type ChunkContext, type RowErrorInsert, type StagedRow } from './ingest.queries.ts';
import type { Cell, SourceRecord } from './readers/source.types.ts';
import { ErrorSpool } from './error-spool.ts';
import type { CodeTables } from '../standards/index.ts';

type Db = Kysely<AggregationTables>;

/**
 * Rows per chunk: one statement and (in partial mode) one transaction each. TIANPING_INGEST_CHUNK_ROWS
 * overrides it (the crash test uses small chunks to have many commit points).
 */
export const CHUNK_ROWS = Number(process.env.TIANPING_INGEST_CHUNK_ROWS) || 10_000;

export interface BatchCounts {
  read: number;
  accepted: number;
  cleansed: number;
  rejected: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export const ZERO_COUNTS: BatchCounts = { read: 0, accepted: 0, cleansed: 0, rejected: 0, inserted: 0, updated: 0, unchanged: 0 };

/** The server is shutting down: the batch stops after its last committed chunk and resumes later. */
export class IngestStopped extends Error {
  constructor() {
    super('aggregation stopped for shutdown');
  }
}

/** A problem with the source as a whole (not one row): the job stops with this code and message. */
export class IngestAbort extends Error {
  constructor(readonly code: string, message: string, readonly rowNo?: number) {
    super(message);
  }
}

export interface EngineInput {
  library: StandardLibrary;
  codes: CodeTables;
  mode: IngestMode;
  ctx: ChunkContext;
  records: AsyncIterable<SourceRecord>;
  /** Records (in read order) already committed by an earlier attempt of this batch: skipped. */
  checkpointSeq: number;
  /** Counts already committed by an earlier attempt. */
  counts: BatchCounts;
  /** Called after each chunk commits (partial) or is written (atomic), with the running counts. */
  onChunk?: (p: { counts: BatchCounts; seq: number; unmapped: string[] }) => Promise<void> | void;
  /** Partial mode: persists a chunk's errors and checkpoint in the chunk's transaction. */
  commitChunk?: (trx: Db, p: { counts: BatchCounts; seq: number; unmapped: string[] }) => Promise<void>;
  chunkRows?: number;
  /** JSON sources and pushes: each record names its own fields. */
  headersPerRecord?: boolean;
  /** Checked at every record: true when the server is shutting down. */
  shouldStop?: () => boolean;
}

export interface EngineResult {
  counts: BatchCounts;
  seq: number;
  unmapped: string[];
  /** Atomic mode: the rejected rows, to be stored once the data transaction has rolled back. */
  spool: ErrorSpool | null;
}

/** The records read since the last write. */
interface Chunk {
  staged: Map<string, StagedRow>;
  errors: RowErrorInsert[];
  /** Original records of staged rows, for the report of a duplicate found only when written. */
  records: Map<number, SourceRecord>;
  read: number;
  rejected: number;
  /** The last record (in read order) this chunk covers: the checkpoint once it is committed. */
  lastSeq: number;
}

function newChunk(): Chunk {
  return { staged: new Map(), errors: [], records: new Map(), read: 0, rejected: 0, lastSeq: 0 };
}

export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  return `=${cell.formula}`;
}

function missingColumnsMessage(mapping: HeaderMapping, sheet: string | null, labelOf: (key: string) => string): string {
  const where = sheet ? `工作表“${sheet}”` : '文件';
  const names = mapping.missing.map((f) => labelOf(f.key)).join('、');
  return `${where}缺少必需的列：${names}。请按标准库模板的表头（或其别名）填写`;
}

/**
 * The aggregation path: every record is checked against the library's standard, accepted rows
 * are written chunk by chunk (upsert by business key, history kept, lineage on every row), and
 * rejected rows are kept with every reason. Memory is one chunk, whatever the size of the source.
 *
 * `db` is the transaction of an atomic job, or the database for a partial one (each chunk then
 * commits in its own transaction together with its errors and the batch checkpoint, so a job
 * killed at any point resumes from the last committed chunk with nothing lost or doubled).
 */
export async function runEngine(db: Db, input: EngineInput): Promise<EngineResult> {
  const { library, mode, ctx } = input;
  const check = compileRowCheck(library, input.codes);
  const index = headerIndex(library);
  const labels = new Map(library.fields.map((f) => [f.key, fieldLabel(f)]));
  const labelOf = (key: string) => labels.get(key) ?? key;
  // CSV and XLSX readers hand over one headers array per sheet; JSON records each have their own keys.
  const byHeaders = new WeakMap<readonly string[], HeaderMapping | null>();
  const byText = new Map<string, HeaderMapping>();
  const skippedSheets = new Set<string>();
  const unmapped = new Set<string>();
  const chunkRows = input.chunkRows ?? CHUNK_ROWS;
  const spool = mode === 'atomic' ? new ErrorSpool() : null;
  /** Counts of the chunks written so far (committed, in partial mode). */
  let committed: BatchCounts = { ...input.counts };
  let chunk = newChunk();
  let seq = 0;
  let mappedAny = false;
  // One chunk is written while the next is read and checked: on PostgreSQL the two run on
  // different cores. Chunks are still written strictly in order, each after the previous one.
  let writing: Promise<void> = Promise.resolve();

  function mappingOf(rec: SourceRecord): HeaderMapping | null {
    const hit = byHeaders.get(rec.headers) ?? (input.headersPerRecord ? byText.get(rec.headers.join('\u0000')) : undefined);
    if (hit !== undefined) return hit;
    const m = mapHeaders(library, index, rec.headers);
    let result: HeaderMapping | null = m;
    if (input.headersPerRecord) {
      // JSON records name their own fields: a missing one is that row's FIELD_REQUIRED, not the file's fault.
      if (byText.size > 1000) byText.clear(); // records with ever-new keys must not grow the cache without bound
      byText.set(rec.headers.join('\u0000'), m);
      for (const h of m.unmapped) unmapped.add(h);
      return m;
    }
    if (m.columns.every((c) => c === null)) {
      // A sheet that names none of the library's fields (a 说明 sheet) is skipped; a CSV source
      // that names none is the wrong file.
      if (rec.sheet === null) throw new IngestAbort('AGG_COLUMNS_MISSING', `未识别任何${library.name}标准库的列（表头：${rec.headers.slice(0, 8).join('、')}）。请确认选择的标准库与文件一致`, rec.rowNo);
      skippedSheets.add(rec.sheet);
      result = null;
    } else if (m.missing.length > 0) {
      throw new IngestAbort('AGG_COLUMNS_MISSING', missingColumnsMessage(m, rec.sheet, labelOf), rec.rowNo);
    } else {
      for (const h of m.unmapped) unmapped.add(rec.sheet ? `${rec.sheet}!${h}` : h);
    }
    byHeaders.set(rec.headers, result);
    return result;
  }

  function reject(rec: SourceRecord, s: number, reasons: RowReason[]): void {
    chunk.rejected++;
    chunk.errors.push({ seq: s, rowNo: rec.rowNo, sheet: rec.sheet, headers: rec.headers, cells: rec.cells.map(cellText), reasons });
  }

  function duplicateError(s: number, first: { rowNo: number; sheet: string | null }, rec: SourceRecord | undefined): RowErrorInsert {
    const where = first.sheet ? `工作表“${first.sheet}”第 ${first.rowNo} 行` : `第 ${first.rowNo} 行`;
    const keyNames = library.businessKey.map(labelOf).join('、');
    return {
      seq: s, rowNo: rec?.rowNo ?? 0, sheet: rec?.sheet ?? null, headers: rec?.headers ?? [], cells: rec ? rec.cells.map(cellText) : [],
      reasons: [{ code: 'DUPLICATE_KEY', message: `${keyNames}与本批次${where}重复（同一批次中每个${keyNames}只能出现一次）`, field: keyNames }],
    };
  }

  /** Writes a full chunk: its rows, its errors and (partial mode) the checkpoint after its last record. */
  async function write(c: Chunk): Promise<void> {
    const rows = [...c.staged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const next: BatchCounts = { ...committed, read: committed.read + c.read, rejected: committed.rejected + c.rejected };
    const errors = c.errors;
    const apply = async (trx: Db) => {
      if (rows.length > 0) {
        const r = await writeChunk(trx, ctx, rows);
        const duplicate = new Set(r.duplicates.map((d) => d.seq));
        next.inserted += r.inserted;
        next.updated += r.updated;
        next.unchanged += r.fresh - r.inserted - r.updated;
        next.accepted += r.fresh;
        next.rejected += r.duplicates.length;
        for (const row of rows) if (row.cleansed !== null && !duplicate.has(row.seq)) next.cleansed++;
        for (const d of r.duplicates) errors.push(duplicateError(d.seq, d, c.records.get(d.seq)));
      }
      errors.sort((a, b) => a.seq - b.seq);
      if (mode === 'partial') {
        await insertRowErrors(trx, ctx.batchId, errors);
        await input.commitChunk?.(trx, { counts: next, seq: c.lastSeq, unmapped: [...unmapped] });
      } else {
        spool?.write(errors);
      }
    };
    if (mode === 'partial') await db.transaction().execute(apply);
    else await apply(db);
    committed = next;
    await input.onChunk?.({ counts: { ...committed }, seq: c.lastSeq, unmapped: [...unmapped] });
  }

  /** Hands the current chunk to the writer (after the one being written) and starts a new one. */
  async function flush(): Promise<void> {
    const full = chunk;
    chunk = newChunk();
    const previous = writing;
    writing = previous.then(() => (full.read > 0 || full.errors.length > 0 ? write(full) : undefined));
    writing.catch(() => undefined); // awaited below and at the end; until then it must not count as unhandled
    // Wait for the previous chunk only: reading the next one overlaps with writing this one.
    await previous;
  }

  try {
    await readAll();
  } catch (err) {
    // The source broke (or a row check threw): let the chunk being written finish first, so the
    // caller sees the batch as it was committed, not while a transaction is still open.
    await writing.catch(() => undefined);
    throw err;
  }
  await flush();
  await writing;
  if (!mappedAny && skippedSheets.size > 0 && input.checkpointSeq === 0) {
    throw new IngestAbort('AGG_COLUMNS_MISSING', `没有任何工作表包含${library.name}标准库的列（已跳过：${[...skippedSheets].join('、')}）`);
  }
  for (const s of skippedSheets) unmapped.add(`工作表“${s}”（未识别，已跳过）`);
  return { counts: committed, seq, unmapped: [...unmapped], spool };

  async function readAll(): Promise<void> {
    for await (const rec of input.records) {
      if (input.shouldStop?.()) throw new IngestStopped();
      seq++;
      if (seq <= input.checkpointSeq) continue;
      const mapping = mappingOf(rec);
      chunk.lastSeq = seq;
      if (mapping === null) continue;
      chunk.read++;
      mappedAny = true;
      if (input.headersPerRecord && mapping.columns.every((c) => c === null)) {
        reject(rec, seq, [{ code: 'ROW_NO_FIELDS', message: `未识别任何${library.name}标准库的字段（${rec.headers.slice(0, 5).join('、')}）`, field: null }]);
      } else if (rec.cells.length > rec.headers.length && rec.cells.slice(rec.headers.length).some((c) => c !== null && c !== '')) {
        reject(rec, seq, [{ code: 'ROW_COLUMN_COUNT', message: `本行有 ${rec.cells.length} 列，多于表头的 ${rec.headers.length} 列（可能是未加引号的逗号）`, field: null }]);
      } else {
        const outcome = check(mapping, rec.headers, rec.cells as readonly RawCell[]);
        if (!outcome.ok) {
          reject(rec, seq, outcome.reasons);
        } else {
          const first = chunk.staged.get(outcome.key);
          if (first) {
            reject(rec, seq, [duplicateError(seq, { rowNo: first.rowNo, sheet: first.sheet }, rec).reasons[0] as RowReason]);
          } else {
            const data = JSON.stringify(outcome.data);
            chunk.staged.set(outcome.key, {
              key: outcome.key, data, cleansed: outcome.cleansed ? JSON.stringify(outcome.cleansed) : null,
              hash: crypto.hash('sha256', data), seq, rowNo: rec.rowNo, sheet: rec.sheet,
            });
            chunk.records.set(seq, rec);
          }
        }
      }
      if (chunk.staged.size + chunk.errors.length >= chunkRows) await flush();
    }
  }
}
