/**
 * Deterministic randomness for the demo data. Everything is keyed by (library, row index, seed) so
 * row i can be produced on its own — a 1M-row file does not replay rows 0..i-1, and two machines
 * (or two orders of generation) give byte-identical rows. Only 32-bit integer maths is used, so the
 * results do not depend on the platform's floating-point or `Math.random`.
 */
import { civilFromDays, daysFromCivil } from '../../../platform/calendar/dates.ts';

/** murmur3's finaliser: a cheap, well-mixing 32-bit bijection. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units; used once per library id / salt, never per row. */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The seed of one row's generator; `i` may exceed 2^32 (both halves are mixed in). */
export function rowSeed(keyHash: number, i: number, seed: number): number {
  let h = mix32(keyHash);
  h = mix32(h ^ (i >>> 0));
  h = mix32(h ^ Math.floor(i / 4294967296));
  return mix32(h ^ (seed >>> 0));
}

/** splitmix32: tiny state, passes the usual statistical batteries, and fast in V8. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x9e3779b9) | 0;
    let z = this.s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  }
  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }
  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  /** Uniform integer in [lo, hi] (both inclusive). */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/**
 * A table for O(1) weighted choice: each item is repeated `weight` times. Weights are small
 * integers (per-mille at most), so the table stays a few thousand entries.
 */
export function weighted<T>(pairs: readonly (readonly [T, number])[]): readonly T[] {
  const table: T[] = [];
  for (const [item, w] of pairs) for (let k = 0; k < w; k++) table.push(item);
  return table;
}

/**
 * A keyed pseudo-random permutation of [0, n) (4-round Feistel network with cycle walking).
 * It turns a row index into a unique, scrambled slot — unique business keys and 公民身份号码 without
 * a "seen" set, and without the visible stride an affine map would leave. n ≤ 2^30.
 */
export function permute(index: number, n: number, key: number): number {
  if (n <= 1) return 0;
  const bits = Math.max(2, 32 - Math.clz32(n - 1)); // smallest bits with 2^bits ≥ n
  const half = Math.ceil(bits / 2);
  const mask = (1 << half) - 1;
  let x = index % n;
  do {
    let l = x >>> half;
    let r = x & mask;
    for (let round = 0; round < 4; round++) {
      const f = mix32(r ^ Math.imul(key + round, 0x9e3779b9)) & mask;
      const t = r;
      r = (l ^ f) & mask;
      l = t;
    }
    x = l * (mask + 1) + r;
  } while (x >= n);
  return x;
}

// ---- calendar: day numbers (days since 1970-01-01) from the platform's date arithmetic ----

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** 2021-07-15 */
export function isoDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}-${p2(m)}-${p2(d)}`;
}

/** 20210715, as embedded in a 公民身份号码. */
export function compactDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${y}${p2(m)}${p2(d)}`;
}

/**
 * The fixed "today" of the demo world. Using the wall clock would make the same seed give
 * different files on different days (statuses derived from expiry dates would drift).
 */
export const TODAY = daysFromCivil(2025, 6, 30);

export const dayOf = (y: number, m = 1, d = 1): number => daysFromCivil(y, m, d);
