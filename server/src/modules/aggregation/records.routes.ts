import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf } from '../../platform/http/route-guard.ts';
import { P } from './aggregation.permissions.ts';
import { recordDetail, recordListQuery, recordParams, recordView } from './aggregation.schema.ts';
import type { RecordService } from './records.service.ts';

const tags = ['数据归集'];

export function recordRoutes(records: RecordService) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/aggregation/records', {
      config: { permission: P['aggregation:read-records'] },
      schema: { tags, summary: '标准库中的记录及其血缘（来源系统、批次、行号、接收时间、内容摘要）；身份证号、电话脱敏', querystring: recordListQuery, response: { 200: listOf(recordView) } },
      handler: async (req) => {
        const { page, pageSize, library, key } = req.query;
        return records.list(actorOf(req), library, key, { page, pageSize });
      },
    });

    r.get('/api/v1/aggregation/records/:library/:ref', {
      config: { permission: P['aggregation:read-records'] },
      schema: { tags, summary: '一条记录、其血缘与历史版本', params: recordParams, response: { 200: recordDetail } },
      handler: async (req) => records.get(actorOf(req), req.params.library, req.params.ref),
    });
  };
}
