/**
 * For the gateway's tests: a tianping on a test database with its sharing module, and a signer.
 * `restart` closes the server and builds it again on the same database, as a restart would.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildTianping, type Tianping } from '../../../main.ts';
import { createSealer, type Sealer } from '../../../platform/crypto/seal.ts';
import { loadConfig } from '../../../platform/config.ts';
import type { Database } from '../../../platform/db/database.ts';
import { createHttpApp } from '../../../platform/http/app.ts';
import { installRouteGuard } from '../../../platform/http/route-guard.ts';
import { createLogger } from '../../../platform/logger.ts';
import { createDictionaryModule } from '../../dictionary/index.ts';
import type { GrantTerms } from '../grants.service.ts';
import type { SharingModule } from '../index.ts';
import type { SignKey } from '../signatures/algorithms.ts';
import { signRequest } from '../signatures/sign.ts';
import { createGateway, type Gateway } from './index.ts';
import { createTestDatabase } from '../../../../test/harness.ts';

export const HOST = 'share.tianping.test';
export const who = { system: 'test' } as const;

/** A clock that stands still until a test moves it: rates and expiries do not depend on the machine's speed. */
export function testClock(start = new Date()) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

export interface Kit {
  tp: Tianping;
  gateway: Gateway;
  app: FastifyInstance;
  sealer: Sealer;
  resources: SharingModule['resources'];
  consumers: SharingModule['consumers'];
  grants: SharingModule['grants'];
}

/**
 * The tianping as `serve` runs it: its app, with the sharing module's gateway started. Only a test
 * that needs a setting the composition root does not take (a tiny call-log bound) gets a gateway
 * of its own, mounted on a second app the way the module mounts it.
 */
async function build(database: Database, keyDir: string, clock: () => Date, seedDemo: boolean, maxPendingCalls: number | undefined): Promise<Kit & { close(): Promise<void> }> {
  const base = loadConfig({ dataDir: 'memory://unused', demo: seedDemo });
  const config = { ...base, webDist: '/nonexistent', demoLawsDir: '/nonexistent/laws', ledger: { ...base.ledger, keyDir } };
  const logger = createLogger('silent');
  const tp = await buildTianping(config, { database, logger, clock });
  // The same installation key as the sharing module's (both read keyDir): the same fingerprints.
  const sealer = createSealer(keyDir);
  const { resources, consumers, grants } = tp.sharing;
  if (maxPendingCalls === undefined) {
    tp.sharing.start();
    return { tp, gateway: tp.sharing.gateway, app: tp.app, sealer, resources, consumers, grants, close: () => tp.close() };
  }
  const gateway = createGateway(database.db, { resources, consumers, grants, reader: tp.aggregation.reader, codes: createDictionaryModule(database.db, clock).lookup, sealer, clock, maxPendingCalls });
  const app = await createHttpApp(logger, { trustProxy: false });
  installRouteGuard(app, () => tp.identity.auth.resolveSession);
  await app.register(gateway.routes);
  await app.ready();
  gateway.start();
  return {
    tp, gateway, app, sealer, resources, consumers, grants,
    async close() {
      await app.close();
      await gateway.stop();
      await tp.close();
    },
  };
}

export async function createKit(opts: { clock?: () => Date; seedDemo?: boolean; maxPendingCalls?: number } = {}) {
  const database = await createTestDatabase();
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-gateway-'));
  const clock = opts.clock ?? (() => new Date());
  const seedDemo = opts.seedDemo ?? true;
  let kit = await build(database, keyDir, clock, seedDemo, opts.maxPendingCalls);
  const close = () => kit.close();
  return {
    get kit() {
      return kit;
    },
    /** Stops the gateway and the server and builds both again on the same database. */
    async restart() {
      await close();
      kit = await build(database, keyDir, clock, seedDemo, opts.maxPendingCalls);
      return kit;
    },
    async destroy() {
      await close();
      await database.drop();
      fs.rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  consumerId: number;
  keyId: string;
  key: SignKey;
}

/** An HMAC consumer (the secret's UTF-8 bytes are the key, issue 5). */
export async function hmacConsumer(kit: Kit, name: string): Promise<Client> {
  const c = await kit.consumers.create(who, { name, agency: `${name}（测试）`, orgId: null, alg: 'hmac-sha256' });
  if (!c.secret) throw new Error('no secret issued');
  return { consumerId: c.consumerId, keyId: c.keyId, key: { alg: 'hmac-sha256', secret: Buffer.from(c.secret, 'utf8') } };
}

export async function grant(kit: Kit, client: Client, over: Partial<GrantTerms> = {}): Promise<number> {
  return kit.grants.createGrant(who, {
    consumerId: client.consumerId,
    resourceCode: 'lawyer',
    fields: ['name', 'licenceNo', 'idNumber', 'phone', 'practiceStatus'],
    plainFields: [],
    purpose: '律师执业核查',
    legalBasis: '律师法 第二十三条',
    ratePerSecond: 100,
    quotaPerDay: 10_000,
    ...over,
  });
}

export interface SignedCall {
  method?: 'GET' | 'POST';
  path: string;
  purpose?: string | null;
  body?: unknown;
  created?: number;
  nonce?: string;
}

/** A signed request for app.inject: what an agency's system sends. */
export function signed(client: Client, call: SignedCall, now: () => Date = () => new Date()): InjectOptions & { headers: Record<string, string> } {
  const method = call.method ?? (call.body === undefined ? 'GET' : 'POST');
  const body = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body), 'utf8');
  const headers: Record<string, string> = { host: HOST };
  if (call.purpose !== null) headers['tp-purpose'] = encodeURIComponent(call.purpose ?? '律师执业核查');
  if (body) headers['content-type'] = 'application/json';
  const sig = signRequest({ method, url: `http://${HOST}${call.path}`, headers, body }, {
    key: client.key,
    keyId: client.keyId,
    created: call.created ?? Math.floor(now().getTime() / 1000),
    nonce: call.nonce ?? crypto.randomBytes(12).toString('base64url'),
    ...(call.purpose === null ? { components: ['@method', '@target-uri'] } : {}),
  });
  return { method, url: call.path, headers: { ...headers, ...sig }, ...(body ? { payload: body } : {}) };
}
