/**
 * The agencies' side of authentication, written apart from the connector's signer on purpose: a
 * mistake shared by both sides would otherwise pass unnoticed. The gateway rebuilds the string to
 * sign from the request as received, refuses stale timestamps (15 minutes) and reused nonces.
 */
import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface HmacClient {
  accessKey: string;
  secret: string;
}

export type Verdict = { ok: true } | { ok: false; reason: 'missing' | 'unknown-key' | 'stale' | 'replayed' | 'bad-signature'; message: string };

const WINDOW_MS = 15 * 60_000;
const header = (h: IncomingHttpHeaders, name: string): string => {
  const v = h[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** `/p?a=1&b` with the parameters ordered by name then value, in code-unit order. */
function canonicalTarget(rawUrl: string): string {
  const q = rawUrl.indexOf('?');
  const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
  if (q < 0) return path;
  const pairs: [string, string][] = [];
  for (const [k, v] of new URLSearchParams(rawUrl.slice(q + 1))) pairs.push([k, v]);
  if (pairs.length === 0) return path;
  const cmp = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);
  pairs.sort((x, y) => cmp(x[0], y[0]) || cmp(x[1], y[1]));
  return `${path}?${pairs.map(([k, v]) => (v ? `${k}=${v}` : k)).join('&')}`;
}

export function createHmacVerifier(clients: readonly HmacClient[], now: () => number = Date.now) {
  const seen = new Map<string, number>();
  return {
    verify(method: string, rawUrl: string, h: IncomingHttpHeaders): Verdict {
      const key = header(h, 'x-ca-key');
      const ts = header(h, 'x-ca-timestamp');
      const nonce = header(h, 'x-ca-nonce');
      const signature = header(h, 'x-ca-signature');
      const signedNames = header(h, 'x-ca-signature-headers').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean).sort();
      if (!key || !ts || !nonce || !signature) return { ok: false, reason: 'missing', message: '缺少签名请求头（X-Ca-Key、X-Ca-Timestamp、X-Ca-Nonce、X-Ca-Signature）' };
      if (!signedNames.includes('x-ca-timestamp') || !signedNames.includes('x-ca-nonce')) return { ok: false, reason: 'missing', message: 'X-Ca-Timestamp 与 X-Ca-Nonce 必须参与签名' };
      const client = clients.find((c) => c.accessKey === key);
      if (!client) return { ok: false, reason: 'unknown-key', message: `AccessKey ${key.slice(0, 32)} 不存在` };
      if (!/^\d{13}$/.test(ts) || Math.abs(now() - Number(ts)) > WINDOW_MS) return { ok: false, reason: 'stale', message: '请求时间戳超出允许范围（前后 15 分钟）' };
      const text = [method.toUpperCase(), header(h, 'accept'), header(h, 'content-md5'), header(h, 'content-type'), header(h, 'date')].join('\n') + '\n'
        + signedNames.map((n) => `${n}:${header(h, n)}\n`).join('') + canonicalTarget(rawUrl);
      const expected = crypto.createHmac('sha256', client.secret).update(text).digest();
      const given = Buffer.from(signature, 'base64');
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature', message: '签名校验失败（X-Ca-Signature 不匹配）' };
      for (const [n, until] of seen) if (until < now()) seen.delete(n);
      if (seen.has(`${key}:${nonce}`)) return { ok: false, reason: 'replayed', message: 'X-Ca-Nonce 已使用过（疑似重放）' };
      seen.set(`${key}:${nonce}`, now() + WINDOW_MS);
      return { ok: true };
    },
  };
}
