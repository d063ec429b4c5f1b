import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseKind } from '../db/database.ts';

export function healthRoutes(kind: DatabaseKind) {
  return async function (app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get('/api/v1/health', {
      config: { public: true },
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) } },
      handler: async () => ({ status: 'ok' as const, database: kind }),
    });
  };
}
