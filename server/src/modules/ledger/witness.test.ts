import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness.ts';
import { checkWitnessed } from './witness.service.ts';

// Two tianping nodes over real HTTP: A keeps a log, B witnesses it (c2sp.org/tlog-cosignature).
type Node = Awaited<ReturnType<typeof startTestServer>>;
let a: Node;
let b: Node;
let logUrl: string;
let logKeys: string[];
let witnessKey: string;

beforeAll(async () => {
  [a, b] = await Promise.all([
    startTestServer({ seedDemo: false, ledger: { nodeName: 'a.sft.example' } }),
    startTestServer({ seedDemo: false, ledger: { nodeName: 'b.sft.example' } }),
  ]);
  await a.tp.ledger.logs.create({ system: 'test' }, { name: 'points', hash: 'sm3' });
  await a.tp.ledger.logs.append('points', [{ raw: Buffer.from('score event 1') }, { raw: Buffer.from('score event 2') }]);
  await a.tp.ledger.logs.checkpoint('points');
  logUrl = `${a.url}/api/v1/ledger/logs/points`;
  logKeys = (await a.tp.ledger.logs.keysOf('points')).map((k) => k.vkey);
  witnessKey = await b.tp.ledger.witnesses.witnessKey();
  await a.tp.ledger.witnesses.addWitness({ system: 'test' }, 'points', witnessKey);
});
afterAll(async () => Promise.all([a.close(), b.close()]));

const checkpoint = async () => (await fetch(`${logUrl}/checkpoint`)).text();

describe('a witness', () => {
  it('cosigns a checkpoint it can verify, and the log serves the cosignature', async () => {
    const r = await b.tp.ledger.witnesses.witness(logUrl, logKeys[0]);
    expect(r).toEqual({ origin: 'a.sft.example/points', size: 2, previous: null });
    const note = await checkpoint();
    expect(note).toContain('— b.sft.example/witness ');
    const ok = checkWitnessed(note, logKeys, [witnessKey], 1);
    expect(ok).toMatchObject({ enough: true, witnesses: ['b.sft.example/witness'] });
    expect(checkWitnessed(note, logKeys, [witnessKey], 2).enough).toBe(false);
  });

  it('checks consistency with the largest checkpoint it saw before cosigning a newer one', async () => {
    await a.tp.ledger.logs.append('points', Array.from({ length: 300 }, (_, i) => ({ raw: Buffer.from(`score event ${i + 3}`) })));
    await a.tp.ledger.logs.checkpoint('points');
    const r = await b.tp.ledger.witnesses.witness(logUrl);
    expect(r).toEqual({ origin: 'a.sft.example/points', size: 302, previous: 2 });
    expect(checkWitnessed(await checkpoint(), logKeys, [witnessKey], 1).checkpoint.size).toBe(302);
  });

  it('refuses a log whose history differs from what it saw (a split view)', async () => {
    // B's memory of size 302 now disagrees with what A serves: as if A had shown B another tree.
    await sql`update ledger_witnessed set root = ${Buffer.alloc(32, 7)}`.execute(b.tp.database.db);
    await expect(b.tp.ledger.witnesses.witness(logUrl)).rejects.toMatchObject({ code: 'LEDGER_WITNESS_REFUSED' });
    await a.tp.ledger.logs.append('points', [{ raw: Buffer.from('score event 303') }]);
    await a.tp.ledger.logs.checkpoint('points');
    await expect(b.tp.ledger.witnesses.witness(logUrl)).rejects.toMatchObject({ code: 'LEDGER_WITNESS_REFUSED', message: expect.stringContaining('一致性证明不成立') });
  });

  it('cosignatures from unregistered keys or over other text are refused by the log', async () => {
    const res = await fetch(`${logUrl}/checkpoints/302/cosignatures`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '— stranger.example/w AAAAAAAA' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('LEDGER_WITNESS_UNKNOWN');
    const line = (await checkpoint()).split('\n').find((l) => l.startsWith('— b.sft.example/witness'))!;
    const wrong = await fetch(`${logUrl}/checkpoints/2/cosignatures`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: line });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { code: string }).code).toBe('LEDGER_COSIGNATURE_INVALID');
  });
});
