import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { BaseDb } from '../../platform/db/database.ts';
import { AUDIT_LOG, createAuditAnchor } from './audit-anchor.ts';
import { fileKeyStore } from './key-store.ts';
import { ledgerDb } from './log-store.ts';
import { createEntryService } from './entries.service.ts';
import { createLogService } from './logs.service.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { verifyLog } from './verify.ts';
import { createWitnessService } from './witness.service.ts';

export { checkWitnessed } from './witness.service.ts';
export type { VerifyReport } from './verify.ts';

export interface LedgerConfig {
  nodeName: string;
  keyDir: string;
  /** Seconds between audit anchoring runs (and witness passes run every 6th). */
  anchorSeconds: number;
}

/** Runs `job` every `ms` without overlapping itself; `stop` waits for a run in progress. */
function every(ms: number, job: () => Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = job().finally(() => {
      if (!stopped) timer = setTimeout(tick, ms);
    });
  };
  timer = setTimeout(tick, ms);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}

/**
 * The tamper-evident ledger (L1, 区块链存证): append-only Merkle logs with signed checkpoints,
 * proofs, witnesses and a verifier. Modules that need evidence append typed entries of hashes
 * and ids; the audit trail is anchored here by a background job.
 */
export function createLedgerModule(base: BaseDb, config: LedgerConfig, deps: { logger: Logger; clock?: (() => Date) | undefined; fetch?: typeof fetch }) {
  const keys = fileKeyStore(config.keyDir);
  const logs = createLogService(base, { nodeName: config.nodeName, keys, clock: deps.clock });
  const witnesses = createWitnessService(base, logs, { nodeName: config.nodeName, keys, clock: deps.clock, fetch: deps.fetch });
  const audit = createAuditAnchor(base, logs, deps.clock);
  const entries = createEntryService(base, logs);
  const stops: (() => Promise<void>)[] = [];
  const logError = (what: string) => (err: unknown) => deps.logger.error({ err }, what);

  async function verify(name: string) {
    const log = await logs.logOf(name);
    const report = await verifyLog(ledgerDb(base), log);
    return { ...report, audit: name === AUDIT_LOG ? await audit.check() : null };
  }

  return {
    logs,
    entries,
    witnesses,
    audit,
    verify,

    /** The audit log exists from the first start on, so anchoring has somewhere to go. */
    async ensureBaseline() {
      const found = await ledgerDb(base).selectFrom('ledger_logs').select('id').where('name', '=', AUDIT_LOG).executeTakeFirst();
      if (!found) await logs.create({ system: 'ledger' }, { name: AUDIT_LOG, hash: 'sha256', description: '审计日志锚定：每批审计记录的指纹' });
    },

    /** Background jobs of `serve`: checkpoints every second, audit anchoring, witnessing. */
    start() {
      stops.push(every(1000, () => logs.checkpointAll().catch(logError('ledger checkpoint failed'))));
      let pass = 0;
      stops.push(
        every(config.anchorSeconds * 1000, async () => {
          await audit.anchor().catch(logError('audit anchoring failed'));
          if (pass++ % 6 === 0) await witnesses.witnessAll((origin, err) => deps.logger.warn({ err, origin }, 'witnessing failed'));
        }),
      );
    },

    async stop() {
      await Promise.all(stops.splice(0).map((s) => s()));
      await logs.settled();
    },

    routes: (app: FastifyInstance) => app.register(ledgerRoutes({ logs, entries, witnesses, verify })),
  };
}

export type LedgerModule = ReturnType<typeof createLedgerModule>;
