import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkContentDigest, contentDigest } from './content-digest.ts';

// The body of RFC 9530's examples (and of RFC 9421 Appendix B.2) and the digests printed there.
const BODY = Buffer.from('{"hello": "world"}');
const SHA_256 = 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:';
const SHA_512 = 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:';

describe('contentDigest (RFC 9530 §2)', () => {
  it('writes the RFC examples for sha-256 and sha-512', () => {
    expect(contentDigest(BODY)).toBe(SHA_256);
    expect(contentDigest(BODY, ['sha-512'])).toBe(SHA_512);
    expect(contentDigest(BODY, ['sha-256', 'sha-512'])).toBe(`${SHA_256}, ${SHA_512}`);
  });

  it('digests the empty body too', () => {
    const empty = crypto.createHash('sha256').update('').digest('base64');
    expect(contentDigest(Buffer.alloc(0))).toBe(`sha-256=:${empty}:`);
  });
});

describe('checkContentDigest', () => {
  it.each([SHA_256, SHA_512, `${SHA_512}, ${SHA_256}`, `md5=:AAAA:, ${SHA_256}`, [SHA_256, SHA_512]])('accepts %s', (header) => {
    expect(checkContentDigest(header, BODY)).toEqual({ ok: true });
  });

  it('refuses a body that was changed', () => {
    const r = checkContentDigest(SHA_256, Buffer.from('{"hello": "world!"}'));
    expect(r.ok === false && r.reason).toBe('mismatch');
  });

  it('refuses when one of two supported digests is wrong, so a good one cannot cover a bad one', () => {
    const wrong512 = `sha-512=:${crypto.createHash('sha512').update('other').digest('base64')}:`;
    const r = checkContentDigest(`${SHA_256}, ${wrong512}`, BODY);
    expect(r.ok === false && r.reason).toBe('mismatch');
  });

  it('refuses a digest of the wrong length', () => {
    const r = checkContentDigest('sha-256=:AAAA:', BODY);
    expect(r.ok === false && r.reason).toBe('mismatch');
  });

  it('counts a header with only deprecated or unknown algorithms as missing', () => {
    const md5 = `md5=:${crypto.createHash('md5').update(BODY).digest('base64')}:`;
    const r = checkContentDigest(`${md5}, sha3-256=:AAAA:`, BODY);
    expect(r.ok === false && r.reason).toBe('missing');
  });

  it('reports an absent header as missing and a broken one as malformed', () => {
    const absent = checkContentDigest(undefined, BODY);
    expect(absent.ok === false && absent.reason).toBe('missing');
    const broken = checkContentDigest('sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=', BODY);
    expect(broken.ok === false && broken.reason).toBe('malformed');
    const notBytes = checkContentDigest('sha-256="X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="', BODY);
    expect(notBytes.ok === false && notBytes.reason).toBe('malformed');
  });
});
