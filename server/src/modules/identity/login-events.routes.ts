import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { BaseDb } from '../../platform/db/database.ts';
import { listOf } from '../../platform/http/pagination.ts';
import { P } from './identity.permissions.ts';
import { loginEvent, loginEventQuery } from './identity.schema.ts';
import { listLoginEvents } from './login-events.queries.ts';

/** SEC-13/SEC-17: the login log, read by the audit administrator only. */
export function loginEventRoutes(db: BaseDb) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/api/v1/login-events', {
      config: { permission: P['login-event:read'] },
      schema: { tags: ['审计'], summary: '登录日志', querystring: loginEventQuery, response: { 200: listOf(loginEvent) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return listLoginEvents(db, filter, { page, pageSize });
      },
    });
  };
}
