import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { ed25519PublicKey, signBase, SM2_USER_ID, verifyBase, type SignKey, type VerifyKey } from './algorithms.ts';
import { signatureBase, type SignableRequest } from './signature-base.ts';
import { parseDictionary } from './structured-fields.ts';

/**
 * RFC 9421 Appendix B: the test request (B.2), the shared secret (B.1.5) and the Ed25519 key
 * (B.1.4), copied from the RFC. HMAC and Ed25519 are deterministic, so both the signature base
 * and the signature must come out exactly as printed there.
 */
const TEST_REQUEST: SignableRequest = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    host: 'example.com',
    date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'content-type': 'application/json',
    'content-digest': 'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'content-length': '18',
  },
};
const TEST_SHARED_SECRET = Buffer.from('uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==', 'base64');
const TEST_KEY_ED25519_PUBLIC = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
-----END PUBLIC KEY-----
`;
const TEST_KEY_ED25519_PRIVATE = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
-----END PRIVATE KEY-----
`;

function vector(signatureInput: string, signature: string): { base: Buffer; signature: Buffer } {
  const [label, input] = [...parseDictionary(signatureInput)][0] ?? [];
  const sig = label === undefined ? undefined : parseDictionary(signature).get(label);
  if (input?.type !== 'inner-list' || sig?.type !== 'item' || sig.value.kind !== 'bytes') throw new Error('bad vector');
  return { base: Buffer.from(signatureBase(TEST_REQUEST, input), 'ascii'), signature: sig.value.value };
}

describe('RFC 9421 B.2.5: hmac-sha256 with test-shared-secret', () => {
  const v = vector(
    'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
    'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:',
  );
  const key = { alg: 'hmac-sha256', secret: TEST_SHARED_SECRET } as const;

  it('builds the RFC signature base', () => {
    expect(v.base.toString()).toBe(
      '"date": Tue, 20 Apr 2021 02:07:55 GMT\n"@authority": example.com\n"content-type": application/json\n' +
        '"@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
    );
  });

  it('signs to the RFC signature and verifies it', () => {
    expect(signBase(key, v.base).toString('base64')).toBe('pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=');
    expect(verifyBase(key, v.base, v.signature)).toBe(true);
  });

  it('refuses it under another secret, over another base, or truncated', () => {
    expect(verifyBase({ alg: 'hmac-sha256', secret: Buffer.from('test-shared-secret') }, v.base, v.signature)).toBe(false);
    expect(verifyBase(key, Buffer.concat([v.base, Buffer.from(' ')]), v.signature)).toBe(false);
    expect(verifyBase(key, v.base, v.signature.subarray(0, 16))).toBe(false);
  });
});

describe('RFC 9421 B.2.6: ed25519 with test-key-ed25519', () => {
  const v = vector(
    'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
    'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
  );

  it('builds the RFC signature base', () => {
    expect(v.base.toString()).toBe(
      [
        '"date": Tue, 20 Apr 2021 02:07:55 GMT',
        '"@method": POST',
        '"@path": /foo',
        '"@authority": example.com',
        '"content-type": application/json',
        '"content-length": 18',
        '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
      ].join('\n'),
    );
  });

  it('signs to the RFC signature with the PEM private key and with the raw seed', () => {
    const pem = Buffer.from(TEST_KEY_ED25519_PRIVATE);
    const seed = Buffer.from('n4Ni-HpISpVObnQMW0wOhCKROaIKqKtW_2ZYb2p9KcU', 'base64url'); // B.1.4 JWK "d"
    for (const privateKey of [pem, seed, crypto.createPrivateKey(pem)]) {
      expect(signBase({ alg: 'ed25519', privateKey }, v.base).equals(v.signature)).toBe(true);
    }
  });

  it('verifies with the public key as PEM, as raw 32 bytes and as a KeyObject', () => {
    const raw = Buffer.from('JrQLj5P_89iXES9-vFgrIy29clF9CC_oPPsw3c5D0bs', 'base64url'); // B.1.4 JWK "x"
    for (const publicKey of [Buffer.from(TEST_KEY_ED25519_PUBLIC), raw, crypto.createPublicKey(TEST_KEY_ED25519_PUBLIC)]) {
      expect(verifyBase({ alg: 'ed25519', publicKey }, v.base, v.signature)).toBe(true);
    }
  });

  it('refuses a changed base, a flipped bit and a wrong length', () => {
    const key: VerifyKey = { alg: 'ed25519', publicKey: Buffer.from(TEST_KEY_ED25519_PUBLIC) };
    const flipped = Buffer.from(v.signature);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    expect(verifyBase(key, Buffer.from(v.base.toString().replace('POST', 'PUT')), v.signature)).toBe(false);
    expect(verifyBase(key, v.base, flipped)).toBe(false);
    expect(verifyBase(key, v.base, Buffer.concat([v.signature, Buffer.alloc(1)]))).toBe(false);
  });

  it('refuses a key of another type', () => {
    const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => ed25519PublicKey(publicKey)).toThrow(TypeError);
    expect(() => ed25519PublicKey(crypto.createPrivateKey(TEST_KEY_ED25519_PRIVATE))).toThrow(TypeError);
  });
});

describe('sm2-sm3 (tianping extension): GB/T 32918.2 with the default user ID', () => {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  const signKey: SignKey = { alg: 'sm2-sm3', privateKeyHex: privateKey, publicKeyHex: publicKey };
  const verifyKey: VerifyKey = { alg: 'sm2-sm3', publicKeyHex: publicKey };
  const base = Buffer.from('"@method": POST\n"@signature-params": ("@method");created=1618884473');

  it('round-trips: a 64-byte r ‖ s signature that verifies', () => {
    const sig = signBase(signKey, base);
    expect(sig.length).toBe(64);
    expect(verifyBase(verifyKey, base, sig)).toBe(true);
  });

  it('verifies a signature made directly with sm-crypto-v2 using the GB/T 35276 default ID', () => {
    const hex = sm2.doSignature(base, privateKey, { hash: true, publicKey, userId: '1234567812345678' });
    expect(SM2_USER_ID).toBe('1234567812345678');
    expect(verifyBase(verifyKey, base, Buffer.from(hex, 'hex'))).toBe(true);
  });

  it('refuses a signature under another user ID, a DER signature, a changed base and r = 0', () => {
    const otherId = sm2.doSignature(base, privateKey, { hash: true, publicKey, userId: 'ALICE123@YAHOO.COM' });
    expect(verifyBase(verifyKey, base, Buffer.from(otherId, 'hex'))).toBe(false);
    const der = sm2.doSignature(base, privateKey, { hash: true, publicKey, der: true });
    expect(verifyBase(verifyKey, base, Buffer.from(der, 'hex'))).toBe(false);
    expect(verifyBase(verifyKey, Buffer.concat([base, Buffer.from('x')]), signBase(signKey, base))).toBe(false);
    expect(verifyBase(verifyKey, base, Buffer.concat([Buffer.alloc(32), signBase(signKey, base).subarray(32)]))).toBe(false);
  });

  it('treats a public key that is not a curve point as a configuration error', () => {
    expect(() => verifyBase({ alg: 'sm2-sm3', publicKeyHex: `04${'11'.repeat(64)}` }, base, Buffer.alloc(64, 1))).toThrow(TypeError);
    expect(() => verifyBase({ alg: 'sm2-sm3', publicKeyHex: publicKey.slice(2) }, base, Buffer.alloc(64, 1))).toThrow(TypeError);
  });
});
