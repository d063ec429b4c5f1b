import type { TileReader } from './proofs.ts';
import { HASH_SIZE } from './merkle.ts';
import { tileKey, type Tile } from './tiles.ts';

const LIMIT = 1024; // tiles kept, ≤ ~24 KB each with their subtrees: ~24 MB at most

/**
 * Stored hashes never change — a tile only grows on the right edge — so proofs keep the tiles
 * they read (and the subtree hashes computed from them) in memory: at 10M entries the ~150
 * upper-level tiles serve every proof without a read or a hash. A kept tile narrower than a
 * request (the edge has grown since) is read again. Least recently used goes first.
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
          if (hit && hit.hashes.length >= id.width * HASH_SIZE) {
            cache.delete(key); // re-insert: Map order is the recency order
            cache.set(key, hit);
            out.set(tileKey(id), hit);
          } else missing.push(id);
        }
        for (const [key, tile] of await read(missing)) {
          out.set(key, tile);
          cache.delete(`${logId}/${key}`);
          cache.set(`${logId}/${key}`, tile);
          if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
        }
        return out;
      };
    },
  };
}
