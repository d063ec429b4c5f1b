import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { SAMPLE_LAWS_DIR as sampleDir } from '../../../test/samples.ts';
import { createDictionaryModule } from '../dictionary/index.ts';
import { createPowerListModule, type PowerListModule } from './index.ts';
import { DEMO_ITEMS } from './power-list.demo.ts';

// The demo list against the sample laws it was written from: every basis id exists once they are
// imported, and the fines of the tiers stay within the caps the cited articles set.

const FILES = ['行政法/律师法(2017-09-01).md', '行政法/公证法(2017-09-01).md', '行政法/法律援助法(2021-08-20).md', 'DLC/浙江地方法规/地方性法规/浙江/浙江省司法鉴定管理条例(2009-06-03).md', '诉讼与非诉讼程序法/人民调解法(2010-08-28).md'];
const CAPS: Record<number, string> = { 3000: '三千元', 5000: '五千元', 10000: '一万元', 50000: '五万元', 100000: '十万元' };

let tp: TestApp;
let pl: PowerListModule;

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  pl = createPowerListModule(tp.database.db, { codes: createDictionaryModule(tp.database.db).lookup });
});
afterAll(async () => tp.destroy());

describe('without the sample laws', () => {
  it('bases are skipped and returned, 行政处罚 items left without a basis are skipped, nothing fails', async () => {
    const r = await pl.seedDemo();
    const allIds = [...new Set(DEMO_ITEMS.flatMap((i) => i.bases.map((b) => b.elementId)))].sort();
    expect(r.skippedBases).toEqual(allIds);
    expect(r.skippedItems).toEqual(DEMO_ITEMS.filter((i) => i.kind === '行政处罚').map((i) => i.code));
    expect(r.created).toEqual(DEMO_ITEMS.filter((i) => i.kind !== '行政处罚').map((i) => i.code));
  });
});

describe.skipIf(!sampleDir)('with the sample laws imported', () => {
  beforeAll(async () => {
    await tp.laws.importPaths({ system: 'test' }, FILES.map((f) => path.join(sampleDir ?? '', f)));
  });

  it('has 12–20 items, each 行政处罚 with benchmarks', () => {
    expect(DEMO_ITEMS.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_ITEMS.length).toBeLessThanOrEqual(20);
    for (const i of DEMO_ITEMS.filter((x) => x.kind === '行政处罚')) expect(i.benchmarks.length, i.code).toBeGreaterThan(0);
  });

  it('every basis id exists in the library', async () => {
    const ids = [...new Set(DEMO_ITEMS.flatMap((i) => i.bases.map((b) => b.elementId)))];
    const { rows } = await sql<{ id: string }>`select id from law_elements where id = any(${ids}::text[])`.execute(tp.database.db);
    expect(ids.filter((id) => !rows.some((r) => r.id === id))).toEqual([]);
  });

  it('the tiers’ highest fine is the cap the cited article states (…元以下)', async () => {
    for (const i of DEMO_ITEMS) {
      const max = Math.max(0, ...i.benchmarks.map((t) => t.amountMax ?? 0));
      if (max === 0) continue;
      const ids = i.bases.filter((b) => b.role === 'penalty').map((b) => b.elementId);
      const { rows } = await sql<{ text: string }>`select coalesce(p.text, '') || e.text as text from law_elements e left join law_elements p on p.id = e.parent_id and e.kind = 'item' where e.id = any(${ids}::text[])`.execute(tp.database.db);
      expect(rows.map((r) => r.text).join(), i.code).toMatch(new RegExp(`${CAPS[max] ?? `${max}元`}以下`));
    }
  });

  it('seedDemo then completes the list (the bases skipped before are there now), and again changes nothing', async () => {
    const r = await pl.seedDemo();
    expect(r.skippedBases).toEqual([]);
    expect(r.skippedItems).toEqual([]);
    // The items created without the laws are updated with their bases; the penalty items are new.
    expect(r.created).toEqual(DEMO_ITEMS.filter((i) => i.kind === '行政处罚').map((i) => i.code));
    expect(await pl.seedDemo()).toEqual({ created: [], skippedBases: [], skippedItems: [] });
    const { total } = await pl.service.list({}, { page: 1, pageSize: 50 });
    expect(total).toBe(DEMO_ITEMS.length);
    const lawyer = (await pl.service.list({ q: 'SF-LS-102' }, { page: 1, pageSize: 1 })).items[0];
    const got = await pl.service.get(lawyer?.id ?? 0);
    expect(got.bases.map((b) => b.citation)).toEqual(['《中华人民共和国律师法》第四十条第一款第（一）项', '《中华人民共和国律师法》第四十八条第一款第（一）项']);
    expect(got.bases[1]?.leadIn).toContain('可以处一万元以下的罚款');
  });
});
