/**
 * What the platform costs a request. Measured in one run, medians of 7 rounds of 300 requests:
 *  - platform: GET /api/v1/users as a county staff user (session lookup, permission check,
 *    strict query validation, data-scope filter, roles, masking, response serialization);
 *  - baseline A: a bare Fastify route that calls the same users.list with an actor resolved once
 *    — the difference is what authentication, the guard and validation add per request;
 *  - baseline B: a bare Fastify route running one trivial query — the floor of the database.
 * Run: npx tsx bench/request-overhead.ts   (with DATABASE_URL set, on PostgreSQL)
 */
import Fastify from 'fastify';
import { sql } from 'kysely';
import { createTestApp } from '../server/test/harness.ts';

const ROUNDS = 7;
const PER_ROUND = 300;

async function perRequestMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6 / PER_ROUND;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const tp = await createTestApp();
const token = await tp.login('xihu_staff');
const { actor } = await tp.identity.auth.resolveSession(token, { requestId: 'bench', ip: null, userAgent: null });
const bare = Fastify();
bare.get('/same-service', async () => tp.identity.users.list(actor, {}, { page: 1, pageSize: 20 }));
bare.get('/one-query', async () => (await sql<{ n: number }>`select 1 as n`.execute(tp.database.db)).rows);
await bare.ready();

const runs = {
  platform: () => tp.as(token, { method: 'GET', url: '/api/v1/users?pageSize=20' }),
  sameService: () => bare.inject({ method: 'GET', url: '/same-service' }),
  oneQuery: () => bare.inject({ method: 'GET', url: '/one-query' }),
};
const samples: Record<keyof typeof runs, number[]> = { platform: [], sameService: [], oneQuery: [] };
for (const fn of Object.values(runs)) await perRequestMs(fn); // warm-up
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, fn] of Object.entries(runs) as [keyof typeof runs, () => Promise<unknown>][]) samples[name].push(await perRequestMs(fn));
}
const p = median(samples.platform);
const a = median(samples.sameService);
const b = median(samples.oneQuery);
console.log(`database: ${tp.database.kind}`);
console.log(`platform    GET /api/v1/users, signed in, scoped   ${p.toFixed(3)} ms/request`);
console.log(`baseline A  bare route, same users.list            ${a.toFixed(3)} ms/request`);
console.log(`baseline B  bare route, select 1                   ${b.toFixed(3)} ms/request`);
console.log(`ratio platform/A: ${(p / a).toFixed(2)}   platform/B: ${(p / b).toFixed(2)}`);
await bare.close();
await tp.destroy();
