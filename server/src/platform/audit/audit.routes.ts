import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BaseDb } from '../db/database.ts';
import { listOf, pageQuery } from '../http/pagination.ts';
import { listAuditEvents } from './audit.queries.ts';

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
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/api/v1/audit-events', {
      config: { permission: 'audit:read' },
      schema: { tags: ['审计'], summary: '审计日志', querystring: filter, response: { 200: listOf(auditEvent) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return listAuditEvents(base, filter, { page, pageSize });
      },
    });
  };
}
