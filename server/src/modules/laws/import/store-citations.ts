/**
 * Citations of imported text, resolved and stored (issue 7 point 4). A 《》 title is resolved to
 * the version of that law the citing text was written against: the latest one dated no later than
 * the citing version. When the library holds only later versions, the citation stays unresolved
 * (LAW_UNKNOWN) rather than pointing at an article that may since have been renumbered.
 */
import { sql } from 'kysely';
import { findCitations, resolveCitation, type Citation, type CitationLookup, type CitationTarget, type Resolution } from '../citations.ts';
import { fileKey, type LawDb } from './store-law.ts';
import type { CitationSite } from './law-rows.ts';

interface VersionRef {
  id: string;
  date: string | null;
}

/** Element ids per law version, kept across the files of one import (most cite the same few laws). */
export class ElementIdCache {
  private readonly sets = new Map<string, Set<string>>();
  constructor(private readonly max = 64) {}

  async load(db: LawDb, lawIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(lawIds)].filter((id) => !this.sets.has(id));
    if (missing.length === 0) return;
    const rows = await db.selectFrom('law_elements').select(['law_id', 'id']).where('law_id', 'in', missing).execute();
    for (const id of missing) this.sets.set(id, new Set([id]));
    for (const r of rows) this.sets.get(r.law_id)?.add(r.id);
    while (this.sets.size > this.max + missing.length) this.sets.delete(this.sets.keys().next().value as string);
  }

  /**
   * The laws of files just stored: the ids of those files, known here, and of their other pieces
   * read from the library (none for a whole text), rather than all their elements read back.
   */
  async loadStored(db: LawDb, files: readonly { lawId: string; piece: string; elementIds: readonly string[] }[]): Promise<void> {
    const lawIds = [...new Set(files.map((f) => f.lawId))];
    const batch = new Set(files.map((f) => fileKey(f.lawId, f.piece)));
    const others = (await db.selectFrom('law_files').select(['law_id', 'piece']).where('law_id', 'in', lawIds).execute()).filter((f) => !batch.has(fileKey(f.law_id, f.piece)));
    const rows =
      others.length === 0
        ? []
        : (
            await sql<{ law_id: string; id: string }>`
              select e.law_id, e.id from law_elements e join unnest(${others.map((o) => o.law_id)}::text[], ${others.map((o) => o.piece)}::text[]) as u(l, p)
              on e.law_id = u.l and e.piece = u.p`.execute(db)
          ).rows;
    for (const id of lawIds) this.sets.set(id, new Set([id]));
    for (const f of files) for (const id of f.elementIds) this.sets.get(f.lawId)?.add(id);
    for (const r of rows) this.sets.get(r.law_id)?.add(r.id);
    while (this.sets.size > this.max + lawIds.length) this.sets.delete(this.sets.keys().next().value as string);
  }

  has(id: string): boolean {
    const lawId = id.split('/', 2).join('/');
    return this.sets.get(lawId)?.has(id) ?? false;
  }

  /** A law whose elements just changed is read again when next needed. */
  forget(lawId: string): void {
    this.sets.delete(lawId);
  }
}

/** The versions held of each title, oldest first. */
async function versionsOf(db: LawDb, titles: readonly string[]): Promise<Map<string, VersionRef[]>> {
  const out = new Map<string, VersionRef[]>();
  if (titles.length === 0) return out;
  const rows = await db
    .selectFrom('law_versions')
    .select(['id', 'short_title', 'version_date'])
    .where('short_title', 'in', [...new Set(titles)])
    .orderBy('version_date')
    .execute();
  for (const r of rows) out.set(r.short_title, [...(out.get(r.short_title) ?? []), { id: r.id, date: r.version_date }]);
  return out;
}

/** The version a text dated `citingDate` cites: the latest not after it. */
function versionFor(versions: readonly VersionRef[] | undefined, citingDate: string | null): string | undefined {
  let best: string | undefined;
  for (const v of versions ?? []) if (citingDate === null || v.date === null || v.date <= citingDate) best = v.id;
  return best;
}

interface Found {
  site: CitationSite;
  c: Citation;
}

const titleOf = (t: CitationTarget): string | null => (t.law === 'self' ? null : t.law);

/** The citing side of a stored file: its version, piece and date, its elements and its 款/项/目. */
export interface CitingFile {
  lawId: string;
  piece: string;
  versionDate: string | null;
  elementIds: readonly string[];
  sites: readonly CitationSite[];
}

/** Finds, resolves and stores the citations of the 款/项/目 of a batch of stored files. */
export async function storeCitations(db: LawDb, files: readonly CitingFile[], cache: ElementIdCache): Promise<void> {
  // Whatever the cache held of these laws changed.
  for (const law of files) cache.forget(law.lawId);
  const found: (Found & { law: CitingFile })[] = [];
  for (const law of files) {
    for (const site of law.sites) {
      for (const c of findCitations(site.text, { selfLawId: law.lawId, articleId: site.articleId, paragraph: site.paragraph })) found.push({ law, site, c });
    }
  }
  if (found.length === 0) return;
  const versions = await versionsOf(db, found.map((f) => titleOf(f.c.target)).filter((t): t is string => t !== null));
  const lawByTitleFor = (law: CitingFile) => (t: string) => versionFor(versions.get(t), law.versionDate);
  await cache.loadStored(db, files);
  await cache.load(
    db,
    found.flatMap((f) => {
      const t = titleOf(f.c.target);
      const id = t === null ? undefined : versionFor(versions.get(t), f.law.versionDate);
      return id === undefined ? [] : [id];
    }),
  );
  await insertCitations(
    db,
    found.map(({ law, site, c }) => {
      const lawByTitle = lawByTitleFor(law);
      const title = titleOf(c.target);
      return {
        lawId: law.lawId,
        piece: law.piece,
        fromId: site.fromId,
        c,
        toLawId: title ? (lawByTitle(title) ?? null) : law.lawId,
        lookup: { selfLawId: law.lawId, lawByTitle, has: (id) => cache.has(id) },
        laterOnly: (t: string) => versions.has(t),
      };
    }),
  );
}

/**
 * "法规库中没有《X》" misleads when X is there in later versions only (a 2011 law citing 行政处罚法,
 * whose held version is 2021): say so, since the article numbers may have changed since.
 */
function explainUnknown(r: Resolution, it: ToStore): Resolution {
  const title = titleOf(it.c.target);
  if (r.ok || r.reason !== 'LAW_UNKNOWN' || title === null || !it.laterOnly(title)) return r;
  return { ...r, message: `法规库中只有《${title}》在引用文本之后的版本，条文序号可能已变，未予解析` };
}

interface ToStore {
  lawId: string;
  piece: string;
  fromId: string;
  c: Citation;
  toLawId: string | null;
  lookup: CitationLookup;
  /** Whether the library holds `title`, though only in versions later than the citing text. */
  laterOnly: (title: string) => boolean;
}

async function insertCitations(db: LawDb, items: readonly ToStore[]): Promise<void> {
  const rows: { from_law_id: string; piece: string; from_id: string; start_at: number; end_at: number; raw: string; cited_title: string | null; target: string; to_id: string | null; to_law_id: string | null; reason: string | null; message: string | null }[] = [];
  for (const it of items) {
    const r = explainUnknown(resolveCitation(it.c, it.lookup), it);
    const base = { from_law_id: it.lawId, piece: it.piece, from_id: it.fromId, start_at: it.c.start, end_at: it.c.end, raw: it.c.raw, cited_title: titleOf(it.c.target), target: JSON.stringify(it.c.target), to_law_id: it.toLawId };
    if (r.ok) for (const id of r.ids) rows.push({ ...base, to_id: id, reason: null, message: null });
    else rows.push({ ...base, to_id: null, reason: r.reason, message: r.message });
  }
  const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
  await sql`
    insert into law_citations (from_law_id, piece, from_id, start_at, end_at, raw, cited_title, target, to_id, to_law_id, reason, message)
    select f, p, i, s, e, r, c, t::jsonb, ti, tl, re, m
    from unnest(${col('from_law_id')}::text[], ${col('piece')}::text[], ${col('from_id')}::text[], ${col('start_at')}::int[], ${col('end_at')}::int[],
      ${col('raw')}::text[], ${col('cited_title')}::text[], ${col('target')}::text[], ${col('to_id')}::text[], ${col('to_law_id')}::text[],
      ${col('reason')}::text[], ${col('message')}::text[]) as u(f, p, i, s, e, r, c, t, ti, tl, re, m)`.execute(db);
}

/**
 * After an import: citations anywhere in the library that name one of `titles` are resolved again
 * when the version they should point at is no longer the one they point at (a law cited before it
 * was imported, or an older version imported later).
 */
export async function reresolveCitations(db: LawDb, titles: readonly string[], cache: ElementIdCache): Promise<number> {
  if (titles.length === 0) return 0;
  const rows = await db
    .selectFrom('law_citations as c')
    .innerJoin('law_versions as v', 'v.id', 'c.from_law_id')
    .select(['c.id', 'c.from_law_id', 'c.piece', 'c.from_id', 'c.start_at', 'c.end_at', 'c.raw', 'c.cited_title', 'c.target', 'c.to_law_id', 'v.version_date'])
    .where('c.cited_title', 'in', [...new Set(titles)])
    .execute();
  const versions = await versionsOf(db, titles);
  // Stale: pointing at another version than it should, or unresolved while the law is now held
  // (in later versions only: its message says so).
  const stale = rows.filter((r) => versionFor(versions.get(r.cited_title as string), r.version_date) !== (r.to_law_id ?? undefined) || (r.to_law_id === null && versions.has(r.cited_title as string)));
  if (stale.length === 0) return 0;
  // A range is stored as several rows of one citation: the first row stands for them all.
  const seen = new Set<string>();
  const items: ToStore[] = [];
  for (const r of stale) {
    const key = `${r.from_law_id}|${r.from_id}|${r.start_at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const lawByTitle = (t: string) => versionFor(versions.get(t), r.version_date);
    const toLawId = lawByTitle(r.cited_title as string) ?? null;
    items.push({
      lawId: r.from_law_id,
      piece: r.piece,
      fromId: r.from_id,
      c: { start: r.start_at, end: r.end_at, raw: r.raw, target: r.target },
      toLawId,
      lookup: { selfLawId: r.from_law_id, lawByTitle, has: (id) => cache.has(id) },
      laterOnly: (t: string) => versions.has(t),
    });
  }
  await cache.load(db, [...new Set(items.flatMap((i) => (i.toLawId ? [i.toLawId] : [])))]);
  await sql`
    delete from law_citations c using unnest(${items.map((i) => i.lawId)}::text[], ${items.map((i) => i.fromId)}::text[], ${items.map((i) => i.c.start)}::int[]) as u(l, f, s)
    where c.from_law_id = u.l and c.from_id = u.f and c.start_at = u.s`.execute(db);
  await insertCitations(db, items);
  return items.length;
}
