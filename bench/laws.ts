/**
 * Regulation library: import of a national-size collection and Chinese full-text search latency
 * (issue 7 targets: import of ~3,000 texts < 60 s; search p95 < 50 ms for 1-, 2-, 4-character and
 * phrase queries), per database, in one run:
 *   1. A synthetic collection (bench/laws-corpus.ts: the sample's articles recombined under 3,000
 *      titles of every level, some with several versions), written as files in the sample format.
 *   2. Imported through `tp.laws.importPaths` on the app as `serve` builds it, timed.
 *   3. Four sets of queries, each query run ROUNDS times after a warm-up: `tp.laws.search.search`
 *      (index lookup, phrase check, ranking, total, excerpts), against the baseline a naive
 *      implementation would use, `select … from law_search where body like '%q%' limit 20` (one
 *      `like` per word), on the same database. Ratio = search ÷ baseline.
 * The import line also gives the CPU time of this process, PGlite's work included: steadier than
 * the wall time on a loaded machine.
 * PostgreSQL gets `analyze` after the import, as autovacuum would give it; PGlite has no autovacuum
 * and is measured without statistics, as it runs.
 * Run: npx tsx bench/laws.ts [--db pglite|postgresql] [--texts 3000] [--rounds 5] [--database-url URL]
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
import type { DatabaseTarget } from '../server/src/platform/db/database.ts';
import { writeLawCorpus } from './laws-corpus.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const ONLY = arg('db');
const TEXTS = Number(arg('texts') ?? 3000);
const ROUNDS = Number(arg('rounds') ?? 5);
const ADMIN_URL = arg('database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
if (ONLY !== undefined && ONLY !== 'pglite' && ONLY !== 'postgresql') throw new Error('--db pglite|postgresql');
if (!(TEXTS >= 1 && ROUNDS >= 1)) throw new Error('--texts, --rounds ≥ 1');

/** Words of the sample texts, common and rare, so each set has broad and narrow queries. */
const QUERY_SETS: Record<string, string[]> = {
  '1 char': ['罚', '律', '证', '鉴', '矫', '援', '诉', '罪', '权', '赔'],
  '2 chars': ['罚款', '律师', '公证', '鉴定', '调解', '复议', '许可', '强制', '监狱', '听证'],
  '4 chars': ['行政处罚', '司法鉴定', '法律援助', '人民调解', '社区矫正', '行政复议', '行政许可', '强制措施', '执业证书', '违法所得'],
  phrase: ['没收违法所得', '处罚决定书', '律师事务所', '当场作出行政处罚决定', '律师 罚款', '公证机构 执业', '依法追究刑事责任', '不服 申请行政复议', '五千元以下的罚款', '社区矫正对象'],
};

const ms = (x: number) => `${x.toFixed(1)} ms`;
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
}
const median = (xs: readonly number[]) => percentile(xs, 0.5);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

/** The naive search: one `like` per word, the first 20 rows in whatever order they come. */
function baseline(tp: Tianping, q: string) {
  const words = q.split(/\s+/).filter(Boolean);
  return sql`select element_id, body from law_search where ${sql.join(words.map((w) => sql`body like ${`%${w}%`}`), sql` and `)} limit 20`.execute(tp.database.db);
}

async function measure(kind: string, target: DatabaseTarget, dir: string) {
  const config = { ...loadConfig({ dataDir: 'memory://unused', demo: false }), database: target, webDist: '/nonexistent' };
  const tp = await buildTianping(config, { logger: createLogger('warn') });
  try {
    console.log(`\n== ${kind}`);
    let last = performance.now();
    const cpu0 = process.cpuUsage();
    const [importMs, files] = await time(() =>
      tp.laws.importPaths({ system: 'bench' }, [dir], (done, total) => {
        if (performance.now() - last > 15_000) {
          last = performance.now();
          console.log(`  import ${done} / ${total}  load ${os.loadavg()[0]!.toFixed(1)}`);
        }
      }),
    );
    const cpu = process.cpuUsage(cpu0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from law_search`.execute(tp.database.db);
    const rowsN = rows[0]!.n;
    console.log(`import      ${(importMs / 1000).toFixed(1)} s for ${files.length} files (${Math.round(files.length / (importMs / 1000))} files/s, ${Math.round(rowsN / (importMs / 1000)).toLocaleString('en-US')} search rows/s; ${rowsN.toLocaleString('en-US')} search rows; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU in this process)`);
    if (kind === 'PostgreSQL') await sql`analyze law_search, law_versions, law_elements`.execute(tp.database.db);

    // Warm-up: every query once both ways, so both start from the same cache.
    for (const qs of Object.values(QUERY_SETS)) for (const q of qs) await Promise.all([tp.laws.search.search({ q }), baseline(tp, q)]).then(() => undefined);

    console.log(`search      ${ROUNDS} rounds × 10 queries per set; median / p95; total = hits (~ when estimated)`);
    console.log(`set         search median  p95      | like '%q%' limit 20 median  p95      | ratio median  p95   | totals`);
    for (const [set, qs] of Object.entries(QUERY_SETS)) {
      const s: number[] = [];
      const b: number[] = [];
      const totals = new Map<string, string>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const q of qs) {
          const [t, r] = await time(() => tp.laws.search.search({ q }));
          s.push(t);
          totals.set(q, `${r.totalIsEstimate ? '~' : ''}${r.total}`);
          b.push((await time(() => baseline(tp, q)))[0]);
        }
      }
      console.log(
        `${set.padEnd(11)} ${ms(median(s)).padStart(9)}  ${ms(percentile(s, 0.95)).padStart(9)} | ${ms(median(b)).padStart(25)}  ${ms(percentile(b, 0.95)).padStart(9)} | ${(median(s) / median(b)).toFixed(2).padStart(12)}  ${(percentile(s, 0.95) / percentile(b, 0.95)).toFixed(2).padStart(5)} | ${[...totals].map(([q, n]) => `${q} ${n}`).join(', ')}`,
      );
    }
  } finally {
    await tp.close();
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-bench-laws-'));
try {
  const corpus = path.join(dir, 'laws');
  const [genMs, stats] = await time(async () => writeLawCorpus(corpus, TEXTS));
  console.log(
    `collection: ${stats.files} files (${stats.titles} titles), ${stats.articles.toLocaleString('en-US')} articles, ${(stats.bytes / 1e6).toFixed(1)} MB, written in ${(genMs / 1000).toFixed(1)} s; ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`,
  );

  if (ONLY !== 'pglite') {
    const name = `tp_bench_${crypto.randomBytes(4).toString('hex')}`;
    const admin = async (q: string) => {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        await c.query(q);
      } finally {
        await c.end();
      }
    };
    await admin(`create database ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      await measure('PostgreSQL', { kind: 'postgresql', url: url.toString() }, corpus);
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  }
  if (ONLY !== 'postgresql') await measure('PGlite', { kind: 'pglite', dataDir: path.join(dir, 'pglite') }, corpus);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
