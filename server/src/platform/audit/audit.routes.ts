import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BaseDb } from '../db/database.ts';
import { listOf, pageOffset, pageQuery } from '../http/pagination.ts';
import type { AuditTables } from './audit.ts';

const auditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorUsername: z.string().nullable(),
  actorOrgId: z.number().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  changes: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  result: z.enum(['success', 'failure']),
});

const filter = z.strictObject({
  ...pageQuery,
  action: z.string().max(100).optional(),
  actor: z.string().max(100).optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/**
 * SEC-17/SEC-18: the audit trail is read by audit administrators alone (permission audit:read,
 * which only the auditadmin role carries), and it has no write route at all.
 */
export function auditRoutes(base: BaseDb) {
  const db = base.withTables<AuditTables>();
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-events', {
      config: { permission: 'audit:read' },
      schema: { tags: ['审计'], summary: '审计日志', querystring: filter, response: { 200: listOf(auditEvent) } },
      handler: async (req) => {
        const f = req.query;
        let q = db.selectFrom('audit_events');
        if (f.action) q = q.where('action', '=', f.action);
        if (f.actor) q = q.where('actor_username', '=', f.actor);
        if (f.targetType) q = q.where('target_type', '=', f.targetType);
        if (f.targetId) q = q.where('target_id', '=', f.targetId);
        if (f.from) q = q.where('at', '>=', new Date(f.from));
        if (f.to) q = q.where('at', '<', new Date(f.to));
        const { limit, offset } = pageOffset(f);
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
      },
    });
  };
}
