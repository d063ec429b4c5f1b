import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import { P } from './identity.permissions.ts';
import { org, orgCreateBody, orgPatchBody, orgQuery, orgTreeNode } from './identity.schema.ts';
import type { OrgService } from './orgs.service.ts';

const tags = ['组织机构'];

export function orgRoutes(orgs: OrgService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/orgs', {
      config: { permission: P['org:read'] },
      schema: { tags, summary: '机构列表', querystring: orgQuery, response: { 200: listOf(org) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return orgs.list(actorOf(req), filter, { page, pageSize });
      },
    });

    r.get('/api/v1/orgs/tree', {
      config: { permission: P['org:read'] },
      schema: { tags, summary: '机构树（数据范围内）', response: { 200: z.object({ items: z.array(orgTreeNode) }) } },
      handler: async (req) => ({ items: await orgs.tree(actorOf(req)) }),
    });

    r.get('/api/v1/orgs/:id', {
      config: { permission: P['org:read'] },
      schema: { tags, summary: '机构详情', params: idParam, response: { 200: org } },
      handler: async (req) => orgs.get(actorOf(req), req.params.id),
    });

    r.post('/api/v1/orgs', {
      config: { permission: P['org:create'] },
      schema: { tags, summary: '新建机构', body: orgCreateBody, response: { 200: org } },
      handler: async (req) => orgs.create(actorOf(req), requestMeta(req), req.body),
    });

    r.patch('/api/v1/orgs/:id', {
      config: { permission: P['org:update'] },
      schema: { tags, summary: '修改机构', params: idParam, body: orgPatchBody, response: { 200: org } },
      handler: async (req) => orgs.update(actorOf(req), requestMeta(req), req.params.id, req.body),
    });
  };
}
