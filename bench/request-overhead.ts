/**
 * What the platform costs a request: an authenticated, scope-filtered list (session lookup,
 * permission check, data-scope subquery, zod serialization) against a baseline measured in the
 * same run — a bare Fastify route doing one query on the same database. Prints medians and the
 * ratio. Run: npx tsx bench/request-overhead.ts   (DATABASE_URL set → PostgreSQL)
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createTestApp } from '../server/test/harness.ts';

const ROUNDS = 7;
const PER_ROUND = 200;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / PER_ROUND;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

const tp = await createTestApp();
const token = await tp.login('xihu_staff');
const bare = Fastify();
bare.get('/bare', async () => (await sql<{ n: number }>`select count(*)::int as n from users`.execute(tp.database.db)).rows);
await bare.ready();

const platform: number[] = [];
const baseline: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  baseline.push(await time(() => bare.inject({ method: 'GET', url: '/bare' })));
  platform.push(await time(() => tp.as(token, { method: 'GET', url: '/api/v1/users?pageSize=20' })));
}
const p = median(platform);
const b = median(baseline);
console.log(`database: ${tp.database.kind}`);
console.log(`baseline  bare route + 1 query        median ${b.toFixed(3)} ms/request`);
console.log(`platform  GET /api/v1/users (scoped)  median ${p.toFixed(3)} ms/request`);
console.log(`ratio platform/baseline: ${(p / b).toFixed(2)}`);
await bare.close();
await tp.destroy();
