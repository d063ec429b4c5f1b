import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import {
  addSignatures,
  checkpointText,
  cosignatureSigner,
  ed25519PublicKeyOf,
  ed25519Signer,
  formatSignatureLine,
  formatVerifierKey,
  generateEd25519,
  generateSm2,
  keyIdOf,
  NoteError,
  parseCheckpointText,
  parseNote,
  parseSignatureLine,
  parseVerifierKey,
  signNote,
  sm2Signer,
  verifierOf,
  verifyNote,
  type Checkpoint,
  type NoteErrorCode,
  type SignatureKind,
  type Signer,
} from './note.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest();

const ed = generateEd25519();
const witnessKey = generateEd25519();
const sm = generateSm2();
const SIGNERS: Record<SignatureKind, Signer> = {
  ed25519: ed25519Signer('tianping.example/ledger', ed.privateKey),
  'cosignature/v1': cosignatureSigner('witness.example/w1', witnessKey.privateKey),
  sm2: sm2Signer('tianping.example/ledger-sm2', sm.privateKeyHex, sm.publicKeyHex),
};
const KINDS = Object.keys(SIGNERS) as SignatureKind[];
/** The type bytes as the spec and our SM2 convention spell them, written out independently of note.ts. */
const TYPE_BYTES: Record<SignatureKind, Buffer> = {
  ed25519: Buffer.from('01', 'hex'),
  'cosignature/v1': Buffer.from('04', 'hex'),
  sm2: Buffer.from('ff' + Buffer.from('tianping/sm2-sm3').toString('hex'), 'hex'),
};
const verifier = (s: Signer) => verifierOf(s.name, s.kind, s.publicKey);

const NOW = new Date('2025-03-20T12:25:47.900Z');
const NOW_SECONDS = 1742473547;
const CHECKPOINT: Checkpoint = { origin: 'tianping.example/ledger', size: 20852163, root: sha256('root'), extensions: [] };
const TEXT = checkpointText(CHECKPOINT);

/** Runs fn and returns the NoteError's code, failing on any other outcome. */
function noteErrorCode(fn: () => unknown): NoteErrorCode {
  try {
    fn();
  } catch (e) {
    if (e instanceof NoteError) return e.code;
    throw e;
  }
  throw new Error('expected a NoteError');
}

const flipByte = (b: Buffer, i: number): Buffer => {
  const out = Buffer.from(b);
  out[i] = (out[i] ?? 0) ^ 0x01;
  return out;
};

describe('keys', () => {
  it.each(KINDS)('computes the %s key ID as SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]', (kind) => {
    const s = SIGNERS[kind];
    const input = Buffer.concat([Buffer.from(`${s.name}\n`, 'utf8'), TYPE_BYTES[kind], s.publicKey]);
    expect(s.keyId).toEqual(crypto.createHash('sha256').update(input).digest().subarray(0, 4));
    expect(keyIdOf(s.name, kind, s.publicKey)).toEqual(s.keyId);
    expect(verifier(s).keyId).toEqual(s.keyId);
  });

  it('takes public keys in their raw encodings', () => {
    const jwk = crypto.createPublicKey(ed.privateKey).export({ format: 'jwk' });
    expect(ed.publicKey.toString('base64url')).toBe(jwk.x);
    expect(ed25519PublicKeyOf(ed.privateKey)).toEqual(ed.publicKey);
    expect(SIGNERS.ed25519.publicKey).toHaveLength(32);
    expect(sm.publicKeyHex).toMatch(/^04[0-9a-f]{128}$/);
    expect(SIGNERS.sm2.publicKey).toEqual(Buffer.from(sm.publicKeyHex, 'hex'));
  });

  it('gives the same key different IDs as a signer and as a cosigner', () => {
    expect(keyIdOf('w', 'ed25519', ed.publicKey)).not.toEqual(keyIdOf('w', 'cosignature/v1', ed.publicKey));
  });

  it.each(KINDS)('formats and parses a %s verifier key', (kind) => {
    const s = SIGNERS[kind];
    const vkey = formatVerifierKey(s);
    const base64 = Buffer.concat([TYPE_BYTES[kind], s.publicKey]).toString('base64');
    expect(vkey).toBe(`${s.name}+${s.keyId.toString('hex')}+${base64}`);
    const v = parseVerifierKey(vkey);
    expect(v).toMatchObject({ name: s.name, kind, keyId: s.keyId, publicKey: s.publicKey });
    expect(verifyNote(signNote(TEXT, [s], NOW), [v]).verifiedBy).toEqual([v]);
    expect(parseVerifierKey(vkey.replace(/\+[0-9a-f]{8}\+/, (m) => m.toUpperCase())).keyId).toEqual(s.keyId);
  });

  const edVkey = formatVerifierKey(SIGNERS.ed25519);
  const edName = SIGNERS.ed25519.name;
  const edId = SIGNERS.ed25519.keyId.toString('hex');
  const edKey = Buffer.concat([TYPE_BYTES.ed25519, ed.publicKey]).toString('base64'); // may hold '+' itself
  const vkeyOf = (name: string, id: string, typeHex: string, key: Buffer) =>
    `${name}+${id}+${Buffer.concat([Buffer.from(typeHex, 'hex'), key]).toString('base64')}`;
  it.each<[string, string]>([
    ['no separators', 'tianping.example'],
    ['one separator', `${edName}+${edId}`],
    ['an empty name', `+${edId}+${edKey}`],
    ['a name with a space', `a b+${keyIdOf('a b', 'ed25519', ed.publicKey).toString('hex')}+${edKey}`],
    ['a short key ID', `${edName}+${edId.slice(1)}+${edKey}`],
    ['a non-hex key ID', `${edName}+${edId.slice(1)}g+${edKey}`],
    ['a wrong key ID', `${edName}+${flipByte(Buffer.from(edId, 'hex'), 3).toString('hex')}+${edKey}`],
    ['a key ID of another name', `${edName}x+${edId}+${edKey}`],
    ['unpadded base64', formatVerifierKey(SIGNERS.sm2).replace(/=+$/, '')], // 82 bytes: "==" at the end
    ['base64url', 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq_LDE4izWy10TW'], // the C2SP key with _ for /
    ['trailing whitespace', `${edVkey}\n`],
    ['an unknown type byte', vkeyOf('n', keyIdOf('n', 'ed25519', ed.publicKey).toString('hex'), '02', ed.publicKey)],
    ['a short Ed25519 key', vkeyOf('n', '00000000', '01', ed.publicKey.subarray(1))],
    ['an SM2 key off the curve', vkeyOf('n', '00000000', TYPE_BYTES.sm2.toString('hex'), Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]))],
    ['a compressed SM2 key', vkeyOf('n', '00000000', TYPE_BYTES.sm2.toString('hex'), Buffer.alloc(33, 2))],
  ])('rejects a verifier key with %s', (_what, vkey) => {
    expect(noteErrorCode(() => parseVerifierKey(vkey))).toBe('NOTE_MALFORMED');
  });

  it('names the problem in Chinese', () => {
    expect(() => parseVerifierKey(`${edName}+00000000+${edKey}`)).toThrow('验证密钥格式不正确：密钥 ID 与名称、类型和公钥不符');
  });

  it('refuses key material that cannot sign', () => {
    const x25519 = crypto.generateKeyPairSync('x25519').privateKey;
    expect(() => ed25519Signer('n', x25519)).toThrow(TypeError);
    expect(() => cosignatureSigner('n', crypto.createPublicKey(ed.privateKey))).toThrow(TypeError);
    expect(() => sm2Signer('n', sm.privateKeyHex, generateSm2().publicKeyHex)).toThrow(/does not belong/);
    expect(() => sm2Signer('n', 'xyz', sm.publicKeyHex)).toThrow(TypeError);
    expect(noteErrorCode(() => ed25519Signer('a+b', ed.privateKey))).toBe('NOTE_MALFORMED');
  });
});

describe('the C2SP signed-note example', () => {
  const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const note = `${text}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

  it('verifies with the published verifier key', () => {
    const v = parseVerifierKey(vkey);
    expect(v).toMatchObject({ name: 'PeterNeumann', kind: 'ed25519', keyId: Buffer.from('c74f20a3', 'hex') });
    expect(formatVerifierKey(v)).toBe(vkey);
    const result = verifyNote(note, [v]);
    expect(result.text).toBe(text);
    expect(result.verifiedBy).toEqual([v]);
  });

  it('fails once a character of the text changes', () => {
    expect(noteErrorCode(() => verifyNote(note.replace('cryptography', 'Cryptography'), [parseVerifierKey(vkey)]))).toBe(
      'NOTE_BAD_SIGNATURE',
    );
  });
});

describe('signNote and verifyNote', () => {
  it.each(KINDS)('round-trips a %s signature', (kind) => {
    const s = SIGNERS[kind];
    const note = signNote(TEXT, [s], NOW);
    expect(note.startsWith(`${TEXT}\n— ${s.name} `)).toBe(true);
    expect(note).toMatch(/\n— \S+ [A-Za-z0-9+/]+=*\n$/);
    const [line] = parseNote(note).signatures;
    expect(line?.keyId).toEqual(s.keyId);
    expect(line?.signature).toHaveLength({ ed25519: 64, 'cosignature/v1': 72, sm2: 64 }[kind]);
    const v = verifier(s);
    const result = verifyNote(note, [v]);
    expect(result.text).toBe(TEXT);
    expect(result.verifiedBy).toEqual([v]);
    expect([...result.cosignedAt.keys()]).toEqual(kind === 'cosignature/v1' ? [s.name] : []);
  });

  it('carries several signatures and reports each verifier once', () => {
    const note = signNote(TEXT, KINDS.map((k) => SIGNERS[k]), NOW);
    const verifiers = KINDS.map((k) => verifier(SIGNERS[k]));
    const result = verifyNote(note, verifiers);
    expect(result.verifiedBy).toEqual(verifiers);
    expect(result.cosignedAt).toEqual(new Map([['witness.example/w1', new Date(NOW_SECONDS * 1000)]]));
  });

  it.each(KINDS)('rejects a %s signature over a changed text', (kind) => {
    const note = signNote(TEXT, [SIGNERS[kind]], NOW);
    const tampered = note.replace('\n20852163\n', '\n20852164\n');
    expect(noteErrorCode(() => verifyNote(tampered, [verifier(SIGNERS[kind])]))).toBe('NOTE_BAD_SIGNATURE');
  });

  it.each(KINDS)('rejects a changed %s signature', (kind) => {
    const s = SIGNERS[kind];
    const [line] = parseNote(signNote(TEXT, [s], NOW)).signatures;
    if (!line) throw new Error('no signature line');
    // For cosignatures, byte 7 is the timestamp's last byte: the time is signed too.
    for (const i of [7, line.signature.length - 1]) {
      const note = `${TEXT}\n${formatSignatureLine({ ...line, signature: flipByte(line.signature, i) })}`;
      expect(noteErrorCode(() => verifyNote(note, [verifier(s)]))).toBe('NOTE_BAD_SIGNATURE');
    }
  });

  it('rejects the whole note when one known signature is bad, even if another verifies', () => {
    const good = signNote(TEXT, [SIGNERS.ed25519], NOW);
    const bad = parseNote(signNote(TEXT, [SIGNERS.sm2], NOW)).signatures.map((l) => ({ ...l, signature: flipByte(l.signature, 40) }));
    const note = addSignatures(good, bad);
    expect(noteErrorCode(() => verifyNote(note, [verifier(SIGNERS.ed25519), verifier(SIGNERS.sm2)]))).toBe('NOTE_BAD_SIGNATURE');
  });

  it('ignores signatures from unknown keys, including a known name with another key ID and vice versa', () => {
    const other = generateEd25519();
    const sameName = ed25519Signer(SIGNERS.ed25519.name, other.privateKey);
    const note = signNote(TEXT, [sameName, SIGNERS.ed25519, ed25519Signer('someone.else', other.privateKey)], NOW);
    // A line carrying the known key ID under another name must not be checked against the known key.
    const sameId = formatSignatureLine({ name: 'impostor', keyId: SIGNERS.ed25519.keyId, signature: Buffer.alloc(64) });
    const result = verifyNote(note + sameId, [verifier(SIGNERS.ed25519)]);
    expect(result.verifiedBy.map((v) => v.name)).toEqual([SIGNERS.ed25519.name]);
  });

  it('rejects a note that no known key signed', () => {
    const note = signNote(TEXT, [SIGNERS.ed25519, SIGNERS.sm2], NOW);
    expect(noteErrorCode(() => verifyNote(note, [verifier(SIGNERS['cosignature/v1'])]))).toBe('NOTE_UNSIGNED');
    expect(noteErrorCode(() => verifyNote(note, []))).toBe('NOTE_UNSIGNED');
    expect(() => verifyNote(note, [])).toThrow('签名笔记没有任何可信密钥的有效签名');
  });

  it.each<[string, string, Signer[]]>([
    ['a text without a final newline', 'a', [SIGNERS.ed25519]],
    ['a text with a carriage return', 'a\r\n', [SIGNERS.ed25519]],
    ['a text with a tab', 'a\tb\n', [SIGNERS.ed25519]],
    ['a text with half a surrogate pair', 'a\ud800\n', [SIGNERS.ed25519]],
    ['no signers', TEXT, []],
    ['a text over 1 MiB', `${'x'.repeat(1 << 20)}\n`, [SIGNERS.ed25519]],
  ])('refuses to sign %s', (_what, text, signers) => {
    expect(noteErrorCode(() => signNote(text, signers, NOW))).toBe('NOTE_MALFORMED');
  });
});

describe('cosignature/v1', () => {
  const s = SIGNERS['cosignature/v1'];
  const witnessPublic = crypto.createPublicKey(witnessKey.privateKey);

  it('stamps the time big-endian and signs "cosignature/v1\\ntime <seconds>\\n" + the text', () => {
    const sig = s.sign(Buffer.from(TEXT), NOW);
    expect(sig.subarray(0, 8).toString('hex')).toBe(NOW_SECONDS.toString(16).padStart(16, '0'));
    const message = Buffer.from(`cosignature/v1\ntime ${NOW_SECONDS}\n${TEXT}`);
    expect(crypto.verify(null, message, witnessPublic, sig.subarray(8))).toBe(true);
    expect(crypto.verify(null, Buffer.from(TEXT), witnessPublic, sig.subarray(8))).toBe(false);
  });

  it('reads the timestamp of the tlog-cosignature example (time 1679315147)', () => {
    const line = parseSignatureLine(
      '— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==',
    );
    expect(line.signature).toHaveLength(72);
    expect(line.signature.readBigUInt64BE(0)).toBe(1679315147n);
  });

  it('reports the latest of several cosignatures by one witness', () => {
    const first = signNote(TEXT, [s], new Date('2025-01-01T00:00:00Z'));
    const later = parseNote(signNote(TEXT, [s], NOW)).signatures;
    const result = verifyNote(addSignatures(first, later), [verifier(s)]);
    expect(result.cosignedAt.get(s.name)).toEqual(new Date(NOW_SECONDS * 1000));
  });

  it.each([new Date(-1000), new Date(Number.NaN)])('refuses to cosign at %s', (at) => {
    expect(() => s.sign(Buffer.from(TEXT), at)).toThrow(RangeError);
  });
});

describe('sm2', () => {
  const s = SIGNERS.sm2;
  const text = Buffer.from(TEXT);
  const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
  const hex32 = (x: bigint) => Buffer.from(x.toString(16).padStart(64, '0'), 'hex');

  it('signs r ‖ s that sm-crypto-v2 verifies with SM3 and the default user ID', () => {
    const sig = s.sign(text);
    expect(sm2.doVerifySignature(TEXT, sig.toString('hex'), sm.publicKeyHex, { hash: true })).toBe(true);
    expect(verifier(s).verify(text, sig)).toBe(true);
  });

  it.each<[string, (sig: Buffer) => Buffer]>([
    ['s = 0', (sig) => Buffer.concat([sig.subarray(0, 32), hex32(0n)])],
    ['s = n', (sig) => Buffer.concat([sig.subarray(0, 32), hex32(n)])],
    ['r = 0', (sig) => Buffer.concat([hex32(0n), sig.subarray(32)])],
    ['r = n', (sig) => Buffer.concat([hex32(n), sig.subarray(32)])],
    ['a short signature', (sig) => sig.subarray(1)],
    ['a DER signature', (_sig) => Buffer.from(sm2.doSignature(text, sm.privateKeyHex, { hash: true, der: true }), 'hex')],
  ])('rejects %s without throwing', (_what, change) => {
    expect(verifier(s).verify(text, change(s.sign(text)))).toBe(false);
  });
});

describe('addSignatures', () => {
  const logNote = signNote(TEXT, [SIGNERS.ed25519], NOW);
  const cosig = parseNote(signNote(TEXT, [SIGNERS['cosignature/v1']], NOW)).signatures;

  it('appends cosignatures once', () => {
    const [own] = parseNote(logNote).signatures;
    if (!own) throw new Error('no signature line');
    const note = addSignatures(logNote, [...cosig, ...cosig, own]);
    expect(note).toBe(logNote + cosig.map(formatSignatureLine).join(''));
    expect(addSignatures(note, cosig)).toBe(note);
    const result = verifyNote(note, [verifier(SIGNERS.ed25519), verifier(SIGNERS['cosignature/v1'])]);
    expect(result.verifiedBy).toHaveLength(2);
  });

  it('keeps the note within 100 signatures', () => {
    const junk = Array.from({ length: 100 }, (_, i) => ({ name: `w${i}`, keyId: Buffer.alloc(4), signature: Buffer.alloc(64) }));
    expect(noteErrorCode(() => addSignatures(logNote, junk))).toBe('NOTE_MALFORMED');
    expect(parseNote(addSignatures(logNote, junk.slice(1))).signatures).toHaveLength(100);
  });

  it('rejects lines that cannot be written', () => {
    const [line] = cosig;
    if (!line) throw new Error('no signature line');
    const bads = [{ name: '' }, { name: 'a b' }, { keyId: Buffer.alloc(3) }, { signature: Buffer.alloc(0) }];
    for (const bad of bads.map((change) => ({ ...line, ...change }))) {
      expect(noteErrorCode(() => addSignatures(logNote, [bad]))).toBe('NOTE_MALFORMED');
    }
  });
});

describe('parseNote', () => {
  const note = signNote(TEXT, [SIGNERS.ed25519], NOW);
  const sigLine = note.slice(TEXT.length + 1);
  const b64 = sigLine.slice(`— ${SIGNERS.ed25519.name} `.length, -1);
  const b64Of = (bytes: Buffer) => bytes.toString('base64');

  it('splits at the last blank line, so the text may hold blank lines', () => {
    const text = 'first\n\nthird\n';
    const parsed = parseNote(signNote(text, [SIGNERS.ed25519], NOW));
    expect(parsed.text).toBe(text);
    expect(parsed.signatures).toHaveLength(1);
  });

  it('reads signature lines with and without their newline', () => {
    const line = parseSignatureLine(sigLine);
    expect(parseSignatureLine(sigLine.slice(0, -1))).toEqual(line);
    expect(formatSignatureLine(line)).toBe(sigLine);
  });

  it('accepts 100 signatures', () => {
    expect(parseNote(`${TEXT}\n${sigLine.repeat(100)}`).signatures).toHaveLength(100);
  });

  it.each<[string, string]>([
    ['no blank line', `${TEXT}${sigLine}`],
    ['no signature lines', `${TEXT}\n`],
    ['a blank line after the signatures', `${note}\n`],
    ['a last line without newline', note.slice(0, -1)],
    ['a hyphen instead of the em dash', `${TEXT}\n- ${SIGNERS.ed25519.name} ${b64}\n`],
    ['an en dash instead of the em dash', `${TEXT}\n– ${SIGNERS.ed25519.name} ${b64}\n`],
    ['no space after the em dash', `${TEXT}\n—${SIGNERS.ed25519.name} ${b64}\n`],
    ['a name but no signature', `${TEXT}\n— ${SIGNERS.ed25519.name}\n`],
    ['an empty name', `${TEXT}\n—  ${b64}\n`],
    ['a name with a space', `${TEXT}\n— tianping example ${b64}\n`],
    ['a name with an ideographic space', `${TEXT}\n— tianping\u3000example ${b64}\n`],
    ['a name with a plus', `${TEXT}\n— a+b ${b64}\n`],
    ['a control character in the text', `${TEXT.slice(0, 3)}\x01${TEXT.slice(3)}\n${sigLine}`],
    ['CRLF line ends', note.replaceAll('\n', '\r\n')],
    ['a tab in a signature line', `${TEXT}\n—\t${SIGNERS.ed25519.name} ${b64}\n`],
    ['half a surrogate pair', `\ud83d${note}`],
    ['unpadded base64', `${TEXT}\n— n ${b64Of(Buffer.alloc(7)).replace(/=+$/, '')}\n`],
    ['base64url', `${TEXT}\n— n ${Buffer.alloc(68, 0xfb).toString('base64url')}\n`],
    ['base64 with a space inside', `${TEXT}\n— n ${b64.slice(0, 8)} ${b64.slice(8)}\n`],
    ['base64 with non-zero padding bits', `${TEXT}\n— n AAAAAAB=\n`],
    ['an invalid base64 character', `${TEXT}\n— n ${b64.slice(0, -4)}AA*=\n`],
    ['a signature of only a key ID', `${TEXT}\n— n ${b64Of(Buffer.alloc(4))}\n`],
    ['101 signatures', `${TEXT}\n${sigLine.repeat(101)}`],
    ['more than 1 MiB', `${'x'.repeat(1 << 20)}\n\n${sigLine}`],
  ])('rejects a note with %s', (_what, malformed) => {
    expect(noteErrorCode(() => parseNote(malformed))).toBe('NOTE_MALFORMED');
    expect(noteErrorCode(() => verifyNote(malformed, [verifier(SIGNERS.ed25519)]))).toBe('NOTE_MALFORMED');
  });

  it('says what is wrong in Chinese', () => {
    expect(() => parseNote(`${TEXT}${sigLine}`)).toThrow('签名笔记格式不正确：缺少分隔正文与签名的空行');
  });
});

describe('checkpoints', () => {
  const root = sha256('root');
  const rootB64 = root.toString('base64');

  it.each<[string, Checkpoint, string]>([
    ['a checkpoint', CHECKPOINT, `tianping.example/ledger\n20852163\n${rootB64}\n`],
    ['an empty tree', { origin: 'o', size: 0, root, extensions: [] }, `o\n0\n${rootB64}\n`],
    ['extension lines', { origin: 'o', size: 1, root, extensions: ['ext one', '扩展'] }, `o\n1\n${rootB64}\next one\n扩展\n`],
  ])('writes and reads %s', (_what, c, text) => {
    expect(checkpointText(c)).toBe(text);
    expect(parseCheckpointText(text)).toEqual(c);
  });

  it('reads the tlog-checkpoint example', () => {
    const text = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
    const c = parseCheckpointText(text);
    expect(c).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163, extensions: [] });
    expect(checkpointText(c)).toBe(text);
  });

  it.each<[string, string]>([
    ['a leading zero', `o\n01\n${rootB64}\n`],
    ['a zero tree size written 00', `o\n00\n${rootB64}\n`],
    ['a negative size', `o\n-1\n${rootB64}\n`],
    ['a plus sign', `o\n+1\n${rootB64}\n`],
    ['a decimal point', `o\n1.0\n${rootB64}\n`],
    ['an exponent', `o\n1e3\n${rootB64}\n`],
    ['hexadecimal', `o\n0x10\n${rootB64}\n`],
    ['a space before the size', `o\n 1\n${rootB64}\n`],
    ['full-width digits', `o\n１\n${rootB64}\n`],
    ['a size beyond 2^53', `o\n9007199254740993\n${rootB64}\n`],
    ['an empty size line', `o\n\n${rootB64}\n`],
    ['unpadded base64 root', `o\n1\n${rootB64.replace(/=+$/, '')}\n`],
    ['base64url root', `o\n1\n${Buffer.alloc(32, 0xff).toString('base64url')}=\n`],
    ['a 31-byte root', `o\n1\n${root.subarray(1).toString('base64')}\n`],
    ['a root that is not base64', `o\n1\nnot base64!\n`],
    ['a missing root line', 'o\n1\n'],
    ['only an origin', 'o\n'],
    ['nothing', ''],
    ['an empty origin', `\n1\n${rootB64}\n`],
    ['no final newline', `o\n1\n${rootB64}`],
    ['an empty extension line', `o\n1\n${rootB64}\n\n`],
    ['a control character in an extension', `o\n1\n${rootB64}\nx\x7f\ty\n`],
  ])('rejects a checkpoint with %s', (_what, text) => {
    expect(noteErrorCode(() => parseCheckpointText(text))).toBe('NOTE_MALFORMED');
  });

  it.each<[string, Partial<Checkpoint>]>([
    ['an empty origin', { origin: '' }],
    ['an origin with a newline', { origin: 'a\nb' }],
    ['a negative size', { size: -1 }],
    ['a fractional size', { size: 1.5 }],
    ['an unsafe size', { size: 2 ** 53 }],
    ['a short root', { root: Buffer.alloc(31) }],
    ['an empty extension', { extensions: [''] }],
    ['an extension with a newline', { extensions: ['a\n'] }],
  ])('refuses to write a checkpoint with %s', (_what, change) => {
    expect(noteErrorCode(() => checkpointText({ ...CHECKPOINT, ...change }))).toBe('NOTE_MALFORMED');
  });

  it('names the bad line in Chinese', () => {
    expect(() => parseCheckpointText(`o\n007\n${rootB64}\n`)).toThrow('检查点格式不正确：树大小“007”不是无前导零的十进制数');
  });
});
