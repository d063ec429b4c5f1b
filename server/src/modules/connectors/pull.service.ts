/**
 * A pull (拉取): the agency's list fetched page by page, each page mapped to library records and
 * landed as one aggregation push. The push's batch id derives from the page (number or cursor)
 * and its content, and every landed page is committed together with the run's cursor — so:
 *
 * - a pull killed at any point resumes from the page after the last committed one; a page whose
 *   push was cut short is pushed again under the same batch id, which resumes that batch;
 * - pulling again fetches every page again but pushes none whose content already landed: the
 *   records, their history and the batches stay exactly as they were.
 *
 * One run per connector at a time (a unique index): a running run is driven by its process and
 * keeps a heartbeat; one whose heartbeat stopped belongs to a dead process and is taken over.
 */
import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/seal.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AggregationModule } from '../aggregation/index.ts';
import { findLibrary } from '../standards/index.ts';
import { connectorErrors as E } from './connectors.errors.ts';
import { addRetry, addToRun, findPage, findRun, insertPage, insertRun, runningRun, sealedSecretOf, updateRun } from './connectors.queries.ts';
import type { ConnectorTables, RunTrigger } from './connectors.tables.ts';
import { mapRecord } from './mapping.rules.ts';
import { fetchPage, PullStopped, type RemoteEndpoint, type RetryPolicy } from './remote.ts';
import type { ConnectorRow, RunRow } from './views.ts';

export interface PullDeps {
  batches: AggregationModule['batches'];
  sealer: Sealer;
  fetch: typeof fetch;
  clock: () => Date;
  retry: RetryPolicy;
  /** A running run silent this long belongs to a dead process. */
  staleAfterMs: number;
  logger?: Logger | undefined;
}

export interface PullTrigger {
  kind: RunTrigger;
  who: AuditWho;
  userId: number | null;
}

/** The aggregation batch id of a page: where it was fetched and what it held. */
export function pageExternalId(kind: 'page' | 'cursor', cursor: string | null, records: readonly Record<string, unknown>[]): string {
  const content = crypto.createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 20);
  // A cursor is the agency's opaque token, of any length and alphabet: it enters the id hashed.
  const at = kind === 'page' ? `p${cursor ?? 'first'}` : `c${cursor === null ? 'first' : crypto.createHash('sha256').update(cursor).digest('hex').slice(0, 16)}`;
  return `pull-${at}-${content}`;
}

const endpointOf = (c: ConnectorRow): RemoteEndpoint => ({
  agency: c.agency, baseUrl: c.base_url, endpoint: c.endpoint, auth: c.auth, paging: c.paging, envelope: c.envelope, timeoutMs: c.timeout_ms,
});

export function createPuller(base: BaseDb, deps: PullDeps) {
  const db = base.withTables<ConnectorTables>();
  const live = new Map<number, { controller: AbortController; done: Promise<RunRow> }>();
  let stopping = false;

  /** Starts a run, or takes over one a dead process left; refuses while one is alive. */
  async function claim(c: ConnectorRow, trigger: PullTrigger): Promise<RunRow> {
    const now = deps.clock();
    const running = await runningRun(db, c.id);
    if (running) {
      const silentMs = now.getTime() - running.heartbeat_at.getTime();
      if (live.has(c.id) || silentMs <= deps.staleAfterMs) {
        throw E.CONN_RUN_IN_PROGRESS(`${c.name}正在拉取（第 ${running.id} 次运行，${Math.round(silentMs / 1000)} 秒前仍在推进），请等本次结束`);
      }
      const taken = await db.transaction().execute(async (trx) => {
        // Only if no other process took it over first (its heartbeat would have moved).
        const res = await trx.updateTable('conn_runs').set({ heartbeat_at: now }).where('id', '=', running.id).where('status', '=', 'running')
          .where('heartbeat_at', '=', running.heartbeat_at).executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) return false;
        await recordAudit(trx, trigger.who, { action: 'connectors.run.resume', targetType: 'conn_run', targetId: running.id, changes: { connector: c.code, trigger: trigger.kind, silentSeconds: Math.round(silentMs / 1000) } });
        return true;
      });
      if (!taken) throw E.CONN_RUN_IN_PROGRESS(`${c.name}的中断运行已被另一进程接续`);
      return findRun(db, running.id);
    }
    try {
      const id = await db.transaction().execute(async (trx) => {
        const row = await insertRun(trx, { connector_id: c.id, trigger: trigger.kind, status: 'running', next_cursor: null, started_by: trigger.userId, started_at: now, heartbeat_at: now, last_batch_id: null, error_code: null, error_message: null, finished_at: null });
        await recordAudit(trx, trigger.who, { action: 'connectors.run.start', targetType: 'conn_run', targetId: row.id, changes: { connector: c.code, library: c.library_id, trigger: trigger.kind } });
        return row.id;
      });
      return findRun(db, id);
    } catch (err) {
      // conn_runs_one_running: another process started a run between our look and our insert.
      if ((err as { code?: string }).code === '23505') throw E.CONN_RUN_IN_PROGRESS(`${c.name}正在拉取，请等本次结束`);
      throw err;
    }
  }

  /** The run's end state and its audit event, in the caller's transaction. */
  async function finish(trx: Transaction<ConnectorTables>, run: RunRow, c: ConnectorRow, trigger: PullTrigger, error: { code: string; message: string } | null) {
    const now = deps.clock();
    await updateRun(trx, run.id, { status: error ? 'failed' : 'completed', error_code: error?.code ?? null, error_message: error?.message ?? null, finished_at: now, heartbeat_at: now });
    const r = await findRun(trx, run.id);
    await recordAudit(trx, trigger.who, {
      action: 'connectors.run.finish', targetType: 'conn_run', targetId: run.id, result: error ? 'failure' : 'success',
      changes: { connector: c.code, status: error ? 'failed' : 'completed', pages: r.pages_fetched, landed: r.pages_landed, skipped: r.pages_skipped, inserted: r.inserted_rows, updated: r.updated_rows, rejected: r.rejected_rows, error: error?.code ?? null },
    });
  }

  /** Page after page until the last; returns normally also when stopped (the run stays running). */
  async function drive(run: RunRow, c: ConnectorRow, trigger: PullTrigger, signal: AbortSignal): Promise<'done' | 'stopped'> {
    const library = findLibrary(c.library_id);
    if (!library) throw E.CONN_CONFIG_INVALID(`连接器 ${c.code} 的标准库 ${c.library_id} 已不存在`);
    let secret: string;
    try {
      secret = deps.sealer.unseal(await sealedSecretOf(db, c.id)).toString('utf8');
    } catch {
      throw E.CONN_CONFIG_INVALID('连接器的凭据无法解密（安装密钥已更换？），请重新填写凭据');
    }
    const remote = endpointOf(c);
    let cursor = run.next_cursor;
    for (;;) {
      if (stopping || signal.aborted) return 'stopped';
      const page = await fetchPage(remote, secret, cursor, { fetch: deps.fetch, clock: deps.clock, retry: deps.retry }, { signal, onRetry: () => addRetry(db, run.id) });
      const records = page.items.flatMap((item) => mapRecord(item, c.mapping, library));
      const add = { fetched: 1, landed: 0, skipped: 0, items: page.items.length, accepted: 0, rejected: 0, inserted: 0, updated: 0, unchanged: 0 };
      let landed: { externalId: string; batchId: string } | null = null;
      if (records.length > 0) {
        const externalId = pageExternalId(c.paging.kind, cursor, records);
        if (await findPage(db, c.id, externalId)) {
          add.skipped = 1;
        } else {
          const batch = await deps.batches.push(trigger.who, null, { libraryId: library.id, sourceCode: c.code, externalId, mode: 'partial', records });
          // Stopped by shutdown between chunks: the batch resumes when the page is pushed again.
          if (batch.status === 'running') return 'stopped';
          if (batch.status !== 'completed') throw E.CONN_REMOTE_INVALID(`本页数据归集失败（批次 ${batch.id}）：${batch.errorMessage ?? batch.status}`);
          Object.assign(add, { landed: 1, accepted: batch.accepted, rejected: batch.rejected, inserted: batch.inserted, updated: batch.updated, unchanged: batch.unchanged });
          landed = { externalId, batchId: batch.id };
        }
      }
      // The page, its counters and the cursor of the next page commit together: the resume point.
      // After the last page the run ends in the same transaction (a null cursor of a running run
      // means "start from the first page", never "past the last").
      await db.transaction().execute(async (trx) => {
        const now = deps.clock();
        if (landed) await insertPage(trx, { connector_id: c.id, external_id: landed.externalId, batch_id: landed.batchId, run_id: run.id, records: records.length, landed_at: now });
        await addToRun(trx, run.id, add);
        await updateRun(trx, run.id, { next_cursor: page.next, heartbeat_at: now, ...(landed ? { last_batch_id: landed.batchId } : {}) });
        if (page.next === null) await finish(trx, run, c, trigger, null);
      });
      if (page.next === null) return 'done';
      cursor = page.next;
    }
  }

  async function execute(run: RunRow, c: ConnectorRow, trigger: PullTrigger, controller: AbortController): Promise<RunRow> {
    // The heartbeat moves while pages are slow too, so a long page is not mistaken for a dead process.
    let beating: Promise<void> = Promise.resolve();
    const beat = setInterval(() => (beating = updateRun(db, run.id, { heartbeat_at: deps.clock() }).catch(() => undefined)), Math.max(1000, Math.floor(deps.staleAfterMs / 3)));
    beat.unref();
    let stopped = false;
    try {
      stopped = (await drive(run, c, trigger, controller.signal)) === 'stopped';
    } catch (err) {
      stopped = err instanceof PullStopped || stopping;
      if (!stopped) {
        const known = err instanceof AppError;
        if (!known) deps.logger?.error({ err, connector: c.code, run: run.id }, 'connector pull failed unexpectedly');
        const error = known ? { code: err.code, message: err.message } : { code: 'INTERNAL_ERROR', message: '拉取时发生系统内部错误，请联系管理员查看日志' };
        await db.transaction().execute((trx) => finish(trx, run, c, trigger, error));
      }
    } finally {
      clearInterval(beat);
      await beating; // a beat still in flight must not land after the release below
    }
    // Stopped on purpose (shutdown): released at once, so the next pull of any process resumes it
    // without waiting for the heartbeat to go stale.
    if (stopped) await updateRun(db, run.id, { heartbeat_at: new Date(0) });
    return findRun(db, run.id);
  }

  return {
    isLive: (connectorId: number) => live.has(connectorId),
    staleAfterMs: deps.staleAfterMs,

    /**
     * Claims a run (new, or the interrupted one) and drives it in the background. Returns once the
     * run exists: `done` settles when it ends or is stopped, never rejecting for the agency's faults.
     */
    async start(c: ConnectorRow, trigger: PullTrigger): Promise<{ run: RunRow; done: Promise<RunRow> }> {
      if (stopping) throw E.CONN_RUN_IN_PROGRESS('服务正在停止，稍后再拉取');
      if (c.status === 'paused') throw E.CONN_PAUSED(`${c.name}已停用，恢复后才能拉取`);
      if (live.has(c.id)) throw E.CONN_RUN_IN_PROGRESS(`${c.name}正在拉取，请等本次结束`);
      const run = await claim(c, trigger);
      const controller = new AbortController();
      const done = execute(run, c, trigger, controller).finally(() => live.delete(c.id));
      live.set(c.id, { controller, done });
      return { run, done };
    },

    /** Resolves when no run of this process is going (each ended, failed or stopped). */
    async settled(): Promise<void> {
      while (live.size > 0) await Promise.all([...live.values()].map((l) => l.done.catch(() => undefined)));
    },

    /** Shutdown: runs stop at the next page boundary (an unfinished fetch is abandoned) and stay resumable. */
    async stop(): Promise<void> {
      stopping = true;
      for (const l of live.values()) l.controller.abort();
      await Promise.all([...live.values()].map((l) => l.done.catch(() => undefined)));
    },
  };
}

export type Puller = ReturnType<typeof createPuller>;
