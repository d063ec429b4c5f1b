import { pageOffset, type Page } from '../http/pagination.ts';
import type { BaseDb } from '../db/database.ts';
import type { AuditTables } from './audit.ts';

export interface AuditFilter {
  action?: string | undefined;
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Newest first; the audit trail is never filtered by data scope — only audit admins read it. */
export async function listAuditEvents(base: BaseDb, f: AuditFilter, page: Page) {
  const db = base.withTables<AuditTables>();
  let q = db.selectFrom('audit_events');
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actor) q = q.where('actor_username', '=', f.actor);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.from) q = q.where('at', '>=', new Date(f.from));
  if (f.to) q = q.where('at', '<', new Date(f.to));
  const { limit, offset } = pageOffset(page);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      actorOrgId: r.actor_org_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      changes: r.changes,
      requestId: r.request_id,
      ip: r.ip,
      result: r.result,
    })),
    total: Number(total.n),
  };
}
