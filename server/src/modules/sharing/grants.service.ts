/**
 * 供需对接: a consumer's demand → the owner's approval → a grant; or a grant made directly by an
 * administrator. A grant is exactly what a consumer may receive (fields, purpose, expiry, rate and
 * daily quota): the gateway returns nothing outside it.
 */
import { sql, type Transaction } from 'kysely';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { CalendarService } from '../../platform/calendar/index.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { orgIdInScope } from '../identity/index.ts';
import { checkFields, libraryOf } from './catalog.ts';
import { sharingErrors } from './sharing.errors.ts';
import type { SharingTables } from './sharing.tables.ts';

/**
 * The owner answers a demand within 10 working days (政务信息资源共享管理暂行办法 第十四条, as
 * recalled: 有条件共享 "应在10个工作日内予以答复"; confirm against the official text).
 */
export const ANSWER_WORKING_DAYS = 10;
/** A grant without an expiry of its own lasts a year: access is reviewed at least yearly. */
const DEFAULT_GRANT_DAYS = 365;

export interface GrantTerms {
  consumerId: number;
  resourceCode: string;
  fields: string[];
  plainFields: string[];
  purpose: string;
  legalBasis: string;
  ratePerSecond: number;
  quotaPerDay: number;
  expiresAt?: Date | undefined;
}

export interface DemandInput {
  consumerId: number;
  resourceCode: string;
  fields: string[];
  purpose: string;
  legalBasis: string;
}

/** Whose grants changed: the gateway drops what it holds for them (gateway.service.ts). */
export interface GrantChange {
  consumerId: number;
  resourceCode: string;
}

export function createGrantService(base: BaseDb, deps: { calendar: CalendarService; clock?: (() => Date) | undefined }) {
  const db = base.withTables<SharingTables>();
  const now = () => deps.clock?.() ?? new Date();
  const listeners: ((change: GrantChange) => void)[] = [];

  /**
   * Runs `work` in a transaction; the grant changes it reports are announced once it has
   * committed, so a listener that reads the grant again sees the change.
   */
  async function committing<T>(work: (trx: Transaction<SharingTables>, changed: (c: GrantChange) => void) => Promise<T>): Promise<T> {
    const changes: GrantChange[] = [];
    const result = await db.transaction().execute((trx) => work(trx, (c) => changes.push(c)));
    for (const c of changes) for (const listener of listeners) listener(c);
    return result;
  }

  async function resourceFor(trx: typeof db, code: string) {
    const r = await trx.selectFrom('share_resources').selectAll().where('code', '=', code).executeTakeFirst();
    if (!r) throw sharingErrors.SHARE_RESOURCE_NOT_FOUND(`没有共享资源 ${code}`, [{ field: 'resourceCode', message: code }]);
    if (r.sharing_type === 'none') throw sharingErrors.SHARE_NOT_SHAREABLE(`${r.name}不予共享：${r.sharing_basis}`, [{ field: 'resourceCode', message: code }]);
    return r;
  }

  async function consumerExists(trx: typeof db, id: number) {
    const c = await trx.selectFrom('share_consumers').select('id').where('id', '=', id).executeTakeFirst();
    if (!c) throw sharingErrors.SHARE_CONSUMER_NOT_FOUND(`没有调用方 ${id}`, [{ field: 'consumerId', message: String(id) }]);
  }

  function checkTerms(resource: { library_id: string; fields: string[] }, fields: readonly string[], plain: readonly string[]) {
    checkFields(libraryOf(resource.library_id), fields, 'fields');
    const outside = fields.filter((f) => !resource.fields.includes(f));
    if (outside.length > 0) throw sharingErrors.SHARE_FIELDS_INVALID(`资源不提供这些字段：${outside.join('、')}`, outside.map((f) => ({ field: 'fields', message: f })));
    const notGranted = plain.filter((f) => !fields.includes(f));
    if (notGranted.length > 0) throw sharingErrors.SHARE_FIELDS_INVALID(`明文字段须在授权字段之内：${notGranted.join('、')}`, notGranted.map((f) => ({ field: 'plainFields', message: f })));
  }

  async function insertGrant(trx: Transaction<SharingTables>, changed: (c: GrantChange) => void, who: AuditWho, t: GrantTerms, requestId: number | null) {
    const expires = t.expiresAt ?? new Date(now().getTime() + DEFAULT_GRANT_DAYS * 86_400_000);
    const row = await trx
      .insertInto('share_grants')
      .values({ consumer_id: t.consumerId, resource_code: t.resourceCode, fields: t.fields, plain_fields: t.plainFields, purpose: t.purpose, legal_basis: t.legalBasis, rate_per_second: t.ratePerSecond, quota_per_day: t.quotaPerDay, expires_at: expires, request_id: requestId, revoked_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, who, { action: 'sharing.grant.create', targetType: 'share_grant', targetId: row.id, changes: { ...t, expiresAt: expires.toISOString(), requestId } });
    changed({ consumerId: t.consumerId, resourceCode: t.resourceCode });
    return row.id;
  }

  const service = {
    /**
     * The shortcut past the demand flow (`sharing grant create`, the console's 直接授权): only for
     * a resource the actor's unit owns (the CLI acts for the installation).
     */
    async createGrant(who: AuditWho, t: GrantTerms, actor: Actor | null = null): Promise<number> {
      return committing(async (trx, changed) => {
        await consumerExists(trx, t.consumerId);
        const r = await resourceFor(trx, t.resourceCode);
        if (actor) {
          const owned = await trx.selectFrom('share_resources').select('code').where('code', '=', t.resourceCode).where(orgIdInScope(actor, 'owner_org_id')).executeTakeFirst();
          if (!owned) throw sharingErrors.SHARE_RESOURCE_NOT_FOUND(`${r.name}不由本机构提供，须经提供单位审批`, [{ field: 'resourceCode', message: t.resourceCode }]);
        }
        checkTerms(r, t.fields, t.plainFields);
        return insertGrant(trx, changed, who, t, null);
      });
    },

    /** Revoked by the resource's owner, or given up by the consumer's unit. */
    async revoke(who: AuditWho, actor: Actor | null, id: number) {
      await committing(async (trx, changed) => {
        let owned = trx
          .selectFrom('share_grants as g')
          .innerJoin('share_resources as s', 's.code', 'g.resource_code')
          .innerJoin('share_consumers as c', 'c.id', 'g.consumer_id')
          .select('g.id')
          .where('g.id', '=', id);
        if (actor) owned = owned.where((eb) => eb.or([orgIdInScope(actor, 's.owner_org_id'), orgIdInScope(actor, 'c.org_id')]));
        const row = (await owned.executeTakeFirst()) && (await trx.updateTable('share_grants').set({ revoked_at: now() }).where('id', '=', id).where('revoked_at', 'is', null).returning(['consumer_id', 'resource_code']).executeTakeFirst());
        if (!row) throw sharingErrors.SHARE_GRANT_NOT_FOUND(`没有有效的授权 ${id}`, [{ field: 'id', message: String(id) }]);
        await recordAudit(trx, who, { action: 'sharing.grant.revoke', targetType: 'share_grant', targetId: id });
        changed({ consumerId: row.consumer_id, resourceCode: row.resource_code });
      });
    },

    /**
     * Calls `listener` after every committed grant change on this node (created, approved,
     * revoked), so what the gateway holds in memory is dropped at once rather than at its expiry.
     */
    onChange(listener: (change: GrantChange) => void) {
      listeners.push(listener);
    },

    listGrants: (actor: Actor | null, f: { consumerId?: number | undefined; resourceCode?: string | undefined }) => {
      let q = db
        .selectFrom('share_grants as g')
        .innerJoin('share_consumers as c', 'c.id', 'g.consumer_id')
        .innerJoin('share_resources as s', 's.code', 'g.resource_code')
        .selectAll('g')
        .select(['c.name as consumer_name', 's.name as resource_name'])
        .orderBy('g.id', 'desc');
      if (actor) q = q.where((eb) => eb.or([orgIdInScope(actor, 'c.org_id'), orgIdInScope(actor, 's.owner_org_id')]));
      if (f.consumerId) q = q.where('g.consumer_id', '=', f.consumerId);
      if (f.resourceCode) q = q.where('g.resource_code', '=', f.resourceCode);
      return q.execute();
    },

    /** The grant a call runs under: in force, not revoked, for this consumer and resource. */
    activeGrant: (consumerId: number, resourceCode: string) =>
      db
        .selectFrom('share_grants')
        .selectAll()
        .where('consumer_id', '=', consumerId)
        .where('resource_code', '=', resourceCode)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now())
        .orderBy('id', 'desc')
        .executeTakeFirst(),

    /**
     * A demand. An unconditionally shared resource is granted at once (无条件共享: no approval
     * needed); otherwise it waits for the owner, due in 10 working days.
     */
    async demand(who: AuditWho, actor: Actor | null, d: DemandInput) {
      const calendar = await deps.calendar.fresh();
      return committing(async (trx, changed) => {
        await consumerExists(trx, d.consumerId);
        // A unit asks for its own systems (an installation-wide consumer: the 'all' scope only).
        if (actor) {
          const mine = await trx.selectFrom('share_consumers').select('id').where('id', '=', d.consumerId).where(orgIdInScope(actor, 'org_id')).executeTakeFirst();
          if (!mine) throw sharingErrors.SHARE_CONSUMER_NOT_FOUND(`没有调用方 ${d.consumerId}`, [{ field: 'consumerId', message: String(d.consumerId) }]);
        }
        const r = await resourceFor(trx, d.resourceCode);
        checkTerms(r, d.fields, []);
        const today = now().toISOString().slice(0, 10);
        const row = await trx
          .insertInto('share_requests')
          .values({ consumer_id: d.consumerId, resource_code: d.resourceCode, fields: d.fields, purpose: d.purpose, legal_basis: d.legalBasis, due_on: calendar.addWorkdays(today, ANSWER_WORKING_DAYS), decided_at: null, decided_by: null, grant_id: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, who, { action: 'sharing.request.create', targetType: 'share_request', targetId: row.id, changes: { ...d } });
        if (r.sharing_type === 'unconditional') {
          const grantId = await insertGrant(trx, changed, { system: 'auto-approve' }, { ...d, plainFields: [], ratePerSecond: 10, quotaPerDay: 10_000 }, row.id);
          await trx.updateTable('share_requests').set({ status: 'approved', decided_at: now(), grant_id: grantId, decision_note: '无条件共享，自动通过' }).where('id', '=', row.id).execute();
        }
        return row.id;
      });
    },

    /** The owner decides: the resource's owner org must be in the approver's scope. */
    async decide(who: AuditWho, actor: Actor | null, id: number, decision: { approve: boolean; note: string; plainFields?: string[] | undefined; ratePerSecond?: number | undefined; quotaPerDay?: number | undefined; expiresAt?: Date | undefined }) {
      return committing(async (trx, changed) => {
        let q = trx.selectFrom('share_requests as r').innerJoin('share_resources as s', 's.code', 'r.resource_code').selectAll('r').where('r.id', '=', id);
        if (actor) q = q.where(orgIdInScope(actor, 's.owner_org_id'));
        const req = await q.forUpdate('r').executeTakeFirst();
        if (!req) throw sharingErrors.SHARE_REQUEST_NOT_FOUND(`没有共享申请 ${id}`, [{ field: 'id', message: String(id) }]);
        if (req.status !== 'pending') throw sharingErrors.SHARE_REQUEST_DECIDED(`申请 ${id} 已是${req.status}状态`, [{ field: 'id', message: req.status }]);
        let grantId: number | null = null;
        if (decision.approve) {
          const r = await resourceFor(trx, req.resource_code);
          checkTerms(r, req.fields, decision.plainFields ?? []);
          grantId = await insertGrant(trx, changed, who, { consumerId: req.consumer_id, resourceCode: req.resource_code, fields: req.fields, plainFields: decision.plainFields ?? [], purpose: req.purpose, legalBasis: req.legal_basis, ratePerSecond: decision.ratePerSecond ?? 10, quotaPerDay: decision.quotaPerDay ?? 10_000, expiresAt: decision.expiresAt }, id);
        }
        await trx
          .updateTable('share_requests')
          .set({ status: decision.approve ? 'approved' : 'rejected', decided_at: now(), decided_by: 'actor' in who ? who.actor.userId : null, decision_note: decision.note, grant_id: grantId })
          .where('id', '=', id)
          .execute();
        await recordAudit(trx, who, { action: decision.approve ? 'sharing.request.approve' : 'sharing.request.reject', targetType: 'share_request', targetId: id, changes: { note: decision.note, grantId } });
        return grantId;
      });
    },

    /** Requests where the actor's scope holds the asking consumer's org or the owner's (my requests, my approvals). */
    listRequests: (actor: Actor | null, f: { status?: string | undefined; resourceCode?: string | undefined }) => {
      let q = db
        .selectFrom('share_requests as r')
        .innerJoin('share_consumers as c', 'c.id', 'r.consumer_id')
        .innerJoin('share_resources as s', 's.code', 'r.resource_code')
        .selectAll('r')
        .select(['c.name as consumer_name', 's.name as resource_name', 's.owner_org_id', sql<boolean>`r.status = 'pending' and r.due_on < current_date`.as('overdue')])
        .orderBy('r.id', 'desc');
      if (actor) q = q.where((eb) => eb.or([orgIdInScope(actor, 'c.org_id'), orgIdInScope(actor, 's.owner_org_id')]));
      if (f.status) q = q.where('r.status', '=', f.status as 'pending');
      if (f.resourceCode) q = q.where('r.resource_code', '=', f.resourceCode);
      return q.execute();
    },
  };
  return service;
}

export type GrantService = ReturnType<typeof createGrantService>;
