/**
 * Connectors as configuration: registering one registers its aggregation source system (same
 * code, same org), so what it pulls shows in batches, lineage and the coverage rate like any
 * other delivery. The secret is sealed on the way in and never comes out through a view.
 */
import type { Actor } from '../../platform/authz/actor.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/seal.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Page } from '../../platform/http/pagination.ts';
import type { AggregationModule } from '../aggregation/index.ts';
import { findLibrary, type StandardLibrary } from '../standards/index.ts';
import { connectorErrors as E } from './connectors.errors.ts';
import { findConnector, findConnectorByCode, insertConnector, lastRuns, listConnectors, recentRuns, updateConnector } from './connectors.queries.ts';
import type { ConnectorCreateInput, ConnectorUpdateInput } from './connectors.schema.ts';
import type { ConnectorTables, Schedule } from './connectors.tables.ts';
import { mappingProblems } from './mapping.rules.ts';
import { connectorView, runView, type ConnectorRow, type RunRow } from './views.ts';

/** Records one aggregation push may carry (aggregation's PUSH_MAX_RECORDS). */
const PUSH_LIMIT = 5000;

/** The delivery cycle the source system promises, for the coverage page's staleness. */
const CYCLE_OF: Record<Schedule, 'daily' | 'weekly' | 'monthly'> = { manual: 'monthly', hourly: 'daily', daily: 'daily', weekly: 'weekly' };

export interface RunState {
  isLive(connectorId: number): boolean;
  staleAfterMs: number;
}

function checkConfig(libraryId: string, input: Pick<ConnectorCreateInput, 'mapping' | 'paging'>): StandardLibrary {
  const library = findLibrary(libraryId);
  if (!library) throw E.CONN_CONFIG_INVALID(`未知的标准库：${libraryId}`, [{ field: 'libraryId', message: `未知的标准库：${libraryId}` }]);
  const problems = mappingProblems(input.mapping, library);
  if (problems.length > 0) throw E.CONN_MAPPING_INVALID(problems.map((p) => p.message).join('；'), problems);
  // Every page lands as one push; a page must fit in one.
  if (input.paging.size * input.mapping.length > PUSH_LIMIT) {
    throw E.CONN_CONFIG_INVALID(`每页 ${input.paging.size} 条 × ${input.mapping.length} 组映射超过单批 ${PUSH_LIMIT} 条`, [{ field: 'paging.size', message: '请调小每页条数' }]);
  }
  return library;
}

export function createConnectorService(base: BaseDb, deps: { sources: AggregationModule['sources']; sealer: Sealer; runs: RunState; clock: () => Date }) {
  const db = base.withTables<ConnectorTables>();
  const viewRun = (r: RunRow) => runView(r, deps.runs.isLive(r.connector_id), deps.clock(), deps.runs.staleAfterMs);

  async function rowOrFail(actor: Actor | null, id: number): Promise<ConnectorRow> {
    const row = await findConnector(db, id, actor);
    if (!row) throw E.CONN_NOT_FOUND(`没有编号为 ${id} 的接口连接器`, [{ field: 'id', message: String(id) }]);
    return row;
  }

  const service = {
    async list(actor: Actor | null, page: Page) {
      const { items, total } = await listConnectors(db, actor, page);
      const last = await lastRuns(db, items.map((c) => c.id));
      return { items: items.map((c) => connectorView(c, ((r) => (r ? viewRun(r) : null))(last.find((r) => r.connector_id === c.id)))), total };
    },

    /** One connector with its last runs (newest first). */
    async get(actor: Actor | null, id: number, runs = 10) {
      const row = await rowOrFail(actor, id);
      const recent = (await recentRuns(db, id, runs)).map(viewRun);
      return { ...connectorView(row, recent[0] ?? null), runs: recent };
    },

    showRun: viewRun,

    /** The connector a pull works with (scope applied for a signed-in caller). */
    row: rowOrFail,

    async byCode(actor: Actor | null, code: string): Promise<ConnectorRow> {
      const row = await findConnectorByCode(db, code, actor);
      if (!row) throw E.CONN_NOT_FOUND(`没有编码为 ${code} 的接口连接器`, [{ field: 'code', message: code }]);
      return row;
    },

    /**
     * Registers a connector and the source system it delivers as, in the caller's org (`orgId`
     * given: the CLI and the demo register for an org). The source comes first: its code must be free.
     */
    async create(who: AuditWho, actor: Actor | null, input: ConnectorCreateInput, orgId: number | null = actor?.orgId ?? null) {
      const library = checkConfig(input.libraryId, input);
      if (await findConnectorByCode(db, input.code, null)) throw E.CONN_CODE_TAKEN(`连接器编码 ${input.code} 已被使用`, [{ field: 'code', message: input.code }]);
      let sourceId: number;
      try {
        const source = await deps.sources.create(who, actor, {
          code: input.code, name: input.name, description: `由接口连接器从${input.agency}拉取`,
          libraries: [{ libraryId: library.id, cycle: CYCLE_OF[input.schedule], expectedRecords: null }],
        }, orgId);
        sourceId = source.id;
      } catch (err) {
        if (err instanceof AppError && err.code === 'AGG_SOURCE_CODE_TAKEN') throw E.CONN_CODE_TAKEN(`来源系统编码 ${input.code} 已被使用，请换一个连接器编码`, [{ field: 'code', message: input.code }]);
        throw err;
      }
      const id = await db.transaction().execute(async (trx) => {
        const now = deps.clock();
        const row = await insertConnector(trx, {
          code: input.code, name: input.name, agency: input.agency, org_id: orgId, source_id: sourceId, library_id: library.id, base_url: input.baseUrl,
          endpoint: input.endpoint, auth: JSON.stringify(input.auth), secret_sealed: deps.sealer.seal(Buffer.from(input.secret, 'utf8')),
          paging: JSON.stringify(input.paging), envelope: (input.envelope ? JSON.stringify(input.envelope) : null),
          mapping: JSON.stringify(input.mapping), schedule: input.schedule, timeout_ms: input.timeoutMs,
          created_by: actor?.userId ?? null, created_at: now, updated_at: now,
        });
        if (!row) throw E.CONN_CODE_TAKEN(`连接器编码 ${input.code} 已被使用`, [{ field: 'code', message: input.code }]);
        // Never the secret: the trail says a credential was set, not what it is.
        await recordAudit(trx, who, {
          action: 'connectors.create', targetType: 'conn_connector', targetId: row.id,
          changes: { code: input.code, agency: input.agency, library: library.id, baseUrl: input.baseUrl, endpoint: input.endpoint, auth: input.auth.kind, schedule: input.schedule },
        });
        return row.id;
      });
      return service.get(actor, id);
    },

    /** Replaces the configuration; the secret only when a new one is given. Code and library stay. */
    async update(who: AuditWho, actor: Actor | null, id: number, input: ConnectorUpdateInput) {
      const before = await rowOrFail(actor, id);
      checkConfig(before.library_id, input);
      await db.transaction().execute(async (trx) => {
        await updateConnector(trx, id, {
          name: input.name, agency: input.agency, base_url: input.baseUrl, endpoint: input.endpoint, auth: JSON.stringify(input.auth),
          ...(input.secret ? { secret_sealed: deps.sealer.seal(Buffer.from(input.secret, 'utf8')) } : {}),
          paging: JSON.stringify(input.paging), envelope: (input.envelope ? JSON.stringify(input.envelope) : null),
          mapping: JSON.stringify(input.mapping), schedule: input.schedule, timeout_ms: input.timeoutMs, status: input.status, updated_at: deps.clock(),
        });
        const changed = (['name', 'agency', 'base_url', 'endpoint', 'schedule', 'status'] as const).filter((k) => {
          const after = { name: input.name, agency: input.agency, base_url: input.baseUrl, endpoint: input.endpoint, schedule: input.schedule, status: input.status }[k];
          return before[k] !== after;
        });
        await recordAudit(trx, who, {
          action: 'connectors.update', targetType: 'conn_connector', targetId: id,
          changes: { changed, authKind: input.auth.kind, mappingChanged: JSON.stringify(before.mapping) !== JSON.stringify(input.mapping), secretChanged: input.secret !== undefined },
        });
      });
      return service.get(actor, id);
    },
  };
  return service;
}

export type ConnectorService = ReturnType<typeof createConnectorService>;
