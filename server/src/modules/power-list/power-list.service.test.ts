import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { createDictionaryModule } from '../dictionary/index.ts';
import { createPowerListModule, type ItemInput, type PowerListModule } from './index.ts';
import { insertLaw, TEST_LAW } from './test-fixtures.ts';

// The service on a real database: create/get/list/update/delete with their audit rows, and the
// rules applied on write. Laws are written straight into the library (test-fixtures.ts).

let tp: TestApp;
let pl: PowerListModule;
const who = { system: 'test' } as const;
const L = TEST_LAW.id;

const item = (over: Partial<ItemInput> = {}): ItemInput => ({
  code: 'T-SV-001',
  name: '对从业人员以不正当手段承揽业务的处罚',
  kind: '行政处罚',
  orgTypes: ['city_bureau'],
  description: '测试事项',
  bases: [{ elementId: `${L}/art3/p1/i2`, role: 'penalty' }, { elementId: `${L}/art4`, role: 'basis' }],
  benchmarks: [
    { level: '一般', circumstances: '初次', penalties: ['01', '03'], amountMin: 1000, amountMax: 3000, note: '' },
    { level: '轻微', circumstances: '轻微', penalties: ['01'], amountMin: null, amountMax: null, note: '' },
  ],
  ...over,
});

async function auditRows(action: string) {
  const { rows } = await sql<{ target_id: string; changes: Record<string, unknown> }>`select target_id, changes from audit_events where action = ${action} order by id`.execute(tp.database.db);
  return rows;
}

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  pl = createPowerListModule(tp.database.db, { codes: createDictionaryModule(tp.database.db).lookup });
  await insertLaw(tp.database.db, TEST_LAW);
  await insertLaw(tp.database.db, { id: '旧测试条例/1990-01-01', title: '旧测试条例', repealedOn: '2000-01-01', elements: [['art1', ''], ['art1/p1', '已废止的条文。']] });
});
afterAll(async () => tp.destroy());

describe('create and get', () => {
  it('stores the item and shows each basis resolved: law, citation label, words, lead-in, status', async () => {
    const got = await pl.service.create(who, item());
    expect(got).toMatchObject({ code: 'T-SV-001', kind: '行政处罚', orgTypes: ['city_bureau'], orgTypeLabels: ['市级司法局'] });
    // 设定依据 first, then 处罚依据, each in the order given.
    const [basis, penalty] = got.bases;
    expect(penalty).toMatchObject({
      elementId: `${L}/art3/p1/i2`, role: 'penalty', exists: true, label: '第三条第一款第（二）项',
      citation: '《中华人民共和国测试管理法》第三条第一款第（二）项', text: '（二）以不正当手段承揽业务的。',
      leadIn: '从业人员有下列行为之一的，由主管部门给予警告，可以处五千元以下的罚款：',
      law: { id: L, title: '中华人民共和国测试管理法', versionDate: '2015-01-01', status: 'in-force', statusLabel: '有效' },
    });
    // An article's words are its 款, one per line.
    expect(basis).toMatchObject({ role: 'basis', label: '第四条', text: '设立测试机构，应当向主管部门申请许可。', leadIn: '' });
    // Tiers in order of severity, amounts as numbers, penalty labels from the dictionary.
    expect(got.benchmarks.map((t) => [t.level, t.penaltyLabels, t.amountMin, t.amountMax])).toEqual([['轻微', ['警告'], null, null], ['一般', ['警告', '罚款'], 1000, 3000]]);
    const [audit] = await auditRows('power-list.item.create');
    expect(audit?.target_id).toBe(String(got.id));
  });

  it('a code already used → POWER_ITEM_CODE_TAKEN, nothing written', async () => {
    const before = (await auditRows('power-list.item.create')).length;
    await expect(pl.service.create(who, item())).rejects.toMatchObject({ code: 'POWER_ITEM_CODE_TAKEN', status: 409 });
    expect((await auditRows('power-list.item.create')).length).toBe(before);
  });

  it('every rule violation is reported at once with its field and code; nothing is written', async () => {
    const bad = item({
      code: 'T-SV-BAD',
      bases: [{ elementId: `${L}/art9`, role: 'penalty' }, { elementId: '旧测试条例/1990-01-01/art1/p1', role: 'basis' }],
      benchmarks: [{ level: '一般', circumstances: '', penalties: ['03', '77'], amountMin: 5000, amountMax: 1000, note: '' }],
    });
    const err = await pl.service.create(who, bad).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'POWER_ITEM_INVALID', status: 400 });
    expect((err as { details: { code: string; field: string }[] }).details.map((d) => [d.code, d.field])).toEqual([
      ['POWER_BASIS_UNKNOWN', 'bases.0.elementId'],
      ['POWER_BASIS_REPEALED', 'bases.1.elementId'],
      ['POWER_PENALTY_KIND_INVALID', 'benchmarks.0.penalties'],
      ['POWER_AMOUNT_RANGE', 'benchmarks.0.amountMin'],
    ]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from power_items where code = 'T-SV-BAD'`.execute(tp.database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('an unknown id → POWER_ITEM_NOT_FOUND', async () => {
    await expect(pl.service.get(999999)).rejects.toMatchObject({ code: 'POWER_ITEM_NOT_FOUND', status: 404 });
  });
});

describe('list', () => {
  beforeAll(async () => {
    await pl.service.create(who, item({ code: 'T-SV-002', name: '测试机构设立许可', kind: '行政许可', orgTypes: ['province_dept'], bases: [{ elementId: `${L}/art4/p1`, role: 'basis' }], benchmarks: [] }));
    await pl.service.create(who, item({ code: 'T-SV-003', name: '日常检查', kind: '行政检查', orgTypes: ['county_bureau'], bases: [], benchmarks: [] }));
  });

  it.each([
    ['all, in code order', {}, ['T-SV-001', 'T-SV-002', 'T-SV-003']],
    ['q over the code, any case', { q: 'sv-002' }, ['T-SV-002']],
    ['q over the name', { q: '承揽' }, ['T-SV-001']],
    ['kind', { kind: '行政检查' as const }, ['T-SV-003']],
    ['org type', { orgType: 'province_dept' }, ['T-SV-002']],
    ['law version: items citing any of its elements', { law: L }, ['T-SV-001', 'T-SV-002']],
    ['law by short title: any version', { law: '测试管理法' }, ['T-SV-001', 'T-SV-002']],
    ['a law nobody cites', { law: '旧测试条例' }, []],
  ])('%s', async (_name, filter, codes) => {
    const { items, total } = await pl.service.list(filter, { page: 1, pageSize: 20 });
    expect(items.map((i) => i.code)).toEqual(codes);
    expect(total).toBe(codes.length);
  });

  it('pages, with counts of bases and tiers', async () => {
    const page2 = await pl.service.list({}, { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, items: [{ code: 'T-SV-003', basisCount: 0, benchmarkCount: 0 }] });
    const first = await pl.service.list({ q: 'T-SV-001' }, { page: 1, pageSize: 2 });
    expect(first.items[0]).toMatchObject({ basisCount: 2, benchmarkCount: 2 });
  });
});

describe('update and delete', () => {
  it('update replaces bases and tiers, keeps a basis’s review stamp when the basis stays, and audits before/after', async () => {
    const [{ id } = { id: 0 }] = (await pl.service.list({ q: 'T-SV-001' }, { page: 1, pageSize: 1 })).items;
    const stamp = new Date('2024-05-01T00:00:00Z');
    await sql`update power_item_bases set reviewed_at = ${stamp} where item_id = ${id}`.execute(tp.database.db);
    const got = await pl.service.update(who, id, item({ name: '改名', bases: [{ elementId: `${L}/art3/p1/i2`, role: 'penalty' }, { elementId: `${L}/art3/p2`, role: 'penalty' }], benchmarks: [] }));
    expect(got.name).toBe('改名');
    expect(got.bases.map((b) => [b.elementId, b.reviewedAt])).toEqual([[`${L}/art3/p1/i2`, stamp.toISOString()], [`${L}/art3/p2`, null]]);
    expect(got.benchmarks).toEqual([]);
    const audit = (await auditRows('power-list.item.update')).at(-1);
    expect(audit?.target_id).toBe(String(id));
    expect(audit?.changes).toMatchObject({ before: { name: '对从业人员以不正当手段承揽业务的处罚' }, after: { name: '改名' } });
  });

  it('update to another item’s code → POWER_ITEM_CODE_TAKEN; of a missing item → POWER_ITEM_NOT_FOUND', async () => {
    const [{ id } = { id: 0 }] = (await pl.service.list({ q: 'T-SV-001' }, { page: 1, pageSize: 1 })).items;
    await expect(pl.service.update(who, id, item({ code: 'T-SV-002' }))).rejects.toMatchObject({ code: 'POWER_ITEM_CODE_TAKEN' });
    await expect(pl.service.update(who, 999999, item())).rejects.toMatchObject({ code: 'POWER_ITEM_NOT_FOUND' });
  });

  it('delete removes the item with its bases and tiers, audited; a second delete is not found', async () => {
    const [{ id } = { id: 0 }] = (await pl.service.list({ q: 'T-SV-002' }, { page: 1, pageSize: 1 })).items;
    expect(await pl.service.remove(who, id)).toEqual({ id, code: 'T-SV-002' });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from power_item_bases where item_id = ${id}`.execute(tp.database.db);
    expect(rows[0]?.n).toBe(0);
    expect((await auditRows('power-list.item.delete')).at(-1)).toMatchObject({ target_id: String(id), changes: { code: 'T-SV-002' } });
    await expect(pl.service.remove(who, id)).rejects.toMatchObject({ code: 'POWER_ITEM_NOT_FOUND' });
  });

  it('a basis whose element left the library still shows, marked as missing', async () => {
    await insertLaw(tp.database.db, { id: '临时测试法/2020-01-01', title: '临时测试法', elements: [['art1', ''], ['art1/p1', '临时条文。']] });
    const got = await pl.service.create(who, item({ code: 'T-SV-004', kind: '行政检查', bases: [{ elementId: '临时测试法/2020-01-01/art1/p1', role: 'basis' }], benchmarks: [] }));
    await sql`delete from law_versions where id = '临时测试法/2020-01-01'`.execute(tp.database.db);
    const again = await pl.service.get(got.id);
    expect(again.bases[0]).toMatchObject({ exists: false, law: null, text: '', label: '第一条第一款', citation: '第一条第一款' });
  });
});
