import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/**
 * Signed notes (c2sp.org/signed-note), the checkpoints they carry (c2sp.org/tlog-checkpoint) and
 * witness cosignatures (c2sp.org/tlog-cosignature, cosignature/v1). The formats are followed to
 * the byte so that notes signed here verify with the Go reference code (golang.org/x/mod/sumdb/note)
 * and with other logs' witnesses; the one addition is an SM2 signature type (GB/T 32918), which
 * takes the spec's 0xff escape byte plus our own identifier, as the spec asks for private types.
 *
 * Parsing is strict — standard padded base64 only, no second spelling of any field — because a
 * note is stored, compared and cosigned as text, and one checkpoint must have one text.
 */

export type SignatureKind = 'ed25519' | 'sm2' | 'cosignature/v1';

export interface Signer {
  name: string;
  kind: SignatureKind;
  /** 4 bytes: SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]. */
  keyId: Buffer;
  publicKey: Buffer;
  /** The signature bytes of a note text, without the key ID. `now` matters to cosignatures only. */
  sign(text: Buffer, now?: Date): Buffer;
}

export interface Verifier {
  name: string;
  kind: SignatureKind;
  keyId: Buffer;
  publicKey: Buffer;
  verify(text: Buffer, sig: Buffer): boolean;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
  extensions: string[];
}

export interface SignatureLine {
  name: string;
  keyId: Buffer;
  signature: Buffer;
}

export type NoteErrorCode = 'NOTE_MALFORMED' | 'NOTE_BAD_SIGNATURE' | 'NOTE_UNSIGNED';

/** A note, line, key or checkpoint that cannot be accepted; `message` is Chinese. */
export class NoteError extends Error {
  constructor(
    readonly code: NoteErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NoteError';
  }
}

const noteMalformed = (why: string) => new NoteError('NOTE_MALFORMED', `签名笔记格式不正确：${why}`);
const checkpointMalformed = (why: string) => new NoteError('NOTE_MALFORMED', `检查点格式不正确：${why}`);
const vkeyMalformed = (why: string) => new NoteError('NOTE_MALFORMED', `验证密钥格式不正确：${why}`);

// signed-note: verifiers "SHOULD apply a maximum limit … but MUST accept at least up to 16
// signatures". 100 is the Go reference code's limit; 1 MiB bounds the work one note can cause.
const MAX_NOTE_BYTES = 1 << 20;
const MAX_SIGNATURES = 100;

const SIG_PREFIX = '— ';
const KEY_ID_SIZE = 4;
const ROOT_SIZE = 32; // the ledger's trees are SHA-256 or SM3
const ED25519_SIG_SIZE = 64;
const SM2_SIG_SIZE = 64;
const SM2_N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n; // GB/T 32918.5 curve order
// Date's range ends at 8.64e15 ms; a later cosignature time could not be reported as a Date.
const MAX_COSIGNATURE_TIME = 8_640_000_000_000n;

/** The signature type bytes that go into key IDs and vkeys (signed-note §Signature types). */
const TYPE_BYTES: Record<SignatureKind, Buffer> = {
  ed25519: Buffer.from([0x01]),
  'cosignature/v1': Buffer.from([0x04]),
  sm2: Buffer.concat([Buffer.from([0xff]), Buffer.from('tianping/sm2-sm3', 'ascii')]),
};
const KINDS = Object.keys(TYPE_BYTES) as SignatureKind[];
const PUBLIC_KEY_SIZE: Record<SignatureKind, number> = { ed25519: 32, 'cosignature/v1': 32, sm2: 65 };

// A note must be valid UTF-8 without control characters other than newline; for a JS string,
// "valid UTF-8" means no half surrogate pair (it would be encoded as U+FFFD).
const BAD_TEXT = /[\x00-\x09\x0B-\x1F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_NAME = /[\p{White_Space}+]/u; // signed-note: "no Unicode spaces or plus"

/** `error` says which kind of input (note, verifier key) held the bad name. */
function checkName(name: string, error: (why: string) => NoteError): void {
  if (name === '') throw error('密钥名称为空');
  if (BAD_NAME.test(name) || BAD_TEXT.test(name)) throw error(`密钥名称“${name}”含空白、加号或控制字符`);
}

/** Standard padded base64, in its one canonical spelling; Buffer.from alone skips bad characters. */
function decodeBase64(s: string): Buffer | null {
  const bytes = Buffer.from(s, 'base64');
  return s !== '' && bytes.toString('base64') === s ? bytes : null;
}

function checkSize(note: string): void {
  // UTF-8 is at least one byte per UTF-16 unit, so the cheap test settles most oversize notes.
  if (note.length > MAX_NOTE_BYTES || Buffer.byteLength(note, 'utf8') > MAX_NOTE_BYTES) {
    throw noteMalformed('超过 1 MiB');
  }
}

function checkSignatureCount(count: number): void {
  if (count === 0) throw noteMalformed('没有签名行');
  if (count > MAX_SIGNATURES) throw noteMalformed(`签名行超过 ${MAX_SIGNATURES} 个`);
}

function checkText(text: string): void {
  if (!text.endsWith('\n')) throw noteMalformed('正文须以换行结尾');
  if (BAD_TEXT.test(text)) throw noteMalformed('正文含换行以外的控制字符或无效的 UTF-8');
}

// ---- keys ----

export function keyIdOf(name: string, kind: SignatureKind, publicKey: Buffer): Buffer {
  return crypto
    .createHash('sha256')
    .update(name, 'utf8')
    .update('\n')
    .update(TYPE_BYTES[kind])
    .update(publicKey)
    .digest()
    .subarray(0, KEY_ID_SIZE);
}

export function generateEd25519(): { privateKey: crypto.KeyObject; publicKey: Buffer } {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKey, publicKey: ed25519PublicKeyOf(privateKey) };
}

export function generateSm2(): { privateKeyHex: string; publicKeyHex: string } {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicKeyHex: publicKey };
}

/** The 32-byte RFC 8032 public key: the tail of the fixed-length SPKI encoding. */
export function ed25519PublicKeyOf(privateKey: crypto.KeyObject): Buffer {
  checkEd25519Private(privateKey);
  return crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).subarray(-32);
}

function checkEd25519Private(key: crypto.KeyObject): void {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 private key, got a ${key.type} ${key.asymmetricKeyType ?? ''} key`);
  }
}

// ---- signers ----

function signer(name: string, kind: SignatureKind, publicKey: Buffer, sign: Signer['sign']): Signer {
  checkName(name, noteMalformed);
  return { name, kind, keyId: keyIdOf(name, kind, publicKey), publicKey, sign };
}

export function ed25519Signer(name: string, privateKey: crypto.KeyObject): Signer {
  return signer(name, 'ed25519', ed25519PublicKeyOf(privateKey), (text) => crypto.sign(null, text, privateKey));
}

/** A witness's cosignature/v1 signer: u64 POSIX seconds ‖ Ed25519 over the timestamped message. */
export function cosignatureSigner(name: string, privateKey: crypto.KeyObject): Signer {
  return signer(name, 'cosignature/v1', ed25519PublicKeyOf(privateKey), (text, now = new Date()) => {
    const ms = now.getTime();
    if (!(ms >= 0)) throw new RangeError(`cosignature time must be a valid date after 1970, got ${String(now)}`);
    const time = BigInt(Math.floor(ms / 1000));
    const stamp = Buffer.alloc(8);
    stamp.writeBigUInt64BE(time);
    return Buffer.concat([stamp, crypto.sign(null, cosignedMessage(time, text), privateKey)]);
  });
}

/** tlog-cosignature §Ed25519 signed message: a header line and a time line before the note text. */
function cosignedMessage(time: bigint, text: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`cosignature/v1\ntime ${time}\n`), text]);
}

/** SM2 with SM3 over Z_A ‖ text, Z_A from the default user ID "1234567812345678" (GB/T 35276). */
export function sm2Signer(name: string, privateKeyHex: string, publicKeyHex: string): Signer {
  if (!/^[0-9a-f]{64}$/i.test(privateKeyHex)) throw new TypeError('SM2 private key must be 64 hex digits');
  // Signing with a key that does not match the published one would only show up at verification.
  if (sm2.getPublicKeyFromPrivateKey(privateKeyHex).toLowerCase() !== publicKeyHex.toLowerCase()) {
    throw new TypeError('SM2 public key does not belong to the private key');
  }
  return signer(name, 'sm2', Buffer.from(publicKeyHex, 'hex'), (text) =>
    Buffer.from(sm2.doSignature(text, privateKeyHex, { hash: true, publicKey: publicKeyHex }), 'hex'),
  );
}

// ---- verifiers ----

export function verifierOf(name: string, kind: SignatureKind, publicKey: Buffer): Verifier {
  checkName(name, vkeyMalformed);
  if (publicKey.length !== PUBLIC_KEY_SIZE[kind]) {
    throw vkeyMalformed(`${kind} 公钥应为 ${PUBLIC_KEY_SIZE[kind]} 字节，实为 ${publicKey.length} 字节`);
  }
  const base = { name, kind, keyId: keyIdOf(name, kind, publicKey), publicKey };
  switch (kind) {
    case 'ed25519': {
      const key = ed25519Key(publicKey);
      return { ...base, verify: (text, sig) => sig.length === ED25519_SIG_SIZE && crypto.verify(null, text, key, sig) };
    }
    case 'cosignature/v1': {
      const key = ed25519Key(publicKey);
      return {
        ...base,
        verify: (text, sig) => {
          if (sig.length !== 8 + ED25519_SIG_SIZE) return false;
          const time = sig.readBigUInt64BE(0);
          if (time > MAX_COSIGNATURE_TIME) return false;
          return crypto.verify(null, cosignedMessage(time, text), key, sig.subarray(8));
        },
      };
    }
    case 'sm2':
      return { ...base, verify: sm2Verify(publicKey) };
  }
}

function ed25519Key(publicKey: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey.toString('base64url') }, format: 'jwk' });
}

function sm2Verify(publicKey: Buffer): Verifier['verify'] {
  const hex = publicKey.toString('hex');
  let onCurve: boolean;
  try {
    onCurve = publicKey[0] === 0x04 && sm2.verifyPublicKey(hex);
  } catch {
    onCurve = false; // sm-crypto-v2 throws rather than returns false for most bad points
  }
  if (!onCurve) throw vkeyMalformed('SM2 公钥不是曲线上的未压缩点');
  return (text, sig) => {
    if (sig.length !== SM2_SIG_SIZE) return false;
    // GB/T 32918.2 §7.1 B1–B2; sm-crypto-v2 skips this check and throws on s = 0 or s ≥ n.
    const r = BigInt(`0x${sig.subarray(0, 32).toString('hex')}`);
    const s = BigInt(`0x${sig.subarray(32).toString('hex')}`);
    if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false;
    return sm2.doVerifySignature(text, sig.toString('hex'), hex, { hash: true });
  };
}

/** `<name>+<8 hex key ID>+<base64(type ‖ public key)>` (signed-note §Verifier keys). */
export function formatVerifierKey(v: Pick<Verifier, 'name' | 'kind' | 'publicKey'>): string {
  checkName(v.name, vkeyMalformed);
  const id = keyIdOf(v.name, v.kind, v.publicKey).toString('hex');
  return `${v.name}+${id}+${Buffer.concat([TYPE_BYTES[v.kind], v.publicKey]).toString('base64')}`;
}

export function parseVerifierKey(vkey: string): Verifier {
  // The name cannot contain '+' but the base64 key can, so only the first two '+' separate.
  const first = vkey.indexOf('+');
  const second = vkey.indexOf('+', first + 1);
  if (first < 0 || second < 0) throw vkeyMalformed('应为“名称+密钥 ID+公钥”');
  const name = vkey.slice(0, first);
  const idHex = vkey.slice(first + 1, second);
  checkName(name, vkeyMalformed);
  if (!/^[0-9a-f]{8}$/i.test(idHex)) throw vkeyMalformed(`密钥 ID“${idHex}”应为 8 位十六进制数`);
  const key = decodeBase64(vkey.slice(second + 1));
  if (!key) throw vkeyMalformed('公钥不是标准 base64');
  const kind = KINDS.find((k) => key.subarray(0, TYPE_BYTES[k].length).equals(TYPE_BYTES[k]));
  if (!kind) throw vkeyMalformed(`不支持的签名类型 0x${key.subarray(0, 1).toString('hex')}`);
  const verifier = verifierOf(name, kind, key.subarray(TYPE_BYTES[kind].length));
  if (verifier.keyId.toString('hex') !== idHex.toLowerCase()) throw vkeyMalformed('密钥 ID 与名称、类型和公钥不符');
  return verifier;
}

// ---- checkpoints ----

function checkLine(line: string, what: string): void {
  if (line === '') throw checkpointMalformed(`${what}为空`);
  if (line.includes('\n') || BAD_TEXT.test(line)) throw checkpointMalformed(`${what}含换行、控制字符或无效的 UTF-8`);
}

export function checkpointText(c: Checkpoint): string {
  checkLine(c.origin, '来源（第 1 行）');
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw checkpointMalformed(`树大小须为非负整数，实为 ${c.size}`);
  if (c.root.length !== ROOT_SIZE) throw checkpointMalformed(`根哈希应为 ${ROOT_SIZE} 字节，实为 ${c.root.length} 字节`);
  c.extensions.forEach((e, i) => checkLine(e, `扩展行（第 ${i + 4} 行）`));
  return [c.origin, String(c.size), c.root.toString('base64'), ...c.extensions].map((l) => `${l}\n`).join('');
}

export function parseCheckpointText(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw checkpointMalformed('须以换行结尾');
  const [origin = '', size = '', root = '', ...extensions] = text.slice(0, -1).split('\n');
  checkLine(origin, '来源（第 1 行）');
  if (size === '') throw checkpointMalformed('缺少树大小（第 2 行）');
  if (!/^(0|[1-9][0-9]*)$/.test(size)) throw checkpointMalformed(`树大小“${size}”不是无前导零的十进制数`);
  if (!Number.isSafeInteger(Number(size))) throw checkpointMalformed(`树大小 ${size} 超出可处理的范围`);
  if (root === '') throw checkpointMalformed('缺少根哈希（第 3 行）');
  const hash = decodeBase64(root);
  if (!hash || hash.length !== ROOT_SIZE) throw checkpointMalformed(`根哈希“${root}”不是 ${ROOT_SIZE} 字节的标准 base64`);
  extensions.forEach((e, i) => checkLine(e, `扩展行（第 ${i + 4} 行）`));
  return { origin, size: Number(size), root: hash, extensions };
}

// ---- notes ----

export function formatSignatureLine(l: SignatureLine): string {
  checkName(l.name, noteMalformed);
  if (l.keyId.length !== KEY_ID_SIZE) throw noteMalformed(`密钥 ID 应为 ${KEY_ID_SIZE} 字节`);
  if (l.signature.length === 0) throw noteMalformed('签名为空');
  return `${SIG_PREFIX}${l.name} ${Buffer.concat([l.keyId, l.signature]).toString('base64')}\n`;
}

/** One `— <name> <base64>` line; the trailing newline is optional, so a witness's reply line parses as is. */
export function parseSignatureLine(line: string): SignatureLine {
  const body = line.endsWith('\n') ? line.slice(0, -1) : line;
  if (body.includes('\n') || BAD_TEXT.test(body)) throw noteMalformed('签名行含控制字符或无效的 UTF-8');
  if (!body.startsWith(SIG_PREFIX)) throw noteMalformed('签名行须以“— ”（破折号 U+2014 加空格）开头');
  const rest = body.slice(SIG_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) throw noteMalformed('签名行缺少签名');
  const name = rest.slice(0, space);
  checkName(name, noteMalformed);
  const bytes = decodeBase64(rest.slice(space + 1));
  if (!bytes) throw noteMalformed(`${name} 的签名不是标准 base64`);
  if (bytes.length <= KEY_ID_SIZE) throw noteMalformed(`${name} 的签名过短`);
  return { name, keyId: bytes.subarray(0, KEY_ID_SIZE), signature: bytes.subarray(KEY_ID_SIZE) };
}

export function parseNote(note: string): { text: string; signatures: SignatureLine[] } {
  checkSize(note);
  if (BAD_TEXT.test(note)) throw noteMalformed('含换行以外的控制字符或无效的 UTF-8');
  // The text may itself hold blank lines: the last one is the separator.
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw noteMalformed('缺少分隔正文与签名的空行');
  const block = note.slice(split + 2);
  if (block !== '' && !block.endsWith('\n')) throw noteMalformed('最后一个签名行须以换行结尾');
  const lines = block === '' ? [] : block.slice(0, -1).split('\n');
  checkSignatureCount(lines.length);
  return { text: note.slice(0, split + 1), signatures: lines.map((l) => parseSignatureLine(l)) };
}

export function signNote(text: string, signers: Signer[], now: Date = new Date()): string {
  checkText(text);
  checkSignatureCount(signers.length);
  const bytes = Buffer.from(text, 'utf8');
  const lines = signers.map((s) => formatSignatureLine({ name: s.name, keyId: s.keyId, signature: s.sign(bytes, now) }));
  const note = `${text}\n${lines.join('')}`;
  checkSize(note);
  return note;
}

/** Appends lines not already present (as text); verifies nothing — verifyNote does that. */
export function addSignatures(note: string, lines: SignatureLine[]): string {
  const seen = new Set(parseNote(note).signatures.map(formatSignatureLine));
  let out = note;
  for (const line of lines.map(formatSignatureLine)) {
    if (seen.has(line)) continue;
    seen.add(line);
    out += line;
  }
  checkSignatureCount(seen.size);
  checkSize(out);
  return out;
}

/**
 * Verifies: returns which known verifiers' signatures verified; signatures from unknown
 * (name, key ID) pairs are ignored (signed-note §Signatures: other witnesses, rotated keys); a
 * known key's bad signature → NOTE_BAD_SIGNATURE; no verified known key → NOTE_UNSIGNED.
 * cosignedAt holds, per cosigner name, the latest verified cosignature time.
 */
export function verifyNote(
  note: string,
  verifiers: Verifier[],
): { text: string; verifiedBy: Verifier[]; cosignedAt: Map<string, Date> } {
  const { text, signatures } = parseNote(note);
  const bytes = Buffer.from(text, 'utf8');
  const verifiedBy: Verifier[] = [];
  const cosignedAt = new Map<string, Date>();
  for (const sig of signatures) {
    const known = verifiers.filter((v) => v.name === sig.name && v.keyId.equals(sig.keyId));
    if (known.length === 0) continue;
    const by = known.find((v) => v.verify(bytes, sig.signature));
    if (!by) {
      throw new NoteError('NOTE_BAD_SIGNATURE', `签名无效：${sig.name}（密钥 ID ${sig.keyId.toString('hex')}）的签名与笔记正文不符`);
    }
    if (!verifiedBy.includes(by)) verifiedBy.push(by);
    if (by.kind === 'cosignature/v1') {
      const at = new Date(Number(sig.signature.readBigUInt64BE(0)) * 1000);
      const before = cosignedAt.get(by.name);
      if (!before || at > before) cosignedAt.set(by.name, at);
    }
  }
  if (verifiedBy.length === 0) throw new NoteError('NOTE_UNSIGNED', '签名笔记没有任何可信密钥的有效签名');
  return { text, verifiedBy, cosignedAt };
}
