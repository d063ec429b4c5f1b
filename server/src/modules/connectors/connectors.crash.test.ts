import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { datasets } from '../../../../sim/agencies/data.ts';
import { spawnAgencySim } from '../../../../sim/agencies/spawn.ts';
import { createTestApp, createTestDatabase } from '../../../test/harness.ts';
import { openDatabase, type BaseDb } from '../../platform/db/database.ts';
import { connectorsOf, keyDir, simRequests } from './test-support.ts';

/**
 * "A killed pull resumes": a real process pulling 公安's death records is killed with SIGKILL
 * mid-pull — twice, the second time while it resumes — then run to the end. The records, their
 * lineage and the batches must be exactly those of an uninterrupted pull.
 */

const CHILD = path.join(import.meta.dirname, 'pull-child.fixture.ts');
const CODE = 'gongan-death';
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Runs the child; kills it once the agency has been asked for `killAfterPages` more pages (never when 0). */
function runChild(args: object, simUrl: string, killAfterPages: number): Promise<{ killed: boolean; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ killed, code, stdout, stderr });
    });
    if (killAfterPages === 0) return;
    void simRequests(simUrl, 'gongan').then((start) => {
      timer = setInterval(() => {
        void simRequests(simUrl, 'gongan').then((now) => {
          if (!killed && now.length >= start.length + killAfterPages) {
            killed = true;
            child.kill('SIGKILL');
          }
        });
      }, 15);
    });
  });
}

async function tableOf(db: BaseDb) {
  const records = await sql<{ business_key: string; data: unknown; content_hash: string; row_no: number }>`
    select business_key, data, content_hash, row_no from agg_records where library_id = 'death-record' order by business_key`.execute(db);
  const batches = await sql<{ external_id: string; status: string; read_rows: number; inserted_rows: number }>`
    select external_id, status, read_rows, inserted_rows from agg_batches order by external_id`.execute(db);
  const runs = await sql<{ status: string; pages_fetched: number; pages_landed: number; items_read: number; next_cursor: string | null }>`
    select status, pages_fetched, pages_landed, items_read, next_cursor from conn_runs`.execute(db);
  const pages = await sql<{ n: number }>`select count(*)::int as n from conn_pages`.execute(db);
  const history = await sql<{ n: number }>`select count(*)::int as n from agg_record_history`.execute(db);
  const seen = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename like 'agg_seen_%'`.execute(db);
  return { records: records.rows, batches: batches.rows, runs: runs.rows, pages: pages.rows[0]?.n, history: history.rows[0]?.n, seenTables: seen.rows[0]?.n };
}

describe('a pull killed at any point and run again', () => {
  it('yields exactly the tables of an uninterrupted pull', { timeout: 300_000 }, async () => {
    const sim = await spawnAgencySim({ args: ['--no-faults'] });
    cleanup.push(() => sim.close());
    const keys = keyDir();
    cleanup.push(async () => fs.rmSync(keys, { recursive: true, force: true }));

    // The reference: the same connector pulled without interruption.
    const ref = await createTestApp({ seedDemo: false });
    cleanup.push(() => ref.destroy());
    const refModule = connectorsOf(ref, keys);
    const { demoConnectorInputs } = await import('./connectors.demo.ts');
    await refModule.connectors.create({ system: 'test' }, null, demoConnectorInputs(sim.url).find((c) => c.code === CODE) as never);
    expect(await refModule.pull(CODE)).toMatchObject({ status: 'completed', accepted: datasets(0, 1).deaths.length });
    const expected = await tableOf(ref.database.db);

    let target: object;
    let open: () => Promise<{ db: BaseDb; close(): Promise<void> }>;
    if (process.env.DATABASE_URL) {
      const pgDb = await createTestDatabase();
      await pgDb.close();
      cleanup.push(() => pgDb.drop());
      target = { databaseUrl: pgDb.url };
      open = () => openDatabase({ kind: 'postgresql', url: pgDb.url ?? '' });
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-conn-crash-'));
      cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
      target = { dataDir };
      open = () => openDatabase({ kind: 'pglite', dataDir });
    }
    const args = { ...target, keyDir: keys, simUrl: sim.url, code: CODE };

    /** The run a killed child left: still running, with the pages it committed. */
    const leftOver = async () => {
      const db = await open();
      try {
        return (await sql<{ status: string; pages_fetched: number }>`select status, pages_fetched from conn_runs`.execute(db.db)).rows;
      } finally {
        await db.close();
      }
    };
    const first = await runChild(args, sim.url, 2);
    expect(first.killed, `the first pull must be killed mid-way: ${first.stderr}`).toBe(true);
    const afterFirst = await leftOver();
    expect(afterFirst).toMatchObject([{ status: 'running' }]);
    const second = await runChild(args, sim.url, 2);
    expect(second.killed, `the resumed pull must be killed mid-way too: ${second.stderr}`).toBe(true);
    const afterSecond = await leftOver();
    expect(afterSecond).toMatchObject([{ status: 'running' }]);
    expect(afterSecond[0]?.pages_fetched, 'the resumed pull got further').toBeGreaterThan(afterFirst[0]?.pages_fetched ?? 0);
    expect(afterSecond[0]?.pages_fetched).toBeLessThan(5);
    const last = await runChild(args, sim.url, 0);
    expect(last.code, last.stderr).toBe(0);
    expect(JSON.parse(last.stdout)).toMatchObject({ status: 'completed', pagesFetched: 5 });

    const crashed = await open();
    try {
      const got = await tableOf(crashed.db);
      expect(got.records).toEqual(expected.records);
      expect(got.batches).toEqual(expected.batches);
      expect(got.runs, 'the re-runs resumed the one run').toEqual(expected.runs);
      expect(got).toMatchObject({ pages: expected.pages, history: 0, seenTables: 0 });
    } finally {
      await crashed.close();
    }
  });
});
