/**
 * Writes parsed files into the library in the caller's transaction. A file replaces what the same
 * (version, piece) held before, so importing a folder again changes nothing, and a corrected file
 * replaces its earlier reading. The files of a batch go in together: one statement per table
 * whatever the number of files and the size of each law (民法典 has ~4,000 elements), since on
 * PGlite (one WASM connection) the count of statements, not the rows, sets the pace.
 */
import { sql, type Kysely } from 'kysely';
import type { ParsedLaw } from '../law.types.ts';
import type { LawTables, StoredWarning } from '../laws.tables.ts';
import type { ElementRow, LawRows } from './law-rows.ts';
import { issuerOf } from './issuer.ts';

export type LawDb = Kysely<LawTables>;

export interface FileFacts {
  law: ParsedLaw;
  piece: string;
  sha256: string;
}

/** A file to store: its facts, its rows, and whether its (version, piece) held rows before. */
export interface FileToStore extends FileFacts {
  rows: LawRows;
  replaces: boolean;
}

const storedWarnings = (law: ParsedLaw): StoredWarning[] => law.warnings.map((w) => ({ file: law.file, ...w }));

/** The key of a file in the library: its version and piece. */
export const fileKey = (lawId: string, piece: string): string => `${lawId}\u0000${piece}`;

/** The sha256 each (version, piece) was last imported from, by fileKey; absent when new. */
export async function storedShas(db: LawDb, files: readonly { lawId: string; piece: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (files.length === 0) return out;
  const { rows } = await sql<{ law_id: string; piece: string; sha256: string }>`
    select f.law_id, f.piece, f.sha256 from law_files f
    join unnest(${files.map((f) => f.lawId)}::text[], ${files.map((f) => f.piece)}::text[]) as u(l, p) on f.law_id = u.l and f.piece = u.p`.execute(db);
  for (const r of rows) out.set(fileKey(r.law_id, r.piece), r.sha256);
  return out;
}

/** Files of distinct (version, piece), in import order. */
export async function storeLawFiles(trx: LawDb, files: readonly FileToStore[]): Promise<void> {
  await upsertVersions(trx, files);
  await deletePieces(trx, files.filter((f) => f.replaces));
  await insertElements(trx, files.flatMap((f) => f.rows.elements));
  await insertSearch(trx, files.flatMap((f) => f.rows.search));
  await upsertFiles(trx, files);
  await sumPieces(trx, [...new Set(files.map((f) => f.law.lawId))]);
}

/**
 * Version metadata comes from the whole text or, until it arrives, from the first piece stored;
 * counts are summed from the pieces (sumPieces). A batch writes what its files one after another
 * would: the last whole text of a version sets its metadata, its pieces touch imported_at.
 */
async function upsertVersions(trx: LawDb, files: readonly FileToStore[]): Promise<void> {
  const whole = new Map<string, FileToStore>();
  const pieces = new Map<string, FileToStore>();
  for (const f of files) {
    if (f.piece === '') whole.set(f.law.lawId, f);
    else if (!pieces.has(f.law.lawId)) pieces.set(f.law.lawId, f);
  }
  const values = (f: FileToStore) => {
    const { law } = f;
    const repealed = law.history.filter((e) => e.kind === 'repealed' && e.date).map((e) => e.date as string);
    return {
      id: law.lawId,
      short_title: law.shortTitle,
      title: law.title,
      level: law.level ?? null,
      issuer: issuerOf(law.history, law.level),
      version_date: law.versionDate ?? null,
      effective_date: law.effectiveDate ?? null,
      repealed_on: repealed.sort().at(-1) ?? null,
      previous_id: null,
      superseded_on: null,
      history: JSON.stringify(law.history),
      articles: 0,
      chapters: 0,
      sections: 0,
      parts: 0,
      warnings: '[]',
    };
  };
  if (whole.size > 0) {
    await trx
      .insertInto('law_versions')
      .values([...whole.values()].map(values))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          level: eb.ref('excluded.level'),
          issuer: eb.ref('excluded.issuer'),
          effective_date: eb.ref('excluded.effective_date'),
          repealed_on: eb.ref('excluded.repealed_on'),
          history: eb.ref('excluded.history'),
        })),
      )
      .execute();
  }
  if (pieces.size > 0) {
    await trx
      .insertInto('law_versions')
      .values([...pieces.values()].map(values))
      .onConflict((oc) => oc.column('id').doUpdateSet({ imported_at: sql`now()` }))
      .execute();
  }
}

/** What the replaced pieces held goes: their articles' search rows first, found through their elements. */
async function deletePieces(trx: LawDb, files: readonly FileToStore[]): Promise<void> {
  if (files.length === 0) return;
  const ids = files.map((f) => f.law.lawId);
  const pieces = files.map((f) => f.piece);
  await sql`
    delete from law_search s using law_elements e, unnest(${ids}::text[], ${pieces}::text[]) as u(l, p)
    where s.element_id = e.id and e.law_id = u.l and e.piece = u.p`.execute(trx);
  await sql`delete from law_elements e using unnest(${ids}::text[], ${pieces}::text[]) as u(l, p) where e.law_id = u.l and e.piece = u.p`.execute(trx);
  await sql`delete from law_citations c using unnest(${ids}::text[], ${pieces}::text[]) as u(l, p) where c.from_law_id = u.l and c.piece = u.p`.execute(trx);
}

async function upsertFiles(trx: LawDb, files: readonly FileToStore[]): Promise<void> {
  await trx
    .insertInto('law_files')
    .values(
      files.map(({ law, piece, sha256, rows }) => ({
        law_id: law.lawId,
        piece,
        file: law.file,
        sha256,
        first_article: firstArticle(rows.elements),
        ...law.counts,
        warnings: JSON.stringify(storedWarnings(law)),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['law_id', 'piece']).doUpdateSet((eb) => ({
        file: eb.ref('excluded.file'),
        sha256: eb.ref('excluded.sha256'),
        first_article: eb.ref('excluded.first_article'),
        articles: eb.ref('excluded.articles'),
        chapters: eb.ref('excluded.chapters'),
        sections: eb.ref('excluded.sections'),
        parts: eb.ref('excluded.parts'),
        warnings: eb.ref('excluded.warnings'),
        imported_at: sql`now()`,
      })),
    )
    .execute();
}

function firstArticle(elements: readonly ElementRow[]): number | null {
  return elements.find((e) => e.kind === 'article')?.number ?? null;
}

/** A version's counts and warnings are those of its pieces together. */
async function sumPieces(trx: LawDb, lawIds: readonly string[]): Promise<void> {
  await sql`
    update law_versions v set
      articles = s.articles, chapters = s.chapters, sections = s.sections, parts = s.parts, warnings = s.warnings
    from (
      select f.law_id, sum(articles)::int as articles, sum(chapters)::int as chapters, sum(sections)::int as sections, sum(parts)::int as parts,
             coalesce(jsonb_agg(w order by first_article nulls first, piece) filter (where w is not null), '[]') as warnings
      from law_files f left join lateral jsonb_array_elements(f.warnings) w on true
      where f.law_id = any(${lawIds}::text[])
      group by f.law_id
    ) s
    where v.id = s.law_id`.execute(trx);
}

async function insertElements(trx: LawDb, rows: readonly ElementRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof ElementRow>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into law_elements (id, law_id, piece, parent_id, ord, kind, number, sub, label, heading, text, line)
    select * from unnest(${col('id')}::text[], ${col('law_id')}::text[], ${col('piece')}::text[], ${col('parent_id')}::text[],
      ${col('ord')}::int[], ${col('kind')}::text[], ${col('number')}::int[], ${col('sub')}::int[], ${col('label')}::text[],
      ${col('heading')}::text[], ${col('text')}::text[], ${col('line')}::int[])`.execute(trx);
}

async function insertSearch(trx: LawDb, s: LawRows['search']): Promise<void> {
  if (s.length === 0) return;
  // Tokens travel as one space-separated string per row: tokens never contain spaces (tokens.ts).
  await sql`
    insert into law_search (element_id, law_id, kind, body, tokens)
    select e, l, k, b, array_to_tsvector(string_to_array(t, ' '))
    from unnest(${s.map((r) => r.element_id)}::text[], ${s.map((r) => r.law_id)}::text[], ${s.map((r) => r.kind)}::text[],
      ${s.map((r) => r.body)}::text[], ${s.map((r) => r.tokens.join(' '))}::text[]) as u(e, l, k, b, t)
    on conflict (element_id) do update set body = excluded.body, tokens = excluded.tokens`.execute(trx);
}
