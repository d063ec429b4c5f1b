import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import { orgIdInScope } from '../identity/index.ts';
import type { ConnConnectorsTable, ConnectorTables, ConnRunsTable } from './connectors.tables.ts';

type Db = Kysely<ConnectorTables>;

const connectorColumns = [
  'id', 'code', 'name', 'agency', 'org_id', 'source_id', 'library_id', 'base_url', 'endpoint', 'auth', 'paging', 'envelope', 'mapping',
  'schedule', 'timeout_ms', 'status', 'created_by', 'created_at', 'updated_at',
] as const;

export async function findConnector(db: Db, id: number, actor: Actor | null) {
  let q = db.selectFrom('conn_connectors').select(connectorColumns).where('id', '=', id);
  if (actor) q = q.where(orgIdInScope(actor, 'conn_connectors.org_id'));
  return q.executeTakeFirst();
}

export async function findConnectorByCode(db: Db, code: string, actor: Actor | null) {
  let q = db.selectFrom('conn_connectors').select(connectorColumns).where('code', '=', code);
  if (actor) q = q.where(orgIdInScope(actor, 'conn_connectors.org_id'));
  return q.executeTakeFirst();
}

/** The sealed secret: read only by a pull, never with the connector's view. */
export async function sealedSecretOf(db: Db, id: number): Promise<Buffer> {
  const row = await db.selectFrom('conn_connectors').select('secret_sealed').where('id', '=', id).executeTakeFirstOrThrow();
  return row.secret_sealed;
}

export async function listConnectors(db: Db, actor: Actor | null, page: Page) {
  let q = db.selectFrom('conn_connectors');
  if (actor) q = q.where(orgIdInScope(actor, 'conn_connectors.org_id'));
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select(connectorColumns).orderBy('code').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function insertConnector(db: Db, values: Insertable<ConnConnectorsTable>) {
  return db.insertInto('conn_connectors').values(values).onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();
}

export async function updateConnector(db: Db, id: number, values: Updateable<ConnConnectorsTable>) {
  await db.updateTable('conn_connectors').set(values).where('id', '=', id).execute();
}

export async function recentRuns(db: Db, connectorId: number, limit: number) {
  return db.selectFrom('conn_runs').selectAll().where('connector_id', '=', connectorId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** The latest run of each connector, for lists. */
export async function lastRuns(db: Db, connectorIds: readonly number[]) {
  if (connectorIds.length === 0) return [];
  return db.selectFrom('conn_runs').selectAll().distinctOn('connector_id').where('connector_id', 'in', connectorIds)
    .orderBy('connector_id').orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
}

export async function runningRun(db: Db, connectorId: number) {
  return db.selectFrom('conn_runs').selectAll().where('connector_id', '=', connectorId).where('status', '=', 'running').executeTakeFirst();
}

export async function findRun(db: Db, id: number) {
  return db.selectFrom('conn_runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function insertRun(db: Db, values: Insertable<ConnRunsTable>) {
  return db.insertInto('conn_runs').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateRun(db: Db, id: number, values: Updateable<ConnRunsTable>) {
  await db.updateTable('conn_runs').set(values).where('id', '=', id).execute();
}

/** Adds one page's outcome to the run's counters (a resumed run keeps what it had). */
export async function addToRun(db: Db, id: number, add: { fetched: number; landed: number; skipped: number; items: number; accepted: number; rejected: number; inserted: number; updated: number; unchanged: number }) {
  await db.updateTable('conn_runs').set((eb) => ({
    pages_fetched: eb('pages_fetched', '+', add.fetched),
    pages_landed: eb('pages_landed', '+', add.landed),
    pages_skipped: eb('pages_skipped', '+', add.skipped),
    items_read: eb('items_read', '+', add.items),
    accepted_rows: eb('accepted_rows', '+', add.accepted),
    rejected_rows: eb('rejected_rows', '+', add.rejected),
    inserted_rows: eb('inserted_rows', '+', add.inserted),
    updated_rows: eb('updated_rows', '+', add.updated),
    unchanged_rows: eb('unchanged_rows', '+', add.unchanged),
  })).where('id', '=', id).execute();
}

export async function addRetry(db: Db, id: number) {
  await db.updateTable('conn_runs').set((eb) => ({ retries: eb('retries', '+', 1) })).where('id', '=', id).execute();
}

export async function findPage(db: Db, connectorId: number, externalId: string) {
  return db.selectFrom('conn_pages').select(['batch_id']).where('connector_id', '=', connectorId).where('external_id', '=', externalId).executeTakeFirst();
}

export async function insertPage(db: Db, values: { connector_id: number; external_id: string; batch_id: string; run_id: number; records: number; landed_at: Date }) {
  await db.insertInto('conn_pages').values(values).onConflict((oc) => oc.columns(['connector_id', 'external_id']).doNothing()).execute();
}

/** Active scheduled connectors with the start of their latest run (null: never run). */
export async function scheduledConnectors(db: Db) {
  const { rows } = await sql<{ id: number; code: string; schedule: ConnConnectorsTable['schedule']; last_started: Date | null }>`
    select c.id, c.code, c.schedule, (select max(r.started_at) from conn_runs r where r.connector_id = c.id) as last_started
    from conn_connectors c where c.status = 'active' and c.schedule <> 'manual' order by c.code`.execute(db);
  return rows;
}

/** Running runs nobody advanced since `before`: their process died; the scheduler resumes them. */
export async function silentRuns(db: Db, before: Date) {
  return db.selectFrom('conn_runs').select(['connector_id']).where('status', '=', 'running').where('heartbeat_at', '<', before).execute();
}
