import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { createSigner, createVerifier, httpbis, type VerifyingKey } from 'http-message-signatures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyKey } from './algorithms.ts';
import { signRequest } from './sign.ts';
import { targetUriOf } from './target-uri.ts';
import { verifyRequest, type NonceStore, type VerifiableRequest } from './verify.ts';

/**
 * Issue 5's "done when": a third-party RFC 9421 client — here `http-message-signatures` by
 * D. Hensby, which shares no code with ours — can call the API, and our signer satisfies its
 * verifier. The third party's Content-Digest is computed with plain node:crypto, as an agency
 * would, not with our content-digest.ts.
 */

const SECRET_TEXT = 'issued-secret-天平-0001';
const SECRET = Buffer.from(SECRET_TEXT, 'utf8');
const ED = crypto.generateKeyPairSync('ed25519');
const OUR_KEYS: Record<string, VerifyKey> = {
  'agency-hmac': { alg: 'hmac-sha256', secret: SECRET },
  'agency-ed25519': { alg: 'ed25519', publicKey: ED.publicKey },
};
const THEIR_SIGNERS = {
  'agency-hmac': createSigner(SECRET, 'hmac-sha256', 'agency-hmac'),
  'agency-ed25519': createSigner(ED.privateKey, 'ed25519', 'agency-ed25519'),
};
const THEIR_VERIFIERS: Record<string, VerifyingKey> = {
  'agency-hmac': { id: 'agency-hmac', algs: ['hmac-sha256'], verify: createVerifier(SECRET, 'hmac-sha256') },
  'agency-ed25519': { id: 'agency-ed25519', algs: ['ed25519'], verify: createVerifier(ED.publicKey, 'ed25519') },
};
const KEY_IDS = Object.keys(OUR_KEYS) as (keyof typeof THEIR_SIGNERS)[];
const FIELDS = ['@method', '@target-uri', 'tp-purpose', 'content-digest'];
const PURPOSE = encodeURIComponent('律师执业核查');
const BODY = Buffer.from(JSON.stringify({ name: '张三', licenceNo: '13301200910123456' }));

const nowSeconds = () => Math.floor(Date.now() / 1000);
const theirDigest = (body: Buffer) => `sha-256=:${crypto.createHash('sha256').update(body).digest('base64')}:`;

function nonceStore(): NonceStore {
  const used = new Set<string>();
  return {
    seen: async (keyId, nonce) => {
      const k = `${keyId}\n${nonce}`;
      return used.has(k) || (used.add(k), false);
    },
  };
}

/** Signs with the third-party library: created, nonce, keyid, alg; the gateway's components. */
async function theirSign(keyId: keyof typeof THEIR_SIGNERS, url: string, body: Buffer, nonce = crypto.randomUUID()) {
  const message = {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'tp-purpose': PURPOSE, 'content-digest': theirDigest(body) } as Record<string, string | string[]>,
  };
  const signed = await httpbis.signMessage(
    { key: THEIR_SIGNERS[keyId], name: 'sig1', fields: FIELDS, params: ['created', 'nonce', 'keyid', 'alg'], paramValues: { nonce } },
    message,
  );
  return signed.headers;
}

function ourVerify(req: VerifiableRequest, nonces = nonceStore()) {
  return verifyRequest(req, { keys: async (id) => OUR_KEYS[id] ?? null, nonces, now: nowSeconds, required: FIELDS.slice(0, 3) });
}

describe('a request signed by http-message-signatures verifies with verifyRequest', () => {
  const url = `https://share.tianping.example/api/v1/lawyers?name=${encodeURIComponent('张三')}`;

  it.each(KEY_IDS)('%s', async (keyId) => {
    const headers = await theirSign(keyId, url, BODY);
    expect(String(headers['Signature-Input'])).toMatch(/^sig1=\("@method" "@target-uri" "tp-purpose" "content-digest"\);created=\d+;nonce="[^"]+";keyid="agency-[a-z0-9]+";alg="[a-z0-9-]+"$/);
    expect(await ourVerify({ method: 'POST', url, headers, body: BODY })).toEqual({ ok: true, keyId, label: 'sig1' });
  });

  it.each(KEY_IDS)('%s, tampered: another purpose, another body', async (keyId) => {
    const headers = await theirSign(keyId, url, BODY);
    const otherPurpose = { ...headers, 'tp-purpose': encodeURIComponent('其他用途') };
    expect(await ourVerify({ method: 'POST', url, headers: otherPurpose, body: BODY })).toMatchObject({ ok: false, code: 'SIG_INVALID' });
    expect(await ourVerify({ method: 'POST', url, headers, body: Buffer.from('{}') })).toMatchObject({ ok: false, code: 'SIG_DIGEST_MISMATCH' });
  });
});

describe('a request signed by signRequest verifies with http-message-signatures', () => {
  const url = `https://share.tianping.example/api/v1/lawyers?name=${encodeURIComponent('张三')}`;
  const ourKeys = {
    'agency-hmac': { alg: 'hmac-sha256', secret: SECRET },
    'agency-ed25519': { alg: 'ed25519', privateKey: ED.privateKey },
  } as const;

  function theirVerify(headers: Record<string, string | string[]>, method = 'POST') {
    return httpbis.verifyMessage(
      {
        keyLookup: async (params) => (params.keyid ? (THEIR_VERIFIERS[params.keyid] ?? null) : null),
        requiredFields: FIELDS,
        requiredParams: ['created', 'nonce', 'keyid'],
        maxAge: 300,
      },
      { method, url, headers },
    );
  }

  it.each(KEY_IDS)('%s', async (keyId) => {
    const req = { method: 'POST', url, headers: { 'tp-purpose': PURPOSE }, body: BODY };
    const headers = { 'tp-purpose': PURPOSE, ...signRequest(req, { key: ourKeys[keyId], keyId }) };
    expect(headers['content-digest']).toBe(theirDigest(BODY));
    expect(await theirVerify(headers)).toBe(true);
    expect(await theirVerify(headers, 'PUT')).toBe(false);
  });
});

describe('end to end over HTTP: a Fastify gateway rebuilding @target-uri from the raw request', () => {
  let app: FastifyInstance;
  let origin: string;
  let port: number;
  const nonces = nonceStore();

  beforeAll(async () => {
    app = Fastify();
    // The digest is over the bytes as sent, so the body is kept raw; a real route parses it after.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    app.post('/api/v1/*', async (req, reply) => {
      const url = targetUriOf(req);
      if (url === null) return reply.code(400).send({ code: 'NO_TARGET' });
      const body = Buffer.isBuffer(req.body) ? req.body : undefined;
      const result = await verifyRequest(
        { method: req.method, url, headers: req.headers, body },
        { keys: async (id) => OUR_KEYS[id] ?? null, nonces, now: nowSeconds, required: FIELDS.slice(0, 3) },
      );
      if (!result.ok) return reply.code(401).send({ code: result.code, message: result.message });
      return { keyId: result.keyId, targetUri: url, purpose: decodeURIComponent(String(req.headers['tp-purpose'])) };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(() => app.close());

  it.each(KEY_IDS)('%s: fetch with a Chinese query string, then the same request again', async (keyId) => {
    // A client signs the URL it sends: WHATWG URL percent-encodes the Chinese as UTF-8.
    const url = new URL(`${origin}/api/v1/lawyers?name=张三&org=杭州市司法局`).href;
    const headers = await theirSign(keyId, url, BODY);
    const send = () => fetch(url, { method: 'POST', headers: headers as Record<string, string>, body: BODY });
    const res = await send();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ keyId, targetUri: url, purpose: '律师执业核查' });
    const replay = await send();
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ code: 'SIG_REPLAY' });
  });

  /** Sends the request line byte for byte as given, which fetch would normalize. */
  function rawPost(path: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; json: unknown }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('verifies mixed-case percent-encoding and dot segments exactly as sent, which a normalizing server would break', async () => {
    const path = '/api/v1/x/../lawyers?name=%e5%bc%a0%E4%B8%89&q=a%2Fb';
    const url = `${origin}${path}`;
    const headers = await theirSign('agency-ed25519', url, BODY);
    const res = await rawPost(path, { ...(headers as Record<string, string>), 'content-type': 'application/json', host: `127.0.0.1:${port}` }, BODY);
    expect(res).toEqual({ status: 200, json: { keyId: 'agency-ed25519', targetUri: url, purpose: '律师执业核查' } });
    expect(new URL(url).href).not.toBe(url); // what a server using WHATWG URL would have verified against
  });

  it('answers 401 with a code for an unsigned request and for a request signed for another host', async () => {
    const unsigned = await rawPost('/api/v1/lawyers', { 'content-type': 'application/json', 'tp-purpose': PURPOSE }, BODY);
    expect(unsigned).toMatchObject({ status: 401, json: { code: 'SIG_MISSING' } });
    const elsewhere = await theirSign('agency-hmac', 'http://other.example/api/v1/lawyers', BODY);
    const res = await rawPost('/api/v1/lawyers', { ...(elsewhere as Record<string, string>), 'content-type': 'application/json' }, BODY);
    expect(res).toMatchObject({ status: 401, json: { code: 'SIG_INVALID' } });
  });

  it('our own signRequest calls the same gateway', async () => {
    const url = new URL(`${origin}/api/v1/lawyers?name=张三`).href;
    const signed = signRequest({ method: 'POST', url, headers: { 'tp-purpose': PURPOSE }, body: BODY }, { key: { alg: 'hmac-sha256', secret: Buffer.from(SECRET_TEXT) }, keyId: 'agency-hmac' });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'tp-purpose': PURPOSE, ...signed }, body: BODY });
    expect(res.status).toBe(200);
  });
});
