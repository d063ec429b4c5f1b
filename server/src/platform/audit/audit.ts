import type { AnyTrx } from '../db/database.ts';
import type { Actor, RequestMeta } from '../authz/actor.ts';

export interface AuditEventsTable {
  id: import('kysely').Generated<number>;
  at: import('kysely').Generated<Date>;
  actor_id: number | null;
  actor_username: string | null;
  actor_org_id: number | null;
  action: string;
  target_type: string;
  target_id: string | null;
  changes: unknown;
  request_id: string | null;
  ip: string | null;
  result: import('kysely').Generated<'success' | 'failure'>;
}

export type AuditTables = {
  audit_events: AuditEventsTable;
};

export interface AuditEvent {
  /** verb in dotted form: 'user.create', 'role.update', 'auth.lockout' */
  action: string;
  targetType: string;
  targetId: string | number | null;
  /** what changed: { field: [before, after] } or a summary; never secrets or full ID numbers */
  changes?: Record<string, unknown>;
  result?: 'success' | 'failure';
}

/** Who did it: a signed-in actor, or the system itself (CLI, seed, background job). */
export type AuditWho = { actor: Actor; meta: RequestMeta } | { system: string; meta?: Partial<RequestMeta> };

/**
 * Writes one audit event in the caller's transaction (DESIGN §8.7, SEC-17): the change and its
 * record commit or roll back together. Called explicitly by every service that changes state.
 */
export async function recordAudit(trx: AnyTrx, who: AuditWho, event: AuditEvent): Promise<void> {
  const db = trx.withTables<AuditTables>();
  const actor = 'actor' in who ? who.actor : null;
  await db
    .insertInto('audit_events')
    .values({
      actor_id: actor?.userId ?? null,
      actor_username: actor ? actor.username : `system:${'system' in who ? who.system : ''}`,
      actor_org_id: actor?.orgId ?? null,
      action: event.action,
      target_type: event.targetType,
      target_id: event.targetId === null ? null : String(event.targetId),
      changes: event.changes === undefined ? null : JSON.stringify(event.changes),
      request_id: who.meta?.requestId ?? null,
      ip: who.meta?.ip ?? null,
      result: event.result ?? 'success',
    })
    .execute();
}

/** { field: [before, after] } for the fields whose value differs. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) out[key] = [a, b];
  }
  return out;
}
