import { consistencyRanges, foldSubtrees, inclusionRanges, subtreesOf, type Range, type TreeHasher } from './merkle.ts';
import { nodeHash, locate, tileKey, type Tile, type TileRequest } from './tiles.ts';

/** Fetches stored tiles (one query for a whole proof); missing ones are simply absent. */
export type TileReader = (ids: TileRequest[]) => Promise<Map<string, Tile>>;

/** MTH of each range, reading every tile the ranges need at once. */
export async function rangeHashes(h: TreeHasher, ranges: Range[], read: TileReader): Promise<Buffer[]> {
  const nodes = ranges.map(subtreesOf);
  const ids = new Map<string, TileRequest>();
  for (const n of nodes.flat()) {
    const { tile, offset, count } = locate(n);
    const width = Math.max(offset + count, ids.get(tileKey(tile))?.width ?? 0);
    ids.set(tileKey(tile), { ...tile, width });
  }
  const tiles = ids.size > 0 ? await read([...ids.values()]) : new Map<string, Tile>();
  return nodes.map((ns) => foldSubtrees(h, ns.map((n) => nodeHash(h, n, tiles))));
}

export async function rootAt(h: TreeHasher, size: number, read: TileReader): Promise<Buffer> {
  if (size === 0) return h.empty();
  return (await rangeHashes(h, [{ start: 0, end: size }], read))[0]!;
}

export const inclusionProof = (h: TreeHasher, index: number, size: number, read: TileReader) => rangeHashes(h, inclusionRanges(index, size), read);

export const consistencyProof = (h: TreeHasher, from: number, to: number, read: TileReader) => rangeHashes(h, consistencyRanges(from, to), read);
