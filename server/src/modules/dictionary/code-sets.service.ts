import type { Actor, RequestMeta } from '../../platform/authz/actor.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { CodeLookupCache } from './code-lookup.ts';
import { BUILTIN_CODE_SETS } from './code-sets.data.ts';
import * as q from './code-sets.queries.ts';
import { dictionaryErrors as E } from './dictionary.errors.ts';
import type { DictionaryTables } from './dictionary.tables.ts';

export interface CodeSetView {
  code: string;
  name: string;
  standard: string | null;
  description: string;
  editable: boolean;
  builtin: boolean;
  itemCount: number;
}

export interface CodeItemView {
  code: string;
  label: string;
  sort: number;
  enabled: boolean;
  parentCode: string | null;
}

export interface CodeSetInput {
  code: string;
  name: string;
  standard?: string | null | undefined;
  description?: string | undefined;
}

export interface CodeItemInput {
  code: string;
  label: string;
  sort?: number | undefined;
  enabled?: boolean | undefined;
  parentCode?: string | null | undefined;
}

export interface CodeItemPatch {
  label?: string | undefined;
  sort?: number | undefined;
  enabled?: boolean | undefined;
}

function toSetView(s: q.SetRow): CodeSetView {
  return { code: s.code, name: s.name, standard: s.standard, description: s.description, editable: s.editable, builtin: s.builtin, itemCount: Number(s.item_count ?? 0) };
}

function toItemView(i: q.ItemRow): CodeItemView {
  return { code: i.code, label: i.label, sort: i.sort, enabled: i.enabled, parentCode: i.parent_code };
}

/**
 * A set that is not editable (a national or industry standard, or codes the program itself
 * branches on) keeps its codes and labels exactly as published: records exchanged with courts,
 * public security and other agencies carry the code, and the receiving system reads it against
 * the same table, so an added code or a re-worded label would make our data disagree with theirs.
 * Switching an item off (a document type an office does not accept) changes nothing in that
 * exchange, so `enabled` alone stays open. Items are never removed: old records keep resolving.
 */
function checkEditable(set: q.SetRow, field: 'code' | 'label' | 'sort'): void {
  if (set.editable) return;
  const message = field === 'code' ? `代码集“${set.name}”不能新增代码` : `代码集“${set.name}”的代码项只能启用或停用`;
  throw E.CODE_SET_LOCKED(undefined, [{ field, message }]);
}

export function createCodeSetService(base: BaseDb, lookup: CodeLookupCache, clock: () => Date = () => new Date()) {
  const db = base.withTables<DictionaryTables>();

  async function setOrThrow(code: string): Promise<q.SetRow> {
    const set = await q.findSet(db, code);
    if (!set) throw E.CODE_SET_NOT_FOUND();
    return set;
  }

  return {
    async list(page: Page): Promise<{ items: CodeSetView[]; total: number }> {
      const { items, total } = await q.listSets(db, page);
      return { items: items.map(toSetView), total };
    },

    async get(code: string): Promise<CodeSetView> {
      return toSetView(await setOrThrow(code));
    },

    async items(setCode: string, filter: { enabled?: boolean | undefined }, page: Page): Promise<{ items: CodeItemView[]; total: number }> {
      await setOrThrow(setCode);
      const { items, total } = await q.listItems(db, setCode, filter, page);
      return { items: items.map(toItemView), total };
    },

    /** A custom set: editable, with no items yet. */
    async createSet(actor: Actor, meta: RequestMeta, input: CodeSetInput): Promise<CodeSetView> {
      await db.transaction().execute(async (trx) => {
        const set = { code: input.code, name: input.name, standard: input.standard ?? null, description: input.description ?? '', editable: true, builtin: false };
        const inserted = await q.insertSet(trx, set, clock());
        if (!inserted) throw E.CODE_SET_CODE_TAKEN(undefined, [{ field: 'code', message: `代码集编码 ${input.code} 已存在` }]);
        await recordAudit(trx, { actor, meta }, { action: 'code-set.create', targetType: 'code-set', targetId: input.code, changes: { name: set.name, standard: set.standard } });
      });
      return toSetView(await setOrThrow(input.code));
    },

    async createItem(actor: Actor, meta: RequestMeta, setCode: string, input: CodeItemInput): Promise<CodeItemView> {
      const row = await db.transaction().execute(async (trx) => {
        const set = await q.findSet(trx, setCode);
        if (!set) throw E.CODE_SET_NOT_FOUND();
        checkEditable(set, 'code');
        const parentCode = input.parentCode ?? null;
        if (parentCode !== null && !(await q.findItemForUpdate(trx, setCode, parentCode))) {
          throw E.CODE_ITEM_PARENT_NOT_FOUND(undefined, [{ field: 'parentCode', message: `上级代码 ${parentCode} 在代码集 ${setCode} 中不存在` }]);
        }
        const sort = input.sort ?? Number((await q.nextSort(trx, setCode)).max) + 1;
        const item = { setCode, code: input.code, label: input.label, sort, enabled: input.enabled ?? true, parentCode };
        const inserted = await q.insertItem(trx, item, clock());
        if (!inserted) throw E.CODE_ITEM_CODE_TAKEN(undefined, [{ field: 'code', message: `代码 ${input.code} 在代码集 ${setCode} 中已存在` }]);
        await recordAudit(trx, { actor, meta }, { action: 'code-item.create', targetType: 'code-item', targetId: `${setCode}:${input.code}`, changes: { label: item.label, sort, enabled: item.enabled, parentCode } });
        return inserted;
      });
      lookup.invalidate(setCode);
      return toItemView(row);
    },

    /** Label and sort of an editable set; `enabled` of any set (see `checkEditable`). */
    async updateItem(actor: Actor, meta: RequestMeta, setCode: string, itemCode: string, patch: CodeItemPatch): Promise<CodeItemView> {
      const row = await db.transaction().execute(async (trx) => {
        const set = await q.findSet(trx, setCode);
        if (!set) throw E.CODE_SET_NOT_FOUND();
        const item = await q.findItemForUpdate(trx, setCode, itemCode);
        if (!item) throw E.CODE_ITEM_NOT_FOUND();
        const changes = diff({ label: item.label, sort: item.sort, enabled: item.enabled }, patch);
        if (changes.label || changes.sort) checkEditable(set, changes.label ? 'label' : 'sort');
        if (Object.keys(changes).length === 0) return item;
        const updated = await q.updateItem(trx, setCode, itemCode, { label: patch.label ?? item.label, sort: patch.sort ?? item.sort, enabled: patch.enabled ?? item.enabled }, clock());
        await recordAudit(trx, { actor, meta }, { action: 'code-item.update', targetType: 'code-item', targetId: `${setCode}:${itemCode}`, changes });
        return updated;
      });
      lookup.invalidate(setCode);
      return toItemView(row);
    },

    /**
     * Seeds the built-in sets idempotently: a set or item missing from this database is added
     * (a new release's codes appear on an existing database), an existing item is left exactly as
     * it is, so an administrator's enabled/label edits survive every restart.
     */
    async ensureBuiltinSets(): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const now = clock();
        for (const { items, ...set } of BUILTIN_CODE_SETS) {
          const ours = await q.upsertBuiltinSet(trx, set, now);
          const existing = ours ? undefined : await q.findSet(trx, set.code);
          if (existing && !existing.builtin) continue; // a custom set took the code first: not ours to fill
          for (const [i, item] of items.entries()) {
            await q.insertItem(trx, { setCode: set.code, code: item.code, label: item.label, sort: i + 1, enabled: true, parentCode: item.parent ?? null }, now);
          }
        }
      });
      for (const set of BUILTIN_CODE_SETS) lookup.invalidate(set.code);
    },
  };
}

export type CodeSetService = ReturnType<typeof createCodeSetService>;
