import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { P } from './standards.permissions.ts';
import { dataElement, libraryDetail, libraryParams, librarySummary } from './standards.schema.ts';
import type { StandardsService } from './standards.service.ts';

const tags = ['数据标准'];

export function standardsRoutes(standards: StandardsService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/data-elements', {
      config: { permission: P['standards:read'] },
      schema: { tags, summary: '数据元列表', response: { 200: z.object({ items: z.array(dataElement), total: z.number().int() }) } },
      handler: async () => {
        const items = standards.elements();
        return { items, total: items.length };
      },
    });

    r.get('/api/v1/standard-libraries', {
      config: { permission: P['standards:read'] },
      schema: { tags, summary: '业务标准库列表', response: { 200: z.object({ items: z.array(librarySummary), total: z.number().int() }) } },
      handler: async () => {
        const items = standards.libraries();
        return { items, total: items.length };
      },
    });

    r.get('/api/v1/standard-libraries/:id', {
      config: { permission: P['standards:read'] },
      schema: { tags, summary: '标准库详情：字段、数据元、可识别的表头、业务主键与版本', params: libraryParams, response: { 200: libraryDetail } },
      handler: async (req) => standards.library(req.params.id),
    });
  };
}
