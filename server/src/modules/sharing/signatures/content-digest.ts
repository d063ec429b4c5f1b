import crypto from 'node:crypto';
import { item, parseDictionary, serializeDictionary, sfBytes, StructuredFieldError, type Dictionary } from './structured-fields.ts';

/**
 * Content-Digest (RFC 9530 §2): a dictionary from algorithm name to the byte sequence of the
 * digest of the message content — the body bytes as sent, before any JSON parsing. The signature
 * covers this header, and the header covers the body; that is how a signature protects a body.
 *
 * Only the algorithms RFC 9530 §5 registers as "Active" are accepted: sha-256 and sha-512. The
 * deprecated ones (md5, sha, unixsum, …) are ignored as unknown, so a sender cannot downgrade the
 * check by offering only a weak digest next to a wrong strong one.
 */

export type DigestAlgorithm = 'sha-256' | 'sha-512';

const NODE_HASH: Record<DigestAlgorithm, string> = { 'sha-256': 'sha256', 'sha-512': 'sha512' };

export function digestOf(alg: DigestAlgorithm, body: Buffer): Buffer {
  return crypto.createHash(NODE_HASH[alg]).update(body).digest();
}

/** The Content-Digest header value for `body`, one member per algorithm, in the order given. */
export function contentDigest(body: Buffer, algs: readonly DigestAlgorithm[] = ['sha-256']): string {
  const dict: Dictionary = new Map(algs.map((alg) => [alg, item(sfBytes(digestOf(alg, body)))]));
  return serializeDictionary(dict);
}

export type DigestCheck =
  | { ok: true }
  | { ok: false; reason: 'missing'; message: string }
  | { ok: false; reason: 'malformed'; message: string }
  | { ok: false; reason: 'mismatch'; message: string };

/**
 * Every supported digest present must match, and at least one must be present. Comparison is in
 * constant time although a digest is no secret: it costs nothing and leaves nothing to argue about.
 */
export function checkContentDigest(header: string | string[] | undefined, body: Buffer): DigestCheck {
  if (header === undefined) return { ok: false, reason: 'missing', message: '请求带有请求体，但缺少 Content-Digest 头' };
  let dict: Dictionary;
  try {
    dict = parseDictionary(Array.isArray(header) ? header.join(', ') : header);
  } catch (e) {
    if (!(e instanceof StructuredFieldError)) throw e;
    return { ok: false, reason: 'malformed', message: `Content-Digest 头格式不正确：${e.message}` };
  }
  let checked = 0;
  for (const alg of Object.keys(NODE_HASH) as DigestAlgorithm[]) {
    const member = dict.get(alg);
    if (member === undefined) continue;
    if (member.type !== 'item' || member.value.kind !== 'bytes') {
      return { ok: false, reason: 'malformed', message: `Content-Digest 中 ${alg} 的值应为字节序列` };
    }
    const expected = digestOf(alg, body);
    const given = member.value.value;
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'mismatch', message: `请求体与 Content-Digest（${alg}）不符` };
    }
    checked++;
  }
  if (checked === 0) return { ok: false, reason: 'missing', message: 'Content-Digest 未包含受支持的算法（sha-256 或 sha-512）' };
  return { ok: true };
}
