/**
 * Consumers (调用方): other agencies' systems with a key. An HMAC secret is issued once, shown once
 * and kept sealed (the gateway must read it back to verify); Ed25519 and SM2 consumers give us
 * their public key and keep the private half themselves.
 */
import crypto from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { Sealer } from '../../platform/crypto/seal.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { orgIdInScope } from '../identity/index.ts';
import type { VerifyKey } from './signatures/algorithms.ts';
import { sharingErrors } from './sharing.errors.ts';
import type { ConsumerAlg, SharingTables } from './sharing.tables.ts';

export interface ConsumerInput {
  name: string;
  agency: string;
  orgId: number | null;
  alg: ConsumerAlg;
  /** Ed25519: PEM (SPKI) or 32 raw bytes in base64; SM2: the uncompressed public key in hex. */
  publicKey?: string | undefined;
}

export interface ConsumerKey {
  consumerId: number;
  name: string;
  active: boolean;
  key: VerifyKey;
}

function parsePublicKey(alg: ConsumerAlg, text: string | undefined): string {
  const raw = text?.trim() ?? '';
  if (raw === '') throw sharingErrors.SHARE_KEY_INVALID(`${alg} 调用方须提供公钥`, [{ field: 'publicKey', message: '空' }]);
  try {
    if (alg === 'ed25519') {
      const key = raw.startsWith('-----') ? crypto.createPublicKey(raw) : crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(raw, 'base64')]), format: 'der', type: 'spki' });
      if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
      return key.export({ format: 'pem', type: 'spki' }).toString();
    }
    if (!/^04[0-9a-f]{128}$/i.test(raw) || !sm2.verifyPublicKey(raw.toLowerCase())) throw new Error('not an SM2 point');
    return raw.toLowerCase();
  } catch {
    throw sharingErrors.SHARE_KEY_INVALID(alg === 'ed25519' ? '不是 Ed25519 公钥（PEM 或 32 字节 base64）' : '不是 SM2 公钥（04 开头的 130 位十六进制，且在曲线上）', [{ field: 'publicKey', message: raw.slice(0, 40) }]);
  }
}

export function createConsumerService(base: BaseDb, sealer: Sealer) {
  const db = base.withTables<SharingTables>();
  /**
   * Keys by key id, for the gateway, kept a second: a suspension made on another node (several
   * servers on one PostgreSQL) reaches this one within that second, like revoked grants.
   */
  const keys = new Map<string, ConsumerKey & { at: number }>();
  const KEY_TTL_MS = 1000;
  // Bumped by every status change: a key read before the change committed is not cached.
  let generation = 0;

  return {
    list: () => db.selectFrom('share_consumers').select(['id', 'name', 'agency', 'org_id', 'key_id', 'alg', 'status', 'created_at']).orderBy('id').execute(),

    async get(id: number) {
      const row = await db.selectFrom('share_consumers').select(['id', 'name', 'agency', 'org_id', 'key_id', 'alg', 'status', 'created_at', 'public_key']).where('id', '=', id).executeTakeFirst();
      if (!row) throw sharingErrors.SHARE_CONSUMER_NOT_FOUND(`没有调用方 ${id}`, [{ field: 'id', message: String(id) }]);
      return row;
    },

    /**
     * Registers a consumer; for HMAC the secret is returned here and never again. `fixed` is for
     * the demo only, whose published key id and secret let anyone try a signed call.
     */
    async create(who: AuditWho, input: ConsumerInput, fixed?: { keyId: string; secret: string }): Promise<{ consumerId: number; keyId: string; secret?: string }> {
      if (input.alg === 'hmac-sha256' && input.publicKey) throw sharingErrors.SHARE_KEY_INVALID('HMAC 调用方的密钥由本系统签发，不需要也不接受公钥', [{ field: 'publicKey', message: '应为空' }]);
      const secret = input.alg === 'hmac-sha256' ? (fixed?.secret ?? crypto.randomBytes(32).toString('base64url')) : undefined;
      const publicKey = input.alg === 'hmac-sha256' ? null : parsePublicKey(input.alg, input.publicKey);
      const keyId = fixed?.keyId ?? `tp-${crypto.randomBytes(9).toString('base64url')}`;
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('share_consumers').select('id').where('name', '=', input.name).executeTakeFirst();
        if (taken) throw sharingErrors.SHARE_CONSUMER_EXISTS(`调用方 ${input.name} 已登记`, [{ field: 'name', message: input.name }]);
        const row = await trx
          .insertInto('share_consumers')
          .values({ name: input.name, agency: input.agency, org_id: input.orgId, key_id: keyId, alg: input.alg, secret_sealed: secret ? sealer.seal(Buffer.from(secret, 'utf8')) : null, public_key: publicKey })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, who, { action: 'sharing.consumer.create', targetType: 'share_consumer', targetId: row.id, changes: { name: input.name, agency: input.agency, alg: input.alg, keyId } });
        return { consumerId: row.id, keyId, ...(secret ? { secret } : {}) };
      });
    },

    /** The consumer's own unit suspends or restores it (an installation-wide one: the 'all' scope). */
    async setStatus(who: AuditWho, actor: Actor | null, id: number, status: 'active' | 'suspended') {
      const keyId = await db.transaction().execute(async (trx) => {
        let q = trx.updateTable('share_consumers').set({ status }).where('id', '=', id);
        if (actor) q = q.where(orgIdInScope(actor, 'org_id'));
        const row = await q.returning('key_id').executeTakeFirst();
        if (!row) throw sharingErrors.SHARE_CONSUMER_NOT_FOUND(`没有调用方 ${id}`, [{ field: 'id', message: String(id) }]);
        await recordAudit(trx, who, { action: 'sharing.consumer.status', targetType: 'share_consumer', targetId: id, changes: { status } });
        return row.key_id;
      });
      // After the commit: a call arriving now reads the new status, not the cached one.
      generation++;
      keys.delete(keyId);
    },

    /**
     * The verification key of a key id (RFC 9421 `keyid`), cached: the gateway asks on every call.
     * An HMAC secret is the UTF-8 bytes of the issued secret (issue 5).
     */
    async keyOf(keyId: string): Promise<ConsumerKey | null> {
      const hit = keys.get(keyId);
      if (hit && Date.now() - hit.at < KEY_TTL_MS) return hit;
      const readAt = generation;
      const row = await db.selectFrom('share_consumers').select(['id', 'name', 'alg', 'status', 'secret_sealed', 'public_key']).where('key_id', '=', keyId).executeTakeFirst();
      if (!row) return null;
      const key: VerifyKey =
        row.alg === 'hmac-sha256'
          ? { alg: 'hmac-sha256', secret: sealer.unseal(row.secret_sealed as Buffer) }
          : row.alg === 'ed25519'
            ? { alg: 'ed25519', publicKey: crypto.createPublicKey(row.public_key as string) }
            : { alg: 'sm2-sm3', publicKeyHex: row.public_key as string };
      const found = { consumerId: row.id, name: row.name, active: row.status === 'active', key };
      if (readAt === generation) keys.set(keyId, { ...found, at: Date.now() });
      return found;
    },
  };
}

export type ConsumerService = ReturnType<typeof createConsumerService>;
