import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { P } from './aggregation.permissions.ts';
import { coverageView, sourceCreateBody, sourceParams, sourcePatchBody, sourceView } from './aggregation.schema.ts';
import type { SourceService } from './sources.service.ts';

const tags = ['数据归集'];

export function sourceRoutes(sources: SourceService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/aggregation/sources', {
      config: { permission: P['aggregation:read'] },
      schema: { tags, summary: '来源系统及其归集责任（标准库、更新周期、应归集记录数）', response: { 200: z.object({ items: z.array(sourceView), total: z.number().int() }) } },
      handler: async (req) => {
        const items = await sources.list(actorOf(req));
        return { items, total: items.length };
      },
    });

    r.get('/api/v1/aggregation/sources/:id', {
      config: { permission: P['aggregation:read'] },
      schema: { tags, summary: '来源系统详情', params: sourceParams, response: { 200: sourceView } },
      handler: async (req) => sources.get(actorOf(req), req.params.id),
    });

    r.post('/api/v1/aggregation/sources', {
      config: { permission: P['aggregation:manage-sources'] },
      schema: { tags, summary: '登记来源系统（属本机构）', body: sourceCreateBody, response: { 200: sourceView } },
      handler: async (req) => {
        const actor = actorOf(req);
        return sources.create({ actor, meta: requestMeta(req) }, actor, req.body);
      },
    });

    r.patch('/api/v1/aggregation/sources/:id', {
      config: { permission: P['aggregation:manage-sources'] },
      schema: { tags, summary: '修改来源系统及其归集责任', params: sourceParams, body: sourcePatchBody, response: { 200: sourceView } },
      handler: async (req) => sources.update(actorOf(req), requestMeta(req), req.params.id, req.body),
    });

    r.get('/api/v1/aggregation/coverage', {
      config: { permission: P['aggregation:read'] },
      schema: { tags, summary: '归集率：各来源系统、各机构应归集与实际归集，超期未归集的来源', response: { 200: coverageView } },
      handler: async (req) => sources.coverage(actorOf(req)),
    });
  };
}
