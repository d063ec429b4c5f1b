/**
 * Four agencies' APIs in one process, each the way such systems really are: 公安 behind a signing
 * gateway that answers every error as HTTP 200 with its own result code and pages by cursor; 民政
 * with an API key, numbered pages and a page that fails once with 500; 自然资源 behind a signing
 * gateway with zero-based Spring-style pages and one slow page; 组织人事 with a bearer token and a
 * cursor. `/__sim/*` lets tests see what was asked and reset the faults.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_AGENCY_CREDENTIALS as CRED } from '../../server/src/modules/connectors/connectors.demo.ts';
import { createHmacVerifier, type Verdict } from './auth.ts';
import { datasets, type Row } from './data.ts';

export interface SimOptions {
  seed: number;
  /** Multiplies every agency's record count. */
  scale: number;
  /** The 500 on 民政 page 3 (first request only) and the slow 自然资源 second page. */
  faults: boolean;
  /** How long the slow page takes. */
  slowMs: number;
  now?: () => number;
}

export interface LoggedRequest {
  agency: string;
  query: Record<string, string>;
  /** 0 while the request is being answered; 499 when the caller went away first. */
  status: number;
  ms: number;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, ...(headers ? { headers } : {}) });

const MAX_SIZE = 100;
/** An integer query parameter in [min, max], its default when absent; null when malformed. */
function intParam(q: URLSearchParams, name: string, def: number, min: number, max: number): number | null {
  const raw = q.get(name);
  if (raw === null || raw === '') return def;
  if (!/^\d{1,9}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}
/** Opaque to clients, stable across restarts: the offset, wrapped. */
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(raw: string | null): number | null {
  if (raw === null || raw === '') return 0;
  const m = /^o:(\d{1,9})$/.exec(Buffer.from(raw, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

export function createAgencySim(opts: SimOptions) {
  const now = opts.now ?? Date.now;
  const data = () => datasets(opts.seed, opts.scale);
  const gonganGateway = createHmacVerifier([{ accessKey: CRED.gongan.accessKey, secret: CRED.gongan.secret }], now);
  const zrzyGateway = createHmacVerifier([{ accessKey: CRED.zrzy.accessKey, secret: CRED.zrzy.secret }], now);
  const log: LoggedRequest[] = [];
  const failedOnce = new Set<string>();

  const GONGAN_CODES: Record<Exclude<Verdict, { ok: true }>['reason'], string> = { missing: '4001', 'unknown-key': '4002', stale: '4003', replayed: '4004', 'bad-signature': '4010' };

  function gongan(req: IncomingMessage, url: URL): Reply {
    const v = gonganGateway.verify(req.method ?? 'GET', req.url ?? '', req.headers);
    if (!v.ok) return json(200, { code: GONGAN_CODES[v.reason], msg: v.message, data: null });
    const limit = intParam(url.searchParams, 'limit', 20, 1, MAX_SIZE);
    const offset = decodeCursor(url.searchParams.get('cursor'));
    if (limit === null) return json(200, { code: '4100', msg: `limit 须为 1–${MAX_SIZE} 的整数`, data: null });
    if (offset === null) return json(200, { code: '4101', msg: 'cursor 无效或已过期', data: null });
    const all = data().deaths;
    const rows = all.slice(offset, offset + limit);
    return json(200, { code: '0000', msg: '成功', data: { rows, nextCursor: offset + limit < all.length ? encodeCursor(offset + limit) : '', total: all.length } });
  }

  function minzheng(req: IncomingMessage, url: URL): Reply {
    if (req.headers['x-api-key'] !== CRED.minzheng.apiKey) return json(401, { success: false, message: 'API Key 无效或已停用', result: null });
    const pageNo = intParam(url.searchParams, 'pageNo', 1, 1, 1_000_000);
    const pageSize = intParam(url.searchParams, 'pageSize', 20, 1, MAX_SIZE);
    if (pageNo === null || pageSize === null) return json(400, { success: false, message: `pageNo 须为正整数，pageSize 须为 1–${MAX_SIZE}`, result: null });
    if (opts.faults && pageNo === 3 && !failedOnce.has('minzheng:3')) {
      failedOnce.add('minzheng:3');
      return json(500, { success: false, message: '服务繁忙，请稍后重试', result: null });
    }
    const all = data().marriages;
    return json(200, { success: true, message: 'ok', result: { total: all.length, pageNo, pageSize, records: all.slice((pageNo - 1) * pageSize, pageNo * pageSize) } });
  }

  function zrzy(req: IncomingMessage, url: URL): Reply {
    const v = zrzyGateway.verify(req.method ?? 'GET', req.url ?? '', req.headers);
    if (!v.ok) return json(v.reason === 'bad-signature' || v.reason === 'unknown-key' ? 401 : 400, { error: 'InvalidSignature', message: v.message }, { 'x-ca-error-message': v.reason });
    const page = intParam(url.searchParams, 'page', 0, 0, 1_000_000);
    const size = intParam(url.searchParams, 'size', 20, 1, MAX_SIZE);
    if (page === null || size === null) return json(400, { error: 'BadRequest', message: `page 须为非负整数，size 须为 1–${MAX_SIZE}` });
    const all = data().realEstate;
    const content = all.slice(page * size, (page + 1) * size);
    return json(200, { content, totalElements: all.length, totalPages: Math.ceil(all.length / size), number: page, size, last: (page + 1) * size >= all.length });
  }

  function zuzhi(req: IncomingMessage, url: URL): Reply {
    if (req.headers.authorization !== `Bearer ${CRED.zuzhi.token}`) return json(401, { error: 'invalid_token', error_description: '访问令牌无效或已过期' });
    const size = intParam(url.searchParams, 'size', 20, 1, MAX_SIZE);
    const offset = decodeCursor(url.searchParams.get('after'));
    if (size === null || offset === null) return json(400, { error: 'invalid_request', error_description: `size 须为 1–${MAX_SIZE}，after 须为上一页返回的 next` });
    const all = data().civilServants;
    return json(200, { items: all.slice(offset, offset + size), next: offset + size < all.length ? encodeCursor(offset + size) : null });
  }

  const AGENCIES: Record<string, [name: string, handle: (req: IncomingMessage, url: URL) => Reply]> = {
    '/gongan/rkk/v1/swry': ['gongan', gongan],
    '/mz/hydj/api/records': ['minzheng', minzheng],
    '/zrzy/bdc/v2/qlr-fwxx': ['zrzy', zrzy],
    '/zz/gwy/v1/persons': ['zuzhi', zuzhi],
  };

  function send(res: ServerResponse, r: Reply) {
    const body = JSON.stringify(r.body);
    res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), ...r.headers });
    res.end(body);
  }

  return {
    log,
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const url = new URL(req.url ?? '/', 'http://sim.local');
      if (url.pathname === '/__sim/health') return send(res, json(200, { ok: true, seed: opts.seed, scale: opts.scale }));
      if (url.pathname === '/__sim/requests') return send(res, json(200, { requests: log }));
      if (url.pathname === '/__sim/reset' && req.method === 'POST') {
        log.length = 0;
        failedOnce.clear();
        return send(res, json(200, { ok: true }));
      }
      const agency = AGENCIES[url.pathname];
      if (!agency) return send(res, json(404, { message: `没有这个接口：${url.pathname}` }));
      if (req.method !== 'GET') return send(res, json(405, { message: '只支持 GET' }));
      const started = now();
      let gone = false;
      res.once('close', () => (gone ||= !res.writableFinished));
      const [name, handle] = agency;
      // Logged on arrival (status 0 while being answered), so a test can act while a page is slow.
      const entry: LoggedRequest = { agency: name, query: Object.fromEntries(url.searchParams), status: 0, ms: 0 };
      log.push(entry);
      const reply = handle(req, url);
      if (opts.faults && name === 'zrzy' && url.searchParams.get('page') === '1' && reply.status === 200) await new Promise((r) => setTimeout(r, opts.slowMs));
      // 499 (nginx's "client closed request"): the caller gave up before the answer was ready.
      entry.status = gone ? 499 : reply.status;
      entry.ms = now() - started;
      if (!gone) send(res, reply);
    },
  };
}

export type { Row };
