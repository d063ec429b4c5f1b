/**
 * Aggregation throughput: a lawyer CSV (default 1M rows, ~3% dirty, generated deterministically)
 * through the full path — parse, validate, cleanse, upsert, lineage, error rows — against COPY of
 * the same file into a bare table of text columns, in the same run, on the same database:
 *   1. PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a fresh database is made)
 *   2. PGlite (a fresh data directory; its own COPY FROM '/dev/blob' as the baseline)
 * and the re-import of the unchanged file. Peak memory: the process's RSS sampled every 50 ms.
 * CPU time (this process, and on PostgreSQL the server backends of the bench database, from
 * /proc) is reported beside wall time: on a loaded machine it varies far less between runs.
 * Run: npx tsx bench/ingest.ts [--rows 1000000] [--only pg|pglite]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { buildTianping } from '../server/src/main.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { createLogger } from '../server/src/platform/logger.ts';
import type { DatabaseTarget } from '../server/src/platform/db/database.ts';
import { demoHeaders } from '../server/src/modules/aggregation/demo/generator.ts';
import { writeDemoCsv } from '../server/src/modules/aggregation/demo/write-demo-file.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('rows') ?? 1_000_000);
const ONLY = arg('only');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-ingest-'));
const file = path.join(dir, `lawyers-${ROWS}.csv`);
const t = performance.now();
const written = await writeDemoCsv('lawyer', ROWS, file, { encoding: 'utf8' });
console.log(`file: ${ROWS.toLocaleString()} rows (${written.dirty.toLocaleString()} dirty), ${(fs.statSync(file).size / 1e6).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);

const columns = demoHeaders('lawyer').map((_, i) => `c${i} text`).join(', ');

/** CPU seconds so far of each server process (by pid) serving a database; empty for PGlite (it runs in this process). */
type ServerCpu = () => Promise<Map<number, number>>;

function postgresCpu(adminUrl: string, database: string): ServerCpu {
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [database]);
    await c.end();
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat: user and system time in clock ticks (100 per second).
        const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
        ticks.set(pid, (Number(f[11]) + Number(f[12])) / 100);
      } catch {
        // the backend ended between the query and the read
      }
    }
    return ticks;
  };
}

const noServer: ServerCpu = async () => new Map();

/** Peak RSS while `fn` runs, sampled every 50 ms, and the CPU seconds it took here and on the server. */
async function measured<T>(serverCpu: ServerCpu, fn: () => Promise<T>) {
  global.gc?.();
  const base = process.memoryUsage.rss();
  let peak = base;
  // memoryUsage.rss(), not memoryUsage(): the latter walks the heap spaces, a cost the import would be charged for
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const serverBefore = await serverCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  try {
    const result = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const { user, system } = process.cpuUsage(cpu0);
    let serverSeconds = 0;
    for (const [pid, s] of await serverCpu()) serverSeconds += s - (serverBefore.get(pid) ?? 0);
    return { result, seconds, peakRssMb: peak / 1e6, baseRssMb: base / 1e6, cpu: { node: (user + system) / 1e6, server: serverSeconds } };
  } finally {
    clearInterval(timer);
  }
}

async function fullPath(target: DatabaseTarget, serverCpu: ServerCpu) {
  const config = { ...loadConfig({ dataDir: 'memory://unused', demo: false }), database: target, webDist: '/nonexistent' };
  const tp = await buildTianping(config, { logger: createLogger('warn') });
  try {
    const run = () => tp.aggregation.batches.ingestFile({ system: 'bench' }, null, { libraryId: 'lawyer', sourceCode: 'bench', mode: 'partial', filePath: file, fileName: 'lawyers.csv' });
    const first = await measured(serverCpu, run);
    const again = await measured(serverCpu, run);
    return { first, again };
  } finally {
    await tp.close();
  }
}

type Measured = Awaited<ReturnType<typeof measured>>;

function report(kind: string, copy: Measured, full: Awaited<ReturnType<typeof fullPath>>) {
  const rate = (s: number) => Math.round(ROWS / s).toLocaleString();
  const s = full.first.result;
  console.log(`\n== ${kind}`);
  console.log(`baseline  COPY into a bare table            ${copy.seconds.toFixed(1)} s   ${rate(copy.seconds)} rows/s`);
  console.log(`full path parse+validate+upsert+lineage     ${full.first.seconds.toFixed(1)} s   ${rate(full.first.seconds)} rows/s   accepted ${s.accepted.toLocaleString()} rejected ${s.rejected.toLocaleString()}`);
  console.log(`re-import of the unchanged file             ${full.again.seconds.toFixed(1)} s   ${rate(full.again.seconds)} rows/s   unchanged ${full.again.result.unchanged.toLocaleString()} updated ${full.again.result.updated}`);
  console.log(`ratio full/COPY throughput: ${(copy.seconds / full.first.seconds).toFixed(2)}   re-import/COPY: ${(copy.seconds / full.again.seconds).toFixed(2)}`);
  const cpu = (m: Measured) => m.cpu.node + m.cpu.server;
  const perRow = (m: Measured) => `${((cpu(m) / ROWS) * 1e6).toFixed(1)} µs/row (server ${((m.cpu.server / ROWS) * 1e6).toFixed(1)}, node ${((m.cpu.node / ROWS) * 1e6).toFixed(1)})`;
  console.log(`CPU: COPY ${perRow(copy)}; full path ${perRow(full.first)}; re-import ${perRow(full.again)}`);
  console.log(`ratio COPY/full path in CPU time: ${(cpu(copy) / cpu(full.first)).toFixed(2)}   re-import: ${(cpu(copy) / cpu(full.again)).toFixed(2)}`);
  console.log(`peak RSS during import: ${full.first.peakRssMb.toFixed(0)} MB (process at start ${full.first.baseRssMb.toFixed(0)} MB); re-import ${full.again.peakRssMb.toFixed(0)} MB`);
}

if (ONLY !== 'pglite') {
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `tp_bench_${crypto.randomBytes(4).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  try {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`create table bare (${columns})`);
    const serverCpu = postgresCpu(admin, name);
    const copy = await measured(serverCpu, async () => {
      const stream = client.query(copyFrom('copy bare from stdin with (format csv, header true)'));
      await pipeline(fs.createReadStream(file), stream);
    });
    await client.end();
    report('PostgreSQL', copy, await fullPath({ kind: 'postgresql', url: url.toString() }, serverCpu));
  } finally {
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`drop database if exists ${name} with (force)`);
    await d.end();
  }
}

if (ONLY !== 'pg') {
  const dataDir = path.join(dir, 'pglite');
  const lite = await PGlite.create(dataDir);
  await lite.exec(`create table bare (${columns})`);
  const copy = await measured(noServer, async () => {
    await lite.query("copy bare from '/dev/blob' with (format csv, header true)", [], { blob: new Blob([fs.readFileSync(file)]) });
  });
  await lite.close();
  report('PGlite', copy, await fullPath({ kind: 'pglite', dataDir }, noServer));
}

fs.rmSync(dir, { recursive: true, force: true });
