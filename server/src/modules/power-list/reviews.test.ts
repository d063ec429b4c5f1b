import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { createDictionaryModule } from '../dictionary/index.ts';
import { createPowerListModule, type PowerListModule } from './index.ts';
import { insertLaw } from './test-fixtures.ts';

// Issue 7 point 5: when a law gets a new version, the items citing the old one are listed for
// review — derived from the versions and the review stamps, confirmed one basis at a time.

let tp: TestApp;
let pl: PowerListModule;
let itemId: number;
const who = { system: 'test' } as const;
const OLD = '复核测试法/2010-01-01';
const NEW = '复核测试法/2020-01-01';
const page = { page: 1, pageSize: 50 };

const pending = async () => (await pl.reviews.list(page)).items.map((r) => [r.old.elementId, r.suggestion?.elementId ?? null, r.suggestion?.match ?? null]);

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  pl = createPowerListModule(tp.database.db, { codes: createDictionaryModule(tp.database.db).lookup });
  await insertLaw(tp.database.db, {
    id: OLD, title: '复核测试法', supersededOn: '2020-06-01',
    elements: [['art5', ''], ['art5/p1', '有下列行为之一的，处一千元以下罚款：'], ['art5/p1/i1', '旧的第一项。'], ['art6', ''], ['art6/p1', '第六条旧文字。'], ['art7', ''], ['art7/p1', '一字不改的条文。']],
  });
  const item = await pl.service.create(who, {
    code: 'T-RV-001', name: '复核测试事项', kind: '行政处罚', orgTypes: ['city_bureau'], description: '',
    bases: [{ elementId: `${OLD}/art5/p1/i1`, role: 'penalty' }, { elementId: `${OLD}/art6/p1`, role: 'basis' }, { elementId: `${OLD}/art7/p1`, role: 'basis' }],
    benchmarks: [],
  });
  itemId = item.id;
});
afterAll(async () => tp.destroy());

describe('review on a new version', () => {
  it('nothing to review while the law has one version', async () => {
    expect(await pl.reviews.list(page)).toEqual({ items: [], total: 0 });
  });

  it('a newer version lists every basis citing the old one, with the element at the same path, or the one with the same words', async () => {
    await insertLaw(tp.database.db, {
      id: NEW, title: '复核测试法', effectiveDate: '2020-06-01',
      elements: [['art5', ''], ['art5/p1', '有下列行为之一的，处二千元以下罚款：'], ['art5/p1/i1', '新的第一项。'], ['art8', ''], ['art8/p1', '一字不改的条文。']],
    });
    expect(await pending()).toEqual([
      [`${OLD}/art6/p1`, null, null], // gone from the new version: no suggestion
      [`${OLD}/art7/p1`, `${NEW}/art8/p1`, 'same-text'], // moved: found by its words
      [`${OLD}/art5/p1/i1`, `${NEW}/art5/p1/i1`, 'same-path'],
    ]);
    const { items, total } = await pl.reviews.list(page);
    expect(total).toBe(3);
    const first = items.find((r) => r.old.elementId === `${OLD}/art5/p1/i1`);
    expect(first).toMatchObject({
      itemId, itemCode: 'T-RV-001', role: 'penalty', reviewedAt: null,
      old: { citation: '《复核测试法》第五条第一款第（一）项', text: '（一）旧的第一项。', lawId: OLD, versionDate: '2010-01-01' },
      newVersion: { lawId: NEW, title: '复核测试法', versionDate: '2020-01-01' },
      suggestion: { citation: '《复核测试法》第五条第一款第（一）项', text: '（一）新的第一项。' },
    });
    // Paged like every list, and filtered by item.
    expect((await pl.reviews.list({ page: 2, pageSize: 2 })).items).toHaveLength(1);
    expect((await pl.reviews.list(page, itemId + 1000)).total).toBe(0);
  });

  it('confirming rebinds the basis to the new element and stamps it; it leaves the list; audited', async () => {
    await pl.reviews.confirm(who, { itemId, oldElementId: `${OLD}/art5/p1/i1`, newElementId: `${NEW}/art5/p1/i1` });
    const got = await pl.service.get(itemId);
    const rebound = got.bases.find((b) => b.elementId === `${NEW}/art5/p1/i1`);
    expect(rebound).toMatchObject({ role: 'penalty', text: '（一）新的第一项。', law: { status: 'in-force' } });
    expect(rebound?.reviewedAt).not.toBeNull();
    expect(got.bases.find((b) => b.elementId === `${OLD}/art6/p1`)?.law?.status).toBe('amended');
    expect((await pending()).map((r) => r[0])).toEqual([`${OLD}/art6/p1`, `${OLD}/art7/p1`]);
    const { rows } = await sql<{ target_id: string; changes: unknown }>`select target_id, changes from audit_events where action = 'power-list.review.confirm'`.execute(tp.database.db);
    expect(rows).toEqual([{ target_id: String(itemId), changes: { role: 'penalty', from: `${OLD}/art5/p1/i1`, to: `${NEW}/art5/p1/i1` } }]);
  });

  it('confirming with null keeps the old basis (从旧兼从轻, ADP-31) and stamps it', async () => {
    await pl.reviews.confirm(who, { itemId, oldElementId: `${OLD}/art6/p1`, newElementId: null });
    expect((await pl.service.get(itemId)).bases.find((b) => b.elementId === `${OLD}/art6/p1`)?.reviewedAt).not.toBeNull();
    expect((await pending()).map((r) => r[0])).toEqual([`${OLD}/art7/p1`]);
  });

  it('refuses a basis the item does not have, and an element the library does not hold', async () => {
    await expect(pl.reviews.confirm(who, { itemId, oldElementId: `${OLD}/art9/p1`, newElementId: null })).rejects.toMatchObject({ code: 'POWER_BASIS_NOT_FOUND', status: 404 });
    const err = await pl.reviews.confirm(who, { itemId, oldElementId: `${OLD}/art7/p1`, newElementId: `${NEW}/art99` }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'POWER_ITEM_INVALID', details: [{ field: 'newElementId', code: 'POWER_BASIS_UNKNOWN' }] });
    await expect(pl.reviews.confirm(who, { itemId: 999999, oldElementId: `${OLD}/art7/p1`, newElementId: null })).rejects.toMatchObject({ code: 'POWER_ITEM_NOT_FOUND' });
  });

  it('rebinding to an element the item already cites merges the two bases', async () => {
    await pl.service.update(who, itemId, {
      ...(await pl.service.get(itemId)), description: '',
      bases: [...(await pl.service.get(itemId)).bases.map((b) => ({ elementId: b.elementId, role: b.role })), { elementId: `${NEW}/art8/p1`, role: 'basis' as const }],
      benchmarks: [],
    });
    await pl.reviews.confirm(who, { itemId, oldElementId: `${OLD}/art7/p1`, newElementId: `${NEW}/art8/p1` });
    const ids = (await pl.service.get(itemId)).bases.map((b) => b.elementId);
    expect(ids.sort()).toEqual([`${NEW}/art5/p1/i1`, `${NEW}/art8/p1`, `${OLD}/art6/p1`].sort());
    expect(await pending()).toEqual([]);
  });

  it('yet another version brings back the bases reviewed before it was imported', async () => {
    await insertLaw(tp.database.db, {
      id: '复核测试法/2030-01-01', title: '复核测试法', importedAt: new Date(Date.now() + 60_000),
      elements: [['art5', ''], ['art5/p1', '再次修改。'], ['art5/p1/i1', '第三版的第一项。']],
    });
    expect(await pending()).toEqual([
      [`${OLD}/art6/p1`, null, null],
      [`${NEW}/art8/p1`, null, null],
      [`${NEW}/art5/p1/i1`, '复核测试法/2030-01-01/art5/p1/i1', 'same-path'],
    ]);
    // The suggestion is always in the newest version, also for a basis two versions behind.
    expect((await pl.reviews.list(page)).items.every((r) => r.newVersion.lawId === '复核测试法/2030-01-01')).toBe(true);
  });
});
