import type { Actor, RequestMeta } from '../../platform/authz/actor.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { findLibrary } from '../standards/index.ts';
import { aggregationErrors as E } from './aggregation.errors.ts';
import type { AggregationTables, UpdateCycle } from './aggregation.tables.ts';
import { coverageRate, CYCLE_LABELS, isStale } from './coverage.rules.ts';
import { deliveryFacts, findSource, findSourceByCode, listSources, obligationsOf } from './sources.queries.ts';

export interface Obligation {
  libraryId: string;
  cycle: UpdateCycle;
  expectedRecords: number | null;
}

export interface SourceInput {
  code: string;
  name: string;
  description?: string;
  libraries: Obligation[];
}

function checkLibraries(libraries: readonly Obligation[]): void {
  const unknown = libraries.filter((l) => !findLibrary(l.libraryId));
  if (unknown.length > 0) throw E.AGG_LIBRARY_NOT_FOUND(undefined, unknown.map((l) => ({ field: 'libraries', message: `未知的标准库：${l.libraryId}` })));
}

export function createSourceService(base: BaseDb, clock: () => Date = () => new Date()) {
  const db = base.withTables<AggregationTables>();

  async function withObligations(rows: Awaited<ReturnType<typeof listSources>>) {
    const obligations = await obligationsOf(db, rows.map((r) => r.id));
    return rows.map((s) => ({
      id: s.id, code: s.code, name: s.name, orgId: s.org_id, description: s.description,
      libraries: obligations.filter((o) => o.source_id === s.id).map((o) => ({ libraryId: o.library_id, cycle: o.cycle, expectedRecords: o.expected_records })),
    }));
  }

  async function replaceObligations(trx: typeof db, sourceId: number, libraries: readonly Obligation[]) {
    await trx.deleteFrom('agg_source_libraries').where('source_id', '=', sourceId).execute();
    if (libraries.length > 0) {
      await trx.insertInto('agg_source_libraries').values(libraries.map((l) => ({ source_id: sourceId, library_id: l.libraryId, cycle: l.cycle, expected_records: l.expectedRecords }))).execute();
    }
  }

  const service = {
    async list(actor: Actor | null) {
      return withObligations(await listSources(db, actor));
    },

    /** Registers a source system in the caller's org (the CLI's operator registers installation-wide ones). */
    async create(who: AuditWho, actor: Actor | null, input: SourceInput, orgId: number | null = actor?.orgId ?? null) {
      checkLibraries(input.libraries);
      const id = await db.transaction().execute(async (trx) => {
        const now = clock();
        const row = await trx.insertInto('agg_sources').values({ code: input.code, name: input.name, org_id: orgId, description: input.description ?? '', created_at: now, updated_at: now })
          .onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();
        if (!row) throw E.AGG_SOURCE_CODE_TAKEN(undefined, [{ field: 'code', message: `来源系统编码 ${input.code} 已存在` }]);
        await replaceObligations(trx, row.id, input.libraries);
        await recordAudit(trx, who, { action: 'aggregation.source.create', targetType: 'agg_source', targetId: row.id, changes: { code: input.code, name: input.name, libraries: input.libraries } });
        return row.id;
      });
      return service.get(actor, id);
    },

    async get(actor: Actor | null, id: number) {
      const row = await findSource(db, id, actor);
      if (!row) throw E.AGG_SOURCE_NOT_FOUND();
      const [view] = await withObligations([row]);
      if (!view) throw E.AGG_SOURCE_NOT_FOUND();
      return view;
    },

    async update(actor: Actor, meta: RequestMeta, id: number, patch: Partial<Omit<SourceInput, 'code'>>) {
      const before = await service.get(actor, id);
      if (patch.libraries) checkLibraries(patch.libraries);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('agg_sources').set({ name: patch.name ?? before.name, description: patch.description ?? before.description, updated_at: clock() }).where('id', '=', id).execute();
        if (patch.libraries) await replaceObligations(trx, id, patch.libraries);
        await recordAudit(trx, { actor, meta }, { action: 'aggregation.source.update', targetType: 'agg_source', targetId: id, changes: { before: { name: before.name, libraries: before.libraries }, after: patch } });
      });
      return service.get(actor, id);
    },

    /**
     * The source a batch is delivered under. A signed-in caller must see the source in its data
     * scope; the operator's CLI registers an unknown code on the fly (installation-wide), so a
     * first `tianping ingest --source X` just works and shows up in the coverage report.
     */
    async requireForIngest(actor: Actor | null, code: string): Promise<{ id: number; orgId: number | null }> {
      const row = await findSourceByCode(db, code, actor);
      if (row) return { id: row.id, orgId: row.org_id };
      if (actor) throw E.AGG_SOURCE_NOT_FOUND(`来源系统 ${code} 未登记或不在您的数据范围内`, [{ field: 'source', message: `来源系统 ${code} 未登记` }]);
      const created = await service.create({ system: 'cli' }, null, { code, name: code, description: '由命令行导入时自动登记', libraries: [] });
      return { id: created.id, orgId: null };
    },

    /**
     * 归集率 per source and library: what arrived (records held, last delivery) against what was
     * expected (the declared record count and the update cycle), and which sources are stale.
     */
    async coverage(actor: Actor) {
      const sources = await service.list(actor);
      const facts = await deliveryFacts(db, sources.map((s) => s.id));
      const now = clock();
      const rows = sources.flatMap((s) => s.libraries.map((o) => {
        const f = facts.find((x) => x.source_id === s.id && x.library_id === o.libraryId);
        const held = f?.held ?? 0;
        const last = f?.last_delivery ?? null;
        return {
          sourceId: s.id, sourceCode: s.code, sourceName: s.name, orgId: s.orgId, libraryId: o.libraryId, libraryName: findLibrary(o.libraryId)?.name ?? o.libraryId,
          cycle: o.cycle, cycleLabel: CYCLE_LABELS[o.cycle], expectedRecords: o.expectedRecords, heldRecords: held, rate: coverageRate(held, o.expectedRecords),
          lastDeliveryAt: last ? last.toISOString() : null, lastBatchId: f?.last_batch_id ?? null, stale: isStale(last, o.cycle, now),
        };
      }));
      const byOrg = new Map<string, { orgId: number | null; obligations: number; stale: number; held: number; expected: number }>();
      for (const r of rows) {
        const k = String(r.orgId);
        const o = byOrg.get(k) ?? { orgId: r.orgId, obligations: 0, stale: 0, held: 0, expected: 0 };
        o.obligations++;
        if (r.stale) o.stale++;
        if (r.expectedRecords !== null) {
          o.held += Math.min(r.heldRecords, r.expectedRecords);
          o.expected += r.expectedRecords;
        }
        byOrg.set(k, o);
      }
      const orgs = [...byOrg.values()].map((o) => ({ ...o, rate: coverageRate(o.held, o.expected) }));
      return { rows, orgs, generatedAt: now.toISOString() };
    },
  };
  return service;
}

export type SourceService = ReturnType<typeof createSourceService>;
