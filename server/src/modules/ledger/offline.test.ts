import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryTiles } from './memory-tiles.ts';
import { consistencyRanges, foldSubtrees, inclusionRanges, subtreesOf, treeHasher, type HashAlg } from './merkle.ts';
import { checkConsistency, checkInclusion, ProofInputError, type ConsistencyInput, type InclusionInput } from './offline.ts';
import { consistencyProof, inclusionProof, rootAt } from './proofs.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const list = (proof: Buffer[]) => proof.map(hex).join(',');
const flip = (s: string) => (s[0] === '0' ? '1' : '0') + s.slice(1);

/** The ProofInputError `fn` throws (fails the test if it returns or throws something else). */
function inputError(fn: () => unknown): ProofInputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProofInputError) return e;
    throw e;
  }
  throw new Error('expected a ProofInputError, got a verdict');
}

const SIZE = 300; // past one tile, so the proofs come from two tile levels
const stores = new Map<HashAlg, MemoryTiles>();
const leafHashes = new Map<HashAlg, Buffer[]>();

beforeAll(async () => {
  for (const alg of ['sha256', 'sm3'] as const) {
    const h = treeHasher(alg);
    const leaves = Array.from({ length: SIZE }, (_, i) => h.leaf(Buffer.from(`账本条目 ${i}`)));
    const store = new MemoryTiles(h);
    await store.append(leaves.slice(0, 100));
    await store.append(leaves.slice(100));
    stores.set(alg, store);
    leafHashes.set(alg, leaves);
  }
});

async function inclusionInput(alg: HashAlg, index: number, size: number): Promise<InclusionInput> {
  const h = treeHasher(alg);
  const store = stores.get(alg)!;
  return {
    hash: alg,
    leafHash: hex(leafHashes.get(alg)![index]!),
    index: String(index),
    size: String(size),
    root: hex(await rootAt(h, size, store.read)),
    proof: list(await inclusionProof(h, index, size, store.read)),
  };
}

async function consistencyInput(alg: HashAlg, from: number, to: number): Promise<ConsistencyInput> {
  const h = treeHasher(alg);
  const store = stores.get(alg)!;
  return {
    hash: alg,
    from: String(from),
    to: String(to),
    oldRoot: hex(await rootAt(h, from, store.read)),
    newRoot: hex(await rootAt(h, to, store.read)),
    proof: from === to ? '' : list(await consistencyProof(h, from, to, store.read)),
  };
}

describe.each<HashAlg>(['sha256', 'sm3'])('%s: verdicts on well-formed input', (alg) => {
  const other: HashAlg = alg === 'sha256' ? 'sm3' : 'sha256';

  it('valid inclusion proofs hold, at sizes 1..9 and around the 256-leaf tile edge', async () => {
    for (const size of [1, 2, 3, 4, 5, 7, 8, 9, 255, 256, 257, SIZE]) {
      for (const index of [...new Set([0, 1, 2, Math.floor(size / 2), size - 2, size - 1])].filter((i) => i >= 0 && i < size)) {
        expect(checkInclusion(await inclusionInput(alg, index, size)), `(${index}, ${size})`).toBe(true);
      }
    }
  });

  it('size 1 takes the empty proof', async () => {
    const input = await inclusionInput(alg, 0, 1);
    expect(input.proof).toBe('');
    expect(input.root).toBe(input.leafHash);
    expect(checkInclusion(input)).toBe(true);
  });

  it('the default hash is sha256', async () => {
    const { hash: _, ...input } = await inclusionInput(alg, 5, 9);
    expect(checkInclusion(input)).toBe(alg === 'sha256');
  });

  it('well-formed but wrong inclusion input is invalid, not malformed', async () => {
    const good = await inclusionInput(alg, 5, 9);
    const proof = good.proof.split(',');
    expect(checkInclusion({ ...good, root: flip(good.root) })).toBe(false);
    expect(checkInclusion({ ...good, leafHash: flip(good.leafHash) })).toBe(false);
    for (let j = 0; j < proof.length; j++) expect(checkInclusion({ ...good, proof: proof.map((p, k) => (k === j ? flip(p) : p)).join(',') })).toBe(false);
    expect(checkInclusion({ ...good, proof: [...proof].reverse().join(',') })).toBe(false);
    expect(checkInclusion({ ...good, index: '4' })).toBe(false); // same proof length, other leaf
    expect(checkInclusion({ ...good, hash: other })).toBe(false);
  });

  it('valid consistency proofs hold; from = to holds with the empty proof and equal roots', async () => {
    for (const [from, to] of [[1, 2], [1, 8], [2, 5], [3, 7], [6, 8], [7, 9], [100, 255], [255, 256], [256, 257], [1, SIZE], [200, SIZE], [SIZE - 1, SIZE], [4, 4], [SIZE, SIZE]] as const) {
      expect(checkConsistency(await consistencyInput(alg, from, to)), `(${from}, ${to})`).toBe(true);
    }
  });

  it('well-formed but wrong consistency input is invalid, not malformed', async () => {
    const good = await consistencyInput(alg, 6, 8);
    const proof = good.proof.split(',');
    expect(checkConsistency({ ...good, oldRoot: flip(good.oldRoot) })).toBe(false);
    expect(checkConsistency({ ...good, newRoot: flip(good.newRoot) })).toBe(false);
    expect(checkConsistency({ ...good, oldRoot: good.newRoot, newRoot: good.oldRoot })).toBe(false);
    for (let j = 0; j < proof.length; j++) expect(checkConsistency({ ...good, proof: proof.map((p, k) => (k === j ? flip(p) : p)).join(',') })).toBe(false);
    expect(checkConsistency({ ...good, hash: other })).toBe(false);
    const same = await consistencyInput(alg, 4, 4);
    expect(checkConsistency({ ...same, newRoot: flip(same.newRoot) })).toBe(false);
  });
});

describe('sizes up to Number.MAX_SAFE_INTEGER', () => {
  // A tree of n identical entries: every complete subtree of a level has the same hash, so a
  // proof for any size is a few dozen hashes away.
  const h = treeHasher('sha256');
  const perfect: Buffer[] = [h.leaf(Buffer.from('同'))];
  for (let l = 1; l <= 53; l++) perfect.push(h.node(perfect[l - 1]!, perfect[l - 1]!));
  const mth = (r: { start: number; end: number }) => foldSubtrees(h, subtreesOf(r).map((n) => perfect[n.level]!));

  it('sizes next to 2^49 and 2^53 − 1 are accepted and verified', () => {
    const P = 2 ** 49;
    for (const [from, to] of [[P - 1, P + 1], [P + 1, P + 2], [P, P + 3], [2 ** 52 + 1, Number.MAX_SAFE_INTEGER], [3, Number.MAX_SAFE_INTEGER]] as [number, number][]) {
      const input = { from: String(from), to: String(to), oldRoot: hex(mth({ start: 0, end: from })), newRoot: hex(mth({ start: 0, end: to })), proof: list(consistencyRanges(from, to).map(mth)) };
      expect(checkConsistency(input), `(${from}, ${to})`).toBe(true);
    }
    for (const [index, size] of [[0, Number.MAX_SAFE_INTEGER], [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER], [P, P + 1]] as [number, number][]) {
      const input = { leafHash: hex(perfect[0]!), index: String(index), size: String(size), root: hex(mth({ start: 0, end: size })), proof: list(inclusionRanges(index, size).map(mth)) };
      expect(checkInclusion(input), `(${index}, ${size})`).toBe(true);
    }
  });
});

describe('malformed input', () => {
  let inc: InclusionInput;
  let con: ConsistencyInput;
  beforeAll(async () => {
    inc = await inclusionInput('sha256', 5, 9);
    con = await consistencyInput('sha256', 6, 8);
  });
  const H = 'ab'.repeat(32);

  it.each([
    ['md5'],
    ['SHA256'],
    ['sha-256'],
    ['SM3'],
    [''],
  ])('--hash %j is unknown', (hash) => {
    const e = inputError(() => checkInclusion({ ...inc, hash }));
    expect(e).toMatchObject({ code: 'PROOF_UNKNOWN_HASH', field: '--hash' });
    expect(e.message).toContain('sha256');
    expect(inputError(() => checkConsistency({ ...con, hash }))).toMatchObject({ code: 'PROOF_UNKNOWN_HASH', field: '--hash' });
  });

  it.each([['-1'], ['+1'], ['1.0'], ['1e3'], [' 1'], ['1 '], [''], ['0x10'], ['1_000'], ['١'], ['５'], ['12abc'], ['Infinity'], ['NaN'], ['9007199254740992'], ['99999999999999999999']])(
    'number %j is refused in every integer option',
    (raw) => {
      for (const field of ['index', 'size'] as const) {
        expect(inputError(() => checkInclusion({ ...inc, [field]: raw })), field).toMatchObject({ code: 'PROOF_BAD_NUMBER', field: `--${field}` });
      }
      for (const field of ['from', 'to'] as const) {
        expect(inputError(() => checkConsistency({ ...con, [field]: raw })), field).toMatchObject({ code: 'PROOF_BAD_NUMBER', field: `--${field}` });
      }
    },
  );

  it('leading zeros are still decimal', () => {
    expect(checkInclusion({ ...inc, index: '005', size: '09' })).toBe(true);
  });

  it('Number.MAX_SAFE_INTEGER is the largest size taken', () => {
    const size = String(Number.MAX_SAFE_INTEGER);
    const proof = Array.from({ length: inclusionRanges(0, Number.MAX_SAFE_INTEGER).length }, () => H).join(',');
    expect(checkInclusion({ ...inc, index: '0', size, proof })).toBe(false);
    expect(inputError(() => checkInclusion({ ...inc, index: '0', size: '9007199254740992', proof }))).toMatchObject({ code: 'PROOF_BAD_NUMBER', field: '--size' });
  });

  it('size 0 and from 0 are refused', () => {
    expect(inputError(() => checkInclusion({ ...inc, index: '0', size: '0', proof: '' }))).toMatchObject({ code: 'PROOF_SIZE_ZERO', field: '--size' });
    expect(inputError(() => checkConsistency({ ...con, from: '0' }))).toMatchObject({ code: 'PROOF_SIZE_ZERO', field: '--from' });
    expect(inputError(() => checkConsistency({ ...con, from: '0', to: '0', proof: '' }))).toMatchObject({ code: 'PROOF_SIZE_ZERO', field: '--from' });
  });

  it('an index at or past the size is refused', () => {
    for (const index of ['9', '10', '9007199254740991']) {
      const e = inputError(() => checkInclusion({ ...inc, index }));
      expect(e).toMatchObject({ code: 'PROOF_INDEX_OUT_OF_RANGE', field: '--index' });
      expect(e.message).toContain('--index 应小于 --size');
    }
  });

  it('from after to is refused', () => {
    expect(inputError(() => checkConsistency({ ...con, from: '9', to: '8' }))).toMatchObject({ code: 'PROOF_FROM_AFTER_TO', field: '--from' });
  });

  const hashFields = [
    ['--leaf-hash', (v: string) => checkInclusion({ ...inc, leafHash: v })],
    ['--root', (v: string) => checkInclusion({ ...inc, root: v })],
    ['--proof', (v: string) => checkInclusion({ ...inc, proof: [v, ...inc.proof.split(',').slice(1)].join(',') })],
    ['--old-root', (v: string) => checkConsistency({ ...con, oldRoot: v })],
    ['--new-root', (v: string) => checkConsistency({ ...con, newRoot: v })],
    ['--proof', (v: string) => checkConsistency({ ...con, proof: [v, ...con.proof.split(',').slice(1)].join(',') })],
  ] as const;

  it.each(hashFields)('%s must be lower-case hex', (field, check) => {
    for (const bad of ['g'.repeat(64), `0x${H.slice(2)}`, ` ${H.slice(1)}`, `${H.slice(0, 63)}-`, '中'.repeat(64), `${H.slice(0, 32)}:${H.slice(33)}`]) {
      expect(inputError(() => check(bad)), bad).toMatchObject({ code: 'PROOF_NOT_HEX', field });
    }
    const upper = inputError(() => check(H.toUpperCase()));
    expect(upper).toMatchObject({ code: 'PROOF_NOT_HEX', field });
    expect(upper.message).toContain('小写');
    expect(inputError(() => check(`${H.slice(0, 63)}F`))).toMatchObject({ code: 'PROOF_NOT_HEX', field });
  });

  it.each(hashFields)('%s must be 32 bytes', (field, check) => {
    for (const bad of ['', 'ab', H.slice(0, 62), H.slice(0, 63), `${H}a`, `${H}ab`, H + H]) {
      const e = inputError(() => check(bad));
      expect(e, `${bad.length} characters`).toMatchObject({ code: 'PROOF_BAD_HASH_LENGTH', field });
      expect(e.message).toContain('64');
    }
  });

  it('a proof element that is empty (stray comma) is a bad hash, naming its position', () => {
    const e = inputError(() => checkInclusion({ ...inc, proof: `${inc.proof},` }));
    expect(e).toMatchObject({ code: 'PROOF_BAD_HASH_LENGTH', field: '--proof' });
    expect(e.message).toContain('第 5 个'); // four hashes, then the empty one
    expect(inputError(() => checkInclusion({ ...inc, proof: `,${inc.proof}` }))).toMatchObject({ code: 'PROOF_BAD_HASH_LENGTH', field: '--proof' });
    expect(inputError(() => checkInclusion({ ...inc, proof: inc.proof.replace(',', ',,') }))).toMatchObject({ code: 'PROOF_BAD_HASH_LENGTH', field: '--proof' });
  });

  it('the proof must have the length the RFC gives for the sizes', async () => {
    const proof = inc.proof.split(',');
    expect(proof).toHaveLength(inclusionRanges(5, 9).length);
    const bad = (p: string[]) => inputError(() => checkInclusion({ ...inc, proof: p.join(',') }));
    expect(bad(proof.slice(0, -1))).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' });
    expect(bad([...proof, H])).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' });
    expect(bad([])).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' });
    expect(bad(proof.slice(0, -1)).message).toContain('应有 4 个哈希，收到 3 个');
    // Size 1 takes none; index 8 of 9 takes one.
    const one = await inclusionInput('sha256', 0, 1);
    expect(inputError(() => checkInclusion({ ...one, proof: H }))).toMatchObject({ code: 'PROOF_BAD_LENGTH' });
    expect(inputError(() => checkInclusion({ ...inc, index: '8' }))).toMatchObject({ code: 'PROOF_BAD_LENGTH' });

    const cproof = con.proof.split(',');
    expect(cproof).toHaveLength(consistencyRanges(6, 8).length);
    const cbad = (p: string[], from = con.from, to = con.to) => inputError(() => checkConsistency({ ...con, from, to, proof: p.join(',') }));
    expect(cbad(cproof.slice(1))).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' });
    expect(cbad([...cproof, H])).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' });
    expect(cbad([])).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' });
    expect(cbad([H], '8', '8')).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' }); // from = to takes none
    expect(cbad(cproof, '4', '8')).toMatchObject({ code: 'PROOF_BAD_LENGTH', field: '--proof' }); // 4 → 8 takes one
  });

  it('ProofInputError carries code, field and a Chinese message', () => {
    const e = inputError(() => checkInclusion({ ...inc, size: '0' }));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ProofInputError');
    expect(e.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
