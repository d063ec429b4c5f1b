import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { API, expectError } from '../../../test/helpers.ts';
import { insertLaw, mountPowerList, TEST_LAW, workbookOf } from './test-fixtures.ts';
import { ITEM_HEADERS } from './xlsx-format.ts';

// The routes behind the real guard: permissions, the one error shape, uploads and downloads.

let tp: TestApp;
let api: Awaited<ReturnType<typeof mountPowerList>>;
const tokens: Record<string, string> = {};
const L = TEST_LAW.id;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const body = (over: Record<string, unknown> = {}) => ({
  code: 'T-API-001',
  name: '对从业人员以不正当手段承揽业务的处罚',
  kind: '行政处罚',
  orgTypes: ['city_bureau'],
  bases: [{ elementId: `${L}/art3/p1/i2`, role: 'penalty' }],
  benchmarks: [{ level: '一般', circumstances: '初次违法', penalties: ['01', '03'], amountMin: 1000, amountMax: 5000 }],
  ...over,
});

function call(user: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse> {
  return api.as(tokens[user] ?? '', { method, url: `${API}/power-list${url}`, ...(payload === undefined ? {} : { payload: payload as string }), ...(headers ? { headers } : {}) });
}

beforeAll(async () => {
  tp = await createTestApp();
  api = await mountPowerList(tp.database.db, tp.identity);
  await insertLaw(tp.database.db, TEST_LAW);
  for (const u of ['xihu_staff', 'zj_leader', 'sysadmin']) tokens[u] = await tp.login(u);
});
afterAll(async () => {
  await api?.close();
  await tp?.destroy();
});

describe('permissions', () => {
  it('anonymous → 401; an admin without business rights → 403; a leader reads but does not write', async () => {
    expectError(await api.app.inject({ method: 'GET', url: `${API}/power-list/items` }), 401, 'AUTH_REQUIRED');
    expectError(await call('sysadmin', 'GET', '/items'), 403, 'AUTHZ_FORBIDDEN');
    expect((await call('zj_leader', 'GET', '/items')).statusCode).toBe(200);
    expect((await call('zj_leader', 'GET', '/reviews')).statusCode).toBe(200);
    expect((await call('zj_leader', 'GET', '/template')).statusCode).toBe(200);
    expectError(await call('zj_leader', 'POST', '/items', body()), 403, 'AUTHZ_FORBIDDEN');
    expectError(await call('zj_leader', 'POST', '/import', Buffer.from('x'), { 'content-type': 'application/octet-stream' }), 403, 'AUTHZ_FORBIDDEN');
    expectError(await call('zj_leader', 'POST', '/reviews/confirm', { itemId: 1, oldElementId: `${L}/art3`, newElementId: null }), 403, 'AUTHZ_FORBIDDEN');
  });
});

describe('items', () => {
  let id = 0;

  it('POST creates and answers the item view; audited with the actor and request id', async () => {
    const res = await call('xihu_staff', 'POST', '/items', body(), { 'x-request-id': 'pl-api-create' });
    expect(res.statusCode, res.body).toBe(200);
    const got = res.json() as { id: number; bases: { citation: string; law: { statusLabel: string } }[]; benchmarks: { penaltyLabels: string[] }[] };
    id = got.id;
    expect(got.bases[0]).toMatchObject({ citation: '《中华人民共和国测试管理法》第三条第一款第（二）项', law: { statusLabel: '有效' } });
    expect(got.benchmarks[0]?.penaltyLabels).toEqual(['警告', '罚款']);
    const { rows } = await sql<{ actor_username: string; target_id: string }>`select actor_username, target_id from audit_events where request_id = 'pl-api-create' and action = 'power-list.item.create'`.execute(tp.database.db);
    expect(rows).toEqual([{ actor_username: 'xihu_staff', target_id: String(id) }]);
  });

  it('bad input is refused by the schema: malformed ids, fractional or negative fines, markup, unknown fields', async () => {
    for (const bad of [
      body({ bases: [{ elementId: "'; drop table power_items; --", role: 'basis' }] }),
      body({ benchmarks: [{ level: '一般', penalties: ['03'], amountMin: 1.5, amountMax: 10 }] }),
      body({ benchmarks: [{ level: '一般', penalties: ['03'], amountMin: -1, amountMax: 10 }] }),
      body({ name: '<script>alert(1)</script>' }),
      body({ kind: '行政处分' }),
      body({ orgTypes: ['police'] }),
      body({ isAdmin: true }),
    ]) expectError(await call('xihu_staff', 'POST', '/items', bad), 400, 'VALIDATION_FAILED');
  });

  it('a rule violation → 400 POWER_ITEM_INVALID with each field and rule code', async () => {
    const res = await call('xihu_staff', 'POST', '/items', body({ code: 'T-API-002', bases: [{ elementId: `${L}/art99`, role: 'penalty' }], benchmarks: [{ level: '较重', penalties: ['03'], amountMin: 100, amountMax: 50 }] }));
    expectError(res, 400, 'POWER_ITEM_INVALID');
    expect((res.json() as { details: { field: string; code: string }[] }).details.map((d) => [d.field, d.code])).toEqual([['bases.0.elementId', 'POWER_BASIS_UNKNOWN'], ['benchmarks.0.amountMin', 'POWER_AMOUNT_RANGE']]);
  });

  it('GET lists with filters (Chinese in the query string) and pages; GET :id; 404 for an unknown id', async () => {
    const list = await call('zj_leader', 'GET', `/items?q=${encodeURIComponent('承揽')}&kind=${encodeURIComponent('行政处罚')}&law=${encodeURIComponent(L)}&page=1&pageSize=10`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id, code: 'T-API-001', basisCount: 1, benchmarkCount: 1 }] });
    expect((await call('zj_leader', 'GET', '/items?orgType=prison')).json()).toEqual({ items: [], total: 0 });
    // By element: the article holds the 项 the item rests on; a sibling article (art30 is not art3) does not.
    expect((await call('zj_leader', 'GET', `/items?element=${encodeURIComponent(`${L}/art3`)}`)).json()).toMatchObject({ total: 1, items: [{ id }] });
    expect((await call('zj_leader', 'GET', `/items?element=${encodeURIComponent(`${L}/art3/p2`)}`)).json()).toEqual({ items: [], total: 0 });
    expect((await call('zj_leader', 'GET', `/items?element=${encodeURIComponent(`${L}/art30`)}`)).json()).toEqual({ items: [], total: 0 });
    expect((await call('zj_leader', 'GET', `/items/${id}`)).json()).toMatchObject({ id, code: 'T-API-001' });
    expectError(await call('zj_leader', 'GET', '/items/999999'), 404, 'POWER_ITEM_NOT_FOUND');
  });

  it('PUT replaces, DELETE removes (then 404)', async () => {
    const put = await call('xihu_staff', 'PUT', `/items/${id}`, body({ name: '改过的名称', benchmarks: [] }));
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ name: '改过的名称', benchmarks: [] });
    const del = await call('xihu_staff', 'DELETE', `/items/${id}`);
    expect(del.json()).toEqual({ id, code: 'T-API-001' });
    expectError(await call('xihu_staff', 'GET', `/items/${id}`), 404, 'POWER_ITEM_NOT_FOUND');
    expectError(await call('xihu_staff', 'DELETE', `/items/${id}`), 404, 'POWER_ITEM_NOT_FOUND');
  });
});

describe('files', () => {
  const H = [...ITEM_HEADERS.slice(0, 7)];

  it('POST /import takes the raw bytes as octet-stream or the XLSX type', async () => {
    const file = await workbookOf([H, ['T-API-101', '测试机构设立许可', '行政许可', '省级司法厅（局）', '《中华人民共和国测试管理法》第四条']]);
    const first = await call('xihu_staff', 'POST', '/import', file, { 'content-type': 'application/octet-stream' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: ['T-API-101'], updated: [], unchanged: [] });
    const again = await call('xihu_staff', 'POST', '/import', file, { 'content-type': XLSX });
    expect(again.json()).toEqual({ created: [], updated: [], unchanged: ['T-API-101'] });
  });

  it('an import with errors → 400 with every problem (row, field, code); garbage → 400; JSON → 415', async () => {
    const file = await workbookOf([H, ['T-API-102', '事项', '行政处罚', '市级司法局', '《中华人民共和国测试管理法》第八十条']]);
    const res = await call('xihu_staff', 'POST', '/import', file, { 'content-type': 'application/octet-stream' });
    expectError(res, 400, 'POWER_IMPORT_INVALID');
    expect((res.json() as { details: unknown[] }).details).toEqual([
      { row: 2, field: '执法事项.法律依据', code: 'POWER_BASIS_UNRESOLVED', message: expect.stringContaining('第八十条') },
      { row: 2, field: '执法事项.法律依据', code: 'POWER_BASIS_REQUIRED', message: expect.stringContaining('ADP-31') },
    ]);
    expectError(await call('xihu_staff', 'POST', '/import', Buffer.from([0, 1, 2, 3, 255]), { 'content-type': 'application/octet-stream' }), 400, 'POWER_IMPORT_UNREADABLE');
    expectError(await call('xihu_staff', 'POST', '/import', { a: 1 }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await call('xihu_staff', 'POST', '/import', Buffer.alloc(6 * 1024 * 1024), { 'content-type': 'application/octet-stream' }), 413, 'BODY_TOO_LARGE');
  });

  it('GET /export and /template answer workbooks with a Chinese file name', async () => {
    const { total } = (await call('zj_leader', 'GET', '/items')).json() as { total: number };
    expect(total).toBeGreaterThan(0);
    for (const [url, name, rows] of [['/export', '权责清单.xlsx', 1 + total], ['/template', '权责清单导入模板.xlsx', 1]] as const) {
      const res = await call('zj_leader', 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.getWorksheet('执法事项')?.rowCount, url).toBe(rows);
    }
  });
});

describe('reviews', () => {
  it('GET lists the bases of an amended law; POST confirm rebinds and answers the item', async () => {
    await insertLaw(tp.database.db, { ...TEST_LAW, id: '测试管理法/2023-01-01', elements: [['art4', ''], ['art4/p1', '设立测试机构，应当向主管部门备案。']] });
    const before = (await call('zj_leader', 'GET', '/reviews')).json() as { total: number; items: { itemId: number; old: { elementId: string }; suggestion: { elementId: string; text: string } }[] };
    expect(before.total).toBe(1);
    const r = before.items[0];
    expect(r).toMatchObject({ old: { elementId: `${L}/art4` }, suggestion: { elementId: '测试管理法/2023-01-01/art4', text: '设立测试机构，应当向主管部门备案。' } });
    const res = await call('xihu_staff', 'POST', '/reviews/confirm', { itemId: r?.itemId, oldElementId: r?.old.elementId, newElementId: r?.suggestion.elementId });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { bases: { elementId: string }[] }).bases.map((b) => b.elementId)).toEqual(['测试管理法/2023-01-01/art4']);
    expect((await call('zj_leader', 'GET', '/reviews')).json()).toEqual({ items: [], total: 0 });
    expectError(await call('xihu_staff', 'POST', '/reviews/confirm', { itemId: r?.itemId, oldElementId: `${L}/art4`, newElementId: null }), 404, 'POWER_BASIS_NOT_FOUND');
  });
});
