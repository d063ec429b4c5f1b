import crypto from 'node:crypto';

/**
 * The Merkle tree of RFC 6962 / RFC 9162 §2.1, as pure functions. The database keeps subtree
 * hashes in tiles (tiles.ts); this file says which subtrees a root or a proof is made of and how
 * proofs are checked, so the same code serves the server and the offline verifier.
 */

export type HashAlg = 'sha256' | 'sm3';
export const HASH_ALGS: readonly HashAlg[] = ['sha256', 'sm3'];
export const HASH_SIZE = 32; // SHA-256 and SM3 both

export interface TreeHasher {
  alg: HashAlg;
  /** MTH of a one-entry list: H(0x00 ‖ entry) — the prefix keeps a leaf from posing as a node. */
  leaf(entry: Uint8Array): Buffer;
  /** H(0x01 ‖ left ‖ right). */
  node(left: Uint8Array, right: Uint8Array): Buffer;
  /** MTH of the empty list: the hash of the empty string. */
  empty(): Buffer;
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export function treeHasher(alg: HashAlg): TreeHasher {
  const h = () => crypto.createHash(alg); // 'sm3' is in Node's OpenSSL (GB/T 32905)
  return {
    alg,
    leaf: (entry) => h().update(LEAF).update(entry).digest(),
    node: (l, r) => h().update(NODE).update(l).update(r).digest(),
    empty: () => h().digest(),
  };
}

/** Leaves [start, end) of the tree. */
export interface Range {
  start: number;
  end: number;
}

/** A complete subtree: 2^level leaves starting at index · 2^level. */
export interface NodeId {
  level: number;
  index: number;
}

/** The largest power of two smaller than n (n ≥ 2): RFC 9162's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * PATH(m, D[n]) of RFC 9162 §2.1.3.1 as the ranges whose MTH are the proof's hashes, in proof
 * order (leaf side first).
 */
export function inclusionRanges(index: number, size: number): Range[] {
  const out: Range[] = [];
  const walk = (m: number, start: number, n: number): void => {
    if (n === 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, k);
      out.push({ start: start + k, end: start + n });
    } else {
      walk(m - k, start + k, n - k);
      out.push({ start, end: start + k });
    }
  };
  walk(index, 0, size);
  return out;
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1 (0 < m < n) as ranges, in proof order. */
export function consistencyRanges(m: number, n: number): Range[] {
  const out: Range[] = [];
  const sub = (m: number, start: number, n: number, whole: boolean): void => {
    if (m === n) {
      if (!whole) out.push({ start, end: start + n });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, k, whole);
      out.push({ start: start + k, end: start + n });
    } else {
      sub(m - k, start + k, n - k, false);
      out.push({ start, end: start + k });
    }
  };
  if (m > 0 && m < n) sub(m, 0, n, true);
  return out;
}

/**
 * The complete subtrees that make up a range, left to right, biggest first: how the RFC's
 * recursive MTH(D[start:end]) splits when start is aligned (every range a proof asks for is).
 */
export function subtreesOf(r: Range): NodeId[] {
  const out: NodeId[] = [];
  let start = r.start;
  while (start < r.end) {
    let size = 1;
    // grow while the subtree stays aligned on start and inside the range
    while (start % (size * 2) === 0 && start + size * 2 <= r.end) size *= 2;
    out.push({ level: Math.log2(size), index: start / size });
    start += size;
  }
  return out;
}

/** MTH of a range from the hashes of its subtrees (subtreesOf order): folded right to left. */
export function foldSubtrees(h: TreeHasher, hashes: Buffer[]): Buffer {
  if (hashes.length === 0) return h.empty();
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = h.node(hashes[i]!, acc);
  return acc;
}

/** MTH of a perfect tree of 2^k hashes (a full tile, or a node inside one). */
export function perfectRoot(h: TreeHasher, hashes: Buffer[]): Buffer {
  let level = hashes;
  while (level.length > 1) {
    const up: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) up.push(h.node(level[i]!, level[i + 1]!));
    level = up;
  }
  return level[0]!;
}

/**
 * A running MTH over a stream of leaf hashes: keeps one hash per complete subtree on the right
 * edge (log₂ n of them), so `verify` recomputes a 10M-entry root in constant memory.
 */
export class RootAccumulator {
  private readonly stack: { level: number; hash: Buffer }[] = [];
  size = 0;
  constructor(private readonly h: TreeHasher) {}

  push(leafHash: Buffer): void {
    let node = { level: 0, hash: leafHash };
    for (let top = this.stack.at(-1); top && top.level === node.level; top = this.stack.at(-1)) {
      this.stack.pop();
      node = { level: node.level + 1, hash: this.h.node(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.size++;
  }

  root(): Buffer {
    return foldSubtrees(this.h, this.stack.map((s) => s.hash));
  }
}

const isOdd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2); // not >>: sizes may pass 2^31

/** RFC 9162 §2.1.3.2. Inputs must already be well-formed (see proofs.ts for the checks). */
export function verifyInclusion(h: TreeHasher, leafHash: Buffer, index: number, size: number, proof: Buffer[], root: Buffer): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = h.node(p, r);
      if (!isOdd(fn)) {
        do {
          fn = half(fn);
          sn = half(sn);
        } while (!isOdd(fn) && fn !== 0);
      }
    } else {
      r = h.node(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2; m = n holds with an empty proof when the roots are equal. */
export function verifyConsistency(h: TreeHasher, m: number, n: number, proof: Buffer[], oldRoot: Buffer, newRoot: Buffer): boolean {
  if (m < 1 || m > n) return false;
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  if (proof.length === 0) return false;
  const path = 2 ** Math.round(Math.log2(m)) === m ? [oldRoot, ...proof] : proof; // exact: log2 rounds to an integer near 2^49 and up
  let fn = m - 1;
  let sn = n - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = h.node(c, fr);
      sr = h.node(c, sr);
      if (!isOdd(fn)) {
        do {
          fn = half(fn);
          sn = half(sn);
        } while (!isOdd(fn) && fn !== 0);
      }
    } else {
      sr = h.node(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(oldRoot) && sr.equals(newRoot) && sn === 0;
}
