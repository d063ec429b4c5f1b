import type { Selectable } from 'kysely';
import type { AggBatchesTable } from './aggregation.tables.ts';
import { countsOf } from './batches.queries.ts';
import type { BatchCounts } from './ingest.engine.ts';

/** Progress of a batch running in this process (an atomic batch's counts are not committed until it ends). */
export interface LiveProgress {
  counts: BatchCounts;
  fileSize: number | null;
  bytesRead: () => number;
  startedAt: number;
  /** Counts when this run started (a resumed batch starts from its checkpoint). */
  startCounts: BatchCounts;
}

export type BatchRow = Omit<Selectable<AggBatchesTable>, 'file_hash' | 'created_by'> & { source_code: string; source_name: string };

/**
 * A running batch that no process has advanced for this long was interrupted (its process died):
 * chunks are written every second or so while a batch runs.
 */
export const INTERRUPTED_AFTER_MS = 2 * 60_000;

/** A batch as the API shows it: counts, and for a running one its rate and an estimate of the time left. */
export function batchView(b: BatchRow, live: LiveProgress | undefined, libraryName: string, now = Date.now()) {
  const counts = live?.counts ?? countsOf(b);
  const bytesRead = live ? live.bytesRead() : Number(b.bytes_read);
  const fileSize = b.file_size === null ? null : Number(b.file_size);
  let rate: number | null = null;
  let etaSeconds: number | null = null;
  let progress: number | null = b.status === 'running' ? null : 1;
  if (live) {
    const seconds = Math.max((now - live.startedAt) / 1000, 0.001);
    rate = Math.round((counts.read - live.startCounts.read) / seconds);
    if (fileSize && fileSize > 0) {
      progress = Math.min(bytesRead / fileSize, 1);
      const bytesPerSecond = bytesRead / seconds;
      etaSeconds = bytesPerSecond > 0 ? Math.round((fileSize - bytesRead) / bytesPerSecond) : null;
    }
  } else if (b.status === 'running' && fileSize) {
    progress = Math.min(bytesRead / fileSize, 1);
  }
  return {
    id: b.id,
    libraryId: b.library_id,
    libraryName,
    libraryVersion: b.library_version,
    sourceId: b.source_id,
    sourceCode: b.source_code,
    sourceName: b.source_name,
    orgId: b.org_id,
    kind: b.kind,
    mode: b.mode,
    status: b.status,
    /** Running in no process: re-running the same file (or restarting the server, for an upload) resumes it. */
    interrupted: b.status === 'running' && !live && now - b.updated_at.getTime() > INTERRUPTED_AFTER_MS,
    fileName: b.file_name,
    fileSize,
    format: b.format,
    externalId: b.external_id,
    ...counts,
    bytesRead,
    progress,
    rate,
    etaSeconds,
    unmappedHeaders: (b.unmapped_headers as unknown as string[] | null) ?? [],
    errorCode: b.error_code,
    errorMessage: b.error_message,
    createdAt: b.created_at.toISOString(),
    finishedAt: b.finished_at ? b.finished_at.toISOString() : null,
  };
}

export type BatchView = ReturnType<typeof batchView>;
