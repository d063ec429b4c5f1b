import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf } from '../../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../../platform/http/route-guard.ts';
import { idParam } from '../../../platform/http/text.ts';
import { P } from './cases.permissions.ts';
import * as s from './cases.schema.ts';
import type { CaseService } from './cases.service.ts';

const tags = ['行政处罚案件'];

export function caseRoutes(service: CaseService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const who = (req: Parameters<typeof actorOf>[0]) => ({ actor: actorOf(req), meta: requestMeta(req) });

    r.get('/api/v1/enforcement/cases', {
      config: { permission: P['case:read'] },
      schema: { tags, summary: '行政处罚案件列表（数据范围内；按环节、机构、执法事项、编号或当事人筛选）', querystring: s.casesQuery, response: { 200: listOf(s.caseView) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return service.list(actorOf(req), filter, { page, pageSize });
      },
    });

    r.get('/api/v1/enforcement/supervision/alerts', {
      config: { permission: P['case:read'] },
      schema: { tags, summary: '执法监督：今日有监督提示的案件（数据范围内；按机构、提示筛选）', querystring: s.alertsQuery, response: { 200: listOf(s.alertView) } },
      handler: async (req) => {
        const { page, pageSize, ...filter } = req.query;
        return service.alerts(actorOf(req), filter, { page, pageSize });
      },
    });

    r.get('/api/v1/enforcement/supervision/summary', {
      config: { permission: P['case:read'] },
      schema: { tags, summary: '执法监督：各机构今日各类提示的案件数', response: { 200: s.alertSummary } },
      handler: async (req) => service.alertSummary(actorOf(req)),
    });

    r.get('/api/v1/enforcement/cases/:id', {
      config: { permission: P['case:read'] },
      schema: {
        tags, summary: '案件详情：记录、可进入的环节及其障碍、监督发现、全过程记录（有 case:read-personal 时显示完整身份号码并记录访问）',
        params: idParam, response: { 200: s.caseDetail },
      },
      handler: async (req) => service.get(who(req), req.params.id),
    });

    r.post('/api/v1/enforcement/cases', {
      config: { permission: P['case:handle'] },
      schema: { tags, summary: '登记案件线索', body: s.caseBody, response: { 200: s.caseDetail } },
      handler: async (req) => service.create(who(req), req.body),
    });

    r.patch('/api/v1/enforcement/cases/:id/record', {
      config: { permission: P['case:handle'] },
      schema: { tags, summary: '记录办案材料（所给各项整体替换；已过环节的记录不能再改）', params: idParam, body: s.recordPatch, response: { 200: s.caseDetail } },
      handler: async (req) => service.record(who(req), req.params.id, req.body),
    });

    r.post('/api/v1/enforcement/cases/:id/moves', {
      config: { permission: P['case:handle'] },
      schema: { tags, summary: '推进案件环节（不符合办案规则的逐条列出，不推进）', params: idParam, body: s.moveBody, response: { 200: s.caseDetail } },
      handler: async (req) => service.move(who(req), req.params.id, req.body),
    });
  };
}
