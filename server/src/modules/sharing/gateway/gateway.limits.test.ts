import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay, secondsToNextShanghaiDay } from './gateway.rules.ts';
import { GRANT_CACHE_MS } from './gateway.service.ts';
import { createKit, grant, hmacConsumer, signed, testClock, who, type Client } from './test-kit.ts';

/**
 * Issue 5 point 5: rate limit and daily quota per grant, 429 with Retry-After; a grant serves
 * nothing once expired or revoked. Time is a test clock, moved forward instead of waited for.
 */

const clock = testClock();
let h: Awaited<ReturnType<typeof createKit>>;
let licenceNo: string;

beforeAll(async () => {
  h = await createKit({ clock: clock.now });
  const r = await sql<{ business_key: string }>`select business_key from agg_records where library_id = 'lawyer' order by business_key limit 1`.execute(h.kit.tp.database.db);
  licenceNo = r.rows[0]!.business_key;
});
afterAll(async () => {
  await h.destroy();
});

async function lookup(client: Client) {
  const res = await h.kit.app.inject(signed(client, { path: `/api/v1/share/lawyer?licenceNo=${licenceNo}` }, clock.now));
  return { status: res.statusCode, code: (res.json() as { code?: string }).code, retryAfter: res.headers['retry-after'], body: res.json() as Record<string, unknown> };
}

describe('rate limit: a token bucket of one second of calls per grant', () => {
  it('the third call within a second at 2/s is refused with Retry-After; a second later it is served', async () => {
    const c = await hmacConsumer(h.kit, '限速调用方');
    await grant(h.kit, c, { ratePerSecond: 2 });
    expect((await lookup(c)).status).toBe(200);
    expect((await lookup(c)).status).toBe(200);
    const third = await lookup(c);
    expect(third).toMatchObject({ status: 429, code: 'SHARE_RATE_LIMITED', retryAfter: '1' });
    expect(third.body.data).toBeUndefined();
    clock.advance(1000);
    expect((await lookup(c)).status).toBe(200);
  });

  it('grants are limited apart: one consumer at its limit does not hold back another', async () => {
    const a = await hmacConsumer(h.kit, '限速甲');
    const b = await hmacConsumer(h.kit, '限速乙');
    await grant(h.kit, a, { ratePerSecond: 1 });
    await grant(h.kit, b, { ratePerSecond: 1 });
    expect((await lookup(a)).status).toBe(200);
    expect((await lookup(a)).status).toBe(429);
    expect((await lookup(b)).status).toBe(200);
  });
});

describe('daily quota: per grant and Beijing-time day, kept across a restart', () => {
  it('the fourth call of a 3/day grant is refused until the next day, after a restart too', async () => {
    const c = await hmacConsumer(h.kit, '限额调用方');
    const grantId = await grant(h.kit, c, { quotaPerDay: 3 });
    for (let i = 0; i < 3; i++) expect((await lookup(c)).status).toBe(200);
    const over = await lookup(c);
    expect(over).toMatchObject({ status: 429, code: 'SHARE_QUOTA_EXCEEDED' });
    const wait = Number(over.retryAfter);
    expect(Math.abs(wait - secondsToNextShanghaiDay(clock.now()))).toBeLessThanOrEqual(1);
    expect(await h.kit.gateway.limits.usedToday(grantId)).toBe(3);

    // The count is in share_quota_days once flushed; a restarted server loads it, not zero.
    const kit = await h.restart();
    const stored = await sql<{ used: number }>`select used from share_quota_days where grant_id = ${grantId} and day = ${shanghaiDay(clock.now())}`.execute(kit.tp.database.db);
    expect(stored.rows[0]?.used).toBe(3);
    expect(await lookup(c)).toMatchObject({ status: 429, code: 'SHARE_QUOTA_EXCEEDED' });

    clock.advance(wait * 1000);
    expect((await lookup(c)).status).toBe(200);
    expect(await h.kit.gateway.limits.usedToday(grantId)).toBe(1);
  });

  it('calls refused for the rate do not use the quota', async () => {
    const c = await hmacConsumer(h.kit, '限速不扣额');
    const grantId = await grant(h.kit, c, { ratePerSecond: 1, quotaPerDay: 100 });
    expect((await lookup(c)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await lookup(c)).status).toBe(429);
    expect(await h.kit.gateway.limits.usedToday(grantId)).toBe(1);
  });
});

describe('an expired or revoked grant serves nothing', () => {
  it('expired: served before expiry, 403 SHARE_NO_GRANT after', async () => {
    const c = await hmacConsumer(h.kit, '短期授权');
    await grant(h.kit, c, { expiresAt: new Date(clock.now().getTime() + 5000) });
    expect((await lookup(c)).status).toBe(200);
    clock.advance(5001);
    const after = await lookup(c);
    expect(after).toMatchObject({ status: 403, code: 'SHARE_NO_GRANT' });
    expect(after.body.data).toBeUndefined();
  });

  it('revoked: refused from the next call on, though the grant was cached a moment before', async () => {
    const c = await hmacConsumer(h.kit, '被撤销授权');
    const grantId = await grant(h.kit, c);
    expect((await lookup(c)).status).toBe(200);
    await h.kit.grants.revoke(who, null, grantId);
    expect(await lookup(c)).toMatchObject({ status: 403, code: 'SHARE_NO_GRANT' });
    clock.advance(GRANT_CACHE_MS + 1);
    expect(await lookup(c)).toMatchObject({ status: 403, code: 'SHARE_NO_GRANT' });
  });

  it('replaced: a new grant for the same resource applies from the next call on', async () => {
    const c = await hmacConsumer(h.kit, '授权被替换');
    await grant(h.kit, c);
    expect((await lookup(c)).status).toBe(200);
    await grant(h.kit, c, { purpose: '另一用途' });
    expect(await lookup(c)).toMatchObject({ status: 403, code: 'SHARE_PURPOSE_MISMATCH' });
  });
});
