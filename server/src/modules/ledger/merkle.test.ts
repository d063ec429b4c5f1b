import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MemoryTiles } from './memory-tiles.ts';
import {
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  RootAccumulator,
  subtreesOf,
  treeHasher,
  verifyConsistency,
  verifyInclusion,
  type HashAlg,
  type TreeHasher,
} from './merkle.ts';
import { consistencyProof, inclusionProof, rootAt } from './proofs.ts';
import { TILE_WIDTH, tileKey, tilesAfterAppend } from './tiles.ts';

/*
 * ─── Reference ────────────────────────────────────────────────────────────────────────────────
 * RFC 9162 §2.1.1 (MTH), §2.1.3.1 (PATH) and §2.1.4.1 (PROOF / SUBPROOF) transcribed as written:
 * recursive over the list D[n], hashing with node:crypto directly. Nothing here comes from the
 * production code; the production answers are compared against it.
 *
 * D[n] is an interface so one transcription serves two kinds of list: real leaf data (an array,
 * D[a:b] a window on it), and a list of n identical entries, whose MTH depends on n alone, so
 * sizes near 2^53 can be checked without 2^53 leaves.
 */

const HASH = (alg: HashAlg, ...parts: Uint8Array[]): Buffer => {
  const h = crypto.createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest();
};
const X00 = Uint8Array.of(0x00);
const X01 = Uint8Array.of(0x01);

interface RefList {
  readonly alg: HashAlg;
  readonly length: number;
  /** D[a:b]. */
  slice(a: number, b: number): RefList;
  /** d(0) of a one-entry list. */
  entry(): Uint8Array;
  /** MTH is pure; the list remembers it so the recursion stays linear. */
  remember(compute: () => Buffer): Buffer;
}

function arrayList(alg: HashAlg, data: readonly Uint8Array[], lo = 0, hi = data.length, memo = new Map<string, Buffer>()): RefList {
  return {
    alg,
    length: hi - lo,
    slice: (a, b) => arrayList(alg, data, lo + a, lo + b, memo),
    entry: () => data[lo]!,
    remember: (compute) => {
      const key = `${lo}:${hi}`;
      let v = memo.get(key);
      if (!v) memo.set(key, (v = compute()));
      return v;
    },
  };
}

/** n copies of one entry. */
function uniformList(alg: HashAlg, entry: Uint8Array, n: number, memo = new Map<number, Buffer>()): RefList {
  return {
    alg,
    length: n,
    slice: (a, b) => uniformList(alg, entry, b - a, memo),
    entry: () => entry,
    remember: (compute) => {
      let v = memo.get(n);
      if (!v) memo.set(n, (v = compute()));
      return v;
    },
  };
}

/** "k is the largest power of two smaller than n (i.e., k < n <= 2k)". */
function refK(n: number): number {
  let k = 1;
  while (2 * k < n) k *= 2;
  return k;
}

/** §2.1.1 */
function MTH(D: RefList): Buffer {
  return D.remember(() => {
    const n = D.length;
    if (n === 0) return HASH(D.alg);
    if (n === 1) return HASH(D.alg, X00, D.entry());
    const k = refK(n);
    return HASH(D.alg, X01, MTH(D.slice(0, k)), MTH(D.slice(k, n)));
  });
}

/** §2.1.3.1 */
function PATH(m: number, D: RefList): Buffer[] {
  const n = D.length;
  if (n === 1) return [];
  const k = refK(n);
  if (m < k) return [...PATH(m, D.slice(0, k)), MTH(D.slice(k, n))];
  return [...PATH(m - k, D.slice(k, n)), MTH(D.slice(0, k))];
}

/** §2.1.4.1 */
function PROOF(m: number, D: RefList): Buffer[] {
  return SUBPROOF(m, D, true);
}

function SUBPROOF(m: number, D: RefList, b: boolean): Buffer[] {
  const n = D.length;
  if (m === n) return b ? [] : [MTH(D)];
  const k = refK(n);
  if (m <= k) return [...SUBPROOF(m, D.slice(0, k), b), MTH(D.slice(k, n))];
  return [...SUBPROOF(m - k, D.slice(k, n), false), MTH(D.slice(0, k))];
}

/**
 * The shape of PATH(m, D[n]): on which side each proof hash sits. The verifier sees only sizes and
 * hashes, so a proof for (m, n) also verifies as (m, n′) against the same root whenever both have
 * this shape — the size is authenticated with the root (the signed tree head), not by the proof.
 */
function pathShape(m: number, n: number): string {
  if (n === 1) return '';
  const k = refK(n);
  return m < k ? `${pathShape(m, k)}R` : `${pathShape(m - k, n - k)}L`;
}

/** Same for SUBPROOF: how it starts (the old root itself, or a subtree hash it sends), then sides. */
function proofShape(m: number, n: number, b = true): string {
  if (m === n) return b ? 'root:' : 'node:';
  const k = refK(n);
  return m <= k ? `${proofShape(m, k, b)}R` : `${proofShape(m - k, n - k, false)}L`;
}

// ─── Helpers ──────────────────────────────────────────────────────────────────────────────────

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const hexes = (bs: Uint8Array[]) => bs.map(hex);
const unhex = (s: string) => Buffer.from(s, 'hex');

function flipBit(b: Buffer, bit: number): Buffer {
  const c = Buffer.from(b);
  const i = (bit >> 3) % c.length;
  c.writeUInt8(c.readUInt8(i) ^ (1 << (bit & 7)), i);
  return c;
}

/** Batch sizes cycling through `pattern` until they add up to `total`. */
function batches(total: number, pattern: number[]): number[] {
  const out: number[] = [];
  for (let sum = 0, i = 0; sum < total; i++) {
    const b = Math.min(pattern[i % pattern.length]!, total - sum);
    out.push(b);
    sum += b;
  }
  return out;
}

const PATTERNS: Record<string, number[]> = {
  'one at a time': [1],
  'primes (partial tiles extended)': [1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31],
  'powers of two': [2, 4, 8, 16, 32],
  'all at once': [Number.MAX_SAFE_INTEGER],
};

/**
 * Appends leaves in the given batches. After each batch: the new root against the reference, and
 * the tiles only ever extended (a written tile starts with what was stored under its id).
 */
async function build(h: TreeHasher, leafHashes: Buffer[], sizes: number[], D: RefList): Promise<MemoryTiles> {
  const store = new MemoryTiles(h);
  for (const b of sizes) {
    const before = new Map(store.tiles);
    const writes = await store.append(leafHashes.slice(store.size, store.size + b));
    for (const t of writes) {
      const old = before.get(tileKey(t));
      if (old) expect(t.hashes.subarray(0, old.hashes.length).equals(old.hashes), `tile ${tileKey(t)} rewritten`).toBe(true);
    }
    expect(hex(await rootAt(h, store.size, store.read)), `root after appending to ${store.size}`).toBe(hex(MTH(D.slice(0, store.size))));
  }
  return store;
}

/** What the tiles must hold, computed from the reference: level t has the MTH of each 256^t block. */
function expectTiles(store: MemoryTiles, D: RefList): void {
  const expected = new Map<string, Buffer>();
  for (let level = 0, block = 1; block <= D.length; level++, block *= TILE_WIDTH) {
    const count = Math.floor(D.length / block);
    for (let index = 0; index * TILE_WIDTH < count; index++) {
      const hashes: Buffer[] = [];
      for (let j = index * TILE_WIDTH; j < Math.min(count, (index + 1) * TILE_WIDTH); j++) hashes.push(MTH(D.slice(j * block, (j + 1) * block)));
      expected.set(`${level}/${index}`, Buffer.concat(hashes));
    }
  }
  expect([...store.tiles.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, hashes] of expected) expect(hex(store.tiles.get(key)!.hashes), `tile ${key}`).toBe(hex(hashes));
}

/**
 * Collects what went wrong instead of one `expect` per probe (there are ~10⁵ probes a hash); the
 * test then asserts the list is empty, which also shows every failing probe at once.
 */
class Probe {
  readonly failures: string[] = [];
  is(got: boolean, want: boolean, what: string): void {
    if (got !== want) this.failures.push(`${what}: got ${String(got)}`);
  }
}

/**
 * The wrong values tried for a size or index x: all of 0..limit for small trees, else the
 * neighbours and the bit-twiddled values a confused caller would send.
 */
function wrong(x: number, limit: number): number[] {
  if (limit <= 20) return Array.from({ length: limit + 1 }, (_, v) => v).filter((v) => v !== x);
  const near = [0, 1, 2, x - 3, x - 2, x - 1, x + 1, x + 2, x + 3, x ^ 1, x ^ 2, x ^ 4, x * 2, x * 2 + 1, Math.floor(x / 2), limit - 1, limit];
  return [...new Set(near)].filter((v) => v >= 0 && v !== x);
}

function checkInclusionVerifier(t: Probe, h: TreeHasher, leaf: Buffer, i: number, n: number, proof: Buffer[], root: Buffer, roots: Buffer[]): void {
  const at = `(${i}, ${n})`;
  const v = (l: Buffer, j: number, s: number, p: Buffer[], r: Buffer) => verifyInclusion(h, l, j, s, p, r);
  t.is(v(leaf, i, n, proof, root), true, `accepts ${at}`);
  proof.forEach((_, j) => {
    const bad = proof.map((p, k) => (k === j ? flipBit(p, j * 37 + i) : p));
    t.is(v(leaf, i, n, bad, root), false, `flipped proof[${j}] ${at}`);
  });
  t.is(v(flipBit(leaf, i), i, n, proof, root), false, `flipped leaf ${at}`);
  t.is(v(leaf, i, n, proof, flipBit(root, n)), false, `flipped root ${at}`);
  for (const other of roots) if (!other.equals(root)) t.is(v(leaf, i, n, proof, other), false, `other root ${at}`);
  for (const j of wrong(i, n + 1)) t.is(v(leaf, j, n, proof, root), false, `index ${j} ${at}`);
  // A wrong size verifies exactly when the path has the same shape (see pathShape).
  for (const s of wrong(n, 2 * n + 2)) {
    const same = i < s && pathShape(i, s) === pathShape(i, n);
    t.is(v(leaf, i, s, proof, root), same, `size ${s} ${at}`);
  }
  const extra = HASH(h.alg, Buffer.from('extra'));
  t.is(v(leaf, i, n, [...proof, extra], root), false, `extended ${at}`);
  t.is(v(leaf, i, n, [extra, ...proof], root), false, `prefixed ${at}`);
  t.is(v(leaf, i, n, [...proof, root], root), false, `extended with the root ${at}`);
  if (proof.length > 0) {
    t.is(v(leaf, i, n, proof.slice(0, -1), root), false, `truncated ${at}`);
    t.is(v(leaf, i, n, proof.slice(1), root), false, `first dropped ${at}`);
  }
  if (proof.length > 1 && !proof[0]!.equals(proof[1]!)) {
    t.is(v(leaf, i, n, [proof[1]!, proof[0]!, ...proof.slice(2)], root), false, `swapped ${at}`);
  }
}

function checkConsistencyVerifier(t: Probe, h: TreeHasher, m: number, n: number, proof: Buffer[], oldRoot: Buffer, newRoot: Buffer): void {
  const at = `(${m}, ${n})`;
  const v = (a: number, b: number, p: Buffer[], r1: Buffer, r2: Buffer) => verifyConsistency(h, a, b, p, r1, r2);
  t.is(v(m, n, proof, oldRoot, newRoot), true, `accepts ${at}`);
  proof.forEach((_, j) => {
    const bad = proof.map((p, k) => (k === j ? flipBit(p, j * 41 + m + n) : p));
    t.is(v(m, n, bad, oldRoot, newRoot), false, `flipped proof[${j}] ${at}`);
  });
  t.is(v(m, n, proof, flipBit(oldRoot, m), newRoot), false, `flipped old root ${at}`);
  t.is(v(m, n, proof, oldRoot, flipBit(newRoot, n)), false, `flipped new root ${at}`);
  t.is(v(m, n, proof, newRoot, oldRoot), false, `roots swapped ${at}`);
  // Wrong sizes: accepted exactly when SUBPROOF has the same shape (see proofShape).
  for (const s of wrong(m, n + 1)) {
    const same = s > 0 && s < n && proofShape(s, n) === proofShape(m, n);
    t.is(v(s, n, proof, oldRoot, newRoot), same, `from ${s} ${at}`);
  }
  for (const s of wrong(n, 2 * n + 2)) {
    const same = s > m && proofShape(m, s) === proofShape(m, n);
    t.is(v(m, s, proof, oldRoot, newRoot), same, `to ${s} ${at}`);
  }
  const extra = HASH(h.alg, Buffer.from('extra'));
  t.is(v(m, n, [...proof, extra], oldRoot, newRoot), false, `extended ${at}`);
  t.is(v(m, n, [extra, ...proof], oldRoot, newRoot), false, `prefixed ${at}`);
  t.is(v(m, n, [oldRoot, ...proof], oldRoot, newRoot), false, `old root prepended ${at}`);
  t.is(v(m, n, proof.slice(0, -1), oldRoot, newRoot), false, `truncated ${at}`);
  t.is(v(m, n, proof.slice(1), oldRoot, newRoot), false, `first dropped ${at}`);
  t.is(v(m, n, [], oldRoot, newRoot), false, `empty ${at}`);
  if (proof.length > 1 && !proof[0]!.equals(proof[1]!)) {
    t.is(v(m, n, [proof[1]!, proof[0]!, ...proof.slice(2)], oldRoot, newRoot), false, `swapped ${at}`);
  }
}

// ─── Known answers ────────────────────────────────────────────────────────────────────────────

// RFC 6962 test data of the Certificate Transparency reference (transparency-dev/merkle
// testonly): leaves, then the root of the first n for n = 0..8.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// The same test data's proofs (leaf index 0-based here).
const CT_INCLUSION: [number, number, string[]][] = [
  [0, 1, []],
  [0, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [5, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [1, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
const CT_CONSISTENCY: [number, number, string[]][] = [
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];

describe('RFC 6962 known answers (SHA-256, Certificate Transparency test data)', () => {
  const h = treeHasher('sha256');
  const D = arrayList('sha256', CT_LEAVES);

  it('the reference gives the published roots', () => {
    for (let n = 0; n <= 8; n++) expect(hex(MTH(D.slice(0, n))), `MTH(D[${n}])`).toBe(CT_ROOTS[n]);
    // The two the ledger's documentation quotes.
    expect(hex(MTH(D))).toBe('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328');
    expect(hex(MTH(D.slice(0, 1)))).toBe('6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d');
  });

  it('the reference gives the published proofs', () => {
    for (const [i, n, proof] of CT_INCLUSION) expect(hexes(PATH(i, D.slice(0, n))), `PATH(${i}, D[${n}])`).toEqual(proof);
    for (const [m, n, proof] of CT_CONSISTENCY) expect(hexes(PROOF(m, D.slice(0, n))), `PROOF(${m}, D[${n}])`).toEqual(proof);
  });

  it('production roots, proofs and verifiers give the published answers', async () => {
    const store = new MemoryTiles(h);
    await store.append(CT_LEAVES.map((e) => h.leaf(e)));
    expect(hex(h.empty())).toBe(CT_ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(hex(await rootAt(h, n, store.read)), `rootAt(${n})`).toBe(CT_ROOTS[n]);
    for (const [i, n, proof] of CT_INCLUSION) {
      expect(hexes(await inclusionProof(h, i, n, store.read)), `inclusionProof(${i}, ${n})`).toEqual(proof);
      expect(verifyInclusion(h, h.leaf(CT_LEAVES[i]!), i, n, proof.map(unhex), unhex(CT_ROOTS[n]!))).toBe(true);
    }
    for (const [m, n, proof] of CT_CONSISTENCY) {
      expect(hexes(await consistencyProof(h, m, n, store.read)), `consistencyProof(${m}, ${n})`).toEqual(proof);
      expect(verifyConsistency(h, m, n, proof.map(unhex), unhex(CT_ROOTS[m]!), unhex(CT_ROOTS[n]!))).toBe(true);
    }
  });

  it('node:crypto "sm3" is GB/T 32905 SM3 (the standard\'s examples)', () => {
    expect(hex(HASH('sm3', Buffer.from('abc')))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hex(HASH('sm3', Buffer.from('abcd'.repeat(16))))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('a wrong size with the same path shape verifies: the size must come with the root', () => {
    // PATH(0, D[3]) = [h1, MTH(D[2:3])]; a 4-leaf tree's leaf 0 has the same right, right shape.
    const proof = PATH(0, D.slice(0, 3));
    expect(verifyInclusion(h, h.leaf(CT_LEAVES[0]!), 0, 4, proof, unhex(CT_ROOTS[3]!))).toBe(true);
    expect(verifyInclusion(h, h.leaf(CT_LEAVES[0]!), 0, 4, proof, unhex(CT_ROOTS[4]!))).toBe(false);
  });
});

// ─── Every size up to 64, both hashes ────────────────────────────────────────────────────────

const N = 64;
/** The CT leaves first, then entries of assorted lengths (including 0 and > one hash block). */
const LEAF_DATA: Buffer[] = [
  ...CT_LEAVES,
  ...Array.from({ length: 2000 }, (_, i) => Buffer.from(`天平 ledger entry ${i} `.repeat(i % 9), 'utf8')),
];

describe.each<HashAlg>(['sha256', 'sm3'])('%s tree', (alg) => {
  const h = treeHasher(alg);
  const data = LEAF_DATA.slice(0, N);
  const D = arrayList(alg, data);
  const leafHashes = data.map((e) => h.leaf(e));
  const refRoots = Array.from({ length: N + 1 }, (_, n) => MTH(D.slice(0, n)));

  it('treeHasher matches the RFC hashes', () => {
    expect(hex(h.empty())).toBe(hex(HASH(alg)));
    for (const e of data) expect(hex(h.leaf(e))).toBe(hex(HASH(alg, X00, e)));
    expect(hex(h.node(leafHashes[0]!, leafHashes[1]!))).toBe(hex(HASH(alg, X01, leafHashes[0]!, leafHashes[1]!)));
  });

  it.each(Object.entries(PATTERNS))('rootAt is MTH for every size 0..64, leaves appended %s', async (_, pattern) => {
    const store = await build(h, leafHashes, batches(N, pattern), D);
    for (let n = 0; n <= N; n++) expect(hex(await rootAt(h, n, store.read)), `rootAt(${n})`).toBe(hex(refRoots[n]!));
    expectTiles(store, D);
  });

  it('RootAccumulator gives MTH at every size', () => {
    const acc = new RootAccumulator(h);
    expect(hex(acc.root())).toBe(hex(refRoots[0]!));
    for (let n = 1; n <= N; n++) {
      acc.push(leafHashes[n - 1]!);
      expect(acc.size).toBe(n);
      expect(hex(acc.root()), `size ${n}`).toBe(hex(refRoots[n]!));
    }
  });

  it('inclusionProof is PATH for every i < n ≤ 64, read when the tree had n leaves and after it grew to 64', async () => {
    const store = new MemoryTiles(h);
    const grown = await build(h, leafHashes, batches(N, PATTERNS['primes (partial tiles extended)']!), D);
    let count = 0;
    for (let n = 1; n <= N; n++) {
      await store.append([leafHashes[n - 1]!]);
      for (let i = 0; i < n; i++) {
        const ref = hexes(PATH(i, D.slice(0, n)));
        expect(hexes(await inclusionProof(h, i, n, store.read)), `inclusionProof(${i}, ${n}) at size ${n}`).toEqual(ref);
        expect(hexes(await inclusionProof(h, i, n, grown.read)), `inclusionProof(${i}, ${n}) at size ${N}`).toEqual(ref);
        expect(inclusionRanges(i, n)).toHaveLength(ref.length);
        count++;
      }
    }
    expect(count).toBe((N * (N + 1)) / 2);
  });

  it('consistencyProof is PROOF for every 0 < m < n ≤ 64, read at size n and at 64', async () => {
    const store = new MemoryTiles(h);
    const grown = await build(h, leafHashes, batches(N, PATTERNS['powers of two']!), D);
    let count = 0;
    for (let n = 1; n <= N; n++) {
      await store.append([leafHashes[n - 1]!]);
      for (let m = 1; m < n; m++) {
        const ref = hexes(PROOF(m, D.slice(0, n)));
        expect(hexes(await consistencyProof(h, m, n, store.read)), `consistencyProof(${m}, ${n}) at size ${n}`).toEqual(ref);
        expect(hexes(await consistencyProof(h, m, n, grown.read)), `consistencyProof(${m}, ${n}) at size ${N}`).toEqual(ref);
        expect(consistencyRanges(m, n)).toHaveLength(ref.length);
        count++;
      }
      expect(consistencyRanges(n, n)).toEqual([]);
    }
    expect(count).toBe((N * (N - 1)) / 2);
  });

  it('verifyInclusion accepts every PATH and rejects flipped bits, wrong leaf/index/size/root, truncation and extension', () => {
    const t = new Probe();
    for (let n = 1; n <= N; n++) {
      for (let i = 0; i < n; i++) checkInclusionVerifier(t, h, leafHashes[i]!, i, n, PATH(i, D.slice(0, n)), refRoots[n]!, [refRoots[n - 1]!, refRoots[Math.min(n + 1, N)]!]);
    }
    expect(t.failures).toEqual([]);
  });

  it('verifyConsistency accepts every PROOF and rejects flipped bits, wrong sizes/roots, truncation and extension', () => {
    const t = new Probe();
    for (let n = 2; n <= N; n++) {
      for (let m = 1; m < n; m++) checkConsistencyVerifier(t, h, m, n, PROOF(m, D.slice(0, n)), refRoots[m]!, refRoots[n]!);
    }
    expect(t.failures).toEqual([]);
  });

  it('verifyConsistency: m = n holds with an empty proof and equal roots only; m = 0 and m > n never', () => {
    for (let n = 1; n <= N; n++) {
      const r = refRoots[n]!;
      expect(verifyConsistency(h, n, n, [], r, r)).toBe(true);
      expect(verifyConsistency(h, n, n, [], r, flipBit(r, 3))).toBe(false);
      expect(verifyConsistency(h, n, n, [r], r, r)).toBe(false);
      expect(verifyConsistency(h, 0, n, [], refRoots[0]!, r)).toBe(false);
      expect(verifyConsistency(h, n + 1, n, [], r, r)).toBe(false);
    }
  });
});

// ─── Tile boundaries ──────────────────────────────────────────────────────────────────────────

describe.each<HashAlg>(['sha256', 'sm3'])('%s tiles across boundaries', (alg) => {
  const h = treeHasher(alg);

  it('600 leaves: every root, every proof at sizes around 256 and 512, tiles as the reference says', async () => {
    const total = 600;
    const data = LEAF_DATA.slice(0, total);
    const D = arrayList(alg, data);
    const leafHashes = data.map((e) => h.leaf(e));
    const stores: MemoryTiles[] = [];
    for (const pattern of [[1], [1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97], [255, 1, 256, 3, 250], [257], [total]]) {
      const store = await build(h, leafHashes, batches(total, pattern), D);
      expectTiles(store, D);
      stores.push(store);
    }
    const store = stores[1]!;
    for (let n = 0; n <= total; n++) expect(hex(await rootAt(h, n, store.read)), `rootAt(${n})`).toBe(hex(MTH(D.slice(0, n))));

    const acc = new RootAccumulator(h);
    for (let n = 1; n <= total; n++) {
      acc.push(leafHashes[n - 1]!);
      if (n % 17 === 0 || n === total || [255, 256, 257, 511, 512, 513].includes(n)) expect(hex(acc.root()), `accumulator ${n}`).toBe(hex(MTH(D.slice(0, n))));
    }

    // Every inclusion proof at 600; every 7th (3rd for consistency at 600) plus the tile edges otherwise.
    for (const n of [255, 256, 257, 511, 512, 513, 600]) {
      const Dn = D.slice(0, n);
      const root = MTH(Dn);
      const edge = (x: number) => [1, 2, 127, 128, 254, 255, 256, 257, 510, 511, 512, n - 1].includes(x);
      for (let i = 0; i < n; i++) {
        if (n !== total && i % 7 !== 0 && !edge(i)) continue;
        const proof = await inclusionProof(h, i, n, store.read);
        expect(hexes(proof), `inclusionProof(${i}, ${n})`).toEqual(hexes(PATH(i, Dn)));
        expect(verifyInclusion(h, leafHashes[i]!, i, n, proof, root), `verifyInclusion(${i}, ${n})`).toBe(true);
      }
      for (let m = 1; m < n; m++) {
        if (m % (n === total ? 3 : 7) !== 0 && !edge(m)) continue;
        const proof = await consistencyProof(h, m, n, store.read);
        expect(hexes(proof), `consistencyProof(${m}, ${n})`).toEqual(hexes(PROOF(m, Dn)));
        expect(verifyConsistency(h, m, n, proof, MTH(D.slice(0, m)), root), `verifyConsistency(${m}, ${n})`).toBe(true);
      }
    }
  });

  it('stores built to exactly 255, 256, 257, 511, 512, 513 leaves (the right edge at a tile boundary)', async () => {
    const D = arrayList(alg, LEAF_DATA.slice(0, 513));
    const leafHashes = LEAF_DATA.slice(0, 513).map((e) => h.leaf(e));
    for (const n of [255, 256, 257, 511, 512, 513]) {
      const store = await build(h, leafHashes, batches(n, [100, 155, 1, 255]), D);
      expect(store.size).toBe(n);
      expectTiles(store, D.slice(0, n));
      const Dn = D.slice(0, n);
      const sample = [...new Set([0, 1, 2, 127, 128, 254, 255, 256, 257, 300, 510, 511, 512, n - 2, n - 1])].filter((x) => x >= 0 && x < n);
      for (const i of sample) expect(hexes(await inclusionProof(h, i, n, store.read)), `inclusionProof(${i}, ${n})`).toEqual(hexes(PATH(i, Dn)));
      for (const m of sample.filter((x) => x > 0)) expect(hexes(await consistencyProof(h, m, n, store.read)), `consistencyProof(${m}, ${n})`).toEqual(hexes(PROOF(m, Dn)));
    }
  });

  it('66 000 leaves: the second tile level (65 536) — roots, sampled proofs, tiles', async () => {
    const total = 66_000;
    const data = Array.from({ length: total }, (_, i) => Buffer.from(`entry ${i}`));
    const D = arrayList(alg, data);
    const leafHashes = data.map((e) => h.leaf(e));
    const store = await build(h, leafHashes, batches(total, [1, 255, 256, 4097, 10_007, 257, 50_000]), D);
    expectTiles(store, D);
    expect(store.tiles.get('2/0')?.hashes.length).toBe(32);

    const sizes = [65_280, 65_535, 65_536, 65_537, 65_792, 65_793, total];
    const acc = new RootAccumulator(h);
    for (let n = 1; n <= total; n++) {
      acc.push(leafHashes[n - 1]!);
      if (sizes.includes(n)) expect(hex(acc.root()), `accumulator ${n}`).toBe(hex(MTH(D.slice(0, n))));
    }
    for (const n of sizes) {
      const Dn = D.slice(0, n);
      expect(hex(await rootAt(h, n, store.read)), `rootAt(${n})`).toBe(hex(MTH(Dn)));
      const sample = [0, 1, 255, 256, 65_279, 65_280, 65_534, 65_535, 65_536, 65_537, 65_791, 65_792, n - 1].filter((x) => x < n);
      for (const i of sample) {
        const proof = await inclusionProof(h, i, n, store.read);
        expect(hexes(proof), `inclusionProof(${i}, ${n})`).toEqual(hexes(PATH(i, Dn)));
        expect(verifyInclusion(h, leafHashes[i]!, i, n, proof, MTH(Dn))).toBe(true);
      }
      for (const m of [1, 2, 3, 256, 257, 4096, 65_535, 65_536, 65_537, 65_792, ...sizes].filter((x) => x > 0 && x < n)) {
        const proof = await consistencyProof(h, m, n, store.read);
        expect(hexes(proof), `consistencyProof(${m}, ${n})`).toEqual(hexes(PROOF(m, Dn)));
        expect(verifyConsistency(h, m, n, proof, MTH(D.slice(0, m)), MTH(Dn))).toBe(true);
      }
    }
  });

  it('tilesAfterAppend refuses an edge tile of the wrong width', async () => {
    const leaves = LEAF_DATA.slice(0, 3).map((e) => h.leaf(e));
    const short = Buffer.concat(leaves.slice(0, 1));
    await expect(tilesAfterAppend(h, 2, leaves.slice(2), () => Promise.resolve(short))).rejects.toThrow(/expected 64/);
    await expect(tilesAfterAppend(h, 2, leaves.slice(2), () => Promise.resolve(undefined))).rejects.toThrow(/holds 0 bytes/);
  });
});

// ─── Sizes near 2^53 ──────────────────────────────────────────────────────────────────────────

describe.each<HashAlg>(['sha256', 'sm3'])('%s at sizes up to Number.MAX_SAFE_INTEGER (n identical entries)', (alg) => {
  const h = treeHasher(alg);
  const entry = Buffer.from('same');
  const U = uniformList(alg, entry, Number.MAX_SAFE_INTEGER);
  const leaf = HASH(alg, X00, entry);
  // The hash of a complete subtree of 2^level identical leaves.
  const perfect = (level: number): Buffer => MTH(U.slice(0, 2 ** level));
  /** MTH of a range from production's decomposition, for the shape of the range functions. */
  const viaSubtrees = (r: { start: number; end: number }) => foldSubtrees(h, subtreesOf(r).map((node) => perfect(node.level)));

  const P = 2 ** 49;
  const sizes = [P + 1, P + 2, 2 ** 50 + 3, 2 ** 52 + 1, 2 ** 52 + 5, 2 ** 53 - 2, Number.MAX_SAFE_INTEGER, 2 ** 40, 2 ** 40 + 1, 2 ** 31 + 7, 2 ** 32 + 1];

  it('inclusion: PATH verifies, and inclusionRanges has its length and hashes', () => {
    for (const n of sizes) {
      for (const i of [0, 1, n - 2, n - 1, Math.floor(n / 2), 2 ** 31, 2 ** 32 - 1].filter((x) => x < n)) {
        const path = PATH(i, U.slice(0, n));
        const root = MTH(U.slice(0, n));
        expect(verifyInclusion(h, leaf, i, n, path, root), `verifyInclusion(${i}, ${n})`).toBe(true);
        expect(verifyInclusion(h, leaf, i, n, path.slice(0, -1), root), `truncated (${i}, ${n})`).toBe(false);
        expect(hexes(inclusionRanges(i, n).map(viaSubtrees)), `inclusionRanges(${i}, ${n})`).toEqual(hexes(path));
      }
    }
  });

  it('consistency: PROOF verifies, and consistencyRanges has its length and hashes (m just above a power of two included)', () => {
    for (const n of sizes) {
      for (const m of [1, 2, 3, P - 1, P, P + 1, 2 ** 50 + 1, 2 ** 52, 2 ** 52 + 1, 2 ** 52 + 3, n - 1, 2 ** 31 + 1, 2 ** 32].filter((x) => x > 0 && x < n)) {
        const proof = PROOF(m, U.slice(0, n));
        const [oldRoot, newRoot] = [MTH(U.slice(0, m)), MTH(U.slice(0, n))];
        expect(verifyConsistency(h, m, n, proof, oldRoot, newRoot), `verifyConsistency(${m}, ${n})`).toBe(true);
        expect(verifyConsistency(h, m, n, proof.slice(0, -1), oldRoot, newRoot), `truncated (${m}, ${n})`).toBe(false);
        expect(hexes(consistencyRanges(m, n).map(viaSubtrees)), `consistencyRanges(${m}, ${n})`).toEqual(hexes(proof));
      }
    }
  });
});
