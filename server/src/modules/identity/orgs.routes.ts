import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpErrors } from '../../platform/http/errors.ts';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import type { DivisionImporter } from './divisions.service.ts';
import { P } from './identity.permissions.ts';
import { org, orgCreateBody, orgPatchBody, orgQuery, orgTreeNode } from './identity.schema.ts';
import type { OrgService } from './orgs.service.ts';

const tags = ['组织机构'];

/** A province's division file is ~100 KB; 5 MiB holds the whole country with room to spare. */
const IMPORT_LIMIT = 5 * 1024 * 1024;

export function orgRoutes(orgs: OrgService, importDivisions: DivisionImporter) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // The division file is sent as it is (UTF-8 or GBK): bytes in, decoding is the importer's job.
    app.addContentTypeParser(['text/csv', 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));

    r.post('/api/v1/orgs/import-divisions', {
      config: { permission: P['org:import'] },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: '导入行政区划 CSV（code,name,parentCode；UTF-8 或 GBK），建立或更新司法行政机关树',
        consumes: ['text/csv'],
        response: { 200: z.object({ created: z.number(), renamed: z.number(), unchanged: z.number() }) },
      },
      handler: async (req) => {
        if (!Buffer.isBuffer(req.body)) throw httpErrors.UNSUPPORTED_MEDIA_TYPE('请以 text/csv 上传行政区划文件');
        return importDivisions({ actor: actorOf(req), meta: requestMeta(req) }, req.body);
      },
    });

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
