/**
 * All SQL of the power list. The law tables (law_versions, law_elements) are only read here: a
 * basis is an element id, resolved at read time, so re-importing a law never breaks an item.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { escapeLike } from '../../platform/db/like.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import type { LawTables } from '../laws/laws.tables.ts';
import type { BasisRole, ItemKind, PowerListTables } from './power-list.tables.ts';
import type { BasisInput, BenchmarkInput } from './power-list.rules.ts';

export type Tables = PowerListTables & LawTables;
export type Db = Kysely<Tables> | Transaction<Tables>;

export interface ItemFilter {
  q?: string | undefined;
  kind?: ItemKind | undefined;
  orgType?: string | undefined;
  /** A law version id (律师法/2017-09-01) or a short title (律师法: any of its versions). */
  law?: string | undefined;
  /** An element id: items resting on it or on anything inside it (an article and its 款/项). */
  element?: string | undefined;
}

const itemColumns = ['i.id', 'i.code', 'i.name', 'i.kind', 'i.org_types', 'i.description', 'i.created_at', 'i.updated_at'] as const;

export async function listItems(db: Db, f: ItemFilter, page: Page) {
  let q = db.selectFrom('power_items as i');
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('i.code', 'ilike', like), eb('i.name', 'ilike', like)]));
  }
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  if (f.orgType) q = q.where(sql<boolean>`i.org_types @> array[${f.orgType}]::text[]`);
  if (f.law) {
    const law = f.law;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('power_item_bases as b')
          .innerJoin('law_elements as e', 'e.id', 'b.element_id')
          .innerJoin('law_versions as v', 'v.id', 'e.law_id')
          .whereRef('b.item_id', '=', 'i.id')
          .where((eb) => eb.or([eb('v.id', '=', law), eb('v.short_title', '=', law)]))
          .select(sql`1`.as('x')),
      ),
    );
  }
  if (f.element) {
    const id = f.element;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('power_item_bases as b')
          .whereRef('b.item_id', '=', 'i.id')
          .where((eb) => eb.or([eb('b.element_id', '=', id), eb('b.element_id', 'like', `${escapeLike(id)}/%`)]))
          .select(sql`1`.as('x')),
      ),
    );
  }
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q
      .select([
        ...itemColumns,
        (eb) => eb.selectFrom('power_item_bases as b').whereRef('b.item_id', '=', 'i.id').select(sql<number>`count(*)::int`.as('n')).as('basis_count'),
        (eb) => eb.selectFrom('power_item_benchmarks as t').whereRef('t.item_id', '=', 'i.id').select(sql<number>`count(*)::int`.as('n')).as('benchmark_count'),
      ])
      .orderBy('i.code')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export function findItem(db: Db, id: number) {
  return db.selectFrom('power_items as i').select(itemColumns).where('i.id', '=', id).executeTakeFirst();
}

export function itemsByCode(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('power_items as i').select(itemColumns).where('i.code', 'in', codes).execute();
}

export function allItems(db: Db) {
  return db.selectFrom('power_items as i').select(itemColumns).orderBy('i.code').execute();
}

export function codeTaken(db: Db, code: string, exceptId: number | null) {
  let q = db.selectFrom('power_items').select('id').where('code', '=', code);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function basesOf(db: Db, itemIds: readonly number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('power_item_bases').selectAll().where('item_id', 'in', itemIds).orderBy('item_id').orderBy('role').orderBy('ord').execute();
}

export function benchmarksOf(db: Db, itemIds: readonly number[]) {
  if (itemIds.length === 0) return Promise.resolve([]);
  const severity = sql<number>`array_position(array['轻微', '一般', '较重', '严重']::text[], level)`;
  return db.selectFrom('power_item_benchmarks').selectAll().where('item_id', 'in', itemIds).orderBy('item_id').orderBy(severity).execute();
}

/** The law facts of basis elements: label, text, parent text (a 项's lead-in), the version's dates. */
export function elementFacts(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('law_elements as e')
    .innerJoin('law_versions as v', 'v.id', 'e.law_id')
    .leftJoin('law_elements as p', 'p.id', 'e.parent_id')
    .select([
      'e.id', 'e.kind', 'e.label', 'e.text', 'e.law_id', 'p.kind as parent_kind', 'p.text as parent_text',
      'v.title', 'v.short_title', 'v.version_date', 'v.effective_date', 'v.superseded_on', 'v.repealed_on',
    ])
    .where('e.id', 'in', ids)
    .execute();
}

/** The elements under the given ones (an article's 款 and 项), in document order, to show an article's words. */
export function descendantsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  const patterns = ids.map((id) => `${escapeLike(id)}/%`);
  return db
    .selectFrom('law_elements as e')
    .select(['e.id', 'e.kind', 'e.label', 'e.text'])
    .where(sql<boolean>`e.id like any(${patterns}::text[])`)
    .orderBy('e.law_id')
    .orderBy('e.piece')
    .orderBy('e.ord')
    .execute();
}

/** Versions of the named laws (short titles), to cite the one in force today. */
export function versionsByShortTitle(db: Db, shortTitles: readonly string[]) {
  if (shortTitles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('law_versions')
    .select(['id', 'short_title', 'version_date', 'effective_date', 'superseded_on', 'repealed_on'])
    .where('short_title', 'in', shortTitles)
    .execute();
}

export async function elementIdsOf(db: Db, lawIds: readonly string[]): Promise<Set<string>> {
  if (lawIds.length === 0) return new Set();
  const rows = await db.selectFrom('law_elements').select('id').where('law_id', 'in', lawIds).execute();
  return new Set(rows.map((r) => r.id));
}

// ---- writes (in the caller's transaction)

export interface ItemWrite {
  code: string;
  name: string;
  kind: ItemKind;
  org_types: string[];
  description: string;
}

export async function insertItem(trx: Db, row: ItemWrite, now: Date): Promise<number | null> {
  const r = await trx.insertInto('power_items').values({ ...row, created_at: now, updated_at: now }).onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export function updateItem(trx: Db, id: number, row: ItemWrite, now: Date) {
  return trx.updateTable('power_items').set({ ...row, updated_at: now }).where('id', '=', id).execute();
}

export function deleteItem(trx: Db, id: number) {
  return trx.deleteFrom('power_items').where('id', '=', id).returning(['id', 'code', 'name']).executeTakeFirst();
}

/**
 * Replaces an item's bases. A basis that stays keeps its reviewed_at: a confirmed review is not
 * lost by editing the item's name or re-importing an unchanged file.
 */
export async function replaceBases(trx: Db, itemId: number, bases: readonly BasisInput[]) {
  const old = await trx.deleteFrom('power_item_bases').where('item_id', '=', itemId).returning(['element_id', 'reviewed_at']).execute();
  if (bases.length === 0) return;
  const reviewed = new Map(old.map((b) => [b.element_id, b.reviewed_at]));
  const ordOf = new Map<BasisRole, number>();
  const rows = bases.map((b) => {
    const ord = ordOf.get(b.role) ?? 0;
    ordOf.set(b.role, ord + 1);
    return { item_id: itemId, element_id: b.elementId, role: b.role, ord, reviewed_at: reviewed.get(b.elementId) ?? null };
  });
  await trx.insertInto('power_item_bases').values(rows).execute();
}

export async function replaceBenchmarks(trx: Db, itemId: number, tiers: readonly BenchmarkInput[]) {
  await trx.deleteFrom('power_item_benchmarks').where('item_id', '=', itemId).execute();
  if (tiers.length === 0) return;
  await trx
    .insertInto('power_item_benchmarks')
    .values(tiers.map((t) => ({ item_id: itemId, level: t.level, circumstances: t.circumstances, penalties: t.penalties, amount_min: t.amountMin, amount_max: t.amountMax, note: t.note })))
    .execute();
}

export function findBasis(db: Db, itemId: number, elementId: string) {
  return db.selectFrom('power_item_bases').selectAll().where('item_id', '=', itemId).where('element_id', '=', elementId).executeTakeFirst();
}
