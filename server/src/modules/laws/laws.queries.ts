import { sql } from 'kysely';
import { escapeLike } from '../../platform/db/like.ts';
import type { LawLevel } from './law.types.ts';
import { statusSql, type LawStatus } from './law-status.ts';
import type { LawDb } from './import/store-law.ts';

export interface VersionFilter {
  q?: string | undefined;
  level?: LawLevel | 'unknown' | undefined;
  status?: LawStatus | undefined;
  shortTitle?: string | undefined;
}

const versionColumns = ['v.id', 'v.short_title', 'v.title', 'v.level', 'v.issuer', 'v.version_date', 'v.effective_date', 'v.superseded_on', 'v.repealed_on', 'v.previous_id', 'v.articles', 'v.chapters', 'v.sections', 'v.parts', 'v.imported_at'] as const;

export function versionsQuery(db: LawDb, f: VersionFilter, today: string) {
  let q = db.selectFrom('law_versions as v');
  if (f.q) q = q.where('v.title', 'like', `%${escapeLike(f.q)}%`);
  if (f.level === 'unknown') q = q.where('v.level', 'is', null);
  else if (f.level) q = q.where('v.level', '=', f.level);
  if (f.status) q = q.where(statusSql('v', today), '=', f.status);
  if (f.shortTitle) q = q.where('v.short_title', '=', f.shortTitle);
  return q;
}

export async function listVersions(db: LawDb, f: VersionFilter, today: string, page: { limit: number; offset: number }) {
  const base = versionsQuery(db, f, today);
  const [items, total] = await Promise.all([
    base
      .select([...versionColumns, statusSql('v', today).as('status'), sql<number>`jsonb_array_length(v.warnings)`.as('warning_count')])
      .orderBy('v.short_title')
      .orderBy('v.version_date', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** Versions per level, for browsing by level; unknown levels as null. */
export function levelCounts(db: LawDb) {
  return db.selectFrom('law_versions').select(['level', sql<number>`count(*)::int`.as('n')]).groupBy('level').execute();
}

export function versionRow(db: LawDb, id: string, today: string) {
  return db
    .selectFrom('law_versions as v')
    .select([...versionColumns, 'v.history', 'v.warnings', statusSql('v', today).as('status'), sql<number>`jsonb_array_length(v.warnings)`.as('warning_count')])
    .where('v.id', '=', id)
    .executeTakeFirst();
}

export function siblingVersions(db: LawDb, shortTitle: string, today: string) {
  return db
    .selectFrom('law_versions as v')
    .select(['v.id', 'v.version_date', 'v.effective_date', statusSql('v', today).as('status')])
    .where('v.short_title', '=', shortTitle)
    .orderBy('v.version_date', 'desc')
    .execute();
}

const elementColumns = ['e.id', 'e.parent_id', 'e.kind', 'e.number', 'e.sub', 'e.label', 'e.heading', 'e.text', 'e.line'] as const;

/** Every element of a version, split pieces in article order, document order within each. */
export function elementsOf(db: LawDb, lawId: string) {
  return db
    .selectFrom('law_elements as e')
    .innerJoin('law_files as f', (j) => j.onRef('f.law_id', '=', 'e.law_id').onRef('f.piece', '=', 'e.piece'))
    .select(elementColumns)
    .where('e.law_id', '=', lawId)
    .orderBy(sql`f.first_article nulls first`)
    .orderBy('e.piece')
    .orderBy('e.ord')
    .execute();
}

export function filesOf(db: LawDb, lawId: string) {
  return db.selectFrom('law_files').select(['piece', 'file', 'sha256', 'first_article', 'articles', 'chapters', 'sections', 'parts', 'imported_at']).where('law_id', '=', lawId).orderBy(sql`first_article nulls first`).execute();
}

const likePrefix = (id: string) => `${escapeLike(id)}/%`;

/** An element and everything under it (its 款, 项, 目), in document order. */
export function subtreeOf(db: LawDb, lawId: string, id: string) {
  return db
    .selectFrom('law_elements as e')
    .select([...elementColumns, 'e.law_id', 'e.piece', 'e.ord'])
    .where('e.law_id', '=', lawId) // the (law_id, …) index; a law has at most a few thousand elements
    .where((eb) => eb.or([eb('e.id', '=', id), eb('e.id', 'like', likePrefix(id))]))
    .orderBy('e.ord')
    .execute();
}

/** Citations made by the elements under `id` (the element itself included). */
export function citationsFrom(db: LawDb, lawId: string, ids: readonly string[]) {
  return db
    .selectFrom('law_citations as c')
    .leftJoin('law_versions as t', 't.id', 'c.to_law_id')
    .select(['c.from_id', 'c.start_at', 'c.end_at', 'c.raw', 'c.to_id', 'c.to_law_id', 'c.reason', 'c.message', 't.title as to_title'])
    .where('c.from_law_id', '=', lawId)
    .where('c.from_id', 'in', ids.length ? [...ids] : [''])
    .orderBy('c.from_id')
    .orderBy('c.start_at')
    .execute();
}

/** Citations of `id` or of anything under it (a citation of 第二款 cites the article too). */
export function citationsTo(db: LawDb, id: string, limit: number) {
  return db
    .selectFrom('law_citations as c')
    .innerJoin('law_versions as v', 'v.id', 'c.from_law_id')
    .innerJoin('law_elements as e', 'e.id', 'c.from_id')
    .select(['c.from_id', 'c.from_law_id', 'c.raw', 'c.to_id', 'v.title as from_title', 'e.text as from_text', 'c.start_at', 'c.end_at'])
    .where((eb) => eb.or([eb('c.to_id', '=', id), eb('c.to_id', 'like', likePrefix(id))]))
    .orderBy('c.from_law_id')
    .orderBy('c.from_id')
    .limit(limit)
    .execute();
}
