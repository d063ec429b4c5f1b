import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHmacVerifier } from '../../../../sim/agencies/auth.ts';
import { pathAndParameters, signedHeaders, stringToSign } from './signing.ts';

/**
 * The connector's signer against the simulated gateway's verifier — written apart, so a mistake
 * in one is not repeated in the other — and against the string to sign spelled out by hand.
 */
const KEY = { accessKey: 'ak-test', secret: 'secret-for-tests' };
const NOW = new Date('2025-06-30T08:00:00Z');

function request(url: URL, headers: Record<string, string>) {
  return { method: 'GET', raw: url.pathname + url.search, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
}

describe('X-Ca HMAC-SHA256 request signing', () => {
  it('sorts the query by name and leaves it undecorated', () => {
    expect(pathAndParameters(new URL('http://h/a/b?size=50&cursor=bzo1&a='))).toBe('/a/b?a&cursor=bzo1&size=50');
    expect(pathAndParameters(new URL('http://h/a'))).toBe('/a');
  });

  it('signs the string spelled out in the scheme', () => {
    const url = new URL('http://h/gongan/rkk/v1/swry?limit=50');
    const h = signedHeaders(url, KEY.accessKey, KEY.secret, NOW, 'n-1');
    const text = 'GET\napplication/json\n\n\n\nx-ca-key:ak-test\nx-ca-nonce:n-1\nx-ca-timestamp:1751270400000\n/gongan/rkk/v1/swry?limit=50';
    expect(stringToSign('GET', 'application/json', { 'x-ca-key': 'ak-test', 'x-ca-nonce': 'n-1', 'x-ca-timestamp': '1751270400000' }, url)).toBe(text);
    expect(h['x-ca-signature']).toBe(crypto.createHmac('sha256', KEY.secret).update(text).digest('base64'));
  });

  it('is accepted by the gateway, once; a changed query, key, secret or stale time is refused', () => {
    const gateway = createHmacVerifier([KEY], () => NOW.getTime());
    const url = new URL('http://h/zrzy/bdc/v2/qlr-fwxx?page=1&size=50');
    const ok = request(url, signedHeaders(url, KEY.accessKey, KEY.secret, NOW, 'n-2'));
    expect(gateway.verify(ok.method, ok.raw, ok.headers)).toEqual({ ok: true });
    expect(gateway.verify(ok.method, ok.raw, ok.headers)).toMatchObject({ ok: false, reason: 'replayed' });

    const signed = signedHeaders(url, KEY.accessKey, KEY.secret, NOW, 'n-3');
    expect(gateway.verify('GET', '/zrzy/bdc/v2/qlr-fwxx?page=2&size=50', request(url, signed).headers)).toMatchObject({ ok: false, reason: 'bad-signature' });
    const wrongSecret = request(url, signedHeaders(url, KEY.accessKey, 'another-secret', NOW, 'n-4'));
    expect(gateway.verify('GET', wrongSecret.raw, wrongSecret.headers)).toMatchObject({ ok: false, reason: 'bad-signature' });
    const unknown = request(url, signedHeaders(url, 'ak-other', KEY.secret, NOW, 'n-5'));
    expect(gateway.verify('GET', unknown.raw, unknown.headers)).toMatchObject({ ok: false, reason: 'unknown-key' });
    const stale = request(url, signedHeaders(url, KEY.accessKey, KEY.secret, new Date(NOW.getTime() - 16 * 60_000), 'n-6'));
    expect(gateway.verify('GET', stale.raw, stale.headers)).toMatchObject({ ok: false, reason: 'stale' });
    const { 'x-ca-signature': _, ...unsigned } = signedHeaders(url, KEY.accessKey, KEY.secret, NOW, 'n-7');
    expect(gateway.verify('GET', ok.raw, request(url, unsigned).headers)).toMatchObject({ ok: false, reason: 'missing' });
  });
});
