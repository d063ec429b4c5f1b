import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import type { CodeSetService } from './code-sets.service.ts';
import { P } from './dictionary.permissions.ts';
import { codeItem, codeSet, itemCreateBody, itemListQuery, itemParams, itemPatchBody, setCreateBody, setListQuery, setParams } from './dictionary.schema.ts';

const tags = ['数据字典'];

export function codeSetRoutes(sets: CodeSetService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/code-sets', {
      config: { permission: P['dictionary:read'] },
      schema: { tags, summary: '代码集列表', querystring: setListQuery, response: { 200: listOf(codeSet) } },
      handler: async (req) => sets.list(req.query),
    });

    r.get('/api/v1/code-sets/:code', {
      config: { permission: P['dictionary:read'] },
      schema: { tags, summary: '代码集详情', params: setParams, response: { 200: codeSet } },
      handler: async (req) => sets.get(req.params.code),
    });

    r.get('/api/v1/code-sets/:code/items', {
      config: { permission: P['dictionary:read'] },
      schema: { tags, summary: '代码项列表（按排序）', params: setParams, querystring: itemListQuery, response: { 200: listOf(codeItem) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return sets.items(req.params.code, filter, { page, pageSize });
      },
    });

    r.post('/api/v1/code-sets', {
      config: { permission: P['dictionary:edit'] },
      schema: { tags, summary: '新建自定义代码集', body: setCreateBody, response: { 200: codeSet } },
      handler: async (req) => sets.createSet(actorOf(req), requestMeta(req), req.body),
    });

    r.post('/api/v1/code-sets/:code/items', {
      config: { permission: P['dictionary:edit'] },
      schema: { tags, summary: '新增代码项（仅可编辑的代码集）', params: setParams, body: itemCreateBody, response: { 200: codeItem } },
      handler: async (req) => sets.createItem(actorOf(req), requestMeta(req), req.params.code, req.body),
    });

    r.patch('/api/v1/code-sets/:code/items/:itemCode', {
      config: { permission: P['dictionary:edit'] },
      schema: { tags, summary: '修改代码项（标准代码集只能启用或停用）', params: itemParams, body: itemPatchBody, response: { 200: codeItem } },
      handler: async (req) => sets.updateItem(actorOf(req), requestMeta(req), req.params.code, req.params.itemCode, req.body),
    });
  };
}
