/**
 * One page from another agency's API: the request (paging parameters, API key or signature), a
 * timeout, retries with backoff for what may pass (network errors, timeouts, 429, 5xx) and none
 * for what will not (401/403: wrong credentials; other 4xx), and the page read out of whatever
 * envelope the agency wraps it in. Every failure is an AppError with a Chinese message that says
 * which agency did what, because that message is what the operator sees on the failed run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppError } from '../../platform/http/errors.ts';
import { connectorErrors as E } from './connectors.errors.ts';
import type { AuthConfig, EnvelopeConfig, PagingConfig } from './connectors.tables.ts';
import { valueAt } from './mapping.rules.ts';
import { signedHeaders } from './signing.ts';

/** A page bigger than this is refused rather than held in memory; a smaller page size fixes it. */
const MAX_PAGE_BYTES = 32 * 1024 * 1024;
/** An agency asking us to wait longer than this (Retry-After) is treated as unavailable. */
const MAX_RETRY_AFTER_MS = 60_000;

export interface RemoteEndpoint {
  agency: string;
  baseUrl: string;
  endpoint: string;
  auth: AuthConfig;
  paging: PagingConfig;
  envelope: EnvelopeConfig | null;
  timeoutMs: number;
}

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before the second try; doubled for each further one. */
  baseMs: number;
}

export interface RemoteDeps {
  fetch: typeof fetch;
  clock: () => Date;
  retry: RetryPolicy;
}

export interface RemotePage {
  items: unknown[];
  /** The cursor (or page number) of the following page; null after the last. */
  next: string | null;
}

/** Thrown when the pull is being stopped (shutdown): not a failure of the agency. */
export class PullStopped extends Error {
  constructor() {
    super('拉取已停止');
  }
}

/** The URL of a page: the endpoint under the base URL (its path prefix kept), with paging parameters. */
export function pageUrl(r: RemoteEndpoint, cursor: string | null): URL {
  const url = new URL(r.baseUrl.replace(/\/+$/, '') + r.endpoint);
  const p = r.paging;
  if (p.kind === 'page') url.searchParams.set(p.pageParam, cursor ?? String(p.firstPage));
  else if (cursor !== null) url.searchParams.set(p.cursorParam, cursor);
  url.searchParams.set(p.sizeParam, String(p.size));
  return url;
}

function authHeaders(r: RemoteEndpoint, secret: string, url: URL, now: Date): Record<string, string> {
  const a = r.auth;
  switch (a.kind) {
    case 'api-key':
      return { accept: 'application/json', [a.header]: `${a.prefix}${secret}` };
    case 'hmac-sha256':
      return signedHeaders(url, a.accessKey, secret, now);
    default: {
      const never: never = a;
      throw new Error(`unknown auth ${String(never)}`);
    }
  }
}

/** A short, printable reason from an error body: the usual message fields, or the text itself. */
function reasonOf(text: string, envelope: EnvelopeConfig | null, headerMessage: string | null): string {
  let reason = headerMessage ?? '';
  try {
    const body: unknown = JSON.parse(text);
    for (const path of [envelope?.messagePath, 'message', 'msg', 'errmsg', 'errorMessage', 'error_description', 'error']) {
      const v = path ? valueAt(body, path) : undefined;
      if (typeof v === 'string' && v.trim() !== '') {
        reason = v;
        break;
      }
    }
  } catch {
    reason ||= text;
  }
  return reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, 200);
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝', ECONNRESET: '连接被重置', ENOTFOUND: '域名无法解析', EAI_AGAIN: '域名解析暂时失败', ETIMEDOUT: '连接超时',
  EHOSTUNREACH: '主机不可达', ENETUNREACH: '网络不可达', UND_ERR_SOCKET: '连接中断', CERT_HAS_EXPIRED: '对方证书已过期',
};

/** Why fetch could not reach the agency, in words: fetch itself only says "fetch failed". */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (cause?.message === 'bad port') return '端口被 fetch 标准禁用（如 9、25、6000），请改用其他端口';
  if (cause?.message === 'unexpected redirect') return '对方接口要求重定向，请把基础地址改为重定向后的地址';
  return NETWORK_REASONS[code] ? `${NETWORK_REASONS[code]}，${code}` : (code || cause?.message || (err as Error).message);
}

/** Failures that asking again cannot mend: a forbidden port, a certificate we do not trust. */
function isPermanent(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.message === 'bad port' || cause?.message === 'unexpected redirect' || /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(cause?.code ?? '');
}

async function readCapped(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_PAGE_BYTES) throw E.CONN_REMOTE_INVALID(`单页数据 ${Math.round(declared / 1024 / 1024)} MB，超过 32 MB 的上限，请调小每页条数`);
  if (!res.body) return '';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_PAGE_BYTES) throw E.CONN_REMOTE_INVALID('单页数据超过 32 MB 的上限，请调小每页条数');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads the page out of a 200 answer; the paging decides where the next one starts. */
function readPage(r: RemoteEndpoint, text: string, cursor: string | null): RemotePage {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw E.CONN_REMOTE_INVALID(`${r.agency}接口返回的不是 JSON：${text.slice(0, 80)}`);
  }
  const env = r.envelope;
  if (env) {
    const code = valueAt(body, env.codePath);
    if (!env.okValues.includes(String(code))) {
      throw E.CONN_REMOTE_REFUSED(`${r.agency}接口返回错误（代码 ${String(code)}）：${reasonOf(text, env, null) || '未说明原因'}`);
    }
  }
  const p = r.paging;
  const items = valueAt(body, p.itemsPath);
  if (!Array.isArray(items)) throw E.CONN_REMOTE_INVALID(`${r.agency}接口返回的数据中没有记录列表（${p.itemsPath}）`);
  if (items.length === 0) return { items, next: null };
  if (p.kind === 'page') {
    const page = cursor === null ? p.firstPage : Number(cursor);
    const total = p.totalPath === null ? null : Number(valueAt(body, p.totalPath));
    const last = total !== null && Number.isFinite(total) ? (page - p.firstPage + 1) * p.size >= total : items.length < p.size;
    return { items, next: last ? null : String(page + 1) };
  }
  const next = valueAt(body, p.nextPath);
  if (next === undefined || next === null || next === '' || next === false) return { items, next: null };
  if (typeof next !== 'string' && typeof next !== 'number') throw E.CONN_REMOTE_INVALID(`${r.agency}接口返回的游标（${p.nextPath}）不是文本或数字`);
  // A cursor that does not move would fetch the same page for ever.
  if (String(next) === cursor) throw E.CONN_REMOTE_INVALID(`${r.agency}接口返回的下一页游标与本页相同，无法继续翻页`);
  return { items, next: String(next) };
}

type Attempt = { page: RemotePage } | { retry: string; waitMs: number | null };

async function attempt(r: RemoteEndpoint, secret: string, cursor: string | null, deps: RemoteDeps, signal: AbortSignal | undefined): Promise<Attempt> {
  const url = pageUrl(r, cursor);
  const timeout = AbortSignal.timeout(r.timeoutMs);
  let res: Response;
  let text: string;
  try {
    // No redirects: a key in a custom header (X-Api-Key) would follow one to whatever host it names.
    res = await deps.fetch(url, { method: 'GET', headers: authHeaders(r, secret, url, deps.clock()), signal: signal ? AbortSignal.any([signal, timeout]) : timeout, redirect: 'error' });
    text = await readCapped(res);
  } catch (err) {
    if (signal?.aborted) throw new PullStopped();
    if ((err as AppError).code === 'CONN_REMOTE_INVALID') throw err;
    if (timeout.aborted) return { retry: `超过 ${Math.round(r.timeoutMs / 1000)} 秒未响应`, waitMs: null };
    if (isPermanent(err)) throw E.CONN_REMOTE_UNAVAILABLE(`无法连接${r.agency}接口（${networkReason(err)}）`);
    return { retry: `无法连接（${networkReason(err)}）`, waitMs: null };
  }
  if (res.status === 401 || res.status === 403) {
    const reason = reasonOf(text, r.envelope, res.headers.get('x-ca-error-message'));
    throw E.CONN_REMOTE_AUTH(`${r.agency}接口拒绝了本系统的凭据（HTTP ${res.status}${reason ? `：${reason}` : ''}），请核对连接器的${r.auth.kind === 'api-key' ? ' API Key' : '访问密钥与签名密钥'}`);
  }
  if (res.status === 429 || res.status >= 500) {
    const after = Number(res.headers.get('retry-after'));
    return { retry: `HTTP ${res.status}${reasonOf(text, r.envelope, null) ? `：${reasonOf(text, r.envelope, null)}` : ''}`, waitMs: Number.isFinite(after) && after > 0 ? after * 1000 : null };
  }
  if (res.status !== 200) throw E.CONN_REMOTE_REFUSED(`${r.agency}接口拒绝了请求（HTTP ${res.status}${reasonOf(text, r.envelope, null) ? `：${reasonOf(text, r.envelope, null)}` : ''}）`);
  return { page: readPage(r, text, cursor) };
}

/**
 * Fetches the page at `cursor` (null: the first), retrying what may pass. `onRetry` is told each
 * retry, so a run can show how flaky an agency was.
 */
export async function fetchPage(r: RemoteEndpoint, secret: string, cursor: string | null, deps: RemoteDeps, opts: { signal?: AbortSignal; onRetry?: (reason: string) => Promise<void> | void } = {}): Promise<RemotePage> {
  let last = '';
  let tries = 0;
  while (tries < deps.retry.attempts) {
    if (tries > 0) await opts.onRetry?.(last);
    const a = await attempt(r, secret, cursor, deps, opts.signal);
    tries++;
    if ('page' in a) return a.page;
    last = a.retry;
    if (tries === deps.retry.attempts) break;
    const wait = a.waitMs ?? deps.retry.baseMs * 2 ** (tries - 1);
    if (wait > MAX_RETRY_AFTER_MS) break;
    try {
      await sleep(wait, undefined, opts.signal ? { signal: opts.signal } : {});
    } catch {
      throw new PullStopped();
    }
  }
  throw E.CONN_REMOTE_UNAVAILABLE(`${r.agency}接口连续 ${tries} 次请求失败（最后一次：${last}），稍后再试`);
}
