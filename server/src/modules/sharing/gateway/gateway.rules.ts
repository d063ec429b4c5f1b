/**
 * The gateway's pure rules: the declared purpose, the day a quota counts in, the change-feed
 * cursor and how a looked-up person is named in the log. No I/O here; table tests beside.
 */

/** Purposes quote statutes and case numbers; 200 characters is more than any grant's purpose. */
export const MAX_PURPOSE_LENGTH = 200;

export type PurposeResult = { ok: true; purpose: string } | { ok: false; code: 'SHARE_PURPOSE_REQUIRED' | 'SHARE_PURPOSE_INVALID' };

/**
 * The `Tp-Purpose` header, percent-encoded UTF-8 (signatures/README.md: header bytes differ
 * between HTTP stacks, so the sender encodes and the gateway decodes after verifying). Required
 * and non-empty: PIPL 第六条 (处理个人信息应当具有明确、合理的目的) — no call without a stated purpose.
 */
export function decodePurpose(header: string | string[] | undefined): PurposeResult {
  const raw = Array.isArray(header) ? header.join(', ') : header;
  if (raw === undefined || raw.trim() === '') return { ok: false, code: 'SHARE_PURPOSE_REQUIRED' };
  let text: string;
  try {
    text = decodeURIComponent(raw);
  } catch {
    return { ok: false, code: 'SHARE_PURPOSE_INVALID' };
  }
  const purpose = text.normalize('NFC').trim();
  if (purpose === '') return { ok: false, code: 'SHARE_PURPOSE_REQUIRED' };
  // Control characters would let a caller forge lines in anything that prints the log.
  if (purpose.length > MAX_PURPOSE_LENGTH || /[\u0000-\u001f\u007f]/.test(purpose)) return { ok: false, code: 'SHARE_PURPOSE_INVALID' };
  return { ok: true, purpose };
}

/**
 * Purpose limitation (PIPL 第六条、第十四条: processing stays within the purpose consented to or
 * granted for): the declared purpose must be the grant's purpose, optionally followed by a colon
 * and the matter at hand — `律师执业核查：(2025)浙0106民初123号` under a grant for `律师执业核查`.
 * Anything else is another purpose, and needs a grant of its own.
 */
export function purposeWithin(declared: string, granted: string): boolean {
  const g = granted.normalize('NFC').trim();
  if (declared === g) return true;
  if (!declared.startsWith(g)) return false;
  const next = declared.charAt(g.length);
  return next === '：' || next === ':';
}

/** China Standard Time has had no daylight saving since 1991: a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in Asia/Shanghai of an instant, YYYY-MM-DD: quotas are per Beijing-time day. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant after the Asia/Shanghai day `day` (YYYY-MM-DD), i.e. the next midnight there. */
export function endOfShanghaiDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS);
}

/** Whole seconds until the quota day turns over (Retry-After is in whole seconds, RFC 9110 §10.2.3). */
export function secondsToNextShanghaiDay(at: Date): number {
  return Math.max(1, Math.ceil((endOfShanghaiDay(shanghaiDay(at)).getTime() - at.getTime()) / 1000));
}

/** A position in a resource's change feed; opaque to consumers (base64url of the JSON). */
export interface FeedCursor {
  xid: string;
  key: string;
}

export function encodeCursor(c: FeedCursor): string {
  return Buffer.from(JSON.stringify({ xid: c.xid, key: c.key }), 'utf8').toString('base64url');
}

/** The cursor, or null when it is not one we handed out (a transaction id is a decimal xid8). */
export function decodeCursor(text: string): FeedCursor | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(text)) return null;
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof v !== 'object' || v === null) return null;
  const { xid, key } = v as Record<string, unknown>;
  if (typeof xid !== 'string' || !/^\d{1,20}$/.test(xid) || typeof key !== 'string' || key.length > 500) return null;
  if (BigInt(xid) > 0xffff_ffff_ffff_ffffn) return null;
  return { xid, key };
}

/**
 * A 公民身份号码 as stored (GB 11643: the check character X is upper case; the import normalizes
 * the same way), so one person has one fingerprint in the call log however a caller typed it.
 */
export function normalizeIdNumber(v: string): string {
  return v.trim().toUpperCase();
}
