import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { formatVerifierKey, generateEd25519 } from './note.ts';
import { ProofInputError } from './offline.ts';
import { checkReceipt } from './receipt.ts';

// A receipt checks with nothing but itself and the log's public key (an SM3 log: both signatures).
let tp: TestApp;
let logKeys: string[];
let receipt: string;

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  await tp.ledger.logs.create({ system: 'test' }, { name: 'points', hash: 'sm3' });
  await tp.ledger.logs.append('points', Array.from({ length: 11 }, (_, i) => ({ type: 'prison.points', submitter: 'gz-baiyun', payload: { subject: `P-${i}`, points: i * 5 } })));
  await tp.ledger.logs.checkpoint('points');
  logKeys = (await tp.ledger.logs.keysOf('points')).map((k) => k.vkey);
  receipt = JSON.stringify(await tp.ledger.entries.receipt('points', 7));
});
afterAll(async () => tp.destroy());

const edit = (f: (r: Record<string, unknown>) => void) => {
  const r = JSON.parse(receipt) as Record<string, unknown>;
  f(r);
  return JSON.stringify(r);
};

describe('a receipt', () => {
  it('holds with the log key alone, Ed25519 or SM2', () => {
    for (const key of logKeys) expect(checkReceipt(receipt, [key])).toMatchObject({ valid: true, origin: 'tianping.local/points', size: 11 });
  });

  it('does not hold for a changed entry, another index, a stranger key or missing witnesses', () => {
    const entry = (JSON.parse(receipt) as { entry: string }).entry;
    const forged = Buffer.from(Buffer.from(entry, 'hex').toString().replace('"points":35', '"points":90')).toString('hex');
    expect(forged).not.toBe(entry);
    expect(checkReceipt(edit((r) => (r.entry = forged)), logKeys).valid).toBe(false);
    expect(checkReceipt(edit((r) => (r.index = 6)), logKeys).valid).toBe(false);
    const stranger = formatVerifierKey({ name: 'tianping.local/points', kind: 'ed25519', publicKey: generateEd25519().publicKey });
    expect(checkReceipt(receipt, [stranger])).toMatchObject({ valid: false, reason: expect.stringContaining('检查点签名不成立') });
    expect(checkReceipt(receipt, logKeys, [], 1)).toMatchObject({ valid: false, reason: expect.stringContaining('见证联署不足') });
  });

  it('refuses malformed input instead of judging it', () => {
    for (const bad of ['not json', edit((r) => (r.format = 'v0')), edit((r) => (r.entry = 'XYZ')), edit((r) => delete r.proof)]) {
      expect(() => checkReceipt(bad, logKeys)).toThrow(ProofInputError);
    }
  });

  it('is not issued before a checkpoint covers the entry', async () => {
    await tp.ledger.logs.append('points', [{ raw: Buffer.from('late') }]);
    await expect(tp.ledger.entries.receipt('points', 11)).rejects.toMatchObject({ code: 'LEDGER_NO_CHECKPOINT' });
  });
});
