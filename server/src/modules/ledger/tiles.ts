import { HASH_SIZE, perfectRoot, type NodeId, type TreeHasher } from './merkle.ts';

/**
 * Tiles, as in tlog-tiles (c2sp.org/tlog-tiles): the hashes of level 8·t are stored 256 to a row
 * at tile level t. Any subtree hash is then at most 255 hash operations from one stored tile, so
 * a proof at 10M entries reads a handful of rows instead of recomputing from the leaves, and the
 * store grows by ~32 bytes per entry (1/255 more for the upper levels).
 */

export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 2 ** TILE_HEIGHT;

export interface TileId {
  level: number;
  index: number;
}

export interface Tile extends TileId {
  /** The tile's hashes concatenated: 32 × width bytes, width ≤ 256 (a partial tile on the right edge). */
  hashes: Buffer;
  /** Its complete subtrees, level by level (filled on first use; stored hashes never change, a tile only grows). */
  expanded?: Buffer[][];
}

/** A tile asked for, and how many of its hashes (from the left) the asker needs. */
export interface TileRequest extends TileId {
  width: number;
}

/** Every complete subtree of a tile: [0] its hashes, [r] the nodes r levels up (pairs only: a partial tile's last odd one waits). */
function expand(h: TreeHasher, tile: Tile): Buffer[][] {
  const levels = [hashesOf(tile)];
  for (let level = levels[0]!; level.length > 1; ) {
    const up: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) up.push(h.node(level[i]!, level[i + 1]!));
    levels.push(up);
    level = up;
  }
  return levels;
}

export const tileKey = (t: TileId) => `${t.level}/${t.index}`;

/** Where a subtree's hash comes from: 2^r consecutive hashes of one tile, hashed up r levels. */
export function locate(node: NodeId): { tile: TileId; offset: number; count: number } {
  const tileLevel = Math.floor(node.level / TILE_HEIGHT);
  const r = node.level - tileLevel * TILE_HEIGHT;
  const first = node.index * 2 ** r; // position among the hashes of level 8·tileLevel
  return { tile: { level: tileLevel, index: Math.floor(first / TILE_WIDTH) }, offset: first % TILE_WIDTH, count: 2 ** r };
}

export function hashesOf(tile: Tile): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < tile.hashes.length; i += HASH_SIZE) out.push(tile.hashes.subarray(i, i + HASH_SIZE));
  return out;
}

/** The hash of a complete subtree from the tiles that hold it; throws if they do not reach it. */
export function nodeHash(h: TreeHasher, node: NodeId, tiles: Map<string, Tile>): Buffer {
  const at = locate(node);
  const tile = tiles.get(tileKey(at.tile));
  const end = (at.offset + at.count) * HASH_SIZE;
  if (!tile || tile.hashes.length < end) throw new Error(`tile ${tileKey(at.tile)} does not hold node ${node.level}/${node.index}`);
  // The nodes a proof needs from one tile share most of their subtrees: hash the tile once.
  tile.expanded ??= expand(h, tile);
  return tile.expanded[Math.log2(at.count)]![at.offset / at.count]!;
}

/**
 * What appending leaf hashes to a tree of `size` leaves writes: every tile that changes, at every
 * level. `edge(level)` returns the stored partial tile on the right edge of a level (the one new
 * hashes extend), or nothing when the level's count is a multiple of 256.
 */
export async function tilesAfterAppend(
  h: TreeHasher,
  size: number,
  leafHashes: Buffer[],
  edge: (tile: TileId) => Promise<Buffer | undefined>,
): Promise<Tile[]> {
  const writes: Tile[] = [];
  let level = 0;
  let count = size; // hashes already at this level
  let added = leafHashes;
  while (added.length > 0) {
    const first = Math.floor(count / TILE_WIDTH);
    const kept = count % TILE_WIDTH;
    const prefix = kept > 0 ? await edge({ level, index: first }) : undefined;
    if (kept > 0 && prefix?.length !== kept * HASH_SIZE) throw new Error(`tile ${level}/${first} holds ${prefix?.length ?? 0} bytes, expected ${kept * HASH_SIZE}`);
    const all = prefix ? [...hashesOf({ level, index: first, hashes: prefix }), ...added] : added;
    const parents: Buffer[] = [];
    for (let i = 0; i < all.length; i += TILE_WIDTH) {
      const part = all.slice(i, i + TILE_WIDTH);
      writes.push({ level, index: first + i / TILE_WIDTH, hashes: Buffer.concat(part) });
      if (part.length === TILE_WIDTH) parents.push(perfectRoot(h, part)); // a tile just filled: one hash for the level above
    }
    count = Math.floor(count / TILE_WIDTH);
    added = parents;
    level++;
  }
  return writes;
}
