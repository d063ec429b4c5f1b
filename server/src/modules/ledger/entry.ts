import { idCheckDigit } from '../standards/index.ts';
import { canonicalJsonBytes } from './canonical-json.ts';
import { ledgerErrors } from './ledger.errors.ts';
import type { NewEntry } from './log-store.ts';
import type { TreeHasher } from './merkle.ts';

/**
 * What a caller appends: a typed entry (the evidence a module records: a digest, an id, a
 * status) or raw bytes (for tools that speak only the RFC's leaf format).
 */
export type AppendItem = { type: string; payload: unknown; submitter: string } | { raw: Buffer };

export const MAX_ENTRY_BYTES = 64 * 1024;
const TYPE = /^[a-z][a-z0-9._-]{0,63}$/;

/**
 * Personal data never goes on the log (it cannot be erased from it): a typed payload carrying
 * something shaped like a 公民身份号码 with a valid check digit, or a mobile number, is refused.
 */
const ID_LIKE = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE_LIKE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

function personalDataIn(text: string): string | null {
  for (const m of text.matchAll(ID_LIKE)) if (idCheckDigit(m[0].slice(0, 17)) === m[0][17]!.toUpperCase()) return '公民身份号码';
  return MOBILE_LIKE.test(text) ? '手机号码' : null;
}

/**
 * Encodes and checks an item; the body of a typed entry is RFC 8785 canonical JSON. The leaf hash
 * is computed here, before the append queues, so the log's lock is not held for it. `trusted`
 * skips the personal-data scan for entries tianping itself composes of hashes and ids (a random
 * hex fingerprint can look like a phone number).
 */
export function encodeEntry(h: TreeHasher, item: AppendItem, at: Date, field = 'entries', opts: { trusted?: boolean } = {}): NewEntry {
  if ('raw' in item) {
    if (item.raw.length > MAX_ENTRY_BYTES) throw ledgerErrors.LEDGER_ENTRY_INVALID(`记录不能超过 ${MAX_ENTRY_BYTES} 字节`, [{ field, message: `收到 ${item.raw.length} 字节` }]);
    return { body: item.raw, leafHash: h.leaf(item.raw), type: null, submitter: null, at };
  }
  if (!TYPE.test(item.type)) throw ledgerErrors.LEDGER_ENTRY_INVALID('记录类型应为小写字母开头的字母、数字、点、连字符或下划线（至多 64 位）', [{ field: `${field}.type`, message: item.type }]);
  let body: Buffer;
  try {
    body = canonicalJsonBytes({ type: item.type, time: at.toISOString(), submitter: item.submitter, payload: item.payload });
  } catch (err) {
    throw ledgerErrors.LEDGER_ENTRY_INVALID(`记录内容无法规范化为 JSON：${(err as Error).message}`, [{ field: `${field}.payload`, message: '仅支持 JSON 值' }]);
  }
  if (body.length > MAX_ENTRY_BYTES) throw ledgerErrors.LEDGER_ENTRY_INVALID(`记录不能超过 ${MAX_ENTRY_BYTES} 字节`, [{ field: `${field}.payload`, message: `收到 ${body.length} 字节` }]);
  const personal = opts.trusted ? null : personalDataIn(body.toString('utf8'));
  if (personal) throw ledgerErrors.LEDGER_ENTRY_INVALID(`存证记录不得含个人信息（发现${personal}）：请只写入哈希与编号`, [{ field: `${field}.payload`, message: personal }]);
  return { body, leafHash: h.leaf(body), type: item.type, submitter: item.submitter, at };
}

/** A typed entry's fields as stored in its body (for display and for `verify`). */
export function decodeTyped(body: Buffer): { type: string; time: string; submitter: string; payload: unknown } | null {
  try {
    const v = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    if (typeof v.type !== 'string' || typeof v.time !== 'string' || typeof v.submitter !== 'string') return null;
    return { type: v.type, time: v.time, submitter: v.submitter, payload: v.payload };
  } catch {
    return null;
  }
}
