/**
 * Ledger throughput and proof latency on PostgreSQL (issue target: ≥ 20k appends/s, batched, with
 * checkpoints every second; inclusion and consistency proofs under 5 ms at 10M entries).
 *  1. A fresh database (DATABASE_URL or --database-url, default postgres://postgres@127.0.0.1:5432/test;
 *     a scratch database is created and dropped), the app built as `serve` builds it, with its
 *     background jobs running (`tp.ledger.start()`: a checkpoint every second, audit anchoring).
 *  2. Raw 64–100 byte entries shaped like evidence (a 32-byte digest and ids) appended to one
 *     sha256 log through `logs.append` in batches of --batch, --concurrency calls in flight so the
 *     appender coalesces them; the same log grows through every size of --entries.
 *  3. At each size: 1000 random inclusion proofs (index, size) and consistency proofs (m, size),
 *     timed one at a time; every 10th is verified against `logs.root()` with a leaf hash computed
 *     here from the entry we generated, and every root used is checked at the end against an
 *     in-memory tree built from the same entries. Each inclusion proof is followed by a `select 1`,
 *     the round-trip floor of this box, and the same proofs are timed on the in-memory tiles too.
 *  4. The floor: the same entries leaf-hashed and tiled in memory (MemoryTiles: the same
 *     tilesAfterAppend the database path runs), in the same batches and order, not counting the
 *     making of the entries (which the database path does pay); ratio = db ÷ floor.
 * Peak RSS: sampled every 50 ms while appending (the floor runs last, so its tree is not counted).
 * Run: npx tsx bench/ledger.ts [--entries 1000000,10000000] [--batch 1000] [--concurrency 4]
 *        [--proofs 1000] [--database-url URL]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildTianping, type Tianping } from '../server/src/main.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import type { AppendItem } from '../server/src/modules/ledger/entry.ts';
import { ledgerDb } from '../server/src/modules/ledger/log-store.ts';
import { MemoryTiles } from '../server/src/modules/ledger/memory-tiles.ts';
import { treeHasher, verifyConsistency, verifyInclusion, type TreeHasher } from '../server/src/modules/ledger/merkle.ts';
import { consistencyProof, inclusionProof, rootAt } from '../server/src/modules/ledger/proofs.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SIZES = (arg('entries') ?? '1000000,10000000').split(',').map((s) => Number(s.trim()));
const BATCH = Number(arg('batch') ?? 1000);
const CONCURRENCY = Number(arg('concurrency') ?? 4);
const PROOFS = Number(arg('proofs') ?? 1000);
const ADMIN_URL = arg('database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
for (const [i, s] of SIZES.entries()) if (!Number.isSafeInteger(s) || s < 2 || (i > 0 && s <= SIZES[i - 1]!)) throw new Error(`--entries: increasing sizes ≥ 2, got ${arg('entries')}`);
if (!(BATCH >= 1 && CONCURRENCY >= 1 && PROOFS >= 1)) throw new Error('--batch, --concurrency, --proofs ≥ 1');

const LOG = 'bench';
const h: TreeHasher = treeHasher('sha256');
const wallStart = performance.now();

// ─── Entries ────────────────────────────────────────────────────────────────────────────────────
// Entry `seed` is a 32-byte digest (a window on a fixed pseudo-random pool, stamped with the seed so
// no two are alike) followed by ids: 67–99 bytes.
const POOL = Buffer.concat(Array.from({ length: 4096 }, (_, i) => crypto.createHash('sha256').update(`tianping-bench-${i}`).digest()));
function entryOf(seed: number): Buffer {
  const off = (seed * 37) % (POOL.length - 32);
  const digest = Buffer.from(POOL.subarray(off, off + 32));
  digest.writeUIntBE(seed, 0, 6);
  const ids = `|case:${2020 + (seed % 6)}-${String(seed).padStart(8, '0')}|org:${310000 + (seed % 997)}|att:${'0123456789abcdef0123456789abcdef'.slice(0, seed % 33)}`;
  return Buffer.concat([digest, Buffer.from(ids)]);
}

/** Where each batch landed: entries seed … seed+count-1 at indexes first … first+count-1. */
interface Placed {
  first: number;
  seed: number;
  count: number;
}

// ─── Measuring ──────────────────────────────────────────────────────────────────────────────────
let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
/** The machine's 1-minute load average: other work on the box shows up in the numbers. */
const load = () => os.loadavg()[0]!.toFixed(1);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
}

function randomInt(lo: number, hi: number): number {
  return lo + Math.floor(Math.random() * (hi - lo + 1)); // inclusive
}

// ─── Database ───────────────────────────────────────────────────────────────────────────────────
async function admin(query: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

async function run(tp: Tianping) {
  const db = ledgerDb(tp.database.db);
  const logs = tp.ledger.logs;
  const log = await logs.create({ system: 'bench' }, { name: LOG, hash: 'sha256', description: 'bench/ledger.ts' });
  const checkpointsOf = async (logId: number) => Number((await db.selectFrom('ledger_checkpoints').select((eb) => eb.fn.countAll<number>().as('n')).where('log_id', '=', logId).executeTakeFirstOrThrow()).n);
  tp.ledger.start(); // as `serve` does: a checkpoint every second, audit anchoring, witnessing

  console.log(`ledger bench: PostgreSQL ${scratch}, entries ${SIZES.map(fmt).join(' → ')}, batch ${BATCH}, ${CONCURRENCY} appends in flight, ${os.cpus().length} CPUs`);
  const placed: Placed[] = [];
  const phases: { from: number; to: number; ms: number; checkpoints: number; calls: number[]; cpuPct: number; load: string }[] = [];
  const proofStats: { size: number; incl: number[]; cons: number[]; ping: number[]; verified: number }[] = [];
  const rootsSeen: { size: number; root: Buffer }[] = [];
  let size = 0;
  let appendMs = 0;

  for (const target of SIZES) {
    // ── append from `size` to `target` ──
    const from = size;
    const cp0 = await checkpointsOf(log.id);
    const calls: number[] = [];
    let next = from;
    let done = from;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let last = { t: t0, done };
    const progress = setInterval(() => {
      const now = performance.now();
      void checkpointsOf(log.id).then((cps) => {
        console.log(
          `  ${fmt(done)} / ${fmt(target)}  ${fmt((done - from) / ((now - t0) / 1000))}/s (last ${secs(now - last.t)}: ${fmt((done - last.done) / ((now - last.t) / 1000))}/s)  checkpoints ${cps - cp0}  RSS ${mb(process.memoryUsage().rss)}  load ${load()}`,
        );
        last = { t: now, done };
      });
    }, 10_000);
    const worker = async () => {
      while (next < target) {
        const seed = next;
        const count = Math.min(BATCH, target - seed);
        next += count;
        const items: AppendItem[] = [];
        for (let k = 0; k < count; k++) items.push({ raw: entryOf(seed + k) });
        const c0 = performance.now();
        const r = await logs.append(LOG, items);
        calls.push(performance.now() - c0);
        placed.push({ first: r.indexes[0]!, seed, count });
        done += count;
      }
    };
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    } finally {
      clearInterval(progress);
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuPct = ((cpu.user + cpu.system) / 1000 / ms) * 100;
    appendMs += ms;
    size = target;
    // the checkpoint job runs every second: wait for the one that covers `target`
    const tc = performance.now();
    while ((await db.selectFrom('ledger_checkpoints').select('size').where('log_id', '=', log.id).where('size', '=', target).executeTakeFirst()) === undefined) {
      if (performance.now() - tc > 30_000) throw new Error(`no checkpoint at size ${target} after 30 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const checkpoints = (await checkpointsOf(log.id)) - cp0;
    phases.push({ from, to: target, ms, checkpoints, calls, cpuPct, load: load() });
    console.log(
      `appended ${fmt(from)} → ${fmt(target)}: ${secs(ms)}, ${fmt((target - from) / (ms / 1000))} appends/s, ${checkpoints} checkpoints signed (the last ${secs(performance.now() - t0 - ms)} after the last append), append call median ${percentile(calls, 0.5).toFixed(0)} ms p95 ${percentile(calls, 0.95).toFixed(0)} ms, node CPU ${cpuPct.toFixed(0)}%, peak RSS so far ${mb(peakRss)}, load ${load()}`,
    );

    // ── proofs at `target` ──
    const sorted = [...placed].sort((a, b) => a.first - b.first);
    const leafAt = (i: number) => {
      let lo = 0;
      let hi = sorted.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (sorted[mid]!.first <= i) lo = mid;
        else hi = mid - 1;
      }
      const p = sorted[lo]!;
      return h.leaf(entryOf(p.seed + (i - p.first)));
    };
    const { root } = await logs.root(LOG, target);
    rootsSeen.push({ size: target, root });
    const checkpoint = await logs.latestCheckpoint(LOG, target);
    if (!checkpoint.root.equals(root)) throw new Error(`checkpoint root at ${target} differs from logs.root()`);
    const incl: number[] = [];
    const cons: number[] = [];
    const ping: number[] = []; // a `select 1` round trip after each inclusion proof: this box's query floor
    let verified = 0;
    for (let k = 0; k < 20; k++) await logs.proveInclusion(LOG, randomInt(0, target - 1), target); // warm-up
    for (let k = 0; k < PROOFS; k++) {
      const i = randomInt(0, target - 1);
      const p0 = performance.now();
      const { proof } = await logs.proveInclusion(LOG, i, target);
      incl.push(performance.now() - p0);
      const s0 = performance.now();
      await sql`select 1`.execute(db);
      ping.push(performance.now() - s0);
      if (k % 10 === 0) {
        if (!verifyInclusion(h, leafAt(i), i, target, proof, root)) throw new Error(`inclusion proof of ${i} in ${target} does not verify`);
        verified++;
      }
    }
    for (let k = 0; k < PROOFS; k++) {
      const m = randomInt(1, target - 1);
      const p0 = performance.now();
      const { proof } = await logs.proveConsistency(LOG, m, target);
      cons.push(performance.now() - p0);
      if (k % 10 === 0) {
        const old = (await logs.root(LOG, m)).root;
        rootsSeen.push({ size: m, root: old });
        if (!verifyConsistency(h, m, target, proof, old, root)) throw new Error(`consistency proof ${m} → ${target} does not verify`);
        // and the old root's own entries: the last leaf of the old tree is in it
        const { proof: ip } = await logs.proveInclusion(LOG, m - 1, m);
        if (!verifyInclusion(h, leafAt(m - 1), m - 1, m, ip, old)) throw new Error(`inclusion proof of ${m - 1} in ${m} does not verify`);
        verified += 2;
      }
    }
    proofStats.push({ size: target, incl, cons, ping, verified });
    console.log(
      `proofs at ${fmt(target)}: inclusion median ${percentile(incl, 0.5).toFixed(2)} ms p95 ${percentile(incl, 0.95).toFixed(2)} ms; consistency median ${percentile(cons, 0.5).toFixed(2)} ms p95 ${percentile(cons, 0.95).toFixed(2)} ms; select 1 median ${percentile(ping, 0.5).toFixed(2)} ms p95 ${percentile(ping, 0.95).toFixed(2)} ms; ${verified} proofs verified; load ${load()}`,
    );
  }
  const dbPeakRss = peakRss;
  const dbRate = size / (appendMs / 1000);

  // ── the floor: the same entries, same batches and order, hashed and tiled in memory ──
  global.gc?.();
  const mem = new MemoryTiles(h);
  const order = [...placed].sort((a, b) => a.first - b.first);
  const floorRoots = new Map<number, Buffer>();
  let makeMs = 0; // making the entries: both paths pay it, the floor's time leaves it out
  let leafMs = 0;
  let floorMs = 0;
  for (const p of order) {
    const m0 = performance.now();
    const bodies: Buffer[] = [];
    for (let k = 0; k < p.count; k++) bodies.push(entryOf(p.seed + k));
    const a0 = performance.now();
    const leaves = bodies.map((b) => h.leaf(b));
    const a1 = performance.now();
    await mem.append(leaves);
    const a2 = performance.now();
    makeMs += a0 - m0;
    leafMs += a1 - a0;
    floorMs += a2 - a0;
    if (SIZES.includes(mem.size)) floorRoots.set(mem.size, await rootAt(h, mem.size, mem.read));
  }
  const floorRate = size / (floorMs / 1000);
  for (const r of rootsSeen) {
    const want = floorRoots.get(r.size) ?? (await rootAt(h, r.size, mem.read));
    if (!want.equals(r.root)) throw new Error(`logs.root(${r.size}) differs from the in-memory tree`);
  }
  // the proofs' floor: the same proofs from the in-memory tiles — the hashing a proof costs without the database
  const memProofs = new Map<number, { incl: number[]; cons: number[] }>();
  for (const n of SIZES) {
    const incl: number[] = [];
    const cons: number[] = [];
    for (let k = 0; k < PROOFS; k++) {
      const i = randomInt(0, n - 1);
      const p0 = performance.now();
      await inclusionProof(h, i, n, mem.read);
      incl.push(performance.now() - p0);
      const m = randomInt(1, n - 1);
      const c0 = performance.now();
      await consistencyProof(h, m, n, mem.read);
      cons.push(performance.now() - c0);
    }
    memProofs.set(n, { incl, cons });
  }

  const tables = await sql<{ name: string; bytes: number }>`select c.relname as name, pg_total_relation_size(c.oid)::bigint as bytes from pg_class c where c.relname in ('ledger_entries', 'ledger_tiles') order by 1`.execute(db);

  const total = await checkpointsOf(log.id);
  console.log('\n== ledger on PostgreSQL');
  console.log(`entries: raw, ${entryOf(0).length}–${entryOf(32).length} bytes; batch ${BATCH}; ${CONCURRENCY} append calls in flight; checkpoint job every 1 s`);
  for (const p of phases) {
    console.log(
      `append ${fmt(p.from).padStart(11)} → ${fmt(p.to).padEnd(11)} ${secs(p.ms).padStart(8)}   ${fmt((p.to - p.from) / (p.ms / 1000)).padStart(7)} appends/s   ${String(p.checkpoints).padStart(4)} checkpoints   call median ${percentile(p.calls, 0.5).toFixed(0)} ms p95 ${percentile(p.calls, 0.95).toFixed(0)} ms   node CPU ${p.cpuPct.toFixed(0)}%   load ${p.load}`,
    );
  }
  console.log(`append overall                        ${secs(appendMs).padStart(8)}   ${fmt(dbRate).padStart(7)} appends/s   ${String(total).padStart(4)} checkpoints signed (target ≥ 20,000/s)`);
  console.log(`floor: leaf hash + tiles in memory    ${secs(floorMs).padStart(8)}   ${fmt(floorRate).padStart(7)} entries/s  (leaf hashes ${secs(leafMs)}, tiles ${secs(floorMs - leafMs)}; making the entries, left out: ${secs(makeMs)})`);
  console.log(`ratio db appends/s ÷ floor: ${(dbRate / floorRate).toFixed(3)}  (the floor is ${(floorRate / dbRate).toFixed(1)}× faster)`);
  for (const s of proofStats) {
    console.log(
      `proofs at ${fmt(s.size).padStart(11)}   inclusion median ${percentile(s.incl, 0.5).toFixed(2)} ms p95 ${percentile(s.incl, 0.95).toFixed(2)} ms   consistency median ${percentile(s.cons, 0.5).toFixed(2)} ms p95 ${percentile(s.cons, 0.95).toFixed(2)} ms   (${PROOFS} each; target < 5 ms)   baseline select 1 median ${percentile(s.ping, 0.5).toFixed(2)} ms p95 ${percentile(s.ping, 0.95).toFixed(2)} ms`,
    );
    const f = memProofs.get(s.size)!;
    console.log(
      `  floor: in memory               inclusion median ${percentile(f.incl, 0.5).toFixed(2)} ms p95 ${percentile(f.incl, 0.95).toFixed(2)} ms   consistency median ${percentile(f.cons, 0.5).toFixed(2)} ms p95 ${percentile(f.cons, 0.95).toFixed(2)} ms   (hashing within tiles, no database)`,
    );
  }
  console.log(`verified: ${proofStats.reduce((a, s) => a + s.verified, 0)} proofs against logs.root(); ${rootsSeen.length} roots and ${SIZES.length} checkpoints equal to the in-memory tree's`);
  console.log(`on disk: ${tables.rows.map((r) => `${r.name} ${mb(Number(r.bytes))}`).join(', ')} (${(tables.rows.reduce((a, r) => a + Number(r.bytes), 0) / size).toFixed(0)} bytes/entry)`);
  console.log(`peak RSS while appending and proving: ${mb(dbPeakRss)}; with the in-memory floor tree: ${mb(peakRss)}`);
  console.log(`wall time: ${secs(performance.now() - wallStart)}`);
}

// ─── Main ───────────────────────────────────────────────────────────────────────────────────────
const scratch = `tp_bench_ledger_${crypto.randomBytes(4).toString('hex')}`;
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-ledger-keys-'));
await admin(`create database ${scratch}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${scratch}`;

let tp: Tianping | undefined;
try {
  const base = loadConfig({ databaseUrl: url.toString(), demo: false });
  const config = { ...base, webDist: '/nonexistent', ledger: { ...base.ledger, keyDir } };
  tp = await buildTianping(config, { logger: createLogger('warn') });
  await run(tp);
} finally {
  clearInterval(rssTimer);
  await tp?.close();
  await admin(`drop database if exists ${scratch} with (force)`);
  fs.rmSync(keyDir, { recursive: true, force: true });
}
