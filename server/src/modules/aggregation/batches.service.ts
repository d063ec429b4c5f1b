import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { codeSetOf, codeTableOf, findLibrary, type CodeTables, type StandardLibrary } from '../standards/index.ts';
import { aggregationErrors as E } from './aggregation.errors.ts';
import type { AggregationTables, BatchKind, IngestMode } from './aggregation.tables.ts';
import {
  countsColumns, countsOf, findBatch, findByExternalId, findResumable, interruptedFileBatches, listBatches, rowErrors, touchBatch, type BatchFilter,
} from './batches.queries.ts';
import { IngestAbort, runEngine, ZERO_COUNTS, type BatchCounts } from './ingest.engine.ts';
import { createSeenTable, dropSeenTable, insertRowErrors } from './ingest.queries.ts';
import { detectFormat } from './readers/detect.ts';
import { countingStream, readSource } from './readers/read-source.ts';
import { SourceError, type SourceFormat, type SourceRecord } from './readers/source.types.ts';
import type { SourceService } from './sources.service.ts';
import { batchView, INTERRUPTED_AFTER_MS, type LiveProgress } from './batch-view.ts';

/** The outcome shape of `tianping ingest --json` (fixed by the interface). */
export interface IngestSummary {
  batchId: string;
  read: number;
  accepted: number;
  rejected: number;
  unchanged: number;
  updated: number;
}

export interface FileIngest {
  libraryId: string;
  /** Source system code; must be registered (the CLI registers unknown ones first). */
  sourceCode: string;
  mode: IngestMode;
  filePath: string;
  /** Shown to users; the uploaded file's own name for console uploads. */
  fileName: string;
  /** Console uploads: the batch id the upload was stored under (and its file deleted after the job). */
  batchId?: string;
  /** Called once the batch exists (created or resumed), before rows are read. */
  onStarted?: (batchId: string) => void;
  onProgress?: (p: LiveProgress) => void;
  /** Rows per chunk (default CHUNK_ROWS); tests use small chunks to have several commit points. */
  chunkRows?: number;
}

export interface PushIngest {
  libraryId: string;
  sourceCode: string;
  externalId: string;
  mode: IngestMode;
  records: readonly Record<string, unknown>[];
}

class Rollback extends Error {}

/** sha256 of a file, streamed. */
async function fileHash(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

function firstBytes(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(8);
    const n = fs.readSync(fd, buf, 0, 8, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** JSON objects of a push as source records: the keys are the headers. */
async function* pushRecords(records: readonly Record<string, unknown>[]): AsyncGenerator<SourceRecord> {
  for (const [i, obj] of records.entries()) {
    const headers = Object.keys(obj);
    const cells = headers.map((h) => {
      const v = obj[h];
      if (v === null || v === undefined) return null;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return JSON.stringify(v);
    });
    yield { sheet: null, rowNo: i + 1, headers, cells };
  }
}

export function createBatchService(base: BaseDb, deps: { codes: CodeLookup; sources: SourceService; clock?: () => Date }) {
  const db = base.withTables<AggregationTables>();
  const clock = deps.clock ?? (() => new Date());
  const live = new Map<string, LiveProgress>();
  // Batches running in this process, so a shutdown can stop them at a chunk boundary and wait.
  const running = new Set<Promise<void>>();
  let stopping = false;

  function libraryOrFail(id: string): StandardLibrary {
    const l = findLibrary(id);
    if (!l) throw E.AGG_LIBRARY_NOT_FOUND(undefined, [{ field: 'library', message: `未知的标准库：${id}` }]);
    return l;
  }

  async function codeTables(library: StandardLibrary): Promise<CodeTables> {
    const tables = new Map<string, ReadonlyMap<string, string>>();
    for (const f of library.fields) {
      const set = codeSetOf(f);
      if (set && !tables.has(set)) tables.set(set, codeTableOf(set, await deps.codes.itemsOf(set)));
    }
    return tables;
  }

  interface RunSpec {
    batchId: string;
    library: StandardLibrary;
    source: { id: number; orgId: number | null };
    mode: IngestMode;
    checkpointSeq: number;
    counts: BatchCounts;
    records: AsyncIterable<SourceRecord>;
    headersPerRecord: boolean;
    chunkRows?: number;
    who: AuditWho;
    progress: LiveProgress;
    onProgress?: (p: LiveProgress) => void;
  }

  /** Runs a batch to its end state and returns its counts; never throws for a bad source. */
  async function run(spec: RunSpec): Promise<BatchCounts> {
    const { batchId, library, mode, who } = spec;
    const ctx = { batchId, libraryId: library.id, libraryVersion: library.version, orgId: spec.source.orgId, sourceId: spec.source.id, receivedAt: clock() };
    const codes = await codeTables(library);
    await createSeenTable(db, batchId);
    live.set(batchId, spec.progress);
    let settle = () => undefined as void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    running.add(settled);
    const report = (counts: BatchCounts) => {
      spec.progress.counts = counts;
      spec.onProgress?.(spec.progress);
    };
    // The seen-keys table outlives an unexpected error: a re-run resumes from the checkpoint and
    // still needs the keys the committed chunks delivered. It goes once the batch has an end state.
    let ended = false;
    const finish = async (trx: Transaction<AggregationTables>, status: 'completed' | 'failed' | 'rejected', counts: BatchCounts, unmapped: string[], error: { code: string; message: string } | null) => {
      ended = true;
      const now = clock();
      await touchBatch(trx, batchId, { status, ...countsColumns(counts), unmapped_headers: JSON.stringify(unmapped), error_code: error?.code ?? null, error_message: error?.message ?? null, finished_at: now, bytes_read: spec.progress.bytesRead() }, now);
      await recordAudit(trx, who, { action: 'aggregation.batch.finish', targetType: 'agg_batch', targetId: batchId, changes: { status, library: library.id, ...counts, error: error?.code ?? null } });
    };
    const engineInput = {
      library, codes, mode, ctx, records: spec.records, checkpointSeq: spec.checkpointSeq, counts: spec.counts, headersPerRecord: spec.headersPerRecord, chunkRows: spec.chunkRows,
      shouldStop: () => stopping,
      onChunk: (p: { counts: BatchCounts }) => report(p.counts),
      commitChunk: async (trx: typeof db, p: { counts: BatchCounts; seq: number; unmapped: string[] }) => {
        await touchBatch(trx, batchId, { ...countsColumns(p.counts), checkpoint_seq: p.seq, bytes_read: spec.progress.bytesRead(), unmapped_headers: JSON.stringify(p.unmapped) }, clock());
      },
    };
    let counts = spec.counts;
    try {
      if (mode === 'partial') {
        let result;
        try {
          result = await runEngine(db, engineInput);
        } catch (err) {
          const failure = sourceFailure(err);
          if (!failure) throw err;
          // Chunks committed before the source broke stay (partial mode); the batch says where it stopped.
          const row = await db.selectFrom('agg_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
          counts = countsOf(row);
          await db.transaction().execute((trx) => finish(trx, 'failed', counts, [], failure));
          return counts;
        }
        counts = result.counts;
        await db.transaction().execute((trx) => finish(trx, 'completed', counts, result.unmapped, null));
        return counts;
      }
      // Atomic: one transaction; any rejected row or a broken source rolls all of it back.
      let result: Awaited<ReturnType<typeof runEngine>> | undefined;
      let failure: { code: string; message: string } | null = null;
      try {
        await db.transaction().execute(async (trx) => {
          result = await runEngine(trx, engineInput);
          if (result.counts.rejected > 0) throw new Rollback();
          await finish(trx, 'completed', result.counts, result.unmapped, null);
        });
      } catch (err) {
        if (!(err instanceof Rollback)) {
          failure = sourceFailure(err);
          if (!failure) throw err;
        }
      }
      if (result && !failure && result.counts.rejected === 0) return result.counts;
      const landed = result && !failure ? { ...result.counts, accepted: 0, cleansed: 0, inserted: 0, updated: 0, unchanged: 0 } : { ...ZERO_COUNTS, read: result?.counts.read ?? 0 };
      counts = landed;
      try {
        if (result?.spool) for await (const chunk of result.spool.chunks(2000)) await insertRowErrors(db, batchId, chunk);
      } finally {
        result?.spool?.dispose();
      }
      const status = failure ? 'failed' : 'rejected';
      const message = failure ?? { code: 'AGG_ATOMIC_REJECTED', message: `整批模式：${result?.counts.rejected ?? 0} 行未通过校验，全部未入库` };
      await db.transaction().execute((trx) => finish(trx, status, landed, result?.unmapped ?? [], message));
      return landed;
    } finally {
      live.delete(batchId);
      try {
        if (ended) await dropSeenTable(db, batchId);
      } finally {
        running.delete(settled);
        settle();
      }
    }
  }

  function sourceFailure(err: unknown): { code: string; message: string } | null {
    if (err instanceof SourceError) return { code: err.code, message: err.message };
    if (err instanceof IngestAbort) return { code: err.code, message: err.message };
    return null;
  }

  async function createBatch(values: {
    id: string; library: StandardLibrary; source: { id: number; orgId: number | null }; kind: BatchKind; mode: IngestMode;
    fileName: string | null; fileSize: number | null; fileHash: string | null; format: string | null; externalId: string | null; createdBy: number | null; who: AuditWho;
  }): Promise<void> {
    const now = clock();
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('agg_batches').values({
        id: values.id, library_id: values.library.id, library_version: values.library.version, source_id: values.source.id, org_id: values.source.orgId,
        kind: values.kind, mode: values.mode, status: 'running', file_name: values.fileName, file_size: values.fileSize, file_hash: values.fileHash,
        format: values.format, external_id: values.externalId, created_by: values.createdBy, created_at: now, updated_at: now, finished_at: null,
        error_code: null, error_message: null,
      }).execute();
      await recordAudit(trx, values.who, {
        action: 'aggregation.batch.start', targetType: 'agg_batch', targetId: values.id,
        changes: { library: values.library.id, source: values.source.id, kind: values.kind, mode: values.mode, file: values.fileName, externalId: values.externalId },
      });
    });
  }

  function newProgress(fileSize: number | null, bytesRead: () => number, counts: BatchCounts): LiveProgress {
    return { counts, fileSize, bytesRead, startedAt: Date.now(), startCounts: { ...counts } };
  }

  return {
    /**
     * Imports a file into a library. An unfinished batch of the same file (same sha256) for the same
     * library and source is resumed from its last committed chunk instead of started again.
     */
    async ingestFile(who: AuditWho, actor: Actor | null, req: FileIngest): Promise<IngestSummary> {
      const library = libraryOrFail(req.libraryId);
      const source = await deps.sources.requireForIngest(actor, req.sourceCode);
      const stat = fs.statSync(req.filePath);
      if (stat.size === 0) throw E.AGG_FILE_EMPTY();
      let format: SourceFormat;
      try {
        format = detectFormat(req.fileName, firstBytes(req.filePath));
      } catch (err) {
        if (err instanceof SourceError) throw E.AGG_FILE_UNREADABLE(err.message, [{ field: 'file', message: err.message }]);
        throw err;
      }
      const hash = await fileHash(req.filePath);
      const resumable = await findResumable(db, library.id, source.id, hash);
      const batchId = resumable?.id ?? req.batchId ?? crypto.randomUUID();
      if (!resumable) {
        await createBatch({ id: batchId, library, source, kind: 'file', mode: req.mode, fileName: req.fileName, fileSize: stat.size, fileHash: hash, format, externalId: null, createdBy: actor?.userId ?? null, who });
      }
      req.onStarted?.(batchId);
      const counter = countingStream();
      const input = fs.createReadStream(req.filePath).pipe(counter);
      const counts = resumable && resumable.mode === 'partial' ? countsOf(resumable) : { ...ZERO_COUNTS };
      const checkpointSeq = resumable && resumable.mode === 'partial' ? resumable.checkpoint_seq : 0;
      const mode = resumable?.mode ?? req.mode;
      const progress = newProgress(stat.size, () => counter.bytesRead, counts);
      try {
        const final = await run({
          batchId, library, source, mode, checkpointSeq, counts, records: readSource(input, format), headersPerRecord: format === 'json' || format === 'ndjson',
          who, progress, onProgress: req.onProgress, chunkRows: req.chunkRows,
        });
        return { batchId, read: final.read, accepted: final.accepted, rejected: final.rejected, unchanged: final.unchanged, updated: final.updated };
      } finally {
        input.destroy();
      }
    },

    /**
     * Records pushed by a source system's own batch id; a retried push of a finished batch returns its
     * outcome. `actor` null: the system delivers on the source's behalf (a connector pulling from
     * another agency), like the CLI's file import.
     */
    async push(who: AuditWho, actor: Actor | null, req: PushIngest) {
      const library = libraryOrFail(req.libraryId);
      const source = await deps.sources.requireForIngest(actor, req.sourceCode);
      const hash = crypto.createHash('sha256').update(JSON.stringify(req.records)).digest('hex');
      const existing = await findByExternalId(db, source.id, library.id, req.externalId);
      if (existing && existing.file_hash !== hash) throw E.AGG_PUSH_BATCH_CONFLICT(`批次号 ${req.externalId} 已推送过不同的内容；新的数据请使用新的批次号`);
      if (existing && existing.status !== 'running') return this.get(actor, existing.id);
      const batchId = existing?.id ?? crypto.randomUUID();
      if (!existing) {
        await createBatch({ id: batchId, library, source, kind: 'push', mode: req.mode, fileName: null, fileSize: null, fileHash: hash, format: 'json', externalId: req.externalId, createdBy: actor?.userId ?? null, who });
      }
      const counts = existing && existing.mode === 'partial' ? countsOf(existing) : { ...ZERO_COUNTS };
      await run({
        batchId, library, source, mode: existing?.mode ?? req.mode, checkpointSeq: existing && existing.mode === 'partial' ? existing.checkpoint_seq : 0, counts,
        records: pushRecords(req.records), headersPerRecord: true, who, progress: newProgress(null, () => 0, counts),
      });
      return this.get(actor, batchId);
    },

    async get(actor: Actor | null, id: string) {
      const row = await findBatch(db, id, actor);
      if (!row) throw E.AGG_BATCH_NOT_FOUND();
      return batchView(row, live.get(id), findLibrary(row.library_id)?.name ?? row.library_id);
    },

    async list(actor: Actor, filter: BatchFilter, page: Page) {
      const { items, total } = await listBatches(db, actor, filter, page);
      return { items: items.map((r) => batchView(r, live.get(r.id), findLibrary(r.library_id)?.name ?? r.library_id)), total };
    },

    /** The rejected rows of a batch in source order, for the error report. */
    async *errorRows(actor: Actor | null, id: string) {
      const batch = await findBatch(db, id, actor);
      if (!batch) throw E.AGG_BATCH_NOT_FOUND();
      let after = 0;
      for (;;) {
        const rows = await rowErrors(db, id, after, 1000);
        if (rows.length === 0) return;
        for (const r of rows) {
          after = r.seq;
          const reasons = r.reasons as { message: string }[];
          yield { sheet: r.sheet, rowNo: r.row_no, headers: r.headers as string[], cells: r.cells as (string | null)[], reasons: reasons.map((x) => x.message).join('；') };
        }
      }
    },

    /**
     * Shutdown: running batches stop after their current chunk (a stopped batch stays `running`
     * and resumes like an interrupted one); resolves when none is left.
     */
    async stop(): Promise<void> {
      stopping = true;
      await Promise.all([...running]);
    },

    /**
     * Resumes the console uploads a dead server left running (their files wait in `uploadDir`),
     * each from its last committed chunk. Uploads whose file is gone cannot be resumed and stay
     * marked interrupted; a CLI import is resumed by running the same command again.
     */
    async resumeInterrupted(uploadDir: string, log: (msg: string, err?: unknown) => void) {
      const stale = await interruptedFileBatches(db, new Date(clock().getTime() - INTERRUPTED_AFTER_MS));
      for (const b of stale) {
        const file = path.join(uploadDir, `${b.id}.upload`);
        if (!fs.existsSync(file)) continue;
        log(`resuming aggregation batch ${b.id}`);
        try {
          await this.ingestFile({ system: 'resume' }, null, { libraryId: b.library_id, sourceCode: b.source_code, mode: b.mode, filePath: file, fileName: b.file_name ?? 'upload', batchId: b.id });
          fs.rmSync(file, { force: true });
        } catch (err) {
          log(`aggregation batch ${b.id} stopped before its end`, err); // the file stays for the next start
        }
      }
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
