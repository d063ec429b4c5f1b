import type { Selectable } from 'kysely';
import { findLibrary, labelOf } from '../standards/index.ts';
import type { ConnConnectorsTable, ConnRunsTable } from './connectors.tables.ts';

export type ConnectorRow = Omit<Selectable<ConnConnectorsTable>, 'secret_sealed'>;
export type RunRow = Selectable<ConnRunsTable>;

/** A run as the API shows it. `live`: some pull of this process is driving it right now. */
export function runView(r: RunRow, live: boolean, now: Date, staleAfterMs: number) {
  return {
    id: r.id,
    connectorId: r.connector_id,
    trigger: r.trigger,
    status: r.status,
    interrupted: r.status === 'running' && !live && now.getTime() - r.heartbeat_at.getTime() > staleAfterMs,
    pagesFetched: r.pages_fetched,
    pagesLanded: r.pages_landed,
    pagesSkipped: r.pages_skipped,
    itemsRead: r.items_read,
    accepted: r.accepted_rows,
    rejected: r.rejected_rows,
    inserted: r.inserted_rows,
    updated: r.updated_rows,
    unchanged: r.unchanged_rows,
    retries: r.retries,
    lastBatchId: r.last_batch_id,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    startedBy: r.started_by,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
  };
}

export type RunView = ReturnType<typeof runView>;

export function connectorView(c: ConnectorRow, lastRun: RunView | null) {
  const library = findLibrary(c.library_id);
  const label = (key: string) => {
    const f = library?.fields.find((x) => x.key === key);
    return f ? labelOf(f) : key;
  };
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    agency: c.agency,
    orgId: c.org_id,
    sourceId: c.source_id,
    libraryId: c.library_id,
    libraryName: library?.name ?? c.library_id,
    baseUrl: c.base_url,
    endpoint: c.endpoint,
    auth: c.auth,
    secretSet: true,
    paging: c.paging,
    envelope: c.envelope,
    mapping: c.mapping.map((e) => ({ fields: e.fields.map((m) => ({ field: m.field, label: label(m.field), from: m.from, values: m.values })) })),
    schedule: c.schedule,
    timeoutMs: c.timeout_ms,
    status: c.status,
    createdAt: c.created_at.toISOString(),
    updatedAt: c.updated_at.toISOString(),
    lastRun,
  };
}
