import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpErrors } from '../../platform/http/errors.ts';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import { P } from './power-list.permissions.ts';
import * as s from './power-list.schema.ts';
import type { PowerListService } from './power-list.service.ts';
import { XLSX_TYPE, type TransferService } from './power-list.transfer.ts';
import type { ReviewService } from './reviews.service.ts';

const tags = ['权责清单'];
/** A province's whole list is a few thousand rows: well under 5 MiB as XLSX. */
const IMPORT_LIMIT = 5 * 1024 * 1024;

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name, so the Chinese name survives every browser. */
const attachment = (name: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function powerListRoutes(d: { items: PowerListService; transfer: TransferService; reviews: ReviewService }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // The workbook is sent as it is: bytes in, reading it is the import's job.
    app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    const who = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), meta: requestMeta(req) });

    r.get('/api/v1/power-list/items', {
      config: { permission: P['power-list:read'] },
      schema: { tags, summary: '执法事项列表（按编码或名称、类别、实施主体、所引法规筛选）', querystring: s.itemsQuery, response: { 200: listOf(s.itemListEntry) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return d.items.list(filter, { page, pageSize });
      },
    });

    r.get('/api/v1/power-list/items/:id', {
      config: { permission: P['power-list:read'] },
      schema: { tags, summary: '执法事项详情：法律依据（条文、所在法规及其时效性）与裁量基准', params: idParam, response: { 200: s.itemView } },
      handler: async (req) => d.items.get(req.params.id),
    });

    r.post('/api/v1/power-list/items', {
      config: { permission: P['power-list:manage'] },
      schema: { tags, summary: '新增执法事项', body: s.itemBody, response: { 200: s.itemView } },
      handler: async (req) => d.items.create(who(req), req.body),
    });

    r.put('/api/v1/power-list/items/:id', {
      config: { permission: P['power-list:manage'] },
      schema: { tags, summary: '修改执法事项（整体替换，含法律依据与裁量基准）', params: idParam, body: s.itemBody, response: { 200: s.itemView } },
      handler: async (req) => d.items.update(who(req), req.params.id, req.body),
    });

    r.delete('/api/v1/power-list/items/:id', {
      config: { permission: P['power-list:manage'] },
      schema: { tags, summary: '删除执法事项', params: idParam, response: { 200: z.object({ id: z.number().int(), code: z.string() }) } },
      handler: async (req) => d.items.remove(who(req), req.params.id),
    });

    r.post('/api/v1/power-list/import', {
      config: { permission: P['power-list:manage'] },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: '导入 XLSX（请求体为文件原始字节；按事项编码新增或替换；全部成功或全部不导入，错误逐行列出）',
        consumes: [XLSX_TYPE, 'application/octet-stream'],
        response: { 200: s.importResult },
      },
      handler: async (req) => {
        if (!Buffer.isBuffer(req.body)) throw httpErrors.UNSUPPORTED_MEDIA_TYPE('请以 application/octet-stream 上传 XLSX 文件原始内容');
        return d.transfer.importXlsx(who(req), req.body);
      },
    });

    r.get('/api/v1/power-list/export', {
      config: { permission: P['power-list:read'] },
      schema: { tags, summary: '导出全部执法事项（XLSX，格式同导入模板，可改后再导入）' },
      handler: async (_req, reply) => reply.type(XLSX_TYPE).header('content-disposition', attachment('权责清单.xlsx', 'power-list.xlsx')).send(await d.transfer.exportXlsx()),
    });

    r.get('/api/v1/power-list/template', {
      config: { permission: P['power-list:read'] },
      schema: { tags, summary: '下载导入模板（XLSX，含填写说明与可选值）' },
      handler: async (_req, reply) => reply.type(XLSX_TYPE).header('content-disposition', attachment('权责清单导入模板.xlsx', 'power-list-template.xlsx')).send(await d.transfer.template()),
    });

    r.get('/api/v1/power-list/reviews', {
      config: { permission: P['power-list:read'] },
      schema: { tags, summary: '待复核的依据：所引法规有了新版本（并列旧条文与新版本中的对应条文）', querystring: s.reviewsQuery, response: { 200: listOf(s.reviewView) } },
      handler: async (req) => {
        const { itemId, ...page } = req.query;
        return d.reviews.list(page, itemId);
      },
    });

    r.post('/api/v1/power-list/reviews/confirm', {
      config: { permission: P['power-list:manage'] },
      schema: { tags, summary: '确认复核：改引新条文，或维持原依据（newElementId 为 null）', body: s.confirmBody, response: { 200: s.itemView } },
      handler: async (req) => {
        await d.reviews.confirm(who(req), req.body);
        return d.items.get(req.body.itemId);
      },
    });
  };
}
