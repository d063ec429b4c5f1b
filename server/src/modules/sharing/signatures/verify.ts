import { verifyBase, type VerifyKey } from './algorithms.ts';
import { checkContentDigest } from './content-digest.ts';
import { coveredNames, SignatureBaseError, signatureBase, type SignableRequest } from './signature-base.ts';
import type { SignatureErrorCode } from './signature.errors.ts';
import { parseDictionary, StructuredFieldError, type Dictionary, type Parameters } from './structured-fields.ts';

/**
 * Verifies an HTTP Message Signature (RFC 9421 §3.2) on a request to the sharing gateway, with
 * the gateway's profile on top (issue 5): the signature must cover the required components, carry
 * `created` (at most maxAge old, at most a minute ahead), a `nonce` used once per key, and a
 * `keyid` we issued; a body must be covered through Content-Digest (RFC 9530).
 *
 * The checks run cheapest-first and the nonce is recorded last, only once the signature and the
 * digest are good: recording it earlier would let anyone burn a client's nonces with forgeries.
 */

export type { SignatureErrorCode } from './signature.errors.ts';

export interface VerifiableRequest extends SignableRequest {
  /** The body bytes exactly as received — before JSON parsing — or undefined for none. */
  body?: Buffer | undefined;
}

export interface NonceStore {
  /** True if (keyId, nonce) was used before; otherwise records it and returns false. */
  seen(keyId: string, nonce: string, created: number): Promise<boolean>;
}

export interface VerifyOptions {
  keys: (keyId: string) => Promise<VerifyKey | null>;
  nonces: NonceStore;
  /** Unix seconds. */
  now: () => number;
  /** How old `created` may be; 300 s by default (issue 5: "stale created (> 5 min)"). */
  maxAgeSeconds?: number;
  /** Component names the signature must cover; 'content-digest' is added whenever there is a body. */
  required: readonly string[];
  /** Which signature to check when a request carries several; the first in Signature-Input by default. */
  label?: string;
}

export type VerifyResult =
  | { ok: true; keyId: string; label: string }
  | { ok: false; code: SignatureErrorCode; message: string };

/** Clocks of other agencies' servers drift; a minute ahead is tolerated, more is refused. */
export const MAX_FUTURE_SKEW_SECONDS = 60;
export const DEFAULT_MAX_AGE_SECONDS = 300;
/** Nonces are stored for the whole window; a bound keeps one request from storing a novel. */
const MAX_NONCE_LENGTH = 128;

interface SignatureParams {
  created?: number;
  expires?: number;
  nonce?: string;
  keyid?: string;
  alg?: string;
}

const fail = (code: SignatureErrorCode, message: string): VerifyResult => ({ ok: false, code, message });

export async function verifyRequest(req: VerifiableRequest, opts: VerifyOptions): Promise<VerifyResult> {
  const signatureHeader = headerOf(req.headers, 'signature');
  const inputHeader = headerOf(req.headers, 'signature-input');
  if (signatureHeader === undefined || inputHeader === undefined) {
    return fail('SIG_MISSING', '请求未签名：缺少 Signature 或 Signature-Input 头');
  }
  let signatures: Dictionary;
  let inputs: Dictionary;
  try {
    signatures = parseDictionary(signatureHeader);
    inputs = parseDictionary(inputHeader);
  } catch (e) {
    if (!(e instanceof StructuredFieldError)) throw e;
    return fail('SIG_MALFORMED', `签名头不是合法的结构化字段：${e.message}`);
  }
  const label = opts.label ?? inputs.keys().next().value;
  if (label === undefined || signatures.size === 0) return fail('SIG_MISSING', '请求未签名：Signature 或 Signature-Input 头为空');
  const input = inputs.get(label);
  const signature = signatures.get(label);
  if (input === undefined) return fail('SIG_MISSING', `Signature-Input 中没有标签为 ${label} 的签名`);
  if (signature === undefined) return fail('SIG_MALFORMED', `Signature 中缺少标签 ${label} 对应的签名值`);
  if (input.type !== 'inner-list') return fail('SIG_MALFORMED', `Signature-Input 中 ${label} 应为组件列表`);
  if (signature.type !== 'item' || signature.value.kind !== 'bytes') {
    return fail('SIG_MALFORMED', `Signature 中 ${label} 应为字节序列`);
  }

  const params = readParams(input.params);
  if (typeof params === 'string') return fail('SIG_MALFORMED', params);
  let covered: string[];
  try {
    covered = coveredNames(input);
  } catch (e) {
    if (!(e instanceof SignatureBaseError)) throw e;
    return fail('SIG_MALFORMED', e.message);
  }

  const body = req.body !== undefined && req.body.length > 0 ? req.body : undefined;
  const digestHeader = headerOf(req.headers, 'content-digest');
  if (body !== undefined && digestHeader === undefined) return fail('SIG_DIGEST_MISSING', '请求带有请求体，但缺少 Content-Digest 头');
  const required = new Set(opts.required);
  if (body !== undefined) required.add('content-digest');
  const uncovered = [...required].filter((name) => !covered.includes(name));
  if (uncovered.length > 0) return fail('SIG_COMPONENTS', `签名未覆盖必需的组件：${uncovered.join('、')}`);

  const created = checkTime(params, opts.now(), opts.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS);
  if (typeof created === 'string') return fail('SIG_STALE', created);
  if (params.nonce === undefined || params.nonce === '') return fail('SIG_NONCE_MISSING', '签名缺少 nonce 参数');
  if (params.keyid === undefined) return fail('SIG_KEY_UNKNOWN', '签名缺少 keyid 参数');
  const key = await opts.keys(params.keyid);
  if (key === null) return fail('SIG_KEY_UNKNOWN', `签名密钥 ${params.keyid} 未登记或已停用`);
  if (params.alg !== undefined && params.alg !== key.alg) {
    return fail('SIG_ALG_MISMATCH', `签名声明的算法 ${params.alg} 与密钥登记的算法 ${key.alg} 不符`);
  }

  // A covered Content-Digest is checked even without a body: it then has to be the empty body's.
  if (body !== undefined || covered.includes('content-digest')) {
    const digest = checkContentDigest(digestHeader, body ?? Buffer.alloc(0));
    if (!digest.ok) {
      const code = digest.reason === 'missing' ? 'SIG_DIGEST_MISSING' : digest.reason === 'mismatch' ? 'SIG_DIGEST_MISMATCH' : 'SIG_MALFORMED';
      return fail(code, digest.message);
    }
  }

  let base: string;
  try {
    base = signatureBase(req, input);
  } catch (e) {
    if (e instanceof SignatureBaseError) return fail(e.reason === 'absent' ? 'SIG_INVALID' : 'SIG_MALFORMED', e.message);
    if (e instanceof StructuredFieldError) return fail('SIG_MALFORMED', e.message);
    throw e;
  }
  if (!verifyBase(key, Buffer.from(base, 'ascii'), signature.value.value)) {
    return fail('SIG_INVALID', '签名验证未通过：请求内容与签名不符，或签名密钥不对');
  }
  if (await opts.nonces.seen(params.keyid, params.nonce, created)) {
    return fail('SIG_REPLAY', `nonce ${params.nonce} 已使用过，疑似重放请求`);
  }
  return { ok: true, keyId: params.keyid, label };
}

/** All field lines of a header joined as one value (RFC 9110 §5.3), whatever the key's case. */
function headerOf(headers: SignableRequest['headers'], name: string): string | undefined {
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && value !== undefined) values.push(...(Array.isArray(value) ? value : [value]));
  }
  return values.length === 0 ? undefined : values.join(', ');
}

/** The parameters the profile reads, type-checked; other parameters stay in the base untouched. */
function readParams(params: Parameters): SignatureParams | string {
  const out: SignatureParams = {};
  for (const name of ['created', 'expires'] as const) {
    const v = params.get(name);
    if (v === undefined) continue;
    if (v.kind !== 'integer') return `签名参数 ${name} 应为整数（Unix 秒）`;
    out[name] = v.value;
  }
  for (const name of ['nonce', 'keyid', 'alg'] as const) {
    const v = params.get(name);
    if (v === undefined) continue;
    if (v.kind !== 'string') return `签名参数 ${name} 应为字符串`;
    out[name] = v.value;
  }
  if (out.nonce !== undefined && out.nonce.length > MAX_NONCE_LENGTH) return `签名参数 nonce 超过 ${MAX_NONCE_LENGTH} 个字符`;
  return out;
}

/** The `created` time if the signature is fresh, else why not (in Chinese). */
function checkTime(params: SignatureParams, now: number, maxAge: number): number | string {
  if (params.created === undefined) return '签名缺少 created 参数';
  if (params.created > now + MAX_FUTURE_SKEW_SECONDS) return `签名时间比服务器时间晚 ${params.created - now} 秒，请校准时钟`;
  if (now - params.created > maxAge) return `签名创建于 ${now - params.created} 秒前，超过 ${maxAge} 秒的有效期`;
  // §2.3: a signature past its own `expires` is refused even inside our window.
  if (params.expires !== undefined && now > params.expires) return '签名已超过其 expires 时间';
  return params.created;
}
