/**
 * Secrets the server must read back (a consumer's HMAC secret) are sealed with the installation
 * key: SM4-CTR then HMAC-SM3 over version ‖ iv ‖ ciphertext (encrypt-then-MAC; OpenSSL here has
 * no SM4-GCM). The key lives in a file of the key directory (mode 0600), like the ledger's
 * signing keys, never in the database it protects (GB/T 39786 密钥与数据分离).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const KEY_FILE = 'installation.key';

export interface Sealer {
  seal(plain: Buffer): Buffer;
  /** Throws when the box was not sealed with this key or was altered. */
  unseal(box: Buffer): Buffer;
  /** A keyed fingerprint (HMAC-SM3) for values the database may index but must not hold. */
  fingerprint(purpose: string, value: string): Buffer;
}

/** The 32-byte installation key of `dir`, created on first use. */
function installationKey(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
    }
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`安装密钥文件 ${file} 已损坏（应为 32 字节的 base64）`);
  return key;
}

/** Separate keys for separate uses, derived from the one installation key (HKDF-SM3). */
const derive = (master: Buffer, info: string, length: number): Buffer => Buffer.from(crypto.hkdfSync('sm3', master, Buffer.alloc(0), info, length));

export function createSealer(keyDir: string): Sealer {
  const master = installationKey(keyDir);
  const enc = derive(master, 'tianping seal sm4', 16);
  const mac = derive(master, 'tianping seal hmac', 32);
  const fingerprintKeys = new Map<string, Buffer>();
  const tagOf = (data: Buffer) => crypto.createHmac('sm3', mac).update(data).digest();
  return {
    seal(plain) {
      const iv = crypto.randomBytes(16);
      const c = crypto.createCipheriv('sm4-ctr', enc, iv);
      const body = Buffer.concat([Buffer.from([VERSION]), iv, c.update(plain), c.final()]);
      return Buffer.concat([body, tagOf(body)]);
    },
    unseal(box) {
      if (box.length < 1 + 16 + 32 || box[0] !== VERSION) throw new Error('密文格式不正确');
      const body = box.subarray(0, box.length - 32);
      if (!crypto.timingSafeEqual(tagOf(body), box.subarray(box.length - 32))) throw new Error('密文校验失败：不是用本安装密钥加密的，或已被改动');
      const d = crypto.createDecipheriv('sm4-ctr', enc, body.subarray(1, 17));
      return Buffer.concat([d.update(body.subarray(17)), d.final()]);
    },
    fingerprint(purpose, value) {
      // Derived once per purpose: the gateway fingerprints every subject of every call.
      let key = fingerprintKeys.get(purpose);
      if (!key) fingerprintKeys.set(purpose, (key = derive(master, `tianping fingerprint ${purpose}`, 32)));
      return crypto.createHmac('sm3', key).update(value, 'utf8').digest();
    },
  };
}
