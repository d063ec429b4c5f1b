import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOf } from '../../platform/http/pagination.ts';
import { actorOf, requestMeta } from '../../platform/http/route-guard.ts';
import type { EntryService } from './entries.service.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { P } from './ledger.permissions.ts';
import * as s from './ledger.schema.ts';
import type { LogService } from './logs.service.ts';
import { receiptSchema } from './receipt.ts';
import { verifySummary } from './verify-summary.ts';
import type { VerifyReport } from './verify.ts';
import type { WitnessService } from './witness.service.ts';

const tags = ['区块链存证'];
const hexes = (xs: Buffer[]) => xs.map((x) => x.toString('hex'));
const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Verify = (name: string) => Promise<VerifyReport & { audit: { checkedRows: number; deleted: number[]; edited: number[] } | null }>;

/**
 * Checkpoints, verifier keys and proofs are public: they hold hashes only, and a transparency log
 * is only as good as the parties able to check it. Cosignatures are public too, authenticated by
 * the witness's registered key instead of a session. Everything else needs a ledger permission.
 */
export function ledgerRoutes(d: { logs: LogService; entries: EntryService; witnesses: WitnessService; verify: Verify }) {
  return async function (app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const base = '/api/v1/ledger/logs/:name';

    const checkpointOf = async (name: string, size?: number) => {
      const c = await d.logs.latestCheckpoint(name, size);
      return { size: c.size, root: c.root.toString('hex'), createdAt: c.createdAt.toISOString(), note: c.note, cosignatures: c.cosignatures.map((x) => ({ witness: x.witness, cosignedAt: x.cosigned_at.toISOString() })) };
    };
    const keysOf = async (name: string) =>
      (await d.logs.keysOf(name)).map((k) => ({ kind: k.kind, vkey: k.vkey, createdAt: k.created_at.toISOString(), retiredAt: iso(k.retired_at), entryIndex: k.entry_idx }));
    const logView = (l: Awaited<ReturnType<LogService['list']>>[number]) => ({
      name: l.name,
      origin: l.origin,
      hashAlg: l.hash_alg,
      description: l.description,
      size: l.size,
      createdAt: l.created_at.toISOString(),
      checkpointSize: l.checkpointSize,
      checkpointAt: iso(l.checkpointAt),
    });

    r.get('/api/v1/ledger/logs', {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '存证日志列表', response: { 200: z.object({ items: z.array(s.logView), total: z.number().int() }) } },
      handler: async () => {
        const items = (await d.logs.list()).map(logView);
        return { items, total: items.length };
      },
    });

    r.post('/api/v1/ledger/logs', {
      config: { permission: P['ledger:manage'] },
      schema: { tags, summary: '新建存证日志（SM3 日志另加 SM2 签名）', body: s.createLogBody, response: { 200: s.logView } },
      handler: async (req) => {
        await d.logs.create({ actor: actorOf(req), meta: requestMeta(req) }, req.body);
        return logView((await d.logs.list(req.body.name))[0]!);
      },
    });

    r.get(base, {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '存证日志详情：签名密钥、见证方、最新检查点', params: s.logParams, response: { 200: s.logDetail } },
      handler: async (req) => {
        const { name } = req.params;
        const [log] = await d.logs.list(name);
        if (!log) throw ledgerErrors.LEDGER_LOG_NOT_FOUND(`存证日志 ${name} 不存在`);
        const witnesses = (await d.witnesses.witnessesOf(name)).map((w) => ({ name: w.name, vkey: w.vkey, addedAt: w.added_at.toISOString() }));
        const checkpoint = log.checkpointSize === null ? null : await checkpointOf(name);
        return { ...logView(log), keys: await keysOf(name), witnesses, checkpoint };
      },
    });

    r.get(`${base}/checkpoint`, {
      config: { public: true },
      schema: { tags, summary: '最新签名检查点（c2sp.org/tlog-checkpoint 文本，含见证联署）', params: s.logParams, response: { 200: z.string() } },
      handler: async (req, reply) => reply.type('text/plain; charset=utf-8').send((await d.logs.latestCheckpoint(req.params.name)).note),
    });

    r.get(`${base}/checkpoints/:size`, {
      config: { public: true },
      schema: { tags, summary: '指定大小的签名检查点（文本）', params: s.sizeParams, response: { 200: z.string() } },
      handler: async (req, reply) => reply.type('text/plain; charset=utf-8').send((await d.logs.latestCheckpoint(req.params.name, req.params.size)).note),
    });

    r.get(`${base}/keys`, {
      config: { public: true },
      schema: { tags, summary: '日志的验证公钥（含已轮换的）与哈希算法', params: s.logParams, response: { 200: s.publicKeysView } },
      handler: async (req) => {
        const log = await d.logs.logOf(req.params.name);
        return { origin: log.origin, hashAlg: log.hash_alg, keys: await keysOf(log.name) };
      },
    });

    r.get(`${base}/proofs/inclusion`, {
      config: { public: true },
      schema: { tags, summary: '包含证明（RFC 9162 §2.1.3）', params: s.logParams, querystring: s.inclusionQuery, response: { 200: s.inclusionView } },
      handler: async (req) => {
        const p = await d.logs.proveInclusion(req.params.name, req.query.index, req.query.size);
        return { ...p, proof: hexes(p.proof) };
      },
    });

    r.get(`${base}/proofs/consistency`, {
      config: { public: true },
      schema: { tags, summary: '一致性证明（RFC 9162 §2.1.4）', params: s.logParams, querystring: s.consistencyQuery, response: { 200: s.consistencyView } },
      handler: async (req) => {
        const p = await d.logs.proveConsistency(req.params.name, req.query.from, req.query.to);
        return { ...p, proof: hexes(p.proof) };
      },
    });

    r.post(`${base}/checkpoints/:size/cosignatures`, {
      config: { public: true },
      schema: {
        tags,
        summary: '见证方提交联署签名（text/plain：一行“— 名称 签名”，c2sp.org/tlog-cosignature）',
        params: s.sizeParams,
        body: z.string().max(2000),
        response: { 200: z.object({ witness: z.string(), size: z.number().int(), cosignedAt: z.string() }) },
      },
      handler: async (req) => {
        const c = await d.witnesses.acceptCosignature({ ip: req.ip, requestId: req.id }, req.params.name, req.params.size, req.body);
        return { ...c, cosignedAt: c.cosignedAt.toISOString() };
      },
    });

    r.get(`${base}/checkpoints`, {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '历次签名检查点', params: s.logParams, querystring: s.entriesQuery.omit({ type: true }), response: { 200: listOf(s.checkpointView) } },
      handler: async (req) => {
        const { items, total } = await d.logs.checkpoints(req.params.name, req.query);
        return { items: items.map((c) => ({ ...c, root: c.root.toString('hex'), createdAt: c.createdAt.toISOString(), cosignatures: c.cosignatures.map((x) => ({ witness: x.witness, cosignedAt: x.cosignedAt.toISOString() })) })), total };
      },
    });

    r.get(`${base}/entries`, {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '存证记录（新的在前）', params: s.logParams, querystring: s.entriesQuery, response: { 200: listOf(s.entryView) } },
      handler: async (req) => {
        const { page, pageSize, type } = req.query;
        return d.entries.list(req.params.name, { type }, { page, pageSize });
      },
    });

    r.get(`${base}/entries/:index`, {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '一条存证记录及其包含证明', params: s.entryParams, response: { 200: s.entryDetail } },
      handler: async (req) => d.entries.get(req.params.name, req.params.index),
    });

    r.get(`${base}/entries/:index/receipt`, {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '存证凭证：记录、包含证明与签名检查点（可交第三方离线核验：tianping ledger verify-receipt）', params: s.entryParams, response: { 200: receiptSchema } },
      handler: async (req) => d.entries.receipt(req.params.name, req.params.index),
    });

    r.post(`${base}/entries`, {
      config: { permission: P['ledger:append'] },
      schema: { tags, summary: '写入存证记录（只写哈希与编号，不得含个人信息）', params: s.logParams, body: s.appendBody, response: { 200: s.appendView } },
      handler: async (req) => {
        const actor = actorOf(req);
        const items = req.body.entries.map((e) => ({ type: e.type, payload: e.payload, submitter: actor.username }));
        return d.logs.appendAudited({ actor, meta: requestMeta(req) }, req.params.name, items);
      },
    });

    r.get(`${base}/verification`, {
      config: { permission: P['ledger:read'] },
      schema: { tags, summary: '校验：用全部记录重算哈希树，对照已存哈希与签名检查点（审计日志另核对审计记录）', params: s.logParams, response: { 200: s.verifyView } },
      handler: async (req) => {
        const report = await d.verify(req.params.name);
        return { ...report, summary: verifySummary(report, report.audit) };
      },
    });

    r.post(`${base}/rotate-key`, {
      config: { permission: P['ledger:manage'] },
      schema: { tags, summary: '轮换签名密钥（新公钥写入日志，交接检查点由新旧密钥共同签名）', params: s.logParams, body: s.rotateBody, response: { 200: z.object({ retired: z.string(), active: z.string(), entry: z.number().int() }) } },
      handler: async (req) => d.logs.rotateKey({ actor: actorOf(req), meta: requestMeta(req) }, req.params.name, req.body.kind),
    });

    r.post(`${base}/witnesses`, {
      config: { permission: P['ledger:manage'] },
      schema: { tags, summary: '登记见证方（接受其联署签名）', params: s.logParams, body: s.witnessBody, response: { 200: z.object({ name: z.string(), vkey: z.string() }) } },
      handler: async (req) => d.witnesses.addWitness({ actor: actorOf(req), meta: requestMeta(req) }, req.params.name, req.body.vkey),
    });

    r.get('/api/v1/ledger/witness', {
      config: { permission: P['ledger:read'] },
      schema: {
        tags,
        summary: '本节点作为见证方：联署公钥与所见证的日志',
        response: { 200: z.object({ vkey: z.string(), followed: z.array(z.object({ origin: z.string(), url: z.string(), size: z.number().int(), updatedAt: z.string() })) }) },
      },
      handler: async () => ({
        vkey: await d.witnesses.witnessKey(),
        followed: (await d.witnesses.followed()).map((f) => ({ origin: f.origin, url: f.url, size: f.size, updatedAt: f.updated_at.toISOString() })),
      }),
    });

    r.post('/api/v1/ledger/witness/follow', {
      config: { permission: P['ledger:manage'] },
      schema: { tags, summary: '见证另一个日志：取其检查点、核对一致性、联署并提交', body: s.followBody, response: { 200: z.object({ origin: z.string(), size: z.number().int(), previous: z.number().int().nullable() }) } },
      handler: async (req) => d.witnesses.witness(req.body.url, req.body.logKey, { actor: actorOf(req), meta: requestMeta(req) }),
    });
  };
}
