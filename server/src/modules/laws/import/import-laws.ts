/**
 * `laws import`: files and folders → law versions. Each file is parsed alone and stored in its own
 * transaction with its version links (a folder of 3,000 texts is not one transaction; an
 * interrupted import is simply run again); at the end, citations anywhere that name the imported
 * laws are re-resolved.
 * A file whose bytes did not change since its last import is parsed (for the report) but not
 * rewritten.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { recordAudit, type AuditWho } from '../../../platform/audit/audit.ts';
import type { BaseDb } from '../../../platform/db/database.ts';
import { parseLaw } from '../parse-law.ts';
import type { LawTables } from '../laws.tables.ts';
import { decodeLawFile, lawFilesOf } from './law-files.ts';
import { linkVersions } from './link-versions.ts';
import { pieceOf, rowsOf } from './law-rows.ts';
import { ElementIdCache, reresolveCitations, storeCitations } from './store-citations.ts';
import { storedSha, storeLawFile } from './store-law.ts';

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

export async function importLawPaths(base: BaseDb, who: AuditWho, given: readonly string[], onProgress?: ImportProgress): Promise<ImportedFile[]> {
  const db = base.withTables<LawTables>();
  const files: { file: string; root: string }[] = [];
  for (const g of given) for (const file of await lawFilesOf(g)) files.push({ file, root: g });
  const cache = new ElementIdCache();
  const out: ImportedFile[] = [];
  const titles = new Set<string>();
  for (const [i, { file, root }] of files.entries()) {
    const bytes = await fs.readFile(file);
    const law = parseLaw(decodeLawFile(file, bytes), { file, levelFromPath: levelPath(root, file) });
    const piece = pieceOf(law);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const unchanged = (await storedSha(db, law.lawId, piece)) === sha256;
    if (!unchanged) {
      const rows = rowsOf(law);
      await db.transaction().execute(async (trx) => {
        await storeLawFile(trx, { law, piece, sha256 }, rows);
        await linkVersions(trx, [law.shortTitle]);
        await storeCitations(trx, { lawId: law.lawId, piece, versionDate: law.versionDate ?? null }, rows.sites, cache);
        await recordAudit(trx, who, { action: 'law.import', targetType: 'law_version', targetId: law.lawId, changes: { file, piece, ...law.counts, warnings: law.warnings.length } });
      });
      titles.add(law.shortTitle);
    }
    out.push({ file, title: law.title, ...law.counts, warnings: law.warnings.map(({ line, code, message }) => ({ line, code, message })), lawId: law.lawId, piece, unchanged });
    onProgress?.(i + 1, files.length, file);
  }
  await reresolveCitations(db, [...titles], cache);
  return out;
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
