/**
 * The sharing gateway's cost per call (issue 5, Performance): a signed lookup of a lawyer by
 * licence number — RFC 9421 verification with the nonce recorded in share_nonces, grant check,
 * purpose check, rate limit and quota, masking, and the call logged with its subject — against a
 * bare Fastify route running the same indexed query (RecordReader.byKey, the agg_records primary
 * key) on the same database. Measured in one run, under autocannon on loopback:
 *  1. a scratch PostgreSQL database (DATABASE_URL or --database-url; default
 *     postgres://postgres@127.0.0.1:5432/test is used to create it, and it is dropped at the end)
 *     with --lawyers lawyer records written straight into agg_records;
 *  2. a server process (this file with --serve) listening on three ports: tianping's app as
 *     `serve` builds it, gateway jobs running (nonce purge, quota and call-log flushes); the bare
 *     route; and, to tell the platform's share from the gateway's, the same query as a public
 *     route of a second platform HTTP app (zod, route guard, hooks). The load generator runs in
 *     this process, signing every request with a fresh nonce (HMAC-SHA256, four consumers with a
 *     grant each, rotated so that no grant's 10 000/s rate limit is reached);
 *  3. --rounds rounds of --duration seconds each, bare, platform and gateway in turn, after a
 *     warm-up; medians of throughput, of p50/p99 latency and of the server process's CPU time per
 *     call (user + system, not the database's); ratio = gateway ÷ bare;
 *  4. then --calls rows in share_calls (and as many in share_call_subjects) made with
 *     generate_series, and the same rounds again: lookups must not slow down.
 * Every response is checked to be 2xx; a round with any other status fails the run.
 * Run alone on the machine: npx tsx bench/sharing.ts [--lawyers 100000] [--calls 10000000]
 *   [--duration 10] [--rounds 3] [--connections 10] [--database-url URL] [--profile DIR (CPU profiles of the server, round by round)]
 */
import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildTianping } from '../server/src/main.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createHttpApp } from '../server/src/platform/http/app.ts';
import { installRouteGuard } from '../server/src/platform/http/route-guard.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import { signRequest } from '../server/src/modules/sharing/signatures/sign.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const LAWYERS = Number(arg('lawyers') ?? 100_000);
const CALLS = Number(arg('calls') ?? 10_000_000);
const DURATION = Number(arg('duration') ?? 10);
const ROUNDS = Number(arg('rounds') ?? 3);
const CONNECTIONS = Number(arg('connections') ?? 10);
const ADMIN_URL = arg('database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONSUMERS = 4;
const PURPOSE = encodeURIComponent('律师执业核查');
const licenceOf = (i: number) => `1330${String(i).padStart(13, '0')}`;

interface Ready {
  gatewayPort: number;
  platformPort: number;
  barePort: number;
  clients: { keyId: string; secret: string }[];
}

// ─── The server process ─────────────────────────────────────────────────────────────────────────
async function serve(url: string, keyDir: string): Promise<void> {
  const logger = createLogger('silent');
  const config = { ...loadConfig({ databaseUrl: url, demo: false }), webDist: '/nonexistent', ledger: { ...loadConfig({ databaseUrl: url }).ledger, keyDir } };
  const tp = await buildTianping(config, { logger });
  const { resources, consumers, grants } = tp.sharing;
  if (!(await resources.list({})).some((r) => r.code === 'lawyer')) throw new Error('no lawyer resource in the catalog');
  const clients: Ready['clients'] = [];
  for (let i = 0; i < CONSUMERS; i++) {
    const c = await consumers.create({ system: 'bench' }, { name: `压测调用方${i + 1}`, agency: '压测', orgId: null, alg: 'hmac-sha256' });
    await grants.createGrant({ system: 'bench' }, { consumerId: c.consumerId, resourceCode: 'lawyer', fields: ['name', 'licenceNo', 'idNumber', 'phone', 'practiceStatus'], plainFields: [], purpose: '律师执业核查', legalBasis: '压测', ratePerSecond: 10_000, quotaPerDay: 100_000_000 });
    clients.push({ keyId: c.keyId, secret: c.secret ?? '' });
  }
  // The gateway as `serve` runs it: the whole app, the sharing module's background jobs started.
  tp.sharing.start();
  await tp.app.listen({ host: '127.0.0.1', port: 0 });

  // What the platform's HTTP app costs by itself: the same query as a public route of a second app.
  const platform = await createHttpApp(logger, { trustProxy: false });
  installRouteGuard(platform, () => tp.identity.auth.resolveSession);
  platform.get<{ Querystring: { licenceNo: string } }>('/api/v1/bench-platform/lawyer', { config: { public: true } }, async (req) => ({ data: (await tp.aggregation.reader.byKey('lawyer', req.query.licenceNo)).map((r) => r.data) }));
  await platform.listen({ host: '127.0.0.1', port: 0 });

  // The baseline: the same query through the same reader and pool, nothing else.
  const bare = Fastify();
  bare.get<{ Querystring: { licenceNo: string } }>('/bare/lawyer', async (req) => ({ data: (await tp.aggregation.reader.byKey('lawyer', req.query.licenceNo)).map((r) => r.data) }));
  await bare.listen({ host: '127.0.0.1', port: 0 });

  const portOf = (a: ReturnType<typeof bare.server.address>) => (typeof a === 'object' && a ? a.port : 0);
  process.send?.({ gatewayPort: portOf(tp.app.server.address()), platformPort: portOf(platform.server.address()), barePort: portOf(bare.server.address()), clients } satisfies Ready);
  const inspector = new Session();
  inspector.connect();
  process.on('message', (m) => {
    if (m === 'cpu') process.send?.({ cpu: process.cpuUsage() });
    if (m === 'profile-start') void inspector.post('Profiler.enable').then(() => inspector.post('Profiler.start'));
    if (typeof m === 'object' && m && 'profileTo' in m) {
      void inspector.post('Profiler.stop').then(({ profile }) => fs.writeFileSync(String(m.profileTo), JSON.stringify(profile)));
    }
    if (m !== 'stop') return;
    void (async () => {
      await bare.close();
      await platform.close();
      await tp.close(); // closes the app, then stops the gateway: pending log rows are written
      process.exit(0);
    })();
  });
}

// ─── The load generator ─────────────────────────────────────────────────────────────────────────
interface Round {
  rps: number;
  p50: number;
  p99: number;
  /** The server process's CPU time per call, µs (not the database's). */
  cpuPerCall: number;
}

let server: ReturnType<typeof fork>;
/** The server process's CPU time so far, µs (user + system). */
function serverCpu(): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      const cpu = (m as { cpu?: NodeJS.CpuUsage }).cpu;
      if (!cpu) return;
      server.off('message', on);
      resolve(cpu.user + cpu.system);
    };
    server.on('message', on);
    server.send('cpu');
  });
}

async function load(port: number, signedBy: Ready['clients'] | null, unsignedPath = '/bare/lawyer'): Promise<Round> {
  const cpu0 = await serverCpu();
  let n = 0;
  const keys = signedBy?.map((c) => ({ keyId: c.keyId, key: { alg: 'hmac-sha256' as const, secret: Buffer.from(c.secret, 'utf8') } })) ?? [];
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          n++;
          const licence = licenceOf(1 + ((n * 7919) % LAWYERS));
          if (!signedBy) return { ...req, path: `${unsignedPath}?licenceNo=${licence}` };
          const p = `/api/v1/share/lawyer?licenceNo=${licence}`;
          const k = keys[n % keys.length]!;
          const headers = { host: `127.0.0.1:${port}`, 'tp-purpose': PURPOSE };
          const sig = signRequest({ method: 'GET', url: `http://127.0.0.1:${port}${p}`, headers }, { key: k.key, keyId: k.keyId });
          return { ...req, path: p, headers: { ...headers, ...sig } };
        },
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) throw new Error(`${signedBy ? 'gateway' : 'bare'}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  const cpu = (await serverCpu()) - cpu0;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerCall: cpu / result.requests.total };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function measure(ready: Ready, label: string): Promise<{ bare: Round; gateway: Round }> {
  await load(ready.barePort, null); // warm-up: JIT, pool connections, caches
  await load(ready.gatewayPort, ready.clients);
  const bare: Round[] = [];
  const platform: Round[] = [];
  const gateway: Round[] = [];
  const profile = arg('profile');
  /** A round of `route`, profiled when --profile is given: where the server's time goes, route by route. */
  const round = async (route: string, run: () => Promise<Round>, r: number): Promise<Round> => {
    if (profile) server.send('profile-start');
    const result = await run();
    if (profile) server.send({ profileTo: path.join(profile, `${route}-${label.replace(/\W+/g, '-')}-${r + 1}.cpuprofile`) });
    return result;
  };
  for (let r = 0; r < ROUNDS; r++) {
    bare.push(await round('bare', () => load(ready.barePort, null), r));
    platform.push(await round('platform', () => load(ready.platformPort, null, '/api/v1/bench-platform/lawyer'), r));
    gateway.push(await round('gateway', () => load(ready.gatewayPort, ready.clients), r));
  }
  const med = (rs: Round[]): Round => ({ rps: median(rs.map((x) => x.rps)), p50: median(rs.map((x) => x.p50)), p99: median(rs.map((x) => x.p99)), cpuPerCall: median(rs.map((x) => x.cpuPerCall)) });
  const b = med(bare);
  const p = med(platform);
  const g = med(gateway);
  console.log(`\n${label}  (load ${os.loadavg()[0]!.toFixed(1)})`);
  console.log(`  bare route, same query      ${fmt(b.rps).padStart(7)} req/s   p50 ${b.p50} ms   p99 ${b.p99} ms   server CPU ${fmt(b.cpuPerCall)} µs/call   rounds: ${bare.map((x) => fmt(x.rps)).join(', ')}`);
  console.log(`  platform app route, same    ${fmt(p.rps).padStart(7)} req/s   p50 ${p.p50} ms   p99 ${p.p99} ms   server CPU ${fmt(p.cpuPerCall)} µs/call   rounds: ${platform.map((x) => fmt(x.rps)).join(', ')}`);
  console.log(`  signed gateway lookup       ${fmt(g.rps).padStart(7)} req/s   p50 ${g.p50} ms   p99 ${g.p99} ms   server CPU ${fmt(g.cpuPerCall)} µs/call   rounds: ${gateway.map((x) => fmt(x.rps)).join(', ')}`);
  console.log(`  ratio gateway ÷ bare: ${(g.rps / b.rps).toFixed(2)} (aim ≥ 0.60)`);
  return { bare: b, gateway: g };
}

async function fillLawyers(client: pg.Client): Promise<void> {
  await client.query(
    `insert into agg_records (library_id, business_key, data, content_hash, library_version, source_id, batch_id, row_no, received_at)
     select 'lawyer', k, jsonb_build_object('name', '压测律师' || i, 'gender', '1', 'idNumber', '330106' || lpad(i::text, 12, '0'), 'licenceNo', k,
       'firmName', '浙江压测律师事务所', 'firmCreditCode', null, 'practiceType', '01', 'firstPracticeDate', '2015-07-01', 'practiceStatus', '1',
       'phone', '138' || lpad(i::text, 8, '0')), md5(k), 1, 1, gen_random_uuid(), i, now()
     from generate_series(1, $1::int) i, lateral (select '1330' || lpad(i::text, 13, '0') as k) key`,
    [LAWYERS],
  );
  await client.query('vacuum analyze agg_records');
}

/** --calls past calls, spread over 180 days, each with one looked-up person (a random 32-byte hash). */
async function fillCallLog(client: pg.Client): Promise<void> {
  const t0 = performance.now();
  await client.query(
    `insert into share_calls (at, consumer_id, grant_id, resource_code, service, purpose, result_count, status, code, latency_ms)
     select now() - (i % 15552000) * interval '1 second', 1 + i % 4, 1 + i % 4, 'lawyer', 'lookup', '律师执业核查', 1, case when i % 50 = 0 then 403 else 200 end,
       case when i % 50 = 0 then 'SHARE_NO_GRANT' end, 3.5
     from generate_series(1, $1::int) i`,
    [CALLS],
  );
  await client.query(`insert into share_call_subjects (call_id, subject) select id, sha256(int8send(id)) from share_calls`);
  await client.query('vacuum analyze share_calls');
  await client.query('vacuum analyze share_call_subjects');
  console.log(`\ncall log filled: ${fmt(CALLS)} calls and subjects in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

async function drive(): Promise<void> {
  const name = `tp_bench_sharing_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  if (process.env.EXPERIMENT_ASYNC) await admin.query(`alter database ${name} set synchronous_commit = off`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-sharing-'));
  const child = (server = fork(process.argv[1]!, ['--serve', url.toString(), keyDir, ...process.argv.slice(2)], { stdio: 'inherit' }));
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('message', (m) => resolve(m as Ready));
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    await client.connect();
    await fillLawyers(client);
    console.log(`database ${name}: ${fmt(LAWYERS)} lawyers; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s; ${os.cpus().length} cores`);
    const before = await measure(ready, 'empty call log');
    await fillCallLog(client);
    const after = await measure(ready, `${fmt(CALLS)} calls in the log`);
    const logged = await client.query<{ n: string }>('select count(*) as n from share_calls');
    console.log(`\ngateway with ${fmt(CALLS)} logged calls ÷ with none: ${(after.gateway.rps / before.gateway.rps).toFixed(2)} (throughput), p99 ${before.gateway.p99} → ${after.gateway.p99} ms`);
    console.log(`calls logged during the run: ${fmt(Number(logged.rows[0]?.n ?? 0) - CALLS)}`);
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
    await client.end().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(keyDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve') await serve(process.argv[3]!, process.argv[4]!);
else await drive();
