/**
 * 权责清单 (S2 of issue 7): enforcement items with their legal basis (element ids of the library)
 * and discretion benchmarks. Every write is checked by power-list.rules.ts first and audited in
 * its transaction.
 */
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { basisView, benchmarkView, contentOf, isoDay, itemHead, statusOfFact, storedInput, type FactRow } from './item-view.ts';
import { powerListErrors as E } from './power-list.errors.ts';
import * as q from './power-list.queries.ts';
import { checkItem, type ItemInput, type Violation } from './power-list.rules.ts';
import { BENCHMARK_LEVELS, type PowerListTables } from './power-list.tables.ts';
import type { LawTables } from '../laws/laws.tables.ts';

export const PENALTY_SET = 'penalty_type';

export interface PowerListDeps {
  codes: CodeLookup;
  clock?: (() => Date) | undefined;
}

/** Duplicates dropped, prose trimmed (a spreadsheet trims cells) and tiers by severity, so equal content compares equal. */
export function normalize(input: ItemInput): ItemInput {
  const severity = (l: string) => BENCHMARK_LEVELS.indexOf(l as (typeof BENCHMARK_LEVELS)[number]);
  return {
    ...input,
    description: input.description.trim(),
    orgTypes: [...new Set(input.orgTypes)],
    benchmarks: [...input.benchmarks]
      .sort((a, b) => severity(a.level) - severity(b.level))
      .map((t) => ({ ...t, circumstances: t.circumstances.trim(), note: t.note.trim(), penalties: [...new Set(t.penalties)] })),
  };
}

const itemRow = (i: ItemInput): q.ItemWrite => ({ code: i.code, name: i.name, kind: i.kind, org_types: i.orgTypes, description: i.description });

const invalid = (vs: readonly Violation[]) => E.POWER_ITEM_INVALID(undefined, vs.map((v) => ({ field: v.field, code: v.code, message: v.message })));

export function createPowerListService(base: BaseDb, deps: PowerListDeps) {
  const db = base.withTables<PowerListTables & LawTables>();
  const clock = deps.clock ?? (() => new Date());
  const today = () => isoDay(clock());

  /** The rule violations of each input, in order; facts are read once for all of them. */
  async function check(inputs: readonly ItemInput[]): Promise<Violation[][]> {
    const ids = [...new Set(inputs.flatMap((i) => i.bases.map((b) => b.elementId)))];
    const [facts, penaltyKinds] = await Promise.all([q.elementFacts(db, ids), deps.codes.itemsOf(PENALTY_SET)]);
    const day = today();
    const elements = new Map(facts.map((f) => [f.id, statusOfFact(f, day)]));
    return inputs.map((i) => checkItem(i, { elements, penaltyKinds }));
  }

  async function requireValid(input: ItemInput): Promise<void> {
    const [vs = []] = await check([input]);
    if (vs.length > 0) throw invalid(vs);
  }

  async function write(trx: q.Db, id: number | null, input: ItemInput, now: Date): Promise<number> {
    let itemId = id;
    if (itemId === null) {
      itemId = await q.insertItem(trx, itemRow(input), now);
      if (itemId === null) throw E.POWER_ITEM_CODE_TAKEN(`事项编码 ${input.code} 已存在`, [{ field: 'code', message: `事项编码 ${input.code} 已存在` }]);
    } else {
      await q.updateItem(trx, itemId, itemRow(input), now);
    }
    await q.replaceBases(trx, itemId, input.bases);
    await q.replaceBenchmarks(trx, itemId, input.benchmarks);
    return itemId;
  }

  /** Bases and tiers of items; `on` is the transaction when inside one (PGlite has a single connection). */
  async function stored(ids: readonly number[], on: q.Db = db) {
    const [bases, tiers] = await Promise.all([q.basesOf(on, ids), q.benchmarksOf(on, ids)]);
    return { bases, tiers };
  }

  const service = {
    async list(filter: q.ItemFilter, page: Page) {
      const { items, total } = await q.listItems(db, filter, page);
      return { items: items.map((i) => ({ ...itemHead(i), basisCount: i.basis_count ?? 0, benchmarkCount: i.benchmark_count ?? 0 })), total };
    },

    async get(id: number) {
      const item = await q.findItem(db, id);
      if (!item) throw E.POWER_ITEM_NOT_FOUND();
      const { bases, tiers } = await stored([id]);
      const ids = bases.map((b) => b.element_id);
      const [facts, penaltyKinds] = await Promise.all([q.elementFacts(db, ids), deps.codes.itemsOf(PENALTY_SET)]);
      const byId = new Map<string, FactRow>(facts.map((f) => [f.id, f]));
      const below = await q.descendantsOf(db, facts.filter((f) => f.text === '').map((f) => f.id));
      const day = today();
      return { ...itemHead(item), bases: bases.map((b) => basisView(b, byId, below, day)), benchmarks: tiers.map((t) => benchmarkView(t, penaltyKinds)) };
    },

    async create(who: AuditWho, given: ItemInput) {
      const input = normalize(given);
      await requireValid(input);
      const id = await db.transaction().execute(async (trx) => {
        const itemId = await write(trx, null, input, clock());
        await recordAudit(trx, who, { action: 'power-list.item.create', targetType: 'power_item', targetId: itemId, changes: { after: input } });
        return itemId;
      });
      return service.get(id);
    },

    /** Replaces the item: its fields, bases and benchmark tiers. */
    async update(who: AuditWho, id: number, given: ItemInput) {
      const input = normalize(given);
      const item = await q.findItem(db, id);
      if (!item) throw E.POWER_ITEM_NOT_FOUND();
      await requireValid(input);
      if (await q.codeTaken(db, input.code, id)) throw E.POWER_ITEM_CODE_TAKEN(`事项编码 ${input.code} 已被其他事项使用`, [{ field: 'code', message: `事项编码 ${input.code} 已存在` }]);
      const { bases, tiers } = await stored([id]);
      const before = storedInput(item, bases, tiers);
      await db.transaction().execute(async (trx) => {
        await write(trx, id, input, clock());
        await recordAudit(trx, who, { action: 'power-list.item.update', targetType: 'power_item', targetId: id, changes: { before, after: input } });
      });
      return service.get(id);
    },

    async remove(who: AuditWho, id: number) {
      return db.transaction().execute(async (trx) => {
        const gone = await q.deleteItem(trx, id);
        if (!gone) throw E.POWER_ITEM_NOT_FOUND();
        await recordAudit(trx, who, { action: 'power-list.item.delete', targetType: 'power_item', targetId: id, changes: { code: gone.code, name: gone.name } });
        return { id: gone.id, code: gone.code };
      });
    },

    check,

    /**
     * Creates or replaces items by code in one transaction (a file import): all or nothing, one
     * audit event naming what changed. Items whose content is unchanged are not written, so
     * importing an export changes nothing. The inputs must have passed `check`.
     */
    async upsert(who: AuditWho, given: readonly ItemInput[], action: string) {
      const inputs = given.map(normalize);
      return db.transaction().execute(async (trx) => {
        const existing = await q.itemsByCode(trx, inputs.map((i) => i.code));
        const byCode = new Map(existing.map((i) => [i.code, i]));
        const { bases, tiers } = await stored(existing.map((i) => i.id), trx);
        const result = { created: [] as string[], updated: [] as string[], unchanged: [] as string[] };
        const now = clock();
        for (const input of inputs) {
          const old = byCode.get(input.code);
          if (old && contentOf(storedInput(old, bases.filter((b) => b.item_id === old.id), tiers.filter((t) => t.item_id === old.id))) === contentOf(input)) {
            result.unchanged.push(input.code);
            continue;
          }
          await write(trx, old?.id ?? null, input, now);
          (old ? result.updated : result.created).push(input.code);
        }
        await recordAudit(trx, who, { action, targetType: 'power_item', targetId: null, changes: { created: result.created, updated: result.updated, unchanged: result.unchanged.length } });
        return result;
      });
    },

    /** Every item as stored, in code order, for the export. */
    async all() {
      const items = await q.allItems(db);
      const { bases, tiers } = await stored(items.map((i) => i.id));
      return items.map((i) => storedInput(i, bases.filter((b) => b.item_id === i.id), tiers.filter((t) => t.item_id === i.id)));
    },
  };
  return service;
}

export type PowerListService = ReturnType<typeof createPowerListService>;
