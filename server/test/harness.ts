import crypto from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildTianping, type BuildOptions, type Tianping } from '../src/main.ts';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/logger.ts';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';
import { SAMPLE_LAWS_DIR } from './samples.ts';

/**
 * Each test file gets its own database (DESIGN §5): an in-memory PGlite by default, or, when
 * DATABASE_URL is set, a fresh PostgreSQL database created for the file and dropped after it.
 */
export async function createTestDatabase(): Promise<Database & { url: string | undefined; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ kind: 'pglite', dataDir: `memory://${crypto.randomUUID()}` });
    return { ...db, url: undefined, close: db.close, drop: db.close };
  }
  const name = `tp_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgresql', url: target.toString() });
  let closed = false;
  return {
    ...db,
    url: target.toString(),
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
    async drop() {
      if (!closed) await db.close();
      closed = true;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp extends Tianping {
  /** Logs in and returns the bearer token (demo password unless given). */
  login(username: string, password?: string): Promise<string>;
  /** app.inject with the token as a bearer header. */
  as(token: string, opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Ends the app and drops its database. */
  destroy(): Promise<void>;
}

/**
 * The demo imports the sample laws only where a test asks (`demoLaws: true`), and writes its
 * thousands of cases only where one asks (`demoCases`): most tests need the demo's orgs and
 * accounts, and either would slow every one of them.
 */
const demoLawsDirOf = (wanted: boolean | undefined): string => (wanted && SAMPLE_LAWS_DIR) || '/nonexistent/laws';

/** A tianping on a fresh database with the deterministic demo seeded. */
export async function createTestApp(opts: Omit<BuildOptions, 'database' | 'logger'> & { seedDemo?: boolean; ledger?: Partial<Config['ledger']>; demoLaws?: boolean; demoCases?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const base = loadConfig({ dataDir: 'memory://unused', demo: opts.seedDemo ?? true });
  const config = { ...base, webDist: '/nonexistent', demoLawsDir: demoLawsDirOf(opts.demoLaws), demoCases: opts.demoCases ?? 0, ledger: { ...base.ledger, ...opts.ledger } };
  const tp = await buildTianping(config, { ...opts, database, logger: createLogger('silent') });
  return {
    ...tp,
    async login(username, password = DEMO_PASSWORD) {
      const res = await tp.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    as(token, injectOpts) {
      return tp.app.inject({ ...injectOpts, headers: { ...injectOpts.headers, authorization: `Bearer ${token}` } });
    },
    async destroy() {
      await tp.close();
      await database.drop();
    },
  };
}

/** A listening server on a free port with the console, for browser tests. */
export async function startTestServer(opts: { webDist?: string; seedDemo?: boolean; ledger?: Partial<Config['ledger']>; demoLaws?: boolean; demoCases?: number } = {}): Promise<{ url: string; tp: Tianping; close(): Promise<void> }> {
  const database = await createTestDatabase();
  const config = loadConfig({ dataDir: 'memory://unused', demo: opts.seedDemo ?? true });
  const tp = await buildTianping(
    { ...config, webDist: opts.webDist ?? config.webDist, demoLawsDir: demoLawsDirOf(opts.demoLaws), demoCases: opts.demoCases ?? 0, ledger: { ...config.ledger, ...opts.ledger } },
    { database, logger: createLogger('silent') },
  );
  const address = await tp.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    tp,
    async close() {
      await tp.close();
      await database.drop();
    },
  };
}

/**
 * A `fetch` that answers from the app itself (app.inject): lets the ledger's witness follow a log
 * of the same test app without a listening server.
 */
export function injectFetch(app: () => Tianping['app']): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const res = await app().inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: url.pathname + url.search,
      ...(init?.body === undefined ? {} : { payload: String(init.body) }),
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
    });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? 'text/plain') } });
  };
}
