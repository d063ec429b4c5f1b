/**
 * What the connector tests share while the module is not yet mounted by main.ts: the module built
 * from a test app's own aggregation, its routes on an HTTP app of their own (same guard), and the
 * agency simulator's request log.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../../../test/harness.ts';
import { createHttpApp } from '../../platform/http/app.ts';
import { installRouteGuard } from '../../platform/http/route-guard.ts';
import { createLogger } from '../../platform/logger.ts';
import { createConnectorsModule, type ConnectorsModule } from './index.ts';

export const FAST_RETRY = { attempts: 3, baseMs: 20 };

export function keyDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tp-conn-keys-'));
}

export function connectorsOf(tp: TestApp, dir: string, opts: { clock?: () => Date; fetch?: typeof fetch; staleAfterMs?: number } = {}): ConnectorsModule {
  return createConnectorsModule(tp.database.db, { aggregation: tp.aggregation, keyDir: dir, retry: FAST_RETRY, logger: createLogger('silent'), ...opts });
}

/** The module's routes behind the same session guard main.ts installs. */
export async function routesApp(tp: TestApp, m: ConnectorsModule): Promise<FastifyInstance> {
  const app = await createHttpApp(createLogger('silent'), { trustProxy: false });
  installRouteGuard(app, () => tp.identity.auth.resolveSession);
  await app.register(m.routes);
  await app.ready();
  return app;
}

export interface SimRequest {
  agency: string;
  query: Record<string, string>;
  status: number;
}

export async function simRequests(simUrl: string, agency?: string): Promise<SimRequest[]> {
  const res = await fetch(`${simUrl}/__sim/requests`);
  const all = ((await res.json()) as { requests: SimRequest[] }).requests;
  return agency ? all.filter((r) => r.agency === agency) : all;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
