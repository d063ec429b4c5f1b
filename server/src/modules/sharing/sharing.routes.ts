import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { maskIdNumber } from '../../platform/privacy/mask.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { ConsumerService } from './consumers.service.ts';
import type { CallLog } from './gateway/call-log.ts';
import type { GrantService } from './grants.service.ts';
import type { ResourceService } from './resources.service.ts';
import { P } from './sharing.permissions.ts';
import * as s from './sharing.schema.ts';

const tags = ['共享交换'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type ResourceRow = Awaited<ReturnType<ResourceService['get']>>;
type GrantRow = Awaited<ReturnType<GrantService['listGrants']>>[number];
type RequestRow = Awaited<ReturnType<GrantService['listRequests']>>[number];

/** The console's side of sharing: the catalog, consumers, demands and approvals, grants. */
export function sharingRoutes(d: { resources: ResourceService; consumers: ConsumerService; grants: GrantService; callLog: CallLog; db: BaseDb }) {
  const resourceView = (r: ResourceRow) => ({
    code: r.code,
    name: r.name,
    libraryId: r.library_id,
    ownerOrgId: r.owner_org_id,
    fields: d.resources.describe(r).map((f) => ({ id: f.id, name: f.name, masked: f.mask !== null })),
    lookupKeys: r.lookup_keys,
    updateCycle: r.update_cycle,
    sharingType: r.sharing_type,
    sharingBasis: r.sharing_basis,
    openType: r.open_type,
    description: r.description,
    updatedAt: r.updated_at.toISOString(),
  });
  const grantView = (g: GrantRow) => ({
    id: g.id,
    consumerId: g.consumer_id,
    consumerName: g.consumer_name,
    resourceCode: g.resource_code,
    resourceName: g.resource_name,
    fields: g.fields,
    plainFields: g.plain_fields,
    purpose: g.purpose,
    legalBasis: g.legal_basis,
    ratePerSecond: g.rate_per_second,
    quotaPerDay: g.quota_per_day,
    expiresAt: g.expires_at.toISOString(),
    revokedAt: iso(g.revoked_at),
    requestId: g.request_id,
    createdAt: g.created_at.toISOString(),
  });
  const requestView = (q: RequestRow) => ({
    id: q.id,
    consumerId: q.consumer_id,
    consumerName: q.consumer_name,
    resourceCode: q.resource_code,
    resourceName: q.resource_name,
    fields: q.fields,
    purpose: q.purpose,
    legalBasis: q.legal_basis,
    status: q.status,
    requestedAt: q.requested_at.toISOString(),
    dueOn: q.due_on,
    overdue: q.overdue,
    decidedAt: iso(q.decided_at),
    decisionNote: q.decision_note,
    grantId: q.grant_id,
  });

  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/sharing';

    r.get(`${base}/resources`, {
      config: { permission: P['sharing:read'] },
      schema: { tags, summary: '政务信息资源目录', querystring: s.resourceQuery, response: { 200: listOf(s.resourceView) } },
      handler: async (req) => {
        const items = (await d.resources.list(req.query)).map(resourceView);
        return { items, total: items.length };
      },
    });

    r.get(`${base}/resources/:code`, {
      config: { permission: P['sharing:read'] },
      schema: { tags, summary: '共享资源：字段（数据元名称）、查询条件、共享与开放类型', params: s.codeParams, response: { 200: s.resourceView } },
      handler: async (req) => resourceView(await d.resources.get(req.params.code)),
    });

    r.post(`${base}/resources`, {
      config: { permission: P['sharing:manage'] },
      schema: { tags, summary: '登记共享资源', body: s.resourceCreateBody, response: { 200: s.resourceView } },
      handler: async (req) => {
        await d.resources.create({ actor: actorOf(req), meta: requestMeta(req) }, req.body);
        return resourceView(await d.resources.get(req.body.code));
      },
    });

    r.put(`${base}/resources/:code`, {
      config: { permission: P['sharing:manage'] },
      schema: { tags, summary: '修改共享资源', params: s.codeParams, body: s.resourceBody, response: { 200: s.resourceView } },
      handler: async (req) => {
        const actor = actorOf(req);
        await d.resources.update({ actor, meta: requestMeta(req) }, actor, req.params.code, req.body);
        return resourceView(await d.resources.get(req.params.code));
      },
    });

    const consumerView = (c: Awaited<ReturnType<ConsumerService['list']>>[number]) => ({ id: c.id, name: c.name, agency: c.agency, orgId: c.org_id, keyId: c.key_id, alg: c.alg, status: c.status, createdAt: c.created_at.toISOString() });

    r.get(`${base}/consumers`, {
      config: { permission: P['sharing:read'] },
      schema: { tags, summary: '调用方（其他部门的系统）', response: { 200: listOf(s.consumerView) } },
      handler: async () => {
        const items = (await d.consumers.list()).map(consumerView);
        return { items, total: items.length };
      },
    });

    r.post(`${base}/consumers`, {
      config: { permission: P['sharing:manage'] },
      schema: { tags, summary: '登记调用方：HMAC 密钥只在此时返回一次；Ed25519/SM2 登记对方公钥', body: s.consumerBody, response: { 200: s.consumerCreated } },
      handler: async (req) => d.consumers.create({ actor: actorOf(req), meta: requestMeta(req) }, req.body),
    });

    r.patch(`${base}/consumers/:id`, {
      config: { permission: P['sharing:manage'] },
      schema: { tags, summary: '停用或恢复调用方', params: s.idParams, body: s.consumerPatch, response: { 200: s.consumerView } },
      handler: async (req) => {
        const actor = actorOf(req);
        await d.consumers.setStatus({ actor, meta: requestMeta(req) }, actor, req.params.id, req.body.status);
        return consumerView(await d.consumers.get(req.params.id));
      },
    });

    r.get(`${base}/requests`, {
      config: { permission: P['sharing:read'] },
      schema: { tags, summary: '共享申请：本机构调用方提出的、待本机构审批的', querystring: s.requestQuery, response: { 200: listOf(s.requestView) } },
      handler: async (req) => {
        const items = (await d.grants.listRequests(actorOf(req), req.query)).map(requestView);
        return { items, total: items.length };
      },
    });

    r.post(`${base}/requests`, {
      config: { permission: P['sharing:request'] },
      schema: { tags, summary: '提出共享申请（无条件共享的资源自动通过）', body: s.demandBody, response: { 200: z.object({ id: z.number().int() }) } },
      handler: async (req) => {
        const actor = actorOf(req);
        return { id: await d.grants.demand({ actor, meta: requestMeta(req) }, actor, req.body) };
      },
    });

    r.post(`${base}/requests/:id/decision`, {
      config: { permission: P['sharing:approve'] },
      schema: { tags, summary: '审批共享申请：通过即生成授权', params: s.idParams, body: s.decisionBody, response: { 200: z.object({ grantId: z.number().int().nullable() }) } },
      handler: async (req) => {
        const actor = actorOf(req);
        const { expiresAt, ...rest } = req.body;
        const grantId = await d.grants.decide({ actor, meta: requestMeta(req) }, actor, req.params.id, { ...rest, ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {}) });
        return { grantId };
      },
    });

    r.get(`${base}/grants`, {
      config: { permission: P['sharing:read'] },
      schema: { tags, summary: '授权：字段、明文字段、用途、期限、限流与日配额', querystring: s.grantQuery, response: { 200: listOf(s.grantView) } },
      handler: async (req) => {
        const items = (await d.grants.listGrants(actorOf(req), req.query)).map(grantView);
        return { items, total: items.length };
      },
    });

    r.post(`${base}/grants`, {
      config: { permission: P['sharing:manage'] },
      schema: { tags, summary: '直接授权（管理员，不经申请）', body: s.grantBody, response: { 200: z.object({ grantId: z.number().int() }) } },
      handler: async (req) => {
        const { expiresAt, ...rest } = req.body;
        const actor = actorOf(req);
        const grantId = await d.grants.createGrant({ actor, meta: requestMeta(req) }, { ...rest, ...(expiresAt ? { expiresAt: new Date(expiresAt) } : {}) }, actor);
        return { grantId };
      },
    });

    r.get(`${base}/stats`, {
      config: { permission: P['sharing:read'] },
      schema: { tags, summary: '调用统计：按调用方、资源或日（北京时间）汇总调用、拒绝、记录数与平均耗时', querystring: s.statsQuery, response: { 200: s.statsView } },
      handler: async (req) => {
        const to = req.query.to ?? new Date().toISOString().slice(0, 10);
        const from = req.query.from ?? new Date(Date.parse(`${to}T00:00:00+08:00`) - 29 * 86_400_000).toISOString().slice(0, 10);
        // Days are Beijing days: [from 00:00, to+1 00:00) at +08:00.
        const items = await d.callLog.stats({ from: new Date(`${from}T00:00:00+08:00`), to: new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000), groupBy: req.query.groupBy });
        return { from, to, items };
      },
    });

    r.get(`${base}/subject-log`, {
      config: { permission: P['sharing:subject-log'] },
      schema: { tags, summary: '数据主体查询：某人的数据被哪个调用方、何时、为何查询或核验（本次查阅留审计）', querystring: s.subjectLogQuery, response: { 200: listOf(s.subjectLogItem) } },
      handler: async (req) => {
        const { idNumber, page, pageSize } = req.query;
        const actor = actorOf(req);
        // Who asked about whom is itself personal: the reading is audited (SEC-17, PIPL 第五十一条).
        await d.db.transaction().execute((trx) => recordAudit(trx, { actor, meta: requestMeta(req) }, { action: 'sharing.subject-log.read', targetType: 'person', targetId: maskIdNumber(idNumber) }));
        const res = await d.callLog.subjectLog(idNumber, { page, pageSize });
        return { total: res.total, items: res.items.map((i) => ({ ...i, at: i.at.toISOString() })) };
      },
    });

    r.post(`${base}/grants/:id/revoke`, {
      config: { permission: P['sharing:approve'] },
      schema: { tags, summary: '撤销授权', params: s.idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
      handler: async (req) => {
        const actor = actorOf(req);
        await d.grants.revoke({ actor, meta: requestMeta(req) }, actor, req.params.id);
        return { ok: true as const };
      },
    });
  };
}
