import type { TileReader } from './proofs.ts';
import { HASH_SIZE } from './merkle.ts';
import { TILE_WIDTH, tileKey, type Tile } from './tiles.ts';

const LIMIT = 1024; // full tiles kept, ~24 KB each with their subtrees: ~24 MB at most

/**
 * Full tiles never change, so proofs keep them (and the subtree hashes computed from them) in
 * memory: at 10M entries the ~150 upper-level tiles serve every proof without a read or a hash.
 * Partial tiles on the right edge are always read afresh. Least recently used goes first.
 */
export function createTileCache() {
  const cache = new Map<string, Tile>();
  return {
    reader(logId: number, read: TileReader): TileReader {
      return async (ids) => {
        const out = new Map<string, Tile>();
        const missing = [];
        for (const id of ids) {
          const key = `${logId}/${tileKey(id)}`;
          const hit = cache.get(key);
          if (hit) {
            cache.delete(key); // re-insert: Map order is the recency order
            cache.set(key, hit);
            out.set(tileKey(id), hit);
          } else missing.push(id);
        }
        for (const [key, tile] of await read(missing)) {
          out.set(key, tile);
          if (tile.hashes.length !== TILE_WIDTH * HASH_SIZE) continue;
          cache.set(`${logId}/${key}`, tile);
          if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
        }
        return out;
      };
    },
  };
}
