import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAWYER_HEADERS, lawyerRow, writeCsv } from '../../aggregation/test-fixtures.ts';
import { shanghaiDay } from './gateway.rules.ts';
import { createKit, grant, hmacConsumer, signed, testClock, type Client, type Kit } from './test-kit.ts';

/**
 * Issue 5 point 4 (b) and (c), and its done-when "the change feed delivers every change exactly
 * once per cursor across a restart of the server": the feed is read in pages, the server restarts,
 * the consumer resumes from its saved cursor, more changes arrive; each change comes once.
 */

const DAY = 86_400_000;
const clock = testClock();
let h: Awaited<ReturnType<typeof createKit>>;
let ministry: Client;

beforeAll(async () => {
  h = await createKit({ clock: clock.now });
  ministry = await hmacConsumer(h.kit, '司法部数据中心');
  // Phone in plain: each version of a record differs in it, so a change is told from a repeat.
  await grant(h.kit, ministry, { fields: ['licenceNo', 'name', 'phone', 'practiceStatus'], plainFields: ['phone'], purpose: '全国律师数据汇聚', quotaPerDay: 100_000 });
});
afterAll(async () => {
  await h.destroy();
});

async function ingest(kit: Kit, rows: string[][]) {
  const file = writeCsv('律师.csv', LAWYER_HEADERS, rows);
  const s = await kit.tp.aggregation.batches.ingestFile({ system: 'test' }, null, { libraryId: 'lawyer', sourceCode: 'feed-test', mode: 'partial', filePath: file, fileName: path.basename(file) });
  expect(s.rejected).toBe(0);
  return s;
}

interface Change {
  licenceNo: string;
  phone: string;
  name: string;
  practiceStatus: string;
}

async function page(cursor: string | undefined, limit: number): Promise<{ data: Change[]; next: string }> {
  const q = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const res = await h.kit.app.inject(signed(ministry, { path: `/api/v1/share/lawyer/changes?${q}`, purpose: '全国律师数据汇聚' }, clock.now));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Change[]; next: string };
}

/** Reads until a page comes back empty; returns what came and the cursor to resume from. */
async function drain(cursor: string | undefined, limit = 7): Promise<{ got: Change[]; cursor: string | undefined }> {
  const got: Change[] = [];
  for (;;) {
    const p = await page(cursor, limit);
    if (p.data.length === 0) return { got, cursor: p.next };
    got.push(...p.data);
    cursor = p.next;
  }
}

const id = (c: Change) => `${c.licenceNo}|${c.phone}`;

/**
 * Waits until the feed may show every lawyer change: it holds a change back while any older
 * transaction still runs — on a PostgreSQL shared with other test files, in any database of the
 * cluster — so that no change committing late is ever skipped (RecordReader.changes).
 */
async function settled() {
  for (let i = 0; i < 1200; i++) {
    const r = await sql<{ ok: boolean }>`
      select coalesce(max(change_xid), '0'::xid8) < pg_snapshot_xmin(pg_current_snapshot()) as ok from agg_records where library_id = 'lawyer'`.execute(h.kit.tp.database.db);
    if (r.rows[0]?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the lawyer changes never became visible to the feed');
}

describe('the change feed', () => {
  it('delivers every change exactly once per cursor across a restart, and resumes from any cursor', async () => {
    const delivered: Change[] = [];
    await settled();
    const demo = await drain(undefined);
    delivered.push(...demo.got);
    const held = await sql<{ n: number }>`select count(*)::int as n from agg_records where library_id = 'lawyer'`.execute(h.kit.tp.database.db);
    expect(demo.got).toHaveLength(held.rows[0]!.n);
    expect(Object.keys(demo.got[0]!).sort()).toEqual(['licenceNo', 'name', 'phone', 'practiceStatus']);

    await ingest(h.kit, Array.from({ length: 10 }, (_, i) => lawyerRow(i + 1)));
    await settled();
    const first = await page(demo.cursor, 4);
    const second = await page(first.next, 4);
    delivered.push(...first.data, ...second.data);
    const saved = second.next;
    expect(first.data.length + second.data.length).toBe(8);

    await h.restart();
    const rest = await drain(saved, 4);
    delivered.push(...rest.got);
    expect(rest.got).toHaveLength(2);

    // Four records change, two arrive, two come again unchanged (not a change: not delivered).
    const changed = [3, 4, 5, 6].map((n) => lawyerRow(n, { 联系电话: `139000000${String(n).padStart(2, '0')}` }));
    const summary = await ingest(h.kit, [lawyerRow(1), lawyerRow(2), ...changed, lawyerRow(11), lawyerRow(12)]);
    expect(summary).toMatchObject({ updated: 4, unchanged: 2 });
    await settled();
    const after = await drain(rest.cursor, 4);
    delivered.push(...after.got);
    expect(after.got.map(id).sort()).toEqual([...changed, lawyerRow(11), lawyerRow(12)].map((r) => `${r[3]}|${r[9]}`).sort());

    const counts = new Map<string, number>();
    for (const c of delivered) counts.set(id(c), (counts.get(id(c)) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(delivered).toHaveLength(held.rows[0]!.n + 10 + 6);

    // Resumable from any cursor: from the one saved before the restart, the same changes again
    // (at-least-once: a consumer that lost its place reads them again), each once.
    const again = await drain(saved, 3);
    expect(again.got.map(id).sort()).toEqual([...rest.got, ...after.got].map(id).sort());
    expect((await page(after.cursor, 4)).data).toEqual([]);
  });

  it('refuses a cursor it did not hand out', async () => {
    const res = await h.kit.app.inject(signed(ministry, { path: '/api/v1/share/lawyer/changes?cursor=bm90LWEtY3Vyc29y', purpose: '全国律师数据汇聚' }, clock.now));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'SHARE_CURSOR_INVALID' });
  });
});

describe('核验 on a date: as the data center held the record at the end of that day', () => {
  it('a lawyer practising until a suspension three days later', async () => {
    const court = await hmacConsumer(h.kit, '某区人民法院');
    await grant(h.kit, court, { fields: ['licenceNo', 'practiceStatus'] });
    const t0 = clock.now();
    const before = shanghaiDay(new Date(t0.getTime() - DAY));
    const d0 = shanghaiDay(t0);
    const d1 = shanghaiDay(new Date(t0.getTime() + DAY));
    await ingest(h.kit, [lawyerRow(30)]);
    clock.advance(3 * DAY);
    await ingest(h.kit, [lawyerRow(30, { 执业状态: '暂停执业' })]);
    const today = shanghaiDay(clock.now());
    const [licenceNo, idNumber] = [lawyerRow(30)[3]!, lawyerRow(30)[2]!];

    const verify = async (body: Record<string, string>) => {
      const res = await h.kit.app.inject(signed(court, { path: '/api/v1/share/lawyer/verify', body }, clock.now));
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { match: boolean }).match;
    };
    const cases: [Record<string, string>, boolean][] = [
      [{ licenceNo, practiceStatus: '正常', on: d0 }, true],
      [{ licenceNo, practiceStatus: '正常', on: d1 }, true],
      [{ licenceNo, practiceStatus: '正常', on: today }, false],
      [{ licenceNo, practiceStatus: '暂停执业', on: today }, true],
      [{ licenceNo, practiceStatus: '暂停执业', on: d1 }, false],
      [{ licenceNo, practiceStatus: '正常', on: before }, false], // not yet held that day
      [{ licenceNo, practiceStatus: '正常' }, false],
      [{ licenceNo, practiceStatus: '暂停执业' }, true],
      [{ idNumber, practiceStatus: '正常', on: d1 }, true],
      [{ idNumber, practiceStatus: '正常', on: today }, false],
    ];
    for (const [body, expected] of cases) expect(await verify(body), JSON.stringify(body)).toBe(expected);
  });
});
