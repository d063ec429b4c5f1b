import { decodeTyped } from './entry.ts';
import { hasherOf, type LogRow } from './logs.service.ts';
import type { LedgerDb } from './log-store.ts';
import { HASH_SIZE, perfectRoot, RootAccumulator } from './merkle.ts';
import { parseCheckpointText, parseVerifierKey, verifyNote, type Verifier } from './note.ts';
import { hashesOf, TILE_WIDTH } from './tiles.ts';

export type Problem =
  | { kind: 'entry-missing'; index: number }
  | { kind: 'entry-altered'; index: number }
  | { kind: 'leaf-mismatch'; index: number }
  | { kind: 'entry-fields-altered'; index: number }
  | { kind: 'hash-altered'; index: number; level: number; node: number }
  | { kind: 'checkpoint-mismatch'; index: number; size: number }
  | { kind: 'checkpoint-signature'; index: number; size: number }
  | { kind: 'size-mismatch'; index: number; size: number };

export interface VerifyReport {
  log: string;
  size: number;
  intact: boolean;
  /** The first index that does not match, when not intact. */
  firstBadIndex: number | null;
  problems: Problem[];
  checkpointsChecked: number;
  latestCheckpoint: { size: number; root: string } | null;
}

const PAGE = TILE_WIDTH * 40; // entries per query: whole level-0 tiles
const MAX_PROBLEMS = 100;

/**
 * Recomputes a log from its entries and checks every stored hash and every signed checkpoint
 * against the result. Which kind of problem comes first tells what was touched: a leaf that no
 * longer matches its stored hash while the signed roots still match the stored hashes is an
 * altered entry; a stored hash that disagrees with entries which still reproduce the signed roots
 * is an altered hash.
 */
export async function verifyLog(db: LedgerDb, log: LogRow): Promise<VerifyReport> {
  const h = hasherOf(log.hash_alg);
  const problems: Problem[] = [];
  const add = (p: Problem) => problems.length < MAX_PROBLEMS && problems.push(p);

  const verifiers: Verifier[] = (await db.selectFrom('ledger_keys').select('vkey').where('log_id', '=', log.id).execute()).map((k) => parseVerifierKey(k.vkey));
  const checkpoints = await db.selectFrom('ledger_checkpoints').select(['size', 'root', 'note']).where('log_id', '=', log.id).orderBy('size').execute();
  const rootsAt = new Map<number, Buffer>();
  for (const c of checkpoints) {
    let signedRoot: Buffer | null = null;
    try {
      const { text } = verifyNote(c.note, verifiers);
      const cp = parseCheckpointText(text);
      if (cp.size === c.size && cp.origin === log.origin) signedRoot = cp.root;
    } catch {
      signedRoot = null;
    }
    if (!signedRoot || !signedRoot.equals(c.root)) add({ kind: 'checkpoint-signature', index: Math.max(0, c.size - 1), size: c.size });
    else rootsAt.set(c.size, signedRoot);
  }

  // Level 0: leaf hashes recomputed from the entries against the stored level-0 tiles.
  const acc = new RootAccumulator(h);
  const leafMismatches: number[] = [];
  const matched: number[] = []; // checkpoint sizes whose signed root the entries reproduce
  const upper: Buffer[] = []; // recomputed level-8 hashes, one per full level-0 tile
  let expected = 0;
  for (let from = 0; from < log.size; from += PAGE) {
    const to = Math.min(log.size, from + PAGE);
    const [rows, tiles] = await Promise.all([
      db.selectFrom('ledger_entries').select(['idx', 'body', 'entry_type', 'submitter']).where('log_id', '=', log.id).where('idx', '>=', from).where('idx', '<', to).orderBy('idx').execute(),
      db.selectFrom('ledger_tiles').select(['idx', 'hashes']).where('log_id', '=', log.id).where('level', '=', 0).where('idx', '>=', from / TILE_WIDTH).where('idx', '<', Math.ceil(to / TILE_WIDTH)).execute(),
    ]);
    const stored = new Map(tiles.map((t) => [t.idx, t.hashes]));
    let tileLeaves: Buffer[] = [];
    for (const r of rows) {
      for (; expected < r.idx; expected++) add({ kind: 'entry-missing', index: expected });
      expected = r.idx + 1;
      const leaf = h.leaf(r.body);
      const kept = stored.get(Math.floor(r.idx / TILE_WIDTH))?.subarray((r.idx % TILE_WIDTH) * HASH_SIZE, (r.idx % TILE_WIDTH + 1) * HASH_SIZE);
      if (!kept || !kept.equals(leaf)) leafMismatches.push(r.idx);
      if (r.entry_type !== null) {
        const typed = decodeTyped(r.body);
        if (!typed || typed.type !== r.entry_type || typed.submitter !== r.submitter) add({ kind: 'entry-fields-altered', index: r.idx });
      }
      acc.push(leaf);
      tileLeaves.push(leaf);
      if (tileLeaves.length === TILE_WIDTH) {
        upper.push(perfectRoot(h, tileLeaves));
        tileLeaves = [];
      }
      const signed = rootsAt.get(acc.size);
      if (signed && !signed.equals(acc.root())) add({ kind: 'checkpoint-mismatch', index: acc.size - 1, size: acc.size });
      else if (signed) matched.push(acc.size);
    }
    if (acc.size < to) {
      for (; expected < to; expected++) add({ kind: 'entry-missing', index: expected });
      break; // a gap shifts every later leaf: further comparisons would only repeat it
    }
  }
  if (expected < log.size) add({ kind: 'size-mismatch', index: expected, size: log.size });
  // A leaf that disagrees with its stored hash: if a signed root after it is still reproduced by
  // the entries, the entry is as signed and the stored hash was changed; otherwise the entry was
  // (or, past the last checkpoint, nothing signed can tell which of the two).
  const lastMatch = matched.at(-1) ?? 0;
  const hasCheckpointAfter = (i: number) => checkpoints.some((c) => c.size > i);
  for (const i of leafMismatches) {
    if (i < lastMatch) add({ kind: 'hash-altered', index: i, level: 0, node: i });
    else add({ kind: hasCheckpointAfter(i) ? 'entry-altered' : 'leaf-mismatch', index: i });
  }

  // Upper levels: the hashes recomputed from the leaves against the stored tiles. A node over a
  // leaf already reported differs as a consequence and is not reported again; after a missing
  // entry every later leaf is shifted, so the comparison would say nothing new.
  const reportedLeaf = (first: number, count: number) => leafMismatches.some((i) => i >= first && i < first + count);
  let level = 1;
  let hashes = problems.some((p) => p.kind === 'entry-missing') ? [] : upper;
  while (hashes.length > 0) {
    const rows = await db.selectFrom('ledger_tiles').select(['idx', 'hashes']).where('log_id', '=', log.id).where('level', '=', level).execute();
    const stored = new Map(rows.map((t) => [t.idx, hashesOf({ level, index: t.idx, hashes: t.hashes })]));
    const next: Buffer[] = [];
    for (let i = 0; i < hashes.length; i++) {
      const kept = stored.get(Math.floor(i / TILE_WIDTH))?.[i % TILE_WIDTH];
      const leavesPerNode = TILE_WIDTH ** level;
      if ((!kept || !kept.equals(hashes[i]!)) && !reportedLeaf(i * leavesPerNode, leavesPerNode)) add({ kind: 'hash-altered', index: i * leavesPerNode, level: level * 8, node: i });
      if (i % TILE_WIDTH === TILE_WIDTH - 1) next.push(perfectRoot(h, hashes.slice(i - TILE_WIDTH + 1, i + 1)));
    }
    hashes = next;
    level++;
  }

  problems.sort((a, b) => a.index - b.index);
  const latest = checkpoints.at(-1);
  return {
    log: log.name,
    size: log.size,
    intact: problems.length === 0,
    firstBadIndex: problems[0]?.index ?? null,
    problems,
    checkpointsChecked: checkpoints.length,
    latestCheckpoint: latest ? { size: latest.size, root: latest.root.toString('hex') } : null,
  };
}
