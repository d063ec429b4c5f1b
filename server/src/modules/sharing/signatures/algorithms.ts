import crypto, { type KeyObject } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * The signature algorithms of the sharing gateway: two from the RFC 9421 §6.2 registry and one
 * tianping extension.
 *
 * - hmac-sha256 (§3.3.3): HMAC-SHA-256 over the signature base; the key is the issued secret's
 *   UTF-8 bytes (the caller converts), compared in constant time.
 * - ed25519 (§3.3.6): RFC 8032 Ed25519 over the base; 64-byte signature.
 * - sm2-sm3 (tianping): SM2 signature with SM3 (GB/T 32918.2, GB/T 35276): e = SM3(Z_A ‖ base)
 *   with Z_A from the default user ID "1234567812345678", the ID GB/T 35276 §5.3 prescribes when
 *   the parties agree on no other and the one the ledger's signed notes use (ledger/note.ts). The
 *   signature is r ‖ s, two 32-byte big-endian integers (64 bytes), not DER: fixed length like the
 *   other two algorithms and like the registry's ecdsa-p256-sha256 (§3.3.4).
 */

export type SignatureAlgorithm = 'hmac-sha256' | 'ed25519' | 'sm2-sm3';

export const SIGNATURE_ALGORITHMS: readonly SignatureAlgorithm[] = ['hmac-sha256', 'ed25519', 'sm2-sm3'];

export type VerifyKey =
  | { alg: 'hmac-sha256'; secret: Buffer }
  /** A public KeyObject, the raw 32-byte RFC 8032 key, or a PEM (SPKI) public key. */
  | { alg: 'ed25519'; publicKey: KeyObject | Buffer }
  /** Uncompressed point: "04" followed by x and y, 130 hex digits. */
  | { alg: 'sm2-sm3'; publicKeyHex: string };

export type SignKey =
  | { alg: 'hmac-sha256'; secret: Buffer }
  /** A private KeyObject, the raw 32-byte RFC 8032 seed, or a PEM (PKCS #8) private key. */
  | { alg: 'ed25519'; privateKey: KeyObject | Buffer }
  | { alg: 'sm2-sm3'; privateKeyHex: string; publicKeyHex: string };

export const SM2_USER_ID = '1234567812345678';

const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n; // GB/T 32918.5 curve order
// DER wrappers that turn raw RFC 8032 keys into what Node imports (RFC 8410 §7 and §10.3).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function signBase(key: SignKey, base: Buffer): Buffer {
  switch (key.alg) {
    case 'hmac-sha256':
      return crypto.createHmac('sha256', key.secret).update(base).digest();
    case 'ed25519':
      return crypto.sign(null, base, ed25519PrivateKey(key.privateKey));
    case 'sm2-sm3': {
      checkSm2PublicKey(key.publicKeyHex);
      const hex = sm2.doSignature(base, key.privateKeyHex, { hash: true, der: false, publicKey: key.publicKeyHex, userId: SM2_USER_ID });
      return Buffer.from(hex, 'hex');
    }
    default: {
      const never: never = key;
      throw new TypeError(`unknown signing algorithm ${JSON.stringify(never)}`);
    }
  }
}

/** False for any signature that does not verify, including ones of the wrong length or form. */
export function verifyBase(key: VerifyKey, base: Buffer, signature: Buffer): boolean {
  switch (key.alg) {
    case 'hmac-sha256': {
      const expected = crypto.createHmac('sha256', key.secret).update(base).digest();
      return signature.length === expected.length && crypto.timingSafeEqual(signature, expected);
    }
    case 'ed25519':
      return signature.length === 64 && crypto.verify(null, base, ed25519PublicKey(key.publicKey), signature);
    case 'sm2-sm3':
      return sm2Verify(key.publicKeyHex, base, signature);
    default: {
      const never: never = key;
      throw new TypeError(`unknown verification algorithm ${JSON.stringify(never)}`);
    }
  }
}

export function ed25519PublicKey(key: KeyObject | Buffer): KeyObject {
  const k = Buffer.isBuffer(key)
    ? key.length === 32
      ? crypto.createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, key]), format: 'der', type: 'spki' })
      : crypto.createPublicKey(key)
    : key;
  if (k.type !== 'public' || k.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 public key, got a ${k.type} ${k.asymmetricKeyType ?? ''} key`);
  }
  return k;
}

function ed25519PrivateKey(key: KeyObject | Buffer): KeyObject {
  const k = Buffer.isBuffer(key)
    ? key.length === 32
      ? crypto.createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, key]), format: 'der', type: 'pkcs8' })
      : crypto.createPrivateKey(key)
    : key;
  if (k.type !== 'private' || k.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 private key, got a ${k.type} ${k.asymmetricKeyType ?? ''} key`);
  }
  return k;
}

/** A key the gateway holds on record that is not a curve point is a configuration error, not a bad request. */
function checkSm2PublicKey(hex: string): void {
  let onCurve: boolean;
  try {
    onCurve = /^04[0-9a-f]{128}$/i.test(hex) && sm2.verifyPublicKey(hex);
  } catch {
    onCurve = false; // sm-crypto-v2 throws rather than returns false for most bad points
  }
  if (!onCurve) throw new TypeError('SM2 public key must be an uncompressed curve point (04 ‖ x ‖ y, 130 hex digits)');
}

function sm2Verify(publicKeyHex: string, base: Buffer, signature: Buffer): boolean {
  checkSm2PublicKey(publicKeyHex);
  if (signature.length !== 64) return false;
  // GB/T 32918.2 §7.1 B1–B2: r and s in [1, n-1]; sm-crypto-v2 skips this check.
  const r = BigInt(`0x${signature.subarray(0, 32).toString('hex')}`);
  const s = BigInt(`0x${signature.subarray(32).toString('hex')}`);
  if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false;
  return sm2.doVerifySignature(base, signature.toString('hex'), publicKeyHex, { hash: true, der: false, userId: SM2_USER_ID });
}
