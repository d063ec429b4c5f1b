import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  cosignatureSigner,
  ed25519PublicKeyOf,
  ed25519Signer,
  formatVerifierKey,
  generateEd25519,
  generateSm2,
  sm2Signer,
  type SignatureKind,
  type Signer,
} from './note.ts';

/**
 * Private signing keys live in files of the key directory, never in the database: whoever can
 * rewrite the tables must not also be able to re-sign a rewritten log. The database keeps the
 * public halves (verifier keys); a key file is found by the verifier key it belongs to.
 */
export interface KeyStore {
  /** Makes a key pair, writes its private half (mode 0600) and returns the verifier key. */
  create(name: string, kind: SignatureKind): string;
  /** The signer for a verifier key this store created; throws if the file is gone. */
  signer(name: string, kind: SignatureKind, vkey: string): Signer;
}

type KeyFile = { kind: 'ed25519' | 'cosignature/v1'; pkcs8: string } | { kind: 'sm2'; privateKeyHex: string; publicKeyHex: string };

export function fileKeyStore(dir: string): KeyStore {
  const fileOf = (vkey: string) => path.join(dir, `${crypto.createHash('sha256').update(vkey).digest('hex').slice(0, 24)}.key.json`);
  return {
    create(name, kind) {
      let file: KeyFile;
      let publicKey: Buffer;
      if (kind === 'sm2') {
        const k = generateSm2();
        file = { kind, ...k };
        publicKey = Buffer.from(k.publicKeyHex, 'hex');
      } else {
        const k = generateEd25519();
        file = { kind, pkcs8: k.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
        publicKey = k.publicKey;
      }
      const vkey = formatVerifierKey({ name, kind, publicKey });
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.writeFileSync(fileOf(vkey), JSON.stringify(file), { mode: 0o600, flag: 'wx' });
      return vkey;
    },
    signer(name, kind, vkey) {
      const at = fileOf(vkey);
      if (!fs.existsSync(at)) throw new Error(`签名私钥文件不存在：${at}（密钥目录 ${dir}）`);
      const file = JSON.parse(fs.readFileSync(at, 'utf8')) as KeyFile;
      if (file.kind !== kind) throw new Error(`密钥文件 ${at} 的类型是 ${file.kind}，不是 ${kind}`);
      if (file.kind === 'sm2') return sm2Signer(name, file.privateKeyHex, file.publicKeyHex);
      const key = crypto.createPrivateKey(file.pkcs8);
      const made = formatVerifierKey({ name, kind, publicKey: ed25519PublicKeyOf(key) });
      if (made !== vkey) throw new Error(`密钥文件 ${at} 与登记的公钥不符`);
      return file.kind === 'ed25519' ? ed25519Signer(name, key) : cosignatureSigner(name, key);
    },
  };
}
