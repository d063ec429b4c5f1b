import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness.ts';
import { openDatabase } from '../../platform/db/database.ts';

// The command-line interface the issue fixes, run as an operator would: a separate process on a
// fresh database, JSON out, exit codes 0 / 1 / 2 for the offline verifiers.
const bin = path.resolve(import.meta.dirname, '../../../../bin/tianping.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-ledger-cli-'));
const dataDir = path.join(tmp, 'data');
let pgUrl: string | undefined;
let dropPg: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  const db = await createTestDatabase();
  pgUrl = db.url;
  await db.close();
  dropPg = db.drop;
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropPg?.();
});

function tianping(args: string[], offline = false) {
  const where = offline ? [] : pgUrl ? ['--database-url', pgUrl, '--no-demo'] : ['--data-dir', dataDir, '--no-demo'];
  const r = spawnSync(process.execPath, [bin, ...args, ...where], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn', TIANPING_KEY_DIR: path.join(tmp, 'keys') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const json = <T>(args: string[]): T => {
  const r = tianping(args);
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as T;
};

// RFC 9162 §2.1.1, independently of the production code.
const sha = (...b: Buffer[]) => crypto.createHash('sha256').update(Buffer.concat(b)).digest();
const mth = (d: Buffer[]): Buffer => {
  if (d.length === 1) return sha(Buffer.from([0]), d[0]!);
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return sha(Buffer.from([1]), mth(d.slice(0, k)), mth(d.slice(k)));
};
const leaves = ['00', '0102', '', 'cafe', 'deadbeef'];

describe('tianping ledger', { timeout: 240_000 }, () => {
  it('create, append (raw hex), root: indexes from 0 and the RFC root', () => {
    expect(tianping(['ledger', 'create', 'evidence', '--hash', 'sha256']).code).toBe(0);
    expect(json(['ledger', 'append', 'evidence', ...leaves.slice(0, 3).flatMap((h) => ['--hex', h]), '--json'])).toEqual({ indexes: [0, 1, 2], size: 3 });
    expect(json(['ledger', 'append', 'evidence', '--hex', leaves[3]!, '--hex', leaves[4]!, '--json'])).toEqual({ indexes: [3, 4], size: 5 });
    const data = leaves.map((h) => Buffer.from(h, 'hex'));
    expect(json(['ledger', 'root', 'evidence', '--json'])).toEqual({ size: 5, root: mth(data).toString('hex') });
    expect(json(['ledger', 'root', 'evidence', '--size', '3', '--json'])).toEqual({ size: 3, root: mth(data.slice(0, 3)).toString('hex') });
  });

  it('proofs from the database check offline: 0 valid, 1 invalid, 2 malformed', () => {
    const root = mth(leaves.map((h) => Buffer.from(h, 'hex'))).toString('hex');
    const p = json<{ index: number; size: number; proof: string[] }>(['ledger', 'prove-inclusion', 'evidence', '--index', '2', '--size', '5', '--json']);
    expect(p).toMatchObject({ index: 2, size: 5 });
    const leafHash = sha(Buffer.from([0])).toString('hex'); // entry 2 is empty
    const args = ['ledger', 'verify-inclusion', '--leaf-hash', leafHash, '--index', '2', '--size', '5', '--root', root];
    expect(tianping([...args, '--proof', p.proof.join(',')], true).code).toBe(0);
    expect(tianping([...args, '--proof', [...p.proof.slice(1), p.proof[0]].join(',')], true).code).toBe(1);
    expect(tianping([...args, '--proof', p.proof.slice(1).join(',')], true).code).toBe(2); // wrong length
    expect(tianping([...args, '--proof', p.proof.join(',').toUpperCase()], true).code).toBe(2); // hex is lower-case

    const oldRoot = mth(leaves.slice(0, 3).map((h) => Buffer.from(h, 'hex'))).toString('hex');
    const c = json<{ from: number; to: number; proof: string[] }>(['ledger', 'prove-consistency', 'evidence', '--from', '3', '--to', '5', '--json']);
    const cargs = ['ledger', 'verify-consistency', '--from', '3', '--to', '5', '--old-root', oldRoot, '--new-root', root];
    expect(tianping([...cargs, '--proof', c.proof.join(',')], true).code).toBe(0);
    expect(tianping([...cargs.slice(0, -1), oldRoot, '--proof', c.proof.join(',')], true).code).toBe(1);
    expect(tianping(['ledger', 'verify-consistency', '--from', '6', '--to', '5', '--old-root', oldRoot, '--new-root', root, '--proof', ''], true).code).toBe(2);
  });

  it('verify: 0 when intact; non-zero naming the first bad index after a stored entry is changed', async () => {
    const ok = tianping(['ledger', 'verify', 'evidence']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('日志完整');
    const db = await openDatabase(pgUrl ? { kind: 'postgresql', url: pgUrl } : { kind: 'pglite', dataDir });
    await sql`update ledger_entries set body = '\\xbad0'::bytea where idx = 3`.execute(db.db);
    await db.close();
    const bad = tianping(['ledger', 'verify', 'evidence', '--json']);
    expect(bad.code).not.toBe(0);
    expect(JSON.parse(bad.out)).toMatchObject({ intact: false, firstBadIndex: 3 });
  });
});
