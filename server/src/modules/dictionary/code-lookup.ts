import type { BaseDb } from '../../platform/db/database.ts';
import type { DictionaryTables } from './dictionary.tables.ts';
import { allItems } from './code-sets.queries.ts';

// Several servers may share one PostgreSQL; an edit made on another server shows here after this.
const MAX_AGE_MS = 60_000;

/** What other modules use to check and show codes (injected by the composition root). */
export interface CodeLookup {
  /** The item's label, enabled or not (old records keep resolving); null for an unknown code. */
  labelOf(setCode: string, itemCode: string): Promise<string | null>;
  /** Whether new data may carry this code: the item exists and is enabled. */
  isValidCode(setCode: string, itemCode: string): Promise<boolean>;
  /** The whole set (code → label, enabled), for checking many rows without a call per value. */
  itemsOf(setCode: string): Promise<ReadonlyMap<string, { label: string; enabled: boolean }>>;
}

interface Entry {
  items: Map<string, { label: string; enabled: boolean }>;
  loadedAt: number;
}

/** Per-process cache of whole sets, dropped by `invalidate` after an edit commits. */
export function createCodeLookup(base: BaseDb, now: () => number = Date.now) {
  const db = base.withTables<DictionaryTables>();
  const cache = new Map<string, Entry>();
  // Bumped by every invalidation: a load that started before an edit committed must not be cached.
  const generations = new Map<string, number>();

  async function itemsOf(setCode: string): Promise<Entry['items']> {
    const hit = cache.get(setCode);
    if (hit && now() - hit.loadedAt < MAX_AGE_MS) return hit.items;
    const generation = generations.get(setCode) ?? 0;
    const rows = await allItems(db, setCode);
    const items = new Map(rows.map((r) => [r.code, { label: r.label, enabled: r.enabled }]));
    if ((generations.get(setCode) ?? 0) === generation) cache.set(setCode, { items, loadedAt: now() });
    return items;
  }

  return {
    itemsOf,
    async labelOf(setCode: string, itemCode: string): Promise<string | null> {
      return (await itemsOf(setCode)).get(itemCode)?.label ?? null;
    },
    async isValidCode(setCode: string, itemCode: string): Promise<boolean> {
      return (await itemsOf(setCode)).get(itemCode)?.enabled === true;
    },
    invalidate(setCode: string): void {
      generations.set(setCode, (generations.get(setCode) ?? 0) + 1);
      cache.delete(setCode);
    },
  };
}

export type CodeLookupCache = ReturnType<typeof createCodeLookup>;
