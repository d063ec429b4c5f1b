/**
 * Rate limit and daily quota per grant (issue 5 point 5: "rate limit and quota per consumer and
 * grant (429 with Retry-After)"). Both are counted in memory, because a database write per call
 * would cost more than the lookup it guards:
 *  - rate: a token bucket per grant holding one second of calls (grant.rate_per_second), on each
 *    node; with N nodes behind a balancer a consumer may reach N times the rate;
 *  - quota: calls per grant and Asia/Shanghai day, flushed every second as increments into
 *    share_quota_days. The day's count is loaded on first use, so a restart does not reset the
 *    quota, and each flush reads back the total, so every node sees the others' calls within a
 *    second: the quota can be overrun by at most about a second of calls per extra node.
 */
import type { BaseDb } from '../../../platform/db/database.ts';
import type { SharingTables } from '../sharing.tables.ts';
import { endOfShanghaiDay, secondsToNextShanghaiDay, shanghaiDay } from './gateway.rules.ts';

const FLUSH_EVERY_MS = 1000;

export interface LimitedGrant {
  id: number;
  rate_per_second: number;
  quota_per_day: number;
}

export type LimitDecision = { ok: true } | { ok: false; code: 'SHARE_RATE_LIMITED' | 'SHARE_QUOTA_EXCEEDED'; retryAfter: number; message: string };

interface Bucket {
  tokens: number;
  at: number;
}

interface DayCount {
  grantId: number;
  day: string;
  /** The total in share_quota_days as last read (all nodes' flushed calls). */
  stored: number;
  /** This node's calls not yet flushed. */
  pending: number;
  loaded: Promise<void>;
}

export function createLimits(base: BaseDb, deps: { clock: () => Date; onError?: ((err: unknown) => void) | undefined }) {
  const db = base.withTables<SharingTables>();
  const buckets = new Map<number, Bucket>();
  const days = new Map<string, DayCount>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();
  // The day of every call, worked out once per day rather than by formatting a date per call.
  let today = { day: '', from: 0, to: 0 };

  function dayOf(at: Date): string {
    const t = at.getTime();
    if (t < today.from || t >= today.to) {
      const day = shanghaiDay(at);
      const to = endOfShanghaiDay(day).getTime();
      today = { day, from: to - 86_400_000, to };
    }
    return today.day;
  }

  function countOf(grantId: number, day: string): DayCount {
    const k = `${grantId}|${day}`;
    let c = days.get(k);
    if (!c) {
      const entry: DayCount = { grantId, day, stored: 0, pending: 0, loaded: Promise.resolve() };
      entry.loaded = db
        .selectFrom('share_quota_days')
        .select('used')
        .where('grant_id', '=', grantId)
        .where('day', '=', day)
        .executeTakeFirst()
        .then((row) => void (entry.stored = Math.max(entry.stored, row?.used ?? 0)));
      // A failed load is retried by the next call instead of leaving a rejected promise cached.
      entry.loaded.catch(() => days.delete(k));
      days.set(k, entry);
      c = entry;
    }
    return c;
  }

  /** Refills the grant's bucket to now; the bucket holds at most one second of calls. */
  function bucketOf(grant: LimitedGrant, now: number): Bucket {
    const rate = grant.rate_per_second;
    let b = buckets.get(grant.id);
    if (!b) {
      b = { tokens: rate, at: now };
      buckets.set(grant.id, b);
    }
    b.tokens = Math.min(rate, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    return b;
  }

  async function flushOnce(): Promise<void> {
    const due = [...days.values()].filter((c) => c.pending > 0);
    const current = dayOf(deps.clock());
    for (const [k, c] of days) if (c.day !== current && c.pending === 0) days.delete(k);
    if (due.length === 0) return;
    const sent = due.map((c) => c.pending);
    // One statement for every grant: increments, so concurrent nodes add up instead of overwriting.
    const rows = await db
      .insertInto('share_quota_days')
      .values(due.map((c, i) => ({ grant_id: c.grantId, day: c.day, used: sent[i] ?? 0 })))
      .onConflict((oc) => oc.columns(['grant_id', 'day']).doUpdateSet((eb) => ({ used: eb('share_quota_days.used', '+', eb.ref('excluded.used')) })))
      .returning(['grant_id', 'day', 'used'])
      .execute();
    due.forEach((c, i) => (c.pending -= sent[i] ?? 0));
    for (const r of rows) {
      const c = days.get(`${r.grant_id}|${r.day}`);
      if (c) c.stored = r.used;
    }
  }

  /** Flushes are serialized: two at once would send the same pending calls twice. */
  function flush(): Promise<void> {
    flushing = flushing.then(flushOnce, flushOnce);
    return flushing;
  }

  return {
    /**
     * Takes one call from the grant's bucket and day, or says why not and when to retry. A call
     * refused for either reason uses neither: a consumer over its rate does not burn its quota.
     */
    async take(grant: LimitedGrant): Promise<LimitDecision> {
      const at = deps.clock();
      const count = countOf(grant.id, dayOf(at));
      await count.loaded;
      const now = deps.clock().getTime();
      const bucket = bucketOf(grant, now);
      if (bucket.tokens < 1) {
        const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / grant.rate_per_second));
        return { ok: false, code: 'SHARE_RATE_LIMITED', retryAfter, message: `调用过于频繁：授权每秒 ${grant.rate_per_second} 次` };
      }
      if (count.stored + count.pending >= grant.quota_per_day) {
        return { ok: false, code: 'SHARE_QUOTA_EXCEEDED', retryAfter: secondsToNextShanghaiDay(at), message: `今日（${count.day}）已调用 ${count.stored + count.pending} 次，达到授权的每日 ${grant.quota_per_day} 次` };
      }
      bucket.tokens -= 1;
      count.pending += 1;
      return { ok: true };
    },

    /** Calls counted today for a grant (this node's view), for tests and the console. */
    async usedToday(grantId: number): Promise<number> {
      const c = countOf(grantId, dayOf(deps.clock()));
      await c.loaded;
      return c.stored + c.pending;
    },

    flush,

    start() {
      if (timer) return;
      timer = setInterval(() => void flush().catch((err: unknown) => deps.onError?.(err)), FLUSH_EVERY_MS);
      timer.unref();
    },
    /** Stops the timer and writes what is pending, so a restart starts from the true count. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}

export type Limits = ReturnType<typeof createLimits>;
