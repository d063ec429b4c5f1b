/**
 * Writes one parsed file into the library in the caller's transaction. A file replaces what the
 * same (version, piece) held before, so importing a folder again changes nothing, and a corrected
 * file replaces its earlier reading. Rows go in through unnest(): one statement per table whatever
 * the size of the law (民法典 has ~4,000 elements).
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

const storedWarnings = (law: ParsedLaw): StoredWarning[] => law.warnings.map((w) => ({ file: law.file, ...w }));

/** The sha256 the (version, piece) was last imported from; null when new. */
export async function storedSha(db: LawDb, lawId: string, piece: string): Promise<string | null> {
  const row = await db.selectFrom('law_files').select('sha256').where('law_id', '=', lawId).where('piece', '=', piece).executeTakeFirst();
  return row?.sha256 ?? null;
}

export async function storeLawFile(trx: LawDb, f: FileFacts, rows: LawRows): Promise<void> {
  const { law, piece } = f;
  const repealed = law.history.filter((e) => e.kind === 'repealed' && e.date).map((e) => e.date as string);
  // Version metadata comes from the whole text or from the first piece stored; counts are summed below.
  await trx
    .insertInto('law_versions')
    .values({
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
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet(
        piece === ''
          ? (eb) => ({
              title: eb.ref('excluded.title'),
              level: eb.ref('excluded.level'),
              issuer: eb.ref('excluded.issuer'),
              effective_date: eb.ref('excluded.effective_date'),
              repealed_on: eb.ref('excluded.repealed_on'),
              history: eb.ref('excluded.history'),
            })
          : { imported_at: sql`now()` },
      ),
    )
    .execute();

  // What the piece held before goes: its articles' search rows first, found through its elements.
  const before = trx.selectFrom('law_elements').select('id').where('law_id', '=', law.lawId).where('piece', '=', piece);
  await trx.deleteFrom('law_search').where('element_id', 'in', before).execute();
  await trx.deleteFrom('law_elements').where('law_id', '=', law.lawId).where('piece', '=', piece).execute();
  await trx.deleteFrom('law_citations').where('from_law_id', '=', law.lawId).where('piece', '=', piece).execute();
  await insertElements(trx, rows.elements);
  await insertSearch(trx, rows);

  await trx
    .insertInto('law_files')
    .values({
      law_id: law.lawId,
      piece,
      file: law.file,
      sha256: f.sha256,
      first_article: firstArticle(rows.elements),
      ...law.counts,
      warnings: JSON.stringify(storedWarnings(law)),
    })
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
  await sumPieces(trx, law.lawId);
}

function firstArticle(elements: readonly ElementRow[]): number | null {
  return elements.find((e) => e.kind === 'article')?.number ?? null;
}

/** A version's counts and warnings are those of its pieces together. */
async function sumPieces(trx: LawDb, lawId: string): Promise<void> {
  await sql`
    update law_versions v set
      articles = s.articles, chapters = s.chapters, sections = s.sections, parts = s.parts, warnings = s.warnings
    from (
      select sum(articles)::int as articles, sum(chapters)::int as chapters, sum(sections)::int as sections, sum(parts)::int as parts,
             coalesce(jsonb_agg(w order by first_article nulls first, piece) filter (where w is not null), '[]') as warnings
      from law_files f left join lateral jsonb_array_elements(f.warnings) w on true
      where f.law_id = ${lawId}
    ) s
    where v.id = ${lawId}`.execute(trx);
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

async function insertSearch(trx: LawDb, rows: LawRows): Promise<void> {
  const s = rows.search;
  if (s.length === 0) return;
  // Tokens travel as one space-separated string per row: tokens never contain spaces (tokens.ts).
  await sql`
    insert into law_search (element_id, law_id, kind, body, tokens)
    select e, l, k, b, array_to_tsvector(string_to_array(t, ' '))
    from unnest(${s.map((r) => r.element_id)}::text[], ${s.map((r) => r.law_id)}::text[], ${s.map((r) => r.kind)}::text[],
      ${s.map((r) => r.body)}::text[], ${s.map((r) => r.tokens.join(' '))}::text[]) as u(e, l, k, b, t)
    on conflict (element_id) do update set body = excluded.body, tokens = excluded.tokens`.execute(trx);
}
