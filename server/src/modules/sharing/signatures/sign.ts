import crypto from 'node:crypto';
import { signBase, type SignKey } from './algorithms.ts';
import { contentDigest, type DigestAlgorithm } from './content-digest.ts';
import { coveredNames, signatureBase, type SignableRequest } from './signature-base.ts';
import { innerList, item, serializeDictionary, sfBytes, sfInteger, sfString, type Parameters } from './structured-fields.ts';

/**
 * Signs a request the way the gateway expects (issue 5), for tianping's own clients, the tests and
 * the demo. Other agencies may use any RFC 9421 library; this is one of them, not a requirement.
 */

/** What the gateway requires every request to cover; 'content-digest' is added for a body. */
export const GATEWAY_COMPONENTS: readonly string[] = ['@method', '@target-uri', 'tp-purpose'];

export interface SignOptions {
  key: SignKey;
  keyId: string;
  /** Covered components in order; GATEWAY_COMPONENTS by default. */
  components?: readonly string[];
  /** Unix seconds; the current time by default. */
  created?: number;
  expires?: number;
  /** 16 random bytes, base64url, by default. */
  nonce?: string;
  /** 'sig1' by default. */
  label?: string;
  /** The Content-Digest algorithm for a body; sha-256 by default. */
  digest?: DigestAlgorithm;
  /** Put the `alg` parameter in the signature (default true), so the verifier can check it. */
  includeAlg?: boolean;
}

/** Headers to add to the request; they replace any Signature, Signature-Input or Content-Digest already set. */
export interface SignedHeaders {
  'signature-input': string;
  signature: string;
  'content-digest'?: string;
}

export function signRequest(req: SignableRequest & { body?: Buffer | undefined }, opts: SignOptions): SignedHeaders {
  const body = req.body ?? Buffer.alloc(0);
  const names = [...(opts.components ?? GATEWAY_COMPONENTS)];
  if (body.length > 0 && !names.includes('content-digest')) names.push('content-digest');

  const headers: SignableRequest['headers'] = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!['signature', 'signature-input', 'content-digest'].includes(name.toLowerCase())) headers[name] = value;
  }
  const out: Partial<SignedHeaders> = {};
  if (names.includes('content-digest')) {
    out['content-digest'] = contentDigest(body, [opts.digest ?? 'sha-256']);
    headers['content-digest'] = out['content-digest'];
  }

  const params: Parameters = new Map();
  params.set('created', sfInteger(opts.created ?? Math.floor(Date.now() / 1000)));
  if (opts.expires !== undefined) params.set('expires', sfInteger(opts.expires));
  params.set('nonce', sfString(opts.nonce ?? crypto.randomBytes(16).toString('base64url')));
  params.set('keyid', sfString(opts.keyId));
  if (opts.includeAlg ?? true) params.set('alg', sfString(opts.key.alg));
  const covered = innerList(
    names.map((name) => item(sfString(name))),
    params,
  );
  coveredNames(covered); // refuses unsupported or repeated components before anything is signed

  const base = signatureBase({ method: req.method, url: req.url, headers }, covered);
  const label = opts.label ?? 'sig1';
  return {
    ...out,
    'signature-input': serializeDictionary(new Map([[label, covered]])),
    signature: serializeDictionary(new Map([[label, item(sfBytes(signBase(opts.key, Buffer.from(base, 'ascii'))))]])),
  };
}
