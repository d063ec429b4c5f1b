/**
 * The background side of connectors: every minute, pulls that a dead process left running are
 * resumed and scheduled connectors that are due are pulled — one at a time, so an installation
 * never hits all agencies at once and a slow agency only delays the others.
 */
import type { Logger } from 'pino';
import type { BaseDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findConnector, scheduledConnectors, silentRuns } from './connectors.queries.ts';
import type { ConnectorTables } from './connectors.tables.ts';
import type { Puller } from './pull.service.ts';
import { isDue } from './schedule.rules.ts';

export function createScheduler(base: BaseDb, deps: { puller: Puller; clock: () => Date; logger?: Logger | undefined }) {
  const db = base.withTables<ConnectorTables>();
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<number> | null = null;

  async function runOne(connectorId: number): Promise<boolean> {
    const c = await findConnector(db, connectorId, null);
    if (!c || c.status !== 'active') return false;
    try {
      const { done } = await deps.puller.start(c, { kind: 'schedule', who: { system: 'connectors-schedule' }, userId: null });
      const run = await done;
      if (run.status === 'failed') deps.logger?.warn({ connector: c.code, run: run.id, code: run.error_code }, run.error_message ?? 'connector pull failed');
      return true;
    } catch (err) {
      // Running elsewhere, paused meanwhile, or the server is stopping: the next tick sees again.
      if (err instanceof AppError) return false;
      throw err;
    }
  }

  async function tick(): Promise<number> {
    const now = deps.clock();
    const ids = new Set((await silentRuns(db, new Date(now.getTime() - deps.puller.staleAfterMs))).map((r) => r.connector_id));
    for (const c of await scheduledConnectors(db)) if (isDue(c.schedule, c.last_started, now)) ids.add(c.id);
    let pulled = 0;
    for (const id of ids) if (await runOne(id)) pulled++;
    return pulled;
  }

  return {
    /** One pass; returns how many pulls it ran. A pass already under way is joined, not doubled. */
    tick(): Promise<number> {
      ticking ??= tick().finally(() => (ticking = null));
      return ticking;
    },
    start(everyMs = 60_000) {
      if (timer) return;
      timer = setInterval(() => void this.tick().catch((err: unknown) => deps.logger?.error({ err }, 'connector schedule pass failed')), everyMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await ticking?.catch(() => undefined);
    },
  };
}
