import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { targetUriOf, type ReceivedRequest } from './target-uri.ts';

const received = (url: string | undefined, over: Partial<ReceivedRequest> = {}): ReceivedRequest => ({
  protocol: 'http',
  host: 'share.tianping.example',
  raw: { url },
  ...over,
});

describe('targetUriOf', () => {
  it('joins scheme, Host and the request-target without touching the encoding', () => {
    const path = '/api/v1/x/../lawyers?name=%e5%bc%a0%E4%B8%89&q=a%2Fb';
    expect(targetUriOf(received(path))).toBe(`http://share.tianping.example${path}`);
  });

  it('keeps the port of the Host header, as the sender wrote it', () => {
    expect(targetUriOf(received('/a', { host: '127.0.0.1:3000' }))).toBe('http://127.0.0.1:3000/a');
    expect(targetUriOf(received('/a', { host: '[::1]:3000' }))).toBe('http://[::1]:3000/a');
  });

  it('uses the configured public scheme over the connection’s', () => {
    expect(targetUriOf(received('/a'), { scheme: 'https' })).toBe('https://share.tianping.example/a');
    expect(targetUriOf(received('/a', { protocol: 'HTTPS' }))).toBe('https://share.tianping.example/a');
  });

  it('prefers originalUrl: a rewriteUrl hook must not change what was signed', () => {
    expect(targetUriOf(received('/rewritten', { raw: { url: '/rewritten', originalUrl: '/sent?x=1' } }))).toBe('http://share.tianping.example/sent?x=1');
  });

  it('takes an absolute-form request-target as the target URI itself (RFC 9112 §3.3)', () => {
    expect(targetUriOf(received('https://share.tianping.example/a?b=c', { host: 'ignored.example' }))).toBe('https://share.tianping.example/a?b=c');
  });

  it.each([
    ['no request-target', received(undefined)],
    ['the asterisk form', received('*')],
    ['the authority form', received('share.tianping.example:443')],
    ['no Host', received('/a', { host: '' })],
    ['a Host with a path in it', received('/a', { host: 'evil.example/x' })],
    ['a Host with a space', received('/a', { host: 'a b' })],
    ['a scheme other than http(s)', received('/a', { protocol: 'ftp' })],
  ])('is null for %s', (_why, req) => {
    expect(targetUriOf(req)).toBeNull();
  });
});

describe('targetUriOf with Fastify’s request', () => {
  async function uriThrough(trustProxy: boolean, headers: Record<string, string>): Promise<string> {
    const app = Fastify({ trustProxy });
    app.get('/lawyers', async (req) => ({ uri: targetUriOf(req) }));
    const res = await app.inject({ url: '/lawyers?name=%E5%BC%A0%E4%B8%89', headers });
    await app.close();
    return (res.json() as { uri: string }).uri;
  }

  it('takes X-Forwarded-Proto and X-Forwarded-Host only from a trusted proxy', async () => {
    const forwarded = { host: 'internal:3000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'share.tianping.example' };
    expect(await uriThrough(true, forwarded)).toBe('https://share.tianping.example/lawyers?name=%E5%BC%A0%E4%B8%89');
    expect(await uriThrough(false, forwarded)).toBe('http://internal:3000/lawyers?name=%E5%BC%A0%E4%B8%89');
  });
});
