/**
 * 执法监督 at scale (issue 8): on a scratch PostgreSQL database (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test), the demo's cases are multiplied to `--cases`
 * (default 1M) and then, in the same run and alternating, five times each:
 *   1. the supervision scan — every alert rule, counted per org and alert (GET …/supervision/summary's query)
 *      against its baseline, a bare `select count(*)` over the same table;
 *   2. a city bureau's case list pages (杭州市司法局, its subtree; first page, a state filter, a
 *      keyword, page 50) through the HTTP app: p95 of 200 requests, against GET /health's p95.
 * Medians and ratios are printed; the machine is shared, so run it alone.
 * Run: npx tsx bench/supervision.ts [--cases 1000000] [--keep]  (--keep leaves the database to EXPLAIN in psql)
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { buildTianping } from '../server/src/main.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createLogger } from '../server/src/platform/logger.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const CASES = Number(arg('cases') ?? 1_000_000);
const ADMIN = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? NaN;
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return performance.now() - t;
}

const name = `tp_bench_sup_${crypto.randomBytes(4).toString('hex')}`;
const admin = async (q: string) => {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(q);
  await c.end();
};
await admin(`create database ${name}`);
const url = new URL(ADMIN);
url.pathname = `/${name}`;
const config = { ...loadConfig({ databaseUrl: url.toString() }), demoCases: 3000, webDist: '/nonexistent' };
const tp = await buildTianping(config, { logger: createLogger('warn') });
try {
  const db = tp.database.db;
  // Copies of the demo's cases under new numbers until the table holds CASES rows.
  const t0 = performance.now();
  const { rows: [{ n: seed } = { n: 0 }] } = await sql<{ n: number }>`select count(*)::int as n from enforcement_cases`.execute(db);
  const copies = Math.ceil(CASES / seed) - 1;
  await sql`
    insert into enforcement_cases (org_id, case_no, cause, item_id, state, party_kind, party_name, party_id_number, sector, province,
      act_end_date, discovered_date, filed_date, life_health_harm, record, decided_on, fine, served_on, closed_on, next_due, decision_due,
      alerts, state_since, created_by, created_at, updated_at)
    select org_id, case_no || '-' || g, cause, item_id, state, party_kind, party_name, party_id_number, sector, province,
      act_end_date, discovered_date, filed_date, life_health_harm, record, decided_on, fine, served_on, closed_on, next_due, decision_due,
      alerts, state_since, created_by, created_at, updated_at
    from enforcement_cases, generate_series(1, ${copies}) g
    where id <= ${seed}
    limit ${CASES - seed}`.execute(db);
  await sql`vacuum analyze enforcement_cases`.execute(db);
  const { rows: [{ n: total } = { n: 0 }] } = await sql<{ n: number }>`select count(*)::int as n from enforcement_cases`.execute(db);
  const token = async (u: string) => {
    const res = await tp.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u, password: 'Tianping@2026' } });
    return (res.json() as { token: string }).token;
  };
  const province = await token('zj_leader');
  const city = await token('hz_leader');
  const { rows: [{ n: cityCases } = { n: 0 }] } = await sql<{ n: number }>`
    select count(*)::int as n from enforcement_cases where org_id in (select id from orgs where path like (select path from orgs where region_code = '330100' and type = 'city_bureau') || '%')`.execute(db);
  console.log(`cases: ${total.toLocaleString()} (the demo's ${seed.toLocaleString()} × ${copies + 1}) in ${((performance.now() - t0) / 1000).toFixed(0)} s; 杭州市 subtree ${cityCases.toLocaleString()}`);

  const get = (t: string, path: string) => tp.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${t}` } });
  const scan: number[] = [];
  const count: number[] = [];
  let alerting = 0;
  for (let i = 0; i < 5; i++) {
    count.push(await timed(() => sql`select count(*) from enforcement_cases`.execute(db)));
    scan.push(await timed(async () => {
      const res = await get(province, '/api/v1/enforcement/supervision/summary');
      alerting = (res.json() as { items: { count: number }[] }).items.reduce((s, x) => s + x.count, 0);
    }));
  }
  console.log(`supervision scan (all alert rules, per org and alert): median ${median(scan).toFixed(0)} ms; ${alerting.toLocaleString()} alerts`);
  console.log(`baseline select count(*):                            median ${median(count).toFixed(0)} ms`);
  console.log(`ratio scan/count: ${(median(scan) / median(count)).toFixed(2)}`);

  const pages = ['/api/v1/enforcement/cases', '/api/v1/enforcement/cases?state=closed', '/api/v1/enforcement/cases?q=%E5%BE%8B%E5%B8%88', '/api/v1/enforcement/cases?page=50'];
  const list: number[] = [];
  const health: number[] = [];
  for (let i = 0; i < 200; i++) {
    health.push(await timed(() => get(city, '/api/v1/health')));
    list.push(await timed(async () => {
      const res = await get(city, pages[i % pages.length] ?? '');
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    }));
  }
  console.log(`city bureau case list (4 kinds of page, 200 requests): p95 ${p95(list).toFixed(0)} ms, median ${median(list).toFixed(0)} ms`);
  console.log(`baseline GET /health through the same app:            p95 ${p95(health).toFixed(1)} ms`);
  console.log(`ratio list p95 / health p95: ${(p95(list) / p95(health)).toFixed(1)}`);
} finally {
  await tp.close();
  if (process.argv.includes('--keep')) console.log(`kept database ${name}`);
  else await admin(`drop database if exists ${name} with (force)`);
}
