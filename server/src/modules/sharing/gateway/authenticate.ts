/**
 * Who is calling: an RFC 9421 signature over `@method`, `@target-uri`, `tp-purpose` (and the body's
 * Content-Digest) by a key we issued to a consumer (issue 5 point 2). The nonce store is the
 * share_nonces table: one atomic insert-if-absent, so two gateway nodes behind one balancer cannot
 * both accept the same replayed request (signatures/README.md, "Nonce store").
 */
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { BaseDb } from '../../../platform/db/database.ts';
import type { ConsumerKey, ConsumerService } from '../consumers.service.ts';
import type { SharingTables } from '../sharing.tables.ts';
import { signatureErrors } from '../signatures/signature.errors.ts';
import { GATEWAY_COMPONENTS } from '../signatures/sign.ts';
import { targetUriOf } from '../signatures/target-uri.ts';
import { DEFAULT_MAX_AGE_SECONDS, verifyRequest, type NonceStore } from '../signatures/verify.ts';
import { gatewayErrors } from './gateway.errors.ts';

/** Nonces are kept this long past the signature window; older ones are refused as stale anyway. */
const NONCE_GRACE_SECONDS = 60;
const PURGE_EVERY_MS = 60_000;
const MAX_NONCE_BATCH = 1000;
const MAX_NONCE_BATCHES_IN_FLIGHT = 1;

interface NonceWait {
  keyId: string;
  nonce: string;
  created: number;
  resolve: (seen: boolean) => void;
  reject: (err: unknown) => void;
}

export interface AuthenticatorDeps {
  consumers: Pick<ConsumerService, 'keyOf'>;
  clock: () => Date;
  /** The public scheme when TLS ends at a proxy that sends no X-Forwarded-Proto. */
  scheme?: 'http' | 'https' | undefined;
  maxAgeSeconds?: number | undefined;
  onError?: ((err: unknown) => void) | undefined;
}

/** What a verified call carries on: the consumer, once its signature and nonce have passed. */
export interface Caller {
  keyId: string;
  consumer: ConsumerKey;
}

export function createAuthenticator(base: BaseDb, deps: AuthenticatorDeps) {
  const db = base.withTables<SharingTables>();
  const maxAge = deps.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const nowSeconds = () => Math.floor(deps.clock().getTime() / 1000);

  /**
   * Nonces of calls arriving together are recorded together: one INSERT … ON CONFLICT DO NOTHING
   * RETURNING per batch, one batch in flight, the next gathering meanwhile; each call
   * waits for its own nonce to be committed before it is served. No row back for a nonce means
   * another request (on any node, or earlier in this batch) got there first: there is no window
   * between a check and a record.
   */
  let queue: NonceWait[] = [];
  let inFlight = 0;

  async function record(batch: NonceWait[]): Promise<void> {
    const idOf = (w: { keyId: string; nonce: string }) => `${w.keyId}\n${w.nonce}`;
    const first = new Map<string, NonceWait>();
    for (const w of batch) if (!first.has(idOf(w))) first.set(idOf(w), w);
    const unique = [...first.values()];
    try {
      // One statement, one round trip. Its commit does not wait for the WAL flush (set_config is
      // local to the statement's own transaction): the row is visible to every node at commit,
      // which is what stops a replay, and only a crash of the database itself could forget the
      // last fraction of a second of nonces. Waiting for the disk cost more than the lookup the
      // nonce guards. Rows go in key order, as on every node: two batches sharing replayed
      // nonces cannot deadlock.
      const { rows } = await sql<{ key_id: string; nonce: string }>`
        insert into share_nonces (key_id, nonce, created_at)
        select v.key_id, v.nonce, to_timestamp(v.created)
        from unnest(${unique.map((w) => w.keyId)}::text[], ${unique.map((w) => w.nonce)}::text[], ${unique.map((w) => w.created)}::bigint[]) as v(key_id, nonce, created)
        where set_config('synchronous_commit', 'off', true) = 'off'
        order by v.key_id, v.nonce
        on conflict (key_id, nonce) do nothing
        returning key_id, nonce`.execute(db);
      const fresh = new Set(rows.map((r) => idOf({ keyId: r.key_id, nonce: r.nonce })));
      for (const w of batch) w.resolve(!(fresh.has(idOf(w)) && first.get(idOf(w)) === w));
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }

  function pump(): void {
    if (inFlight >= MAX_NONCE_BATCHES_IN_FLIGHT || queue.length === 0) return;
    const batch = queue.slice(0, MAX_NONCE_BATCH);
    queue = queue.slice(batch.length);
    inFlight++;
    void record(batch).finally(() => {
      inFlight--;
      pump();
    });
  }

  const nonces: NonceStore = {
    seen: (keyId, nonce, created) =>
      new Promise<boolean>((resolve, reject) => {
        queue.push({ keyId, nonce, created, resolve, reject });
        pump();
      }),
  };

  /** Drops nonces no signature can reuse: `created` older than the window plus its grace. */
  async function purge(): Promise<number> {
    const cutoff = new Date((nowSeconds() - maxAge - NONCE_GRACE_SECONDS) * 1000);
    const r = await sql`delete from share_nonces where created_at < ${cutoff}`.execute(db);
    return Number(r.numAffectedRows ?? 0);
  }

  let timer: NodeJS.Timeout | null = null;

  return {
    nonces,
    purge,

    /**
     * The verified caller, or throws 401 with the SIG_* code verifyRequest found (a suspended
     * consumer: 403). `verified` receives the consumer once its signature holds, so a call refused
     * after that (suspended, no grant, over quota) is logged against it. A call refused before is
     * logged without one: an unverified keyid is only a claim, and anyone could make it.
     */
    async authenticate(req: FastifyRequest, body: Buffer | undefined, verified: (c: ConsumerKey) => void): Promise<Caller> {
      const url = targetUriOf(req, deps.scheme ? { scheme: deps.scheme } : {});
      if (url === null) throw signatureErrors.SIG_INVALID('无法确定请求的目标地址（@target-uri），请检查 Host 头');
      let consumer: ConsumerKey | null = null;
      const result = await verifyRequest(
        { method: req.method, url, headers: req.headers, body },
        {
          keys: async (keyId) => {
            consumer = await deps.consumers.keyOf(keyId);
            return consumer?.key ?? null;
          },
          nonces,
          now: nowSeconds,
          maxAgeSeconds: maxAge,
          required: GATEWAY_COMPONENTS,
        },
      );
      if (!result.ok) throw signatureErrors[result.code](result.message);
      const c = consumer as ConsumerKey | null;
      if (c === null) throw signatureErrors.SIG_KEY_UNKNOWN();
      verified(c);
      // A suspended consumer signs correctly but may not be served: told so, not "unknown key".
      if (!c.active) throw gatewayErrors.SHARE_CONSUMER_SUSPENDED(`调用方 ${c.name} 已停用，不能调用共享服务`);
      return { keyId: result.keyId, consumer: c };
    },

    /** The purge job: every minute, on every node (deleting twice is harmless). */
    start() {
      if (timer) return;
      timer = setInterval(() => void purge().catch((err: unknown) => deps.onError?.(err)), PURGE_EVERY_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
