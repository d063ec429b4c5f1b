import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKit, grant, hmacConsumer, signed, type Client } from './test-kit.ts';

/**
 * No call without its record (issue 5 point 6): when the call log cannot be written, the calls
 * wait in memory and are written once it can; past a bound the gateway refuses to serve (503)
 * rather than serve unlogged.
 */

let h: Awaited<ReturnType<typeof createKit>>;
let court: Client;

beforeAll(async () => {
  h = await createKit({ seedDemo: false, maxPendingCalls: 3 });
  court = await hmacConsumer(h.kit, '某法院');
  await grant(h.kit, court);
});
afterAll(async () => {
  await h.destroy();
});

const lookup = () => h.kit.app.inject(signed(court, { path: '/api/v1/share/lawyer?licenceNo=13301201010000001' }));
const logged = async () => (await sql<{ status: number; code: string | null }>`select status, code from share_calls order by id`.execute(h.kit.tp.database.db)).rows;

describe('when the call log cannot be written', () => {
  it('keeps the calls, stops serving at the bound with 503, and writes every call once it can', async () => {
    await h.kit.gateway.callLog.flush();
    const db = h.kit.tp.database.db;
    await sql`alter table share_calls rename to share_calls_away`.execute(db);
    try {
      for (let i = 0; i < 3; i++) expect((await lookup()).statusCode).toBe(200);
      await expect(h.kit.gateway.callLog.flush()).rejects.toThrow();
      expect(h.kit.gateway.callLog.pending()).toBe(3);
      const refused = await lookup();
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: 'SHARE_LOG_UNAVAILABLE' });
    } finally {
      await sql`alter table share_calls_away rename to share_calls`.execute(db);
    }
    await h.kit.gateway.callLog.flush();
    expect(h.kit.gateway.callLog.pending()).toBe(0);
    expect(await logged()).toEqual([...Array.from({ length: 3 }, () => ({ status: 200, code: null })), { status: 503, code: 'SHARE_LOG_UNAVAILABLE' }]);
    expect((await lookup()).statusCode).toBe(200);
  });
});
