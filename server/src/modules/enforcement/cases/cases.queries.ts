/**
 * All SQL of cases. Data scope is a condition of every read here (orgIdInScope on the case's
 * org), so a case outside the caller's scope is never found; writes go through a case read first.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { AuditWho } from '../../../platform/audit/audit.ts';
import { escapeLike } from '../../../platform/db/like.ts';
import { pageOffset, type Page } from '../../../platform/http/pagination.ts';
import { orgIdInScope } from '../../identity/index.ts';
import type { IdentityTables } from '../../identity/identity.tables.ts';
import type { LawTables } from '../../laws/laws.tables.ts';
import type { PowerListTables } from '../../power-list/power-list.tables.ts';
import type { CaseState } from '../workflow/index.ts';
import type { Tables as EnforcementDbTables } from '../enforcement.queries.ts';
import type { CaseTables, EnforcementCaseEventsTable } from './cases.tables.ts';
import { OPEN_BEYOND_LIMIT, STEP_OVERDUE } from './supervision.columns.ts';

export type Tables = CaseTables & EnforcementDbTables & PowerListTables & Pick<LawTables, 'law_elements' | 'law_versions'> & Pick<IdentityTables, 'orgs'>;
export type Db = Kysely<Tables> | Transaction<Tables>;

export interface CaseFilter {
  q?: string | undefined;
  state?: CaseState | undefined;
  orgId?: number | undefined;
  itemId?: number | undefined;
}

const listColumns = [
  'c.id', 'c.org_id', 'c.case_no', 'c.cause', 'c.item_id', 'c.state', 'c.party_kind', 'c.party_name', 'c.act_end_date',
  'c.filed_date', 'c.decided_on', 'c.fine', 'c.state_since', 'c.created_at', 'c.updated_at',
] as const;

/** The org and everything below it (the org tree's materialised path). */
const inOrgSubtree = (orgId: number) => sql<boolean>`c.org_id in (select o.id from orgs o where o.path like (select p.path from orgs p where p.id = ${orgId}) || '%')`;

function casesQuery(db: Db, actor: Actor | null) {
  const q = db.selectFrom('enforcement_cases as c');
  return actor ? q.where(orgIdInScope(actor, 'c.org_id')) : q;
}

export async function listCases(db: Db, actor: Actor, f: CaseFilter, page: Page) {
  let q = casesQuery(db, actor);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('c.case_no', 'ilike', like), eb('c.cause', 'ilike', like), eb('c.party_name', 'ilike', like)]));
  }
  if (f.state) q = q.where('c.state', '=', f.state);
  if (f.itemId) q = q.where('c.item_id', '=', f.itemId);
  if (f.orgId) q = q.where(inOrgSubtree(f.orgId));
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select(listColumns).orderBy('c.id', 'desc').limit(limit).offset(offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export type CaseListRow = Awaited<ReturnType<typeof listCases>>['items'][number];

/** A case in the caller's scope (`actor` null: the system, unscoped); `forUpdate` locks it for a write. */
export function findCase(db: Db, actor: Actor | null, id: number, forUpdate = false) {
  const q = casesQuery(db, actor).selectAll('c').where('c.id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function eventsOf(db: Db, caseId: number) {
  return db.selectFrom('enforcement_case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** The next number of the org's year, in the caller's transaction (the row lock serialises filings). */
export async function nextCaseNumber(db: Db, orgId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('enforcement_case_numbers')
    .values({ org_id: orgId, year, last: 1 })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ last: sql`enforcement_case_numbers.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return row.last;
}

/**
 * The item a case applies, its 裁量基准 tiers and the level of the law its penalty basis cites
 * (ADP-10 looks the hearing threshold up by it); undefined when the item does not exist.
 */
export async function itemOf(db: Db, itemId: number) {
  const item = await db.selectFrom('power_items').select(['id', 'code', 'name', 'kind']).where('id', '=', itemId).executeTakeFirst();
  if (!item) return undefined;
  const [benchmarks, basis] = await Promise.all([
    db.selectFrom('power_item_benchmarks').select(['level', 'amount_min', 'amount_max']).where('item_id', '=', itemId).execute(),
    db
      .selectFrom('power_item_bases as b')
      .innerJoin('law_elements as e', 'e.id', 'b.element_id')
      .innerJoin('law_versions as v', 'v.id', 'e.law_id')
      .select('v.level')
      .where('b.item_id', '=', itemId)
      .orderBy(sql`b.role = 'penalty'`, 'desc')
      .orderBy('b.ord')
      .executeTakeFirst(),
  ]);
  return { ...item, benchmarks, basisLevel: basis?.level ?? null };
}

/** ADP-11: how many legal reviews the reviewer made in other cases (0: a first-time reviewer). */
export async function reviewsBy(db: Db, officerId: number, exceptCaseId: number): Promise<number> {
  const row = await db
    .selectFrom('enforcement_cases')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(sql<boolean>`(record -> 'legalReview' ->> 'reviewerId')::bigint = ${officerId}`)
    .where('id', '<>', exceptCaseId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Of the officers `ids`, those in the caller's scope (all of them for the system). */
export async function officersInScope(db: Db, actor: Actor | null, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  let q = db.selectFrom('enforcement_officers as o').select('o.id').where('o.id', 'in', ids);
  if (actor) q = q.where(orgIdInScope(actor, 'o.org_id'));
  return (await q.execute()).map((r) => r.id);
}

/** The org with its region code when it is in the caller's scope (any org for the system). */
export function orgInScope(db: Db, actor: Actor | null, orgId: number) {
  let q = db.selectFrom('orgs as g').select(['g.id', 'g.name', 'g.region_code']).where('g.id', '=', orgId);
  if (actor) q = q.where(orgIdInScope(actor, 'g.id'));
  return q.executeTakeFirst();
}

type EventWrite = Pick<EnforcementCaseEventsTable, 'case_id' | 'kind' | 'from_state' | 'to_state' | 'part' | 'on_date'> & { opinion?: string };

/** One line of the 全过程记录, in the caller's transaction, with who did it. */
export async function addEvent(db: Db, who: AuditWho, e: EventWrite): Promise<void> {
  const actor = 'actor' in who ? who.actor : null;
  await db
    .insertInto('enforcement_case_events')
    .values({ ...e, opinion: e.opinion ?? '', actor_id: actor?.userId ?? null, actor_name: actor ? actor.username : `system:${'system' in who ? who.system : ''}` })
    .execute();
}

/** The 执法证 facts of the officers a case names, as the registry holds them (ADP-03). */
export function certificatesOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('enforcement_officers').select(['id', 'certificate_no', 'status', 'status_on', 'issued_on', 'expires_on', 'legal_qualification']).where('id', 'in', ids).execute();
}

/** A case's alert codes on `today`: those stored with it and the due dates passed (supervision.columns.ts). */
const alertCodes = (today: string) =>
  sql<string[]>`(array_remove(array[case when c.next_due < ${today}::date then ${STEP_OVERDUE}::text end, case when c.decision_due < ${today}::date then ${OPEN_BEYOND_LIMIT}::text end], null) || c.alerts)`;
const alerting = (today: string) => sql<boolean>`(c.next_due < ${today}::date or c.decision_due < ${today}::date or cardinality(c.alerts) > 0)`;

export interface AlertFilter {
  orgId?: number | undefined;
  code?: string | undefined;
}

/** 执法监督: the cases in scope with an alert today, newest first. */
export async function listAlerts(db: Db, actor: Actor, f: AlertFilter, page: Page, today: string) {
  let q = casesQuery(db, actor).where(alerting(today));
  if (f.orgId) q = q.where(inOrgSubtree(f.orgId));
  if (f.code) q = q.where(sql<boolean>`${f.code}::text = any(${alertCodes(today)})`);
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select([...listColumns, 'c.next_due', 'c.decision_due', alertCodes(today).as('codes')]).orderBy('c.id', 'desc').limit(limit).offset(offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/**
 * The number of cases with each alert today, per org of the caller's scope: one aggregate per kind
 * of alert, each read from its own partial covering index (0011) without touching the cases' rows.
 */
export async function alertSummary(db: Db, actor: Actor, today: string) {
  const scoped = () => casesQuery(db, actor);
  const [overdue, open, stored] = await Promise.all([
    scoped()
      .where(sql<boolean>`c.next_due < ${today}::date`)
      .select(['c.org_id', sql<string>`${STEP_OVERDUE}::text`.as('code'), sql<number>`count(*)::int`.as('n')])
      .groupBy('c.org_id')
      .execute(),
    scoped()
      .where(sql<boolean>`c.decision_due < ${today}::date`)
      .select(['c.org_id', sql<string>`${OPEN_BEYOND_LIMIT}::text`.as('code'), sql<number>`count(*)::int`.as('n')])
      .groupBy('c.org_id')
      .execute(),
    // Few distinct lists of stored alerts: count cases per list first, then split the lists.
    db
      .selectFrom(
        scoped().where(sql<boolean>`cardinality(c.alerts) > 0`).select(['c.org_id', 'c.alerts', sql<number>`count(*)::int`.as('n')]).groupBy(['c.org_id', 'c.alerts']).as('g'),
      )
      .innerJoin(sql<{ a: string }>`lateral unnest(g.alerts)`.as('a'), (join) => join.onTrue())
      .select(['g.org_id', sql<string>`a.a`.as('code'), sql<number>`sum(g.n)::int`.as('n')])
      .groupBy(['g.org_id', sql`a.a`])
      .execute(),
  ]);
  return [...overdue, ...open, ...stored].sort((x, y) => Number(x.org_id) - Number(y.org_id) || x.code.localeCompare(y.code));
}
