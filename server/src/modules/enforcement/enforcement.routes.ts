import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { httpErrors } from '../../platform/http/errors.ts';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import { P } from './enforcement.permissions.ts';
import * as s from './enforcement.schema.ts';
import type { EnforcementService } from './enforcement.service.ts';
import { XLSX_TYPE, type OfficerTransfer } from './officers.transfer.ts';

const tags = ['执法主体与人员'];
/** Tens of thousands of officers fit well under 5 MiB as XLSX. */
const IMPORT_LIMIT = 5 * 1024 * 1024;

export function enforcementRoutes(d: { service: EnforcementService; transfer: OfficerTransfer }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    app.addContentTypeParser([XLSX_TYPE, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    const who = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), meta: requestMeta(req) });

    r.get('/api/v1/enforcement/subjects', {
      config: { permission: P['enforcement:read'] },
      schema: { tags, summary: '执法主体列表（数据范围内；按类别、执法领域、机构、可实施事项筛选）', querystring: s.subjectsQuery, response: { 200: listOf(s.subjectView) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return d.service.subjects.list(actorOf(req), filter, { page, pageSize });
      },
    });

    r.get('/api/v1/enforcement/subjects/:id', {
      config: { permission: P['enforcement:read'] },
      schema: { tags, summary: '执法主体详情：可实施的执法事项、委托书、受其委托的组织', params: idParam, response: { 200: s.subjectDetail } },
      handler: async (req) => d.service.subjects.get(actorOf(req), req.params.id),
    });

    r.post('/api/v1/enforcement/subjects', {
      config: { permission: P['enforcement:manage'] },
      schema: { tags, summary: '登记执法主体（受委托组织须有委托书，且委托机关不得是受委托组织）', body: s.subjectBody, response: { 200: s.subjectDetail } },
      handler: async (req) => d.service.subjects.create(who(req), req.body),
    });

    r.put('/api/v1/enforcement/subjects/:id', {
      config: { permission: P['enforcement:manage'] },
      schema: { tags, summary: '修改执法主体（整体替换，含可实施事项与委托书）', params: idParam, body: s.subjectBody, response: { 200: s.subjectDetail } },
      handler: async (req) => d.service.subjects.update(who(req), req.params.id, req.body),
    });

    r.get('/api/v1/enforcement/officers', {
      config: { permission: P['enforcement:read'] },
      schema: { tags, summary: '执法人员列表（数据范围内；按机构、状态、证件效力、即将到期筛选；身份号码脱敏）', querystring: s.officersQuery, response: { 200: listOf(s.officerView) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return d.service.officers.list(actorOf(req), filter, { page, pageSize });
      },
    });

    r.get('/api/v1/enforcement/officers/:id', {
      config: { permission: P['enforcement:read'] },
      schema: { tags, summary: '执法人员详情与执法证历史（有 enforcement:read-personal 时显示完整身份号码并记录访问）', params: idParam, response: { 200: s.officerDetail } },
      handler: async (req) => d.service.officers.get(who(req), req.params.id),
    });

    r.post('/api/v1/enforcement/officers', {
      config: { permission: P['enforcement:manage'] },
      schema: { tags, summary: '登记执法人员与执法证', body: s.officerBody, response: { 200: s.officerDetail } },
      handler: async (req) => d.service.officers.create(who(req), req.body),
    });

    r.put('/api/v1/enforcement/officers/:id', {
      config: { permission: P['enforcement:manage'] },
      schema: { tags, summary: '修改执法人员（身份号码不可改；换证、延期记入执法证历史）', params: idParam, body: s.officerPatch, response: { 200: s.officerDetail } },
      handler: async (req) => d.service.officers.update(who(req), req.params.id, req.body),
    });

    r.post('/api/v1/enforcement/officers/:id/status', {
      config: { permission: P['enforcement:manage'] },
      schema: { tags, summary: '暂扣、注销或恢复执法证（须写明原因）', params: idParam, body: s.statusBody, response: { 200: s.officerDetail } },
      handler: async (req) => d.service.officers.changeStatus(who(req), req.params.id, req.body),
    });

    r.post('/api/v1/enforcement/officers/import', {
      config: { permission: P['enforcement:manage'] },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: '导入执法人员 XLSX（请求体为文件原始字节；按执法证号新增或更新；全部成功或全部不导入，错误逐行列出）',
        consumes: [XLSX_TYPE, 'application/octet-stream'],
        response: { 200: s.importResult },
      },
      handler: async (req) => {
        if (!Buffer.isBuffer(req.body)) throw httpErrors.UNSUPPORTED_MEDIA_TYPE('请以 application/octet-stream 上传 XLSX 文件原始内容');
        return d.transfer.importXlsx(who(req), req.body);
      },
    });

    r.get('/api/v1/enforcement/officers/template', {
      config: { permission: P['enforcement:read'] },
      schema: { tags, summary: '下载执法人员导入模板（XLSX）' },
      handler: async (_req, reply) =>
        reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="officers-template.xlsx"; filename*=UTF-8''${encodeURIComponent('执法人员导入模板.xlsx')}`).send(await d.transfer.template()),
    });
  };
}
