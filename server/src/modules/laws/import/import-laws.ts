/**
 * `laws import`: files and folders → law versions. Each file is parsed alone; the changed ones are
 * stored by batches of files, each batch in its own transaction with its version links (a folder of
 * 3,000 texts is not one transaction; an interrupted import is simply run again). A batch that
 * fails is stored again file by file, so the file at fault leaves no rows and those before it are
 * kept, as when every file had its own transaction. At the end, citations anywhere that name the
 * imported laws are re-resolved.
 * A file whose bytes did not change since its last import is parsed (for the report) but not
 * rewritten.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { recordAudit, type AuditWho } from '../../../platform/audit/audit.ts';
import type { BaseDb } from '../../../platform/db/database.ts';
import { parseLaw } from '../parse-law.ts';
import type { ParsedLaw } from '../law.types.ts';
import type { LawTables } from '../laws.tables.ts';
import { decodeLawFile, lawFilesOf } from './law-files.ts';
import { linkVersions } from './link-versions.ts';
import { pieceOf, rowsOf } from './law-rows.ts';
import { ElementIdCache, reresolveCitations, storeCitations } from './store-citations.ts';
import { fileKey, storedShas, storeLawFiles, type FileToStore, type LawDb } from './store-law.ts';

/** One line of the import report; the CLI's `--json` prints exactly the first seven fields. */
export interface ImportedFile {
  file: string;
  title: string;
  articles: number;
  chapters: number;
  sections: number;
  parts: number;
  warnings: { line: number; code: string; message: string }[];
  lawId: string;
  piece: string;
  unchanged: boolean;
}

export interface ImportProgress {
  (done: number, total: number, file: string): void;
}

/**
 * A batch closes at this many files or articles: large enough that the per-statement cost of
 * PGlite is paid once for many files, small enough that a transaction stays short.
 */
const BATCH_FILES = 32;
const BATCH_ARTICLES = 4_000;

interface Parsed {
  file: string;
  law: ParsedLaw;
  piece: string;
  sha256: string;
}

export async function importLawPaths(base: BaseDb, who: AuditWho, given: readonly string[], onProgress?: ImportProgress): Promise<ImportedFile[]> {
  const db = base.withTables<LawTables>();
  const files: { file: string; root: string }[] = [];
  for (const g of given) for (const file of await lawFilesOf(g)) files.push({ file, root: g });
  const cache = new ElementIdCache();
  const out: ImportedFile[] = [];
  const titles = new Set<string>();
  let batch: Parsed[] = [];
  let articles = 0;
  const flush = async () => {
    const stored = await storedShas(db, batch.map((p) => ({ lawId: p.law.lawId, piece: p.piece })));
    const changed: FileToStore[] = [];
    for (const p of batch) {
      const sha = stored.get(fileKey(p.law.lawId, p.piece));
      const unchanged = sha === p.sha256;
      if (!unchanged) changed.push({ law: p.law, piece: p.piece, sha256: p.sha256, rows: rowsOf(p.law), replaces: sha !== undefined });
      out.push({ file: p.file, title: p.law.title, ...p.law.counts, warnings: p.law.warnings.map(({ line, code, message }) => ({ line, code, message })), lawId: p.law.lawId, piece: p.piece, unchanged });
    }
    await storeBatch(db, who, changed, cache);
    for (const f of changed) titles.add(f.law.shortTitle);
    const done = out.length - batch.length;
    batch.forEach((p, i) => onProgress?.(done + i + 1, files.length, p.file));
    batch = [];
    articles = 0;
  };
  for (const { file, root } of files) {
    let bytes: Buffer;
    let law: ParsedLaw;
    try {
      bytes = await fs.readFile(file);
      law = parseLaw(decodeLawFile(file, bytes), { file, levelFromPath: levelPath(root, file) });
    } catch (err) {
      // The files read before an unreadable one are stored, as they were before it was reached.
      await flush();
      throw err;
    }
    const piece = pieceOf(law);
    // A second file of the same (version, piece) replaces the first: it goes in a later batch.
    if (batch.some((p) => p.law.lawId === law.lawId && p.piece === piece)) await flush();
    batch.push({ file, law, piece, sha256: crypto.createHash('sha256').update(bytes).digest('hex') });
    articles += law.counts.articles;
    if (batch.length >= BATCH_FILES || articles >= BATCH_ARTICLES) await flush();
  }
  if (batch.length > 0) await flush();
  await reresolveCitations(db, [...titles], cache);
  // Searches read the index's pending list row by row: leave it empty.
  if (titles.size > 0) await sql`select gin_clean_pending_list('law_search_tokens'::regclass)`.execute(db);
  return out;
}

async function storeBatch(db: LawDb, who: AuditWho, files: readonly FileToStore[], cache: ElementIdCache): Promise<void> {
  if (files.length === 0) return;
  const store = (some: readonly FileToStore[]) =>
    db.transaction().execute(async (trx) => {
      // A batch's rows pass through unnest() in memory rather than a temporary file, and its
      // search tokens are merged into the index by a few large pending-list flushes, not many small
      // ones; importLawPaths flushes what is left at the end.
      await sql`set local work_mem = '64MB'`.execute(trx);
      await sql`set local gin_pending_list_limit = '16MB'`.execute(trx);
      await storeLawFiles(trx, some);
      await linkVersions(trx, [...new Set(some.map((f) => f.law.shortTitle))]);
      await storeCitations(trx, some.map((f) => ({ lawId: f.law.lawId, piece: f.piece, versionDate: f.law.versionDate ?? null, elementIds: f.rows.elements.map((e) => e.id), sites: f.rows.sites })), cache);
      for (const { law, piece } of some) {
        await recordAudit(trx, who, { action: 'law.import', targetType: 'law_version', targetId: law.lawId, changes: { file: law.file, piece, ...law.counts, warnings: law.warnings.length } });
      }
    });
  try {
    await store(files);
  } catch (err) {
    // What the rolled-back transaction read into the cache may not exist.
    for (const f of files) cache.forget(f.law.lawId);
    if (files.length === 1) throw err;
    for (const f of files) await store([f]);
  }
}

/**
 * The folders a file's level may be read from: those below the folder the user named, plus that
 * folder's own name (importing `法律法规/行政法规` still says 行政法规), never the folders above
 * it (a user's home directory named 法规 says nothing).
 */
function levelPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel === '' ? path.basename(file) : path.join(path.basename(path.resolve(root)), rel);
}
