import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, type TestApp } from '../../../test/harness.ts';
import { openDatabase, type BaseDb } from '../../platform/db/database.ts';
import { LAWYER_HEADERS, lawyerRow, writeCsv } from './test-fixtures.ts';

/**
 * Crash safety (issue: "kill the process at any point of an import; running the same job again
 * gives exactly the table an uninterrupted run gives"). A real `tianping ingest` process is
 * killed with SIGKILL mid-import — twice, the second time while it resumes — then run to the
 * end; its tables must equal those of an uninterrupted run of the same file.
 */

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const ROWS = 60_000;
const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup) await c();
});

function lawyersFile(): string {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const n = i + 1;
    if (n % 997 === 0) return lawyerRow(n, { 执业状态: '休假' }); // rejected
    if (n === ROWS - 10) return lawyerRow(123, { 联系电话: '13900000000' }); // same key as row 124: a duplicate far across chunks
    return lawyerRow(n, n % 3 === 0 ? { 首次执业日期: '2015/7/1' } : {});
  });
  return writeCsv('crash-lawyers.csv', LAWYER_HEADERS, rows);
}

interface Run {
  code: number | null;
  killed: boolean;
  stdout: string;
}

/** Runs `tianping ingest`, killing it with SIGKILL at its `killAtLine`-th progress line (never when 0). */
function runCli(args: string[], killAtLine: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tianping.mjs', 'ingest', ...args], {
      cwd: ROOT,
      env: { ...process.env, TIANPING_INGEST_CHUNK_ROWS: '500', TIANPING_PROGRESS_MS: '300', TIANPING_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let lines = 0;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      lines += d.toString().split('\n').filter((l) => l.includes('已读')).length;
      if (killAtLine > 0 && lines >= killAtLine && !killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, killed, stdout }));
  });
}

async function tableOf(db: BaseDb) {
  const records = await sql<{ business_key: string; data: unknown; cleansed: unknown; content_hash: string; row_no: number }>`
    select business_key, data, cleansed, content_hash, row_no from agg_records where library_id = 'lawyer' order by business_key`.execute(db);
  const errors = await sql<{ row_no: number; reasons: unknown }>`
    select e.row_no, e.reasons from agg_row_errors e join agg_batches b on b.id = e.batch_id
    where b.status = 'completed' order by e.row_no`.execute(db);
  const history = await sql<{ n: number }>`select count(*)::int as n from agg_record_history`.execute(db);
  const leftovers = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename like 'agg_seen_%'`.execute(db);
  return { records: records.rows, errors: errors.rows, history: history.rows[0]?.n, seenTables: leftovers.rows[0]?.n };
}

describe('an import killed at any point and run again', () => {
  it('yields exactly the table of an uninterrupted run', { timeout: 600_000 }, async () => {
    const file = lawyersFile();

    // The reference: the same file imported without interruption.
    const ref: TestApp = await createTestApp({ seedDemo: false });
    cleanup.push(() => ref.destroy());
    await ref.aggregation.batches.ingestFile({ system: 'test' }, null, { libraryId: 'lawyer', sourceCode: 'crash', mode: 'partial', filePath: file, fileName: 'crash-lawyers.csv' });
    const expected = await tableOf(ref.database.db);
    expect(expected.records.length).toBe(ROWS - Math.floor(ROWS / 997) - 1);
    expect(expected.errors.length).toBe(Math.floor(ROWS / 997) + 1);

    // The killed runs: on the suite's database kind (a PGlite data dir, or PostgreSQL with DATABASE_URL).
    let target: string[];
    let open: () => Promise<{ db: BaseDb; close(): Promise<void> }>;
    if (process.env.DATABASE_URL) {
      const pgDb = await createTestDatabase();
      await pgDb.close();
      cleanup.push(() => pgDb.drop());
      target = ['--database-url', pgDb.url ?? ''];
      open = () => openDatabase({ kind: 'postgresql', url: pgDb.url ?? '' });
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-crash-'));
      cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      target = ['--data-dir', dir];
      open = () => openDatabase({ kind: 'pglite', dataDir: dir });
    }
    const args = ['lawyer', file, '--source', 'crash', '--json', ...target];

    const first = await runCli(args, 2);
    expect(first.killed, 'the first run must be killed mid-import').toBe(true);
    const second = await runCli(args, 3);
    expect(second.killed, 'the resumed run must be killed mid-import too').toBe(true);
    const last = await runCli(args, 0);
    expect(last.code).toBe(0);
    const summary = JSON.parse(last.stdout) as { batchId: string; read: number; accepted: number; rejected: number };
    expect(summary).toMatchObject({ read: ROWS, accepted: expected.records.length, rejected: expected.errors.length });

    const crashed = await open();
    try {
      const got = await tableOf(crashed.db);
      expect(got.records.length).toBe(expected.records.length);
      expect(got.records).toEqual(expected.records);
      expect(got.errors).toEqual(expected.errors);
      expect(got.history).toBe(0);
      expect(got.seenTables).toBe(0);
      const batches = await sql<{ n: number }>`select count(*)::int as n from agg_batches`.execute(crashed.db);
      expect(batches.rows[0]?.n, 'the re-runs resumed the one batch').toBe(1);
    } finally {
      await crashed.close();
    }
  });
});
