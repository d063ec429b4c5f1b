import type { Logger } from 'pino';
import type { Actor } from '../../platform/authz/actor.ts';
import type { AuditWho } from '../../platform/audit/audit.ts';
import { createSealer } from '../../platform/crypto/seal.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { AggregationModule } from '../aggregation/index.ts';
import { seedConnectorsDemo } from './connectors.demo.ts';
import { connectorRoutes } from './connectors.routes.ts';
import { createConnectorService } from './connectors.service.ts';
import type { RunTrigger } from './connectors.tables.ts';
import { createPuller } from './pull.service.ts';
import type { RetryPolicy } from './remote.ts';
import { createScheduler } from './scheduler.ts';

export { DEMO_AGENCIES_URL, demoConnectorInputs } from './connectors.demo.ts';
export type { ConnectorCreateInput, ConnectorUpdateInput } from './connectors.schema.ts';
export type { RunView } from './views.ts';

/** Four tries with 1 s, 2 s, 4 s between: rides out an agency gateway's restart, not an outage. */
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 1000 };

/**
 * Connectors (接口连接器, issue 5 item 7): pulling other agencies' data — 公安 死亡注销, 民政 婚姻登记,
 * 自然资源 不动产登记, 组织人事 公务员登记 — from their HTTP APIs with their credentials, paging and a
 * field mapping, landing in aggregation as a source system of its own. Resumable and idempotent.
 */
export function createConnectorsModule(db: BaseDb, deps: {
  aggregation: Pick<AggregationModule, 'sources' | 'batches'>;
  /** Where the installation key lives (the one that seals sharing consumers' secrets). */
  keyDir: string;
  logger?: Logger;
  clock?: () => Date;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /** A running pull silent this long is taken over (default 5 minutes: longer than a page's retries). */
  staleAfterMs?: number;
}) {
  const clock = deps.clock ?? (() => new Date());
  const sealer = createSealer(deps.keyDir);
  const doFetch = deps.fetch ?? ((input: string | URL | Request, init?: RequestInit) => fetch(input, init));
  const puller = createPuller(db, {
    batches: deps.aggregation.batches, sealer, fetch: doFetch, clock, retry: deps.retry ?? DEFAULT_RETRY, staleAfterMs: deps.staleAfterMs ?? 5 * 60_000, logger: deps.logger,
  });
  const connectors = createConnectorService(db, { sources: deps.aggregation.sources, sealer, runs: puller, clock });
  const scheduler = createScheduler(db, { puller, clock, logger: deps.logger });
  return {
    connectors,
    /**
     * Pulls one connector to its end and returns the run (CLI, tests); an interrupted run is
     * resumed. Fails only when no run can start (unknown, paused, running elsewhere).
     */
    async pull(code: string, opts: { actor?: Actor | null; who?: AuditWho; trigger?: RunTrigger } = {}) {
      const actor = opts.actor ?? null;
      const c = await connectors.byCode(actor, code);
      const { done } = await puller.start(c, { kind: opts.trigger ?? 'cli', who: opts.who ?? { system: 'cli' }, userId: actor?.userId ?? null });
      return connectors.showRun(await done);
    },
    /** Resolves when no pull of this process is going (tests, scripts). */
    settled: () => puller.settled(),
    /** One scheduler pass (due connectors, interrupted runs); `start` runs it every minute. */
    tick: () => scheduler.tick(),
    start: (everyMs?: number) => scheduler.start(everyMs),
    /** Shutdown: pulls stop at a page boundary and stay resumable; call before aggregation.stop(). */
    async stop() {
      await puller.stop();
      await scheduler.stop();
    },
    /** The demo's four connectors, pointed at the agency simulator (`tianping sim agencies`). */
    seedDemo: (opts: { orgId: number | null; baseUrl?: string }) => seedConnectorsDemo(connectors, opts),
    routes: connectorRoutes({ connectors, puller }),
  };
}

export type ConnectorsModule = ReturnType<typeof createConnectorsModule>;
