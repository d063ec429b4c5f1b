/**
 * The sharing gateway's HTTP face (issue 5 Interface): lookup, 核验 and the change feed under
 * /api/v1/share/. Public routes: callers are other agencies' systems, authenticated by an RFC 9421
 * signature instead of a session. Every call runs the same checklist, in this order, before its
 * handler: log writable → signature → purpose → grant → purpose within the grant → rate and quota;
 * and every call, refused or not, is logged when its response is sent.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toAppError } from '../../../platform/http/error-handler.ts';
import { httpErrors } from '../../../platform/http/errors.ts';
import { sharingErrors } from '../sharing.errors.ts';
import type { Authenticator } from './authenticate.ts';
import type { CallLog, ShareService } from './call-log.ts';
import { gatewayErrors } from './gateway.errors.ts';
import { decodePurpose, purposeWithin } from './gateway.rules.ts';
import * as s from './gateway.schema.ts';
import type { GatewayService, Granted } from './gateway.service.ts';
import type { Limits } from './limits.ts';

/** What one call has established so far; logged as it stands when the response goes out. */
interface CallContext {
  service: ShareService;
  at: Date;
  resourceCode: string | null;
  consumerId: number | null;
  granted: Granted | null;
  purpose: string | null;
  code: string | null;
  resultCount: number;
  subjects: string[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which gateway service a route is, for the call log. */
    shareService?: ShareService;
  }
  interface FastifyRequest {
    shareCall: CallContext | null;
  }
}

export interface GatewayRouteDeps {
  auth: Authenticator;
  service: GatewayService;
  limits: Limits;
  callLog: CallLog;
  clock: () => Date;
}

const tags = ['共享交换网关'];
/** A 核验 body is a handful of fields; anything larger is not one. */
const BODY_LIMIT = 64 * 1024;
const CODE = /^[a-z][a-z0-9-]{1,39}$/;
const describe = (summary: string) =>
  `${summary}。请求须按 RFC 9421 签名，覆盖 @method、@target-uri、tp-purpose（有请求体时再加 content-digest），带 created、nonce、keyid 参数；Tp-Purpose 头写调用用途（UTF-8 百分号编码），须为授权用途，或“授权用途：具体事项”。`;

function contextOf(req: FastifyRequest): CallContext {
  if (!req.shareCall) throw httpErrors.INTERNAL_ERROR();
  return req.shareCall;
}

function grantedOf(req: FastifyRequest): Granted {
  const g = contextOf(req).granted;
  if (!g) throw httpErrors.INTERNAL_ERROR();
  return g;
}

export function gatewayRoutes(d: GatewayRouteDeps) {
  return async function (app: FastifyInstance) {
    // The Content-Digest is over the body bytes as sent: keep them, parse JSON only once verified.
    // Scoped to this plugin (encapsulation), so the console's routes keep the normal parser.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    app.decorateRequest('shareCall', null);

    app.addHook('onRequest', async (req) => {
      const code = (req.params as { resource?: unknown }).resource;
      req.shareCall = {
        service: req.routeOptions.config.shareService ?? 'lookup',
        at: d.clock(),
        resourceCode: typeof code === 'string' && CODE.test(code) ? code : null,
        consumerId: null,
        granted: null,
        purpose: null,
        code: null,
        resultCount: 0,
        subjects: [],
      };
    });

    app.addHook('preValidation', async (req, reply) => {
      const ctx = contextOf(req);
      // No call without its log record: when the log cannot be written, nothing is served.
      if (d.callLog.overloaded()) throw gatewayErrors.SHARE_LOG_UNAVAILABLE();
      const raw = Buffer.isBuffer(req.body) ? req.body : undefined;
      const caller = await d.auth.authenticate(req, raw, (c) => (ctx.consumerId = c.consumerId));
      const purpose = decodePurpose(req.headers['tp-purpose']);
      if (!purpose.ok) throw gatewayErrors[purpose.code]();
      ctx.purpose = purpose.purpose;
      if (ctx.resourceCode === null) throw sharingErrors.SHARE_RESOURCE_NOT_FOUND('没有这个共享资源');
      const g = await d.service.grantFor(caller.consumer.consumerId, ctx.resourceCode);
      if (!g) throw gatewayErrors.SHARE_NO_GRANT(`调用方 ${caller.consumer.name} 没有资源 ${ctx.resourceCode} 的有效授权（未授权、已过期或已撤销）`);
      ctx.granted = g;
      if (!purposeWithin(purpose.purpose, g.grant.purpose)) {
        throw gatewayErrors.SHARE_PURPOSE_MISMATCH(`声明的用途“${purpose.purpose}”不在授权用途“${g.grant.purpose}”之内`, [{ field: 'tp-purpose', message: g.grant.purpose }]);
      }
      const limit = await d.limits.take(g.grant);
      if (!limit.ok) {
        void reply.header('retry-after', String(limit.retryAfter));
        throw gatewayErrors[limit.code](limit.message);
      }
      if (raw !== undefined && raw.length > 0) {
        try {
          req.body = JSON.parse(raw.toString('utf8'));
        } catch {
          throw httpErrors.BODY_MALFORMED();
        }
      }
    });

    app.addHook('onError', async (req, _reply, err) => {
      if (req.shareCall) req.shareCall.code = toAppError(err).code;
    });

    app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
      const ctx = req.shareCall;
      if (!ctx) return;
      const ok = reply.statusCode < 400;
      d.callLog.record({
        at: ctx.at,
        consumerId: ctx.consumerId,
        grantId: ctx.granted?.grant.id ?? null,
        resourceCode: ctx.resourceCode,
        service: ctx.service,
        purpose: ctx.purpose,
        resultCount: ok ? ctx.resultCount : 0,
        status: reply.statusCode,
        code: ok ? null : ctx.code,
        latencyMs: reply.elapsedTime,
        subjects: ok ? ctx.subjects : [],
      });
    });

    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/share/:resource', {
      config: { public: true, shareService: 'lookup' },
      schema: { tags, summary: '按查询字段查询记录（只返回授权字段，未授权明文的脱敏）', description: describe('按资源的一个查询字段查询'), security: [], params: s.resourceParams, querystring: s.lookupQuery, response: { 200: s.dataView } },
      handler: async (req) => {
        const a = await d.service.lookup(grantedOf(req), Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => e[1] !== undefined)));
        Object.assign(contextOf(req), { resultCount: a.resultCount, subjects: a.subjects });
        return a.body;
      },
    });

    r.post('/api/v1/share/:resource/verify', {
      config: { public: true, shareService: 'verify' },
      schema: { tags, summary: '核验：是否存在与所给字段值一致的记录（只答是否，不返回记录）', description: describe('核验'), security: [], params: s.resourceParams, body: s.verifyBody, response: { 200: s.verifyView } },
      handler: async (req) => {
        const a = await d.service.verify(grantedOf(req), req.body);
        Object.assign(contextOf(req), { resultCount: a.resultCount, subjects: a.subjects });
        return a.body;
      },
    });

    r.get('/api/v1/share/:resource/changes', {
      config: { public: true, shareService: 'changes' },
      schema: { tags, summary: '订阅：按游标读取资源的变更（至少一次送达，可从任一游标续读）', description: describe('变更订阅'), security: [], params: s.resourceParams, querystring: s.changesQuery, response: { 200: s.changesView } },
      handler: async (req) => {
        const a = await d.service.changes(grantedOf(req), req.query.cursor, req.query.limit);
        contextOf(req).resultCount = a.resultCount;
        return a.body;
      },
    });
  };
}
