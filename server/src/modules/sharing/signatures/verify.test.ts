import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { signBase, type SignKey, type VerifyKey } from './algorithms.ts';
import { contentDigest } from './content-digest.ts';
import { signRequest, type SignOptions } from './sign.ts';
import { signatureBase } from './signature-base.ts';
import { parseDictionary } from './structured-fields.ts';
import { verifyRequest, type NonceStore, type VerifiableRequest, type VerifyOptions, type VerifyResult } from './verify.ts';

const NOW = 1_760_000_000;
// The key is the issued secret's UTF-8 bytes (issue 5); a Chinese character checks the encoding.
const SECRET = Buffer.from('issued-secret-天平-0001', 'utf8');
const ED = crypto.generateKeyPairSync('ed25519');
const SM = sm2.generateKeyPairHex();
const SIGN_KEYS: Record<string, SignKey> = {
  'agency-hmac': { alg: 'hmac-sha256', secret: SECRET },
  'agency-ed25519': { alg: 'ed25519', privateKey: ED.privateKey },
  'agency-sm2': { alg: 'sm2-sm3', privateKeyHex: SM.privateKey, publicKeyHex: SM.publicKey },
};
const VERIFY_KEYS: Record<string, VerifyKey> = {
  'agency-hmac': { alg: 'hmac-sha256', secret: SECRET },
  'agency-ed25519': { alg: 'ed25519', publicKey: ED.publicKey },
  'agency-sm2': { alg: 'sm2-sm3', publicKeyHex: SM.publicKey },
};
const PURPOSE = encodeURIComponent('律师执业核查'); // %E5%BE%8B%E5%B8%88…
const URL_WITH_CHINESE = `https://share.tianping.example/api/v1/lawyers?name=${encodeURIComponent('张三')}&org=${encodeURIComponent('杭州市')}`;
const REQUIRED = ['@method', '@target-uri', 'tp-purpose'];
const BODY = Buffer.from(JSON.stringify({ idNumber: '330106198001011234', purpose: '律师执业核查' }));

function nonceStore(): NonceStore & { used: Set<string> } {
  const used = new Set<string>();
  return {
    used,
    seen: async (keyId, nonce) => {
      const k = `${keyId}\n${nonce}`;
      if (used.has(k)) return true;
      used.add(k);
      return false;
    },
  };
}

function request(body?: Buffer): VerifiableRequest {
  return { method: body ? 'POST' : 'GET', url: URL_WITH_CHINESE, headers: { host: 'share.tianping.example', 'tp-purpose': PURPOSE }, body };
}

function signed(req: VerifiableRequest, keyId = 'agency-hmac', opts: Partial<SignOptions> = {}): VerifiableRequest {
  const key = SIGN_KEYS[keyId] ?? SIGN_KEYS['agency-hmac'];
  if (!key) throw new Error('no key');
  const headers = signRequest(req, { key, keyId, created: NOW - 10, nonce: crypto.randomUUID(), ...opts });
  return { ...req, headers: { ...req.headers, ...headers } };
}

/** Signs an arbitrary Signature-Input (label sig1) the way a third party might, right or wrong. */
function crafted(req: VerifiableRequest, signatureInput: string, key: SignKey = { alg: 'hmac-sha256', secret: SECRET }): VerifiableRequest {
  const input = parseDictionary(signatureInput).get('sig1');
  if (input?.type !== 'inner-list') throw new Error('bad input');
  const sig = signBase(key, Buffer.from(signatureBase(req, input), 'ascii')).toString('base64');
  return { ...req, headers: { ...req.headers, 'signature-input': signatureInput, signature: `sig1=:${sig}:` } };
}

function verify(req: VerifiableRequest, opts: Partial<VerifyOptions> = {}): Promise<VerifyResult> {
  return verifyRequest(req, {
    keys: async (id) => VERIFY_KEYS[id] ?? null,
    nonces: nonceStore(),
    now: () => NOW,
    required: REQUIRED,
    ...opts,
  });
}

async function codeOf(req: VerifiableRequest, opts: Partial<VerifyOptions> = {}): Promise<string> {
  const r = await verify(req, opts);
  return r.ok ? 'OK' : r.code;
}

const withHeaders = (req: VerifiableRequest, headers: VerifiableRequest['headers']): VerifiableRequest => ({ ...req, headers: { ...req.headers, ...headers } });
const without = (req: VerifiableRequest, name: string): VerifiableRequest => ({
  ...req,
  headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== name)),
});
const COVERED = '("@method" "@target-uri" "tp-purpose")';

describe('verifyRequest: a correctly signed request passes', () => {
  it.each(Object.keys(SIGN_KEYS))('with %s, without a body and with one', async (keyId) => {
    expect(await verify(signed(request(), keyId))).toEqual({ ok: true, keyId, label: 'sig1' });
    expect(await verify(signed(request(BODY), keyId))).toEqual({ ok: true, keyId, label: 'sig1' });
  });

  it('the signature covers the percent-encoded tp-purpose and the Chinese query exactly as sent', async () => {
    const req = signed(request());
    expect(req.headers['signature-input']).toMatch(/^sig1=\("@method" "@target-uri" "tp-purpose"\);created=\d+;nonce="[^"]+";keyid="agency-hmac";alg="hmac-sha256"$/);
    expect(await codeOf(req)).toBe('OK');
    // A proxy that decodes the purpose, or re-encodes the query in lower case, breaks the signature.
    expect(await codeOf(withHeaders(req, { 'tp-purpose': PURPOSE.toLowerCase() }))).toBe('SIG_INVALID');
    expect(await codeOf({ ...req, url: req.url.replace('%E5%BC%A0', '%e5%bc%a0') })).toBe('SIG_INVALID');
    expect(await codeOf(withHeaders(req, { 'tp-purpose': '律师执业核查' }))).toBe('SIG_MALFORMED');
    expect(await codeOf({ ...req, url: decodeURI(req.url) })).toBe('SIG_MALFORMED');
  });

  it('chooses the signature by label when asked, and refuses a label that is not there', async () => {
    const req = signed(request(), 'agency-hmac', { label: 'tp' });
    expect(await verify(req, { label: 'tp' })).toEqual({ ok: true, keyId: 'agency-hmac', label: 'tp' });
    expect(await codeOf(req, { label: 'sig1' })).toBe('SIG_MISSING');
  });
});

describe('verifyRequest: each failure has its code', () => {
  const good = signed(request());

  it('SIG_MISSING: no Signature or no Signature-Input', async () => {
    expect(await codeOf(good)).toBe('OK');
    expect(await codeOf(without(good, 'signature'))).toBe('SIG_MISSING');
    expect(await codeOf(without(good, 'signature-input'))).toBe('SIG_MISSING');
    expect(await codeOf(request())).toBe('SIG_MISSING');
    expect(await codeOf(withHeaders(good, { signature: '', 'signature-input': '' }))).toBe('SIG_MISSING');
  });

  it.each([
    ['Signature-Input that is no dictionary', { 'signature-input': 'sig1=("@method"' }],
    ['Signature that is no byte sequence', { signature: 'sig1="abc"' }],
    ['Signature-Input member that is no inner list', { 'signature-input': 'sig1="@method"' }],
    ['no Signature for the label', { signature: 'other=:AAAA:' }],
    ['created that is a string', { 'signature-input': `sig1=${COVERED};created="${NOW}";nonce="n";keyid="agency-hmac"` }],
    ['keyid that is a token', { 'signature-input': `sig1=${COVERED};created=${NOW};nonce="n";keyid=agency` }],
    ['a component with parameters', { 'signature-input': `sig1=("@method" "@target-uri" "tp-purpose" "@query-param";name="a");created=${NOW};nonce="n";keyid="agency-hmac"` }],
    ['an upper-case component name', { 'signature-input': `sig1=("@method" "@target-uri" "TP-Purpose");created=${NOW};nonce="n";keyid="agency-hmac"` }],
    ['a repeated component', { 'signature-input': `sig1=("@method" "@method" "@target-uri" "tp-purpose");created=${NOW};nonce="n";keyid="agency-hmac"` }],
    ['a 129-character nonce', { 'signature-input': `sig1=${COVERED};created=${NOW};nonce="${'n'.repeat(129)}";keyid="agency-hmac"` }],
  ])('SIG_MALFORMED: %s', async (_why, headers) => {
    expect(await codeOf(withHeaders(good, headers))).toBe('SIG_MALFORMED');
  });

  it('SIG_COMPONENTS: a required component is not covered', async () => {
    const req = request();
    expect(await codeOf(crafted(req, `sig1=${COVERED};created=${NOW};nonce="n1";keyid="agency-hmac"`))).toBe('OK');
    expect(await codeOf(crafted(req, `sig1=("@method" "@target-uri");created=${NOW};nonce="n1";keyid="agency-hmac"`))).toBe('SIG_COMPONENTS');
    // @path and @query together are not @target-uri: the host and scheme would be unsigned.
    expect(await codeOf(crafted(req, `sig1=("@method" "@path" "@query" "tp-purpose");created=${NOW};nonce="n1";keyid="agency-hmac"`))).toBe('SIG_COMPONENTS');
  });

  it('SIG_COMPONENTS: a body whose Content-Digest is present but not covered', async () => {
    const unsignedBody = withHeaders({ ...signed(request()), method: 'GET', body: BODY }, { 'content-digest': contentDigest(BODY) });
    expect(await codeOf(unsignedBody)).toBe('SIG_COMPONENTS');
    expect(await codeOf(signed(request(BODY)))).toBe('OK');
  });

  it('SIG_STALE: created older than maxAge, more than 60 s ahead, missing, or past expires', async () => {
    const at = (created: number) => signed(request(), 'agency-hmac', { created });
    expect(await codeOf(at(NOW - 300))).toBe('OK');
    expect(await codeOf(at(NOW - 301))).toBe('SIG_STALE');
    expect(await codeOf(at(NOW + 60))).toBe('OK');
    expect(await codeOf(at(NOW + 61))).toBe('SIG_STALE');
    expect(await codeOf(at(NOW - 100), { maxAgeSeconds: 60 })).toBe('SIG_STALE');
    expect(await codeOf(crafted(request(), `sig1=${COVERED};nonce="n1";keyid="agency-hmac"`))).toBe('SIG_STALE');
    expect(await codeOf(signed(request(), 'agency-hmac', { created: NOW - 20, expires: NOW }))).toBe('OK');
    expect(await codeOf(signed(request(), 'agency-hmac', { created: NOW - 20, expires: NOW - 1 }))).toBe('SIG_STALE');
  });

  it('SIG_NONCE_MISSING: no nonce, or an empty one', async () => {
    expect(await codeOf(crafted(request(), `sig1=${COVERED};created=${NOW};nonce="n1";keyid="agency-hmac"`))).toBe('OK');
    expect(await codeOf(crafted(request(), `sig1=${COVERED};created=${NOW};keyid="agency-hmac"`))).toBe('SIG_NONCE_MISSING');
    expect(await codeOf(crafted(request(), `sig1=${COVERED};created=${NOW};nonce="";keyid="agency-hmac"`))).toBe('SIG_NONCE_MISSING');
  });

  it('SIG_REPLAY: the same nonce twice with one key; other keys and nonces are independent', async () => {
    const nonces = nonceStore();
    const first = signed(request(), 'agency-hmac', { nonce: 'once' });
    expect(await codeOf(first, { nonces })).toBe('OK');
    expect(await codeOf(first, { nonces })).toBe('SIG_REPLAY');
    expect(await codeOf(signed(request(), 'agency-hmac', { nonce: 'twice' }), { nonces })).toBe('OK');
    expect(await codeOf(signed(request(), 'agency-ed25519', { nonce: 'once' }), { nonces })).toBe('OK');
  });

  it('a forged or rejected request does not burn the nonce', async () => {
    const nonces = nonceStore();
    const genuine = signed(request(BODY), 'agency-hmac', { nonce: 'precious' });
    const forged = crafted(request(), `sig1=${COVERED};created=${NOW};nonce="precious";keyid="agency-hmac"`, { alg: 'hmac-sha256', secret: Buffer.from('guess') });
    expect(await codeOf(forged, { nonces })).toBe('SIG_INVALID');
    expect(await codeOf({ ...genuine, body: Buffer.from('{}') }, { nonces })).toBe('SIG_DIGEST_MISMATCH');
    expect(nonces.used.size).toBe(0);
    expect(await codeOf(genuine, { nonces })).toBe('OK');
  });

  it('SIG_KEY_UNKNOWN: a keyid we did not issue, or none', async () => {
    expect(await codeOf(crafted(request(), `sig1=${COVERED};created=${NOW};nonce="n1";keyid="agency-hmac"`))).toBe('OK');
    expect(await codeOf(crafted(request(), `sig1=${COVERED};created=${NOW};nonce="n1";keyid="agency-x"`))).toBe('SIG_KEY_UNKNOWN');
    expect(await codeOf(crafted(request(), `sig1=${COVERED};created=${NOW};nonce="n1"`))).toBe('SIG_KEY_UNKNOWN');
  });

  it('SIG_ALG_MISMATCH: alg present and not the key’s algorithm; absent alg is fine', async () => {
    const base = `sig1=${COVERED};created=${NOW};nonce="n1";keyid="agency-hmac"`;
    expect(await codeOf(crafted(request(), `${base};alg="hmac-sha256"`))).toBe('OK');
    expect(await codeOf(signed(request(), 'agency-hmac', { includeAlg: false }))).toBe('OK');
    expect(await codeOf(crafted(request(), `${base};alg="ed25519"`))).toBe('SIG_ALG_MISMATCH');
    expect(await codeOf(crafted(request(), `${base};alg="rsa-pss-sha512"`))).toBe('SIG_ALG_MISMATCH');
  });

  it('SIG_DIGEST_MISSING: a body without Content-Digest, or with only unsupported algorithms', async () => {
    const req = signed(request(BODY));
    expect(await codeOf(req)).toBe('OK');
    expect(await codeOf(without(req, 'content-digest'))).toBe('SIG_DIGEST_MISSING');
    const md5 = `md5=:${crypto.createHash('md5').update(BODY).digest('base64')}:`;
    const onlyMd5 = crafted(withHeaders(request(BODY), { 'content-digest': md5 }), `sig1=("@method" "@target-uri" "tp-purpose" "content-digest");created=${NOW};nonce="n1";keyid="agency-hmac"`);
    expect(await codeOf(onlyMd5)).toBe('SIG_DIGEST_MISSING');
  });

  it('SIG_DIGEST_MISMATCH: the body changed after signing (sha-256 and sha-512)', async () => {
    for (const digest of ['sha-256', 'sha-512'] as const) {
      const req = signed(request(BODY), 'agency-ed25519', { digest });
      expect(req.headers['content-digest']).toMatch(new RegExp(`^${digest}=:`));
      expect(await codeOf(req)).toBe('OK');
      expect(await codeOf({ ...req, body: Buffer.from(BODY.toString().replace('1234', '9999')) })).toBe('SIG_DIGEST_MISMATCH');
    }
  });

  it('a covered Content-Digest without a body must be the empty body’s', async () => {
    const cover = `sig1=("@method" "@target-uri" "tp-purpose" "content-digest");created=${NOW};nonce="n1";keyid="agency-hmac"`;
    expect(await codeOf(crafted(withHeaders(request(), { 'content-digest': contentDigest(Buffer.alloc(0)) }), cover))).toBe('OK');
    expect(await codeOf(crafted(withHeaders(request(), { 'content-digest': contentDigest(BODY) }), cover))).toBe('SIG_DIGEST_MISMATCH');
  });

  it('SIG_INVALID: a changed method, purpose, target or signature, a wrong key, a dropped covered field', async () => {
    expect(await codeOf({ ...good, method: 'DELETE' })).toBe('SIG_INVALID');
    expect(await codeOf(withHeaders(good, { 'tp-purpose': encodeURIComponent('其他用途') }))).toBe('SIG_INVALID');
    expect(await codeOf({ ...good, url: good.url.replace('share.tianping.example', 'evil.example') })).toBe('SIG_INVALID');
    expect(await codeOf({ ...good, url: good.url.replace('https:', 'http:') })).toBe('SIG_INVALID');
    expect(await codeOf(withHeaders(good, { signature: 'sig1=:AAAA:' }))).toBe('SIG_INVALID');
    expect(await codeOf(good, { keys: async () => ({ alg: 'hmac-sha256', secret: Buffer.from('other') }) })).toBe('SIG_INVALID');
    expect(await codeOf(without(good, 'tp-purpose'))).toBe('SIG_INVALID');
    const sm = signed(request(), 'agency-sm2');
    expect(await codeOf(sm)).toBe('OK');
    expect(await codeOf({ ...sm, method: 'PUT' })).toBe('SIG_INVALID');
  });
});

describe('signRequest', () => {
  it('adds content-digest to the components for a body and replaces stale signature headers', () => {
    const req = withHeaders(request(BODY), { Signature: 'old=:AAAA:', 'Content-Digest': 'sha-256=:AAAA:' });
    const headers = signRequest(req, { key: { alg: 'hmac-sha256', secret: SECRET }, keyId: 'agency-hmac', created: NOW, nonce: 'n1' });
    expect(headers['content-digest']).toBe(contentDigest(BODY));
    expect(headers['signature-input']).toBe(`sig1=("@method" "@target-uri" "tp-purpose" "content-digest");created=${NOW};nonce="n1";keyid="agency-hmac";alg="hmac-sha256"`);
    expect(headers.signature).toMatch(/^sig1=:[A-Za-z0-9+/]{43}=:$/);
  });

  it('refuses to sign what the verifier would refuse', () => {
    const key: SignKey = { alg: 'hmac-sha256', secret: SECRET };
    expect(() => signRequest(request(), { key, keyId: 'k', components: ['@method', '@method'] })).toThrow(/重复/);
    expect(() => signRequest(without(request(), 'tp-purpose'), { key, keyId: 'k' })).toThrow(/tp-purpose/);
    expect(() => signRequest(withHeaders(request(), { 'tp-purpose': '律师执业核查' }), { key, keyId: 'k' })).toThrow(/百分号编码/);
  });
});
