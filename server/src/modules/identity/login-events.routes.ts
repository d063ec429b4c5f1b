import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { BaseDb } from '../../platform/db/database.ts';
import { listOf, pageOffset } from '../../platform/http/pagination.ts';
import { P } from './identity.permissions.ts';
import { loginEvent, loginEventQuery } from './identity.schema.ts';
import type { IdentityTables } from './identity.tables.ts';

/** SEC-13/SEC-17: the login log, read by the audit administrator only. */
export function loginEventRoutes(base: BaseDb) {
  const db = base.withTables<IdentityTables>();
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/api/v1/login-events', {
      config: { permission: P['login-event:read'] },
      schema: { tags: ['审计'], summary: '登录日志', querystring: loginEventQuery, response: { 200: listOf(loginEvent) } },
      handler: async (req) => {
        const f = req.query;
        let q = db.selectFrom('login_events');
        if (f.username) q = q.where('username', '=', f.username);
        if (f.result) q = q.where('result', '=', f.result);
        if (f.from) q = q.where('at', '>=', new Date(f.from));
        if (f.to) q = q.where('at', '<', new Date(f.to));
        const { limit, offset } = pageOffset(f);
        const [rows, total] = await Promise.all([
          q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
          q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        ]);
        return {
          items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), username: r.username, userId: r.user_id, ip: r.ip, userAgent: r.user_agent, result: r.result })),
          total: Number(total.n),
        };
      },
    });
  };
}
