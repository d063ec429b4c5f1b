import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Page } from '../../platform/http/pagination.ts';
import { pageOffset } from '../../platform/http/pagination.ts';
import type { CodeItemsTable, DictionaryTables } from './dictionary.tables.ts';

type Db = Kysely<DictionaryTables> | Transaction<DictionaryTables>;
type Trx = Transaction<DictionaryTables>;

export type ItemRow = Selectable<CodeItemsTable>;

function setsWithCount(db: Db) {
  return db
    .selectFrom('code_sets')
    .select(['code', 'name', 'standard', 'description', 'editable', 'builtin'])
    .select((eb) =>
      eb.selectFrom('code_items').whereRef('code_items.set_code', '=', 'code_sets.code').select(eb.fn.countAll<number>().as('n')).as('item_count'),
    );
}

export type SetRow = Awaited<ReturnType<typeof findSet>> & object;

/** Built-in sets first (as seeded), then custom sets by code. */
export async function listSets(db: Db, page: Page) {
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    setsWithCount(db).orderBy('builtin', 'desc').orderBy('created_at').orderBy('code').limit(limit).offset(offset).execute(),
    db.selectFrom('code_sets').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function findSet(db: Db, code: string) {
  return setsWithCount(db).where('code', '=', code).executeTakeFirst();
}

export async function listItems(db: Db, setCode: string, filter: { enabled?: boolean | undefined }, page: Page) {
  let q = db.selectFrom('code_items').where('set_code', '=', setCode);
  if (filter.enabled !== undefined) q = q.where('enabled', '=', filter.enabled);
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.selectAll().orderBy('sort').orderBy('code').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Every item of a set, for the lookup cache: a set has a few hundred items at most. */
export function allItems(db: Db, setCode: string) {
  return db.selectFrom('code_items').where('set_code', '=', setCode).select(['code', 'label', 'enabled']).execute();
}

export function findItemForUpdate(trx: Trx, setCode: string, code: string) {
  return trx.selectFrom('code_items').selectAll().where('set_code', '=', setCode).where('code', '=', code).forUpdate().executeTakeFirst();
}

export interface NewSet {
  code: string;
  name: string;
  standard: string | null;
  description: string;
  editable: boolean;
  builtin: boolean;
}

/** Inserts a set unless its code is taken; undefined when it was. */
export function insertSet(trx: Trx, set: NewSet, now: Date) {
  return trx
    .insertInto('code_sets')
    .values({ ...set, updated_at: now })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('code')
    .executeTakeFirst();
}

export interface NewItem {
  setCode: string;
  code: string;
  label: string;
  sort: number;
  enabled: boolean;
  parentCode: string | null;
}

/** Inserts an item unless the set already has its code; undefined when it had. */
export function insertItem(trx: Trx, item: NewItem, now: Date) {
  return trx
    .insertInto('code_items')
    .values({ set_code: item.setCode, code: item.code, label: item.label, sort: item.sort, enabled: item.enabled, parent_code: item.parentCode, updated_at: now })
    .onConflict((oc) => oc.columns(['set_code', 'code']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function updateItem(trx: Trx, setCode: string, code: string, changes: { label: string; sort: number; enabled: boolean }, now: Date) {
  return trx
    .updateTable('code_items')
    .set({ ...changes, updated_at: now })
    .where('set_code', '=', setCode)
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function nextSort(trx: Trx, setCode: string) {
  return trx
    .selectFrom('code_items')
    .where('set_code', '=', setCode)
    .select((eb) => eb.fn.coalesce(eb.fn.max('sort'), eb.val(0)).as('max'))
    .executeTakeFirstOrThrow();
}

/**
 * Built-in sets: a new set is inserted, an existing built-in set takes the data file's name,
 * standard and description when they differ (no route edits them, so nothing of an admin's is
 * lost). A custom set that happens to have the code is left alone: undefined is returned.
 */
export function upsertBuiltinSet(trx: Trx, set: Omit<NewSet, 'builtin'>, now: Date) {
  return trx
    .insertInto('code_sets')
    .values({ ...set, builtin: true, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('code')
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), standard: eb.ref('excluded.standard'), description: eb.ref('excluded.description'), editable: eb.ref('excluded.editable'), updated_at: now }))
        .where((eb) =>
          eb.and([
            eb('code_sets.builtin', '=', true),
            eb.or(
              (['name', 'standard', 'description', 'editable'] as const).map((c) => eb(`code_sets.${c}`, 'is distinct from', eb.ref(`excluded.${c}`))),
            ),
          ]),
        ),
    )
    .returning('code')
    .executeTakeFirst();
}
