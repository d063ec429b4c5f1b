import type { TreeHasher } from './merkle.ts';
import type { TileReader } from './proofs.ts';
import { tileKey, tilesAfterAppend, type Tile } from './tiles.ts';

/**
 * A tile store held in a Map: the same `tilesAfterAppend` writes the database gets, kept in
 * memory: the tests reach `rootAt` / `inclusionProof` / `consistencyProof` through it without a
 * database, and bench/ledger.ts measures the in-memory floor with it.
 */
export class MemoryTiles {
  readonly tiles = new Map<string, Tile>();
  size = 0;

  constructor(readonly h: TreeHasher) {}

  /** Appends leaf hashes; returns the tiles written (each replaces the stored one of its id). */
  async append(leafHashes: Buffer[]): Promise<Tile[]> {
    const writes = await tilesAfterAppend(this.h, this.size, leafHashes, (id) => Promise.resolve(this.tiles.get(tileKey(id))?.hashes));
    for (const t of writes) this.tiles.set(tileKey(t), t);
    this.size += leafHashes.length;
    return writes;
  }

  /** A TileReader over the store: the tiles asked for that exist. */
  readonly read: TileReader = (ids) => {
    const out = new Map<string, Tile>();
    for (const id of ids) {
      const tile = this.tiles.get(tileKey(id));
      if (tile) out.set(tileKey(id), tile);
    }
    return Promise.resolve(out);
  };
}
