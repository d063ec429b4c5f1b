import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { verifyConsistency, verifyInclusion, treeHasher, type HashAlg } from './merkle.ts';
import { parseCheckpointText, parseVerifierKey, verifyNote } from './note.ts';

// The database path (tiles, appends, checkpoints, verify) on a real database. The pure tree code
// is checked against an independent RFC 9162 reference in merkle.test.ts; here the same kind of
// reference, written from the RFC's recursive definitions, checks what the service stores.

const H = (alg: HashAlg, ...parts: Buffer[]) => crypto.createHash(alg).update(Buffer.concat(parts)).digest();
function mth(alg: HashAlg, d: Buffer[]): Buffer {
  if (d.length === 0) return H(alg);
  if (d.length === 1) return H(alg, Buffer.from([0]), d[0]!);
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return H(alg, Buffer.from([1]), mth(alg, d.slice(0, k)), mth(alg, d.slice(k)));
}

let tp: TestApp;
const db = () => tp.database.db;
const entryBytes = (i: number) => crypto.createHash('sha256').update(`entry ${i}`).digest().subarray(0, (i % 7) * 5);

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
});
afterAll(async () => tp.destroy());

describe.each(['sha256', 'sm3'] as const)('a %s log agrees with RFC 9162 at every size up to 70', (alg) => {
  const name = `rfc-${alg}`;
  const leaves: Buffer[] = [];

  beforeAll(async () => {
    await tp.ledger.logs.create({ system: 'test' }, { name, hash: alg });
    // Uneven batches, so partial tiles are read back and extended.
    for (const n of [1, 2, 3, 5, 8, 13, 21, 17]) {
      const batch = Array.from({ length: n }, (_, j) => entryBytes(leaves.length + j));
      const r = await tp.ledger.logs.append(name, batch.map((raw) => ({ raw })));
      expect(r.indexes[0]).toBe(leaves.length);
      leaves.push(...batch);
    }
  });

  it('roots', async () => {
    for (let n = 0; n <= leaves.length; n++) {
      expect((await tp.ledger.logs.root(name, n)).root.toString('hex'), `size ${n}`).toBe(mth(alg, leaves.slice(0, n)).toString('hex'));
    }
  });

  it('inclusion and consistency proofs verify against the reference roots', async () => {
    const h = treeHasher(alg);
    for (let n = 1; n <= leaves.length; n += 3) {
      const root = mth(alg, leaves.slice(0, n));
      for (let i = 0; i < n; i++) {
        const p = await tp.ledger.logs.proveInclusion(name, i, n);
        expect(verifyInclusion(h, h.leaf(leaves[i]!), i, n, p.proof, root), `inclusion ${i}/${n}`).toBe(true);
      }
      for (let m = 1; m <= n; m++) {
        const p = await tp.ledger.logs.proveConsistency(name, m, n);
        expect(verifyConsistency(h, m, n, p.proof, mth(alg, leaves.slice(0, m)), root), `consistency ${m}→${n}`).toBe(true);
      }
    }
  });
});

describe('appends', () => {
  it('get gap-free consecutive indexes under concurrency', async () => {
    await tp.ledger.logs.create({ system: 'test' }, { name: 'busy', hash: 'sha256' });
    const sizes = Array.from({ length: 40 }, (_, i) => 1 + ((i * 7) % 5));
    const results = await Promise.all(sizes.map((n, i) => tp.ledger.logs.append('busy', Array.from({ length: n }, (_, j) => ({ raw: Buffer.from(`${i}/${j}`) })))));
    const all = results.flatMap((r) => r.indexes).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i));
    for (const r of results) expect(r.indexes).toEqual(r.indexes.map((_, j) => r.indexes[0]! + j));
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ledger_entries e join ledger_logs l on l.id = e.log_id where l.name = 'busy'`.execute(db());
    expect(rows[0]!.n).toBe(all.length);
  });

  it('roots read between appends stay right as the edge tiles grow (kept tiles are re-read when too narrow)', async () => {
    await tp.ledger.logs.create({ system: 'test' }, { name: 'growing', hash: 'sha256' });
    const all: Buffer[] = [];
    for (const n of [3, 5, 250, 1, 300]) {
      const batch = Array.from({ length: n }, (_, j) => entryBytes(all.length + j + 1000));
      await tp.ledger.logs.append('growing', batch.map((raw) => ({ raw })));
      all.push(...batch);
      expect((await tp.ledger.logs.root('growing')).root.equals(mth('sha256', all)), `size ${all.length}`).toBe(true);
      expect((await tp.ledger.logs.root('growing', 3)).root.equals(mth('sha256', all.slice(0, 3)))).toBe(true);
    }
  });

  it('proofs refuse sizes and indexes outside the log with their codes', async () => {
    await expect(tp.ledger.logs.proveInclusion('busy', 0, 100_000)).rejects.toMatchObject({ code: 'LEDGER_SIZE_OUT_OF_RANGE' });
    await expect(tp.ledger.logs.proveInclusion('busy', 5, 5)).rejects.toMatchObject({ code: 'LEDGER_INDEX_OUT_OF_RANGE' });
    await expect(tp.ledger.logs.proveConsistency('busy', 1, 100_000)).rejects.toMatchObject({ code: 'LEDGER_SIZE_OUT_OF_RANGE' });
    await expect(tp.ledger.logs.proveConsistency('busy', 0, 5)).rejects.toMatchObject({ code: 'LEDGER_RANGE_INVALID' });
    await expect(tp.ledger.logs.proveInclusion('nope', 0, 1)).rejects.toMatchObject({ code: 'LEDGER_LOG_NOT_FOUND' });
    const res = await tp.app.inject({ method: 'GET', url: '/api/v1/ledger/logs/busy/proofs/inclusion?index=3&size=100000' });
    expect({ status: res.statusCode, code: (res.json() as { code: string }).code }).toEqual({ status: 400, code: 'LEDGER_SIZE_OUT_OF_RANGE' });
  });

  it('refuse personal data in a typed entry and name the field', async () => {
    await expect(tp.ledger.logs.append('busy', [{ type: 'case.evidence', submitter: 't', payload: { who: '11010519491231002X' } }])).rejects.toMatchObject({ code: 'LEDGER_ENTRY_INVALID', details: [{ field: 'entries[0].payload' }] });
    await expect(tp.ledger.logs.append('busy', [{ type: 'case.evidence', submitter: 't', payload: { phone: '13812345678' } }])).rejects.toMatchObject({ code: 'LEDGER_ENTRY_INVALID' });
    await expect(tp.ledger.logs.append('busy', [{ type: 'Bad Type', submitter: 't', payload: {} }])).rejects.toMatchObject({ code: 'LEDGER_ENTRY_INVALID' });
    const ok = await tp.ledger.logs.append('busy', [{ type: 'case.evidence', submitter: 't', payload: { caseId: 'ZJ-2026-001', sha256: 'ab'.repeat(32) } }]);
    expect(ok.indexes).toHaveLength(1);
  });
});

describe('checkpoints', () => {
  it('are c2sp checkpoints signed with Ed25519, and with SM2 too on an SM3 log', async () => {
    await tp.ledger.logs.checkpoint('rfc-sm3');
    const c = await tp.ledger.logs.latestCheckpoint('rfc-sm3');
    const keys = (await tp.ledger.logs.keysOf('rfc-sm3')).map((k) => parseVerifierKey(k.vkey));
    expect(keys.map((k) => k.kind).sort()).toEqual(['ed25519', 'sm2']);
    for (const k of keys) {
      const { text, verifiedBy } = verifyNote(c.note, [k]);
      expect(verifiedBy).toHaveLength(1);
      expect(parseCheckpointText(text)).toMatchObject({ origin: 'tianping.local/rfc-sm3', size: 70 });
    }
  });

  it('a key rotation is an entry of the log, and the handover checkpoint carries both keys', async () => {
    const before = (await tp.ledger.logs.keysOf('busy')).map((k) => k.vkey);
    const r = await tp.ledger.logs.rotateKey({ system: 'test' }, 'busy');
    const entry = await tp.ledger.logs.proveInclusion('busy', r.entry);
    expect(entry.index).toBe(r.entry);
    const c = await tp.ledger.logs.latestCheckpoint('busy');
    expect(c.size).toBe(r.entry + 1);
    const { verifiedBy } = verifyNote(c.note, [parseVerifierKey(before[0]!), parseVerifierKey(r.active)]);
    expect(verifiedBy).toHaveLength(2);
    expect((await tp.ledger.verify('busy')).intact).toBe(true);
  });
});

describe('verify finds tampering and names the index', () => {
  const name = 'tamper';
  beforeAll(async () => {
    await tp.ledger.logs.create({ system: 'test' }, { name, hash: 'sha256' });
    await tp.ledger.logs.append(name, Array.from({ length: 600 }, (_, i) => ({ raw: entryBytes(i + 1) })));
    await tp.ledger.logs.checkpoint(name);
  });

  async function expectIntact() {
    const r = await tp.ledger.verify(name);
    expect(r.problems).toEqual([]);
  }

  it('an intact log verifies', expectIntact);

  it('an altered entry', async () => {
    await sql`update ledger_entries set body = '\\x00ff'::bytea where idx = 417 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    const r = await tp.ledger.verify(name);
    expect(r.intact).toBe(false);
    expect(r.firstBadIndex).toBe(417);
    expect(r.problems[0]).toMatchObject({ kind: 'entry-altered', index: 417 });
    await sql`update ledger_entries set body = ${entryBytes(418)} where idx = 417 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    await expectIntact();
  });

  it('an altered stored hash, at the leaves and higher up', async () => {
    const tile = sql`from ledger_tiles where log_id = (select id from ledger_logs where name = ${name})`;
    const { rows } = await sql<{ hashes: Buffer }>`select hashes ${tile} and level = 0 and idx = 1`.execute(db());
    const original = rows[0]!.hashes;
    const altered = Buffer.from(original);
    altered[32 * 5] = altered[32 * 5]! ^ 1; // leaf 256 + 5
    await sql`update ledger_tiles set hashes = ${altered} where level = 0 and idx = 1 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    let r = await tp.ledger.verify(name);
    expect(r.problems[0]).toMatchObject({ kind: 'hash-altered', index: 261, level: 0 });
    await sql`update ledger_tiles set hashes = ${original} where level = 0 and idx = 1 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());

    const up = await sql<{ hashes: Buffer }>`select hashes ${tile} and level = 1 and idx = 0`.execute(db());
    const upper = Buffer.from(up.rows[0]!.hashes);
    upper[32 + 3] = upper[32 + 3]! ^ 1; // the level-8 node over leaves 256–511
    await sql`update ledger_tiles set hashes = ${upper} where level = 1 and idx = 0 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    r = await tp.ledger.verify(name);
    expect(r.problems[0]).toMatchObject({ kind: 'hash-altered', index: 256, level: 8 });
    await sql`update ledger_tiles set hashes = ${up.rows[0]!.hashes} where level = 1 and idx = 0 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    await expectIntact();
  });

  it('a deleted entry, and a forged checkpoint', async () => {
    await sql`delete from ledger_entries where idx = 99 and log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    let r = await tp.ledger.verify(name);
    expect(r.problems[0]).toMatchObject({ kind: 'entry-missing', index: 99 });
    expect(r.firstBadIndex).toBe(99);
    await sql`insert into ledger_entries (log_id, idx, body) select id, 99, ${entryBytes(100)} from ledger_logs where name = ${name}`.execute(db());
    await expectIntact();

    await sql`update ledger_checkpoints set root = ${Buffer.alloc(32)} where log_id = (select id from ledger_logs where name = ${name})`.execute(db());
    r = await tp.ledger.verify(name);
    expect(r.problems[0]).toMatchObject({ kind: 'checkpoint-signature', size: 600 });
  });
});

describe('the audit trail is anchored', () => {
  it('so a deleted or edited audit row is named', async () => {
    for (const n of ['a1', 'a2', 'a3']) await tp.ledger.logs.create({ system: 'test' }, { name: n, hash: 'sha256' }); // three audit rows
    const anchored = await tp.ledger.audit.anchor();
    expect(anchored).toBeGreaterThanOrEqual(3);
    expect(await tp.ledger.audit.anchor()).toBe(0); // nothing twice
    let report = await tp.ledger.verify('audit');
    expect(report.intact).toBe(true);
    expect(report.audit).toMatchObject({ deleted: [], edited: [] });
    expect(report.audit!.checkedRows).toBe(anchored);

    const { rows } = await sql<{ id: number }>`select id from audit_events where action = 'ledger.create' and target_id in ('a1', 'a2') order by id`.execute(db());
    // The trigger that keeps audit_events append-only stops the application, not a database
    // superuser: that is the tampering the anchors are for.
    await db().transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_events set actor_username = 'someone-else' where id = ${rows[0]!.id}`.execute(trx);
      await sql`delete from audit_events where id = ${rows[1]!.id}`.execute(trx);
    });
    report = await tp.ledger.verify('audit');
    expect(report.audit).toMatchObject({ edited: [Number(rows[0]!.id)], deleted: [Number(rows[1]!.id)] });
  });

  it('and no personal data goes on the log: the entry holds ids and fingerprints', async () => {
    const { rows } = await sql<{ body: Buffer }>`select body from ledger_entries e join ledger_logs l on l.id = e.log_id where l.name = 'audit' and entry_type = 'audit.batch' limit 1`.execute(db());
    const payload = (JSON.parse(rows[0]!.body.toString()) as { payload: Record<string, unknown> }).payload;
    expect(Object.keys(payload).sort()).toEqual(['ids', 'rows']);
    expect((payload.rows as string[]).every((x) => /^[0-9a-f]{32}$/.test(x))).toBe(true);
  });
});
