import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { idParam } from '../../platform/http/text.ts';
import { P } from './connectors.permissions.ts';
import * as s from './connectors.schema.ts';
import type { ConnectorService } from './connectors.service.ts';
import type { Puller } from './pull.service.ts';

const tags = ['接口连接器'];

/** The console's side of connectors: list, detail with runs, register, change, pull now. */
export function connectorRoutes(d: { connectors: ConnectorService; puller: Puller }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/connectors';

    r.get(base, {
      config: { permission: P['connectors:read'] },
      schema: { tags, summary: '接口连接器（从其他部门接口拉取数据）及各自最近一次拉取', querystring: s.listQuery, response: { 200: listOf(s.connectorView) } },
      handler: async (req) => d.connectors.list(actorOf(req), req.query),
    });

    r.get(`${base}/:id`, {
      config: { permission: P['connectors:read'] },
      schema: { tags, summary: '接口连接器：配置（不含密钥）与最近 10 次拉取', params: idParam, response: { 200: s.connectorDetail } },
      handler: async (req) => d.connectors.get(actorOf(req), req.params.id),
    });

    r.post(base, {
      config: { permission: P['connectors:manage'] },
      schema: { tags, summary: '登记接口连接器（同时登记同编码的来源系统）；密钥加密保存，此后不再显示', body: s.connectorCreateBody, response: { 200: s.connectorDetail } },
      handler: async (req) => {
        const actor = actorOf(req);
        return d.connectors.create({ actor, meta: requestMeta(req) }, actor, req.body);
      },
    });

    r.put(`${base}/:id`, {
      config: { permission: P['connectors:manage'] },
      schema: { tags, summary: '修改接口连接器（不填 secret 则保留原密钥；编码与标准库不可改）', params: idParam, body: s.connectorUpdateBody, response: { 200: s.connectorDetail } },
      handler: async (req) => {
        const actor = actorOf(req);
        return d.connectors.update({ actor, meta: requestMeta(req) }, actor, req.params.id, req.body);
      },
    });

    r.post(`${base}/:id/runs`, {
      config: { permission: P['connectors:run'] },
      schema: { tags, summary: '立即拉取：返回本次运行，后台逐页拉取（上次中断的运行从断点接续）', params: idParam, response: { 202: s.runView } },
      handler: async (req, reply) => {
        const actor = actorOf(req);
        const c = await d.connectors.row(actor, req.params.id);
        const { run } = await d.puller.start(c, { kind: 'manual', who: { actor, meta: requestMeta(req) }, userId: actor.userId });
        return reply.code(202).send(d.connectors.showRun(run));
      },
    });
  };
}
