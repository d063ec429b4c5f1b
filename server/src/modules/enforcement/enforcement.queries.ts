/**
 * All SQL of subjects and officers. Data scope is a condition of every read and write here
 * (orgIdInScope on the row's org), so a row outside the caller's scope is never found.
 */
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import { orgIdInScope } from '../identity/index.ts';
import type { PowerListTables } from '../power-list/power-list.tables.ts';
import type { CertificateEventKind, EnforcementSubjectsTable, EnforcementTables, OfficerStatus, SubjectKind } from './enforcement.tables.ts';
import type { Standing } from './enforcement.rules.ts';

export type Tables = EnforcementTables & Pick<PowerListTables, 'power_items'>;
export type Db = Kysely<Tables> | Transaction<Tables>;

/** The org and everything below it (the org tree's materialised path). */
const inOrgSubtree = (column: string, orgId: number) => sql<boolean>`${sql.ref(column)} in (select o.id from orgs o where o.path like (select p.path from orgs p where p.id = ${orgId}) || '%')`;

const subjectColumns = [
  's.id', 's.org_id', 's.kind', 's.legal_basis', 's.domains', 's.entrusted_by', 's.entrustment_no', 's.entrustment_matters',
  's.entrustment_from', 's.entrustment_to', 's.entrustment_published_on', 's.created_at', 's.updated_at',
] as const;

export interface SubjectFilter {
  q?: string | undefined;
  kind?: SubjectKind | undefined;
  domain?: string | undefined;
  orgId?: number | undefined;
  itemId?: number | undefined;
}

function subjectsQuery(db: Db, actor: Actor | null) {
  const q = db.selectFrom('enforcement_subjects as s');
  return actor ? q.where(orgIdInScope(actor, 's.org_id')) : q;
}

const withCounts = [
  (eb: ExpressionBuilder<Tables & { s: EnforcementTables['enforcement_subjects'] }, 's'>) =>
    eb.selectFrom('enforcement_subject_items as si').whereRef('si.subject_id', '=', 's.id').select(sql<number>`count(*)::int`.as('n')).as('item_count'),
  (eb: ExpressionBuilder<Tables & { s: EnforcementTables['enforcement_subjects'] }, 's'>) =>
    eb.selectFrom('enforcement_officers as o').whereRef('o.org_id', '=', 's.org_id').where('o.status', '=', '在岗').select(sql<number>`count(*)::int`.as('n')).as('officer_count'),
] as const;

export async function listSubjects(db: Db, actor: Actor, f: SubjectFilter, page: Page) {
  let q = subjectsQuery(db, actor);
  if (f.q) q = q.where('s.legal_basis', 'ilike', `%${escapeLike(f.q)}%`);
  if (f.kind) q = q.where('s.kind', '=', f.kind);
  if (f.domain) q = q.where(sql<boolean>`s.domains @> array[${f.domain}]::text[]`);
  if (f.orgId) q = q.where(inOrgSubtree('s.org_id', f.orgId));
  if (f.itemId) {
    const itemId = f.itemId;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('enforcement_subject_items as si').whereRef('si.subject_id', '=', 's.id').where('si.item_id', '=', itemId).select(sql`1`.as('x'))));
  }
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select([...subjectColumns, ...withCounts]).orderBy('s.org_id').orderBy('s.id').limit(limit).offset(offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export type SubjectRow = Awaited<ReturnType<typeof listSubjects>>['items'][number];

/** A subject in the caller's scope (`actor` null: the system, unscoped). */
export function findSubject(db: Db, actor: Actor | null, id: number) {
  return subjectsQuery(db, actor).select([...subjectColumns, ...withCounts]).where('s.id', '=', id).executeTakeFirst();
}

export function findSubjectByOrg(db: Db, orgId: number) {
  return db.selectFrom('enforcement_subjects as s').select([...subjectColumns, ...withCounts]).where('s.org_id', '=', orgId).executeTakeFirst();
}

export function subjectRefs(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('enforcement_subjects').select(['id', 'org_id', 'kind']).where('id', 'in', ids).execute();
}

export function entrustedBy(db: Db, id: number) {
  return db.selectFrom('enforcement_subjects').select(['id', 'org_id', 'kind']).where('entrusted_by', '=', id).orderBy('id').execute();
}

export async function itemIdsOf(db: Db, subjectId: number): Promise<number[]> {
  const rows = await db.selectFrom('enforcement_subject_items').select('item_id').where('subject_id', '=', subjectId).orderBy('item_id').execute();
  return rows.map((r) => r.item_id);
}

export function itemsOf(db: Db, subjectId: number) {
  return db
    .selectFrom('enforcement_subject_items as si')
    .innerJoin('power_items as i', 'i.id', 'si.item_id')
    .select(['i.id', 'i.code', 'i.name', 'i.kind'])
    .where('si.subject_id', '=', subjectId)
    .orderBy('i.code')
    .execute();
}

export async function existingItems(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('power_items').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export type SubjectWrite = Omit<EnforcementSubjectsTable, 'id' | 'created_at' | 'updated_at'>;

/** The new subject's id, or null when its org is already a subject. */
export async function insertSubject(db: Db, row: SubjectWrite, now: Date): Promise<number | null> {
  const r = await db.insertInto('enforcement_subjects').values({ ...row, created_at: now, updated_at: now }).onConflict((oc) => oc.column('org_id').doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateSubject(db: Db, id: number, row: SubjectWrite, now: Date) {
  await db.updateTable('enforcement_subjects').set({ ...row, updated_at: now }).where('id', '=', id).execute();
}

export async function replaceItems(db: Db, subjectId: number, itemIds: readonly number[]) {
  await db.deleteFrom('enforcement_subject_items').where('subject_id', '=', subjectId).execute();
  if (itemIds.length > 0) await db.insertInto('enforcement_subject_items').values(itemIds.map((item_id) => ({ subject_id: subjectId, item_id }))).execute();
}

// ---- officers -------------------------------------------------------------------------------

const officerColumns = [
  'o.id', 'o.name', 'o.id_number', 'o.org_id', 'o.certificate_no', 'o.domains', 'o.issued_on', 'o.expires_on',
  'o.status', 'o.status_reason', 'o.status_on', 'o.legal_qualification', 'o.created_at', 'o.updated_at',
] as const;

export interface OfficerFilter {
  q?: string | undefined;
  orgId?: number | undefined;
  status?: OfficerStatus | undefined;
  standing?: Standing | undefined;
  expiringWithin?: number | undefined;
  domain?: string | undefined;
}

/** The SQL form of certificateStanding (enforcement.rules.ts) on `day`, for filters. */
function standingIs(standing: Standing, day: string) {
  const since = sql`(o.status_on is null or o.status_on <= ${day}::date)`;
  switch (standing) {
    case 'revoked':
      return sql<boolean>`o.status = '注销' and ${since}`;
    case 'suspended':
      return sql<boolean>`o.status = '暂扣' and ${since}`;
    case 'not-yet-valid':
      return sql<boolean>`not (o.status <> '在岗' and ${since}) and o.issued_on > ${day}::date`;
    case 'expired':
      return sql<boolean>`not (o.status <> '在岗' and ${since}) and o.issued_on <= ${day}::date and o.expires_on < ${day}::date`;
    case 'valid':
      return sql<boolean>`not (o.status <> '在岗' and ${since}) and ${day}::date between o.issued_on and o.expires_on`;
    default: {
      const never: never = standing;
      throw new Error(`unknown standing ${String(never)}`);
    }
  }
}

function officersQuery(db: Db, actor: Actor | null) {
  const q = db.selectFrom('enforcement_officers as o');
  return actor ? q.where(orgIdInScope(actor, 'o.org_id')) : q;
}

export async function listOfficers(db: Db, actor: Actor, f: OfficerFilter, page: Page, today: string) {
  let q = officersQuery(db, actor);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) => eb.or([eb('o.name', 'ilike', like), eb('o.certificate_no', 'ilike', like)]));
  }
  if (f.orgId) q = q.where(inOrgSubtree('o.org_id', f.orgId));
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.standing) q = q.where(standingIs(f.standing, today));
  if (f.expiringWithin !== undefined) q = q.where(standingIs('valid', today)).where(sql<boolean>`o.expires_on <= ${today}::date + ${f.expiringWithin}::int`);
  if (f.domain) q = q.where(sql<boolean>`o.domains @> array[${f.domain}]::text[]`);
  const { limit, offset } = pageOffset(page);
  const order = f.expiringWithin !== undefined ? q.orderBy('o.expires_on') : q.orderBy('o.org_id').orderBy('o.certificate_no');
  const [items, total] = await Promise.all([
    order.select(officerColumns).orderBy('o.id').limit(limit).offset(offset).execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export type OfficerRow = Awaited<ReturnType<typeof listOfficers>>['items'][number];

export function findOfficer(db: Db, actor: Actor | null, id: number) {
  return officersQuery(db, actor).select(officerColumns).where('o.id', '=', id).executeTakeFirst();
}

export function officersByCertificate(db: Db, numbers: readonly string[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return db.selectFrom('enforcement_officers as o').select(officerColumns).where('o.certificate_no', 'in', numbers).execute();
}

export function officersByIdNumber(db: Db, numbers: readonly string[]) {
  if (numbers.length === 0) return Promise.resolve([]);
  return db.selectFrom('enforcement_officers as o').select(['o.id', 'o.id_number', 'o.certificate_no']).where('o.id_number', 'in', numbers).execute();
}

export async function officerIdsInScope(db: Db, actor: Actor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await officersQuery(db, actor).select('o.id').where('o.id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export function certificatesOf(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('enforcement_officers').select(['id', 'status', 'status_on', 'issued_on', 'expires_on', 'legal_qualification']).where('id', 'in', ids).execute();
}

export function historyOf(db: Db, officerId: number) {
  return db.selectFrom('enforcement_certificate_events').select(['kind', 'status', 'certificate_no', 'issued_on', 'expires_on', 'reason', 'effective_on', 'at']).where('officer_id', '=', officerId).orderBy('id').execute();
}

export interface OfficerWrite {
  name: string;
  id_number: string;
  org_id: number;
  certificate_no: string;
  domains: string[];
  issued_on: string;
  expires_on: string;
  legal_qualification: boolean;
}

/** The new officer's id, or null when the certificate number or the person is already registered. */
export async function insertOfficer(db: Db, row: OfficerWrite, now: Date): Promise<number | null> {
  const r = await db.insertInto('enforcement_officers').values({ ...row, created_at: now, updated_at: now }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  return r?.id ?? null;
}

export async function updateOfficer(db: Db, id: number, row: Omit<OfficerWrite, 'id_number'>, now: Date) {
  await db.updateTable('enforcement_officers').set({ ...row, updated_at: now }).where('id', '=', id).execute();
}

export async function setStatus(db: Db, id: number, status: OfficerStatus, reason: string, on: string | null, now: Date) {
  await db.updateTable('enforcement_officers').set({ status, status_reason: reason, status_on: on, updated_at: now }).where('id', '=', id).execute();
}

export async function recordEvent(
  db: Db,
  e: { officerId: number; kind: CertificateEventKind; status: OfficerStatus; certificateNo: string; issuedOn: string; expiresOn: string; reason: string; effectiveOn: string; actorId: number | null },
) {
  await db
    .insertInto('enforcement_certificate_events')
    .values({
      officer_id: e.officerId, kind: e.kind, status: e.status, certificate_no: e.certificateNo, issued_on: e.issuedOn, expires_on: e.expiresOn,
      reason: e.reason, effective_on: e.effectiveOn, actor_id: e.actorId,
    })
    .execute();
}
