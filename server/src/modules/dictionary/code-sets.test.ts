import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { createDictionaryModule } from './index.ts';

let tp: TestApp;
let admin: string;
let staff: string;

beforeAll(async () => {
  tp = await createTestApp();
  admin = await tp.login('sysadmin');
  staff = await tp.login('xihu_staff');
});
afterAll(async () => tp?.destroy());

const get = (token: string, url: string) => tp.as(token, { method: 'GET', url });
const itemsOf = async (set: string) => (await get(admin, `/api/v1/code-sets/${set}/items?pageSize=500`)).json() as { items: { code: string; label: string; enabled: boolean; sort: number }[]; total: number };

describe('code sets', () => {
  it('lists the built-in sets with their standards and item counts', async () => {
    const res = await get(staff, '/api/v1/code-sets?pageSize=50');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { items: { code: string; standard: string | null; editable: boolean; itemCount: number }[]; total: number };
    expect(body.total).toBeGreaterThanOrEqual(7);
    expect(body.items.find((s) => s.code === 'ethnicity')).toMatchObject({ standard: 'GB/T 3304-1991', editable: false, itemCount: 58 });
    expect(body.items.find((s) => s.code === 'org_type')?.itemCount).toBeGreaterThan(0);
    const paged = (await get(staff, '/api/v1/code-sets?page=2&pageSize=2')).json() as { items: unknown[]; total: number };
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe(body.total);
  });

  it('has the 56 ethnic groups, 01 汉族 … 56 基诺族', async () => {
    const { items, total } = await itemsOf('ethnicity');
    expect(total).toBe(58);
    expect(items[0]).toMatchObject({ code: '01', label: '汉族', enabled: true });
    expect(items[55]).toMatchObject({ code: '56', label: '基诺族' });
    expect(items.filter((i) => /^\d\d$/.test(i.code) && Number(i.code) <= 56)).toHaveLength(56);
  });

  it('serves a hierarchical set with parent codes', async () => {
    const res = await get(staff, '/api/v1/code-sets/education/items?pageSize=500');
    const items = (res.json() as { items: { code: string; parentCode: string | null }[] }).items;
    expect(items.find((i) => i.code === '11')?.parentCode).toBe('10');
    expect(items.find((i) => i.code === '10')?.parentCode).toBeNull();
  });

  it('answers 404 CODE_SET_NOT_FOUND for an unknown set', async () => {
    for (const url of ['/api/v1/code-sets/no_such_set', '/api/v1/code-sets/no_such_set/items']) {
      const res = await get(staff, url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'CODE_SET_NOT_FOUND' });
    }
  });

  it('lets the system administrator build and edit a custom set, each change audited', async () => {
    const post = (url: string, payload: object) => tp.as(admin, { method: 'POST', url, payload });
    const created = await post('/api/v1/code-sets', { code: 'mediation_type', name: '调解类型', description: '人民调解案件类型' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'mediation_type', editable: true, builtin: false, itemCount: 0 });
    expect((await post('/api/v1/code-sets', { code: 'mediation_type', name: '重复' })).json()).toMatchObject({ code: 'CODE_SET_CODE_TAKEN' });

    expect((await post('/api/v1/code-sets/mediation_type/items', { code: 'family', label: '婚姻家庭纠纷' })).json()).toMatchObject({ sort: 1, enabled: true });
    expect((await post('/api/v1/code-sets/mediation_type/items', { code: 'neighbour', label: '邻里纠纷' })).json()).toMatchObject({ sort: 2 });
    const dup = await post('/api/v1/code-sets/mediation_type/items', { code: 'family', label: '又一个' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CODE_ITEM_CODE_TAKEN' });
    const orphan = await post('/api/v1/code-sets/mediation_type/items', { code: 'x1', label: '子项', parentCode: 'nope' });
    expect(orphan.json()).toMatchObject({ code: 'CODE_ITEM_PARENT_NOT_FOUND' });

    const patched = await tp.as(admin, { method: 'PATCH', url: '/api/v1/code-sets/mediation_type/items/family', payload: { label: '婚姻家庭类纠纷', enabled: false } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ code: 'family', label: '婚姻家庭类纠纷', enabled: false });
    const missing = await tp.as(admin, { method: 'PATCH', url: '/api/v1/code-sets/mediation_type/items/nope', payload: { enabled: false } });
    expect(missing.json()).toMatchObject({ code: 'CODE_ITEM_NOT_FOUND' });
    expect((await get(admin, '/api/v1/code-sets/mediation_type/items?enabled=true')).json()).toMatchObject({ total: 1, items: [{ code: 'neighbour' }] });

    const auditor = await tp.login('auditadmin');
    const events = (await get(auditor, '/api/v1/audit-events?action=code-item.update')).json() as { items: { targetId: string; actorUsername: string; changes: unknown }[] };
    expect(events.items).toContainEqual(
      expect.objectContaining({ targetId: 'mediation_type:family', actorUsername: 'sysadmin', changes: { label: ['婚姻家庭纠纷', '婚姻家庭类纠纷'], enabled: [true, false] } }),
    );
    expect((await get(auditor, '/api/v1/audit-events?action=code-set.create')).json()).toMatchObject({ total: 1 });
    expect((await get(auditor, '/api/v1/audit-events?action=code-item.create')).json()).toMatchObject({ total: 2 });
  });

  it('lets staff read but not edit (403 AUTHZ_FORBIDDEN)', async () => {
    const attempts = [
      { method: 'POST' as const, url: '/api/v1/code-sets', payload: { code: 'staff_set', name: '不行' } },
      { method: 'POST' as const, url: '/api/v1/code-sets/sex/items', payload: { code: '3', label: '不行' } },
      { method: 'PATCH' as const, url: '/api/v1/code-sets/sex/items/1', payload: { enabled: false } },
    ];
    for (const a of attempts) {
      const res = await tp.as(staff, a);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'AUTHZ_FORBIDDEN' });
    }
    expect((await get(staff, '/api/v1/code-sets/sex')).statusCode).toBe(200);
  });

  it('keeps national codes and labels fixed; only enabled may change', async () => {
    const before = await itemsOf('id_document_type');
    const added = await tp.as(admin, { method: 'POST', url: '/api/v1/code-sets/ethnicity/items', payload: { code: '57', label: '新民族' } });
    expect(added.statusCode).toBe(403);
    expect(added.json()).toMatchObject({ code: 'CODE_SET_LOCKED' });
    const relabel = await tp.as(admin, { method: 'PATCH', url: '/api/v1/code-sets/id_document_type/items/111', payload: { label: '身份证', enabled: false } });
    expect(relabel.json()).toMatchObject({ code: 'CODE_SET_LOCKED' });
    expect(await itemsOf('id_document_type')).toEqual(before);

    const disabled = await tp.as(admin, { method: 'PATCH', url: '/api/v1/code-sets/id_document_type/items/113', payload: { enabled: false } });
    expect(disabled.json()).toMatchObject({ code: '113', label: '户口簿', enabled: false });
  });

  it('rejects bad input with 400 and changes nothing', async () => {
    const before = await itemsOf('mediation_type');
    const bad = [
      { method: 'POST' as const, url: '/api/v1/code-sets/mediation_type/items', payload: { code: 'ok', label: '正常', colour: 'red' } },
      { method: 'POST' as const, url: '/api/v1/code-sets/mediation_type/items', payload: { code: 'long', label: '长'.repeat(101) } },
      { method: 'POST' as const, url: '/api/v1/code-sets/mediation_type/items', payload: { code: 'xss', label: '<script>alert(1)</script>' } },
      { method: 'POST' as const, url: '/api/v1/code-sets/mediation_type/items', payload: { code: 'bad code', label: '空格' } },
      { method: 'PATCH' as const, url: '/api/v1/code-sets/mediation_type/items/neighbour', payload: { label: '<b>邻里</b>' } },
      { method: 'PATCH' as const, url: '/api/v1/code-sets/mediation_type/items/neighbour', payload: { code: 'renamed' } },
      { method: 'POST' as const, url: '/api/v1/code-sets', payload: { code: 'Bad-Code', name: '大写' } },
    ];
    for (const b of bad) {
      const res = await tp.as(admin, b);
      expect(res.statusCode, JSON.stringify(b.payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
    expect(await itemsOf('mediation_type')).toEqual(before);
    expect((await get(admin, '/api/v1/code-sets/Bad-Code')).statusCode).toBe(400);
  });

  it('lookup: labels (enabled or not), validity (enabled only), refreshed after an edit', async () => {
    const { lookup } = createDictionaryModule(tp.database.db);
    expect(await lookup.labelOf('ethnicity', '01')).toBe('汉族');
    expect(await lookup.labelOf('ethnicity', '99')).toBeNull();
    expect(await lookup.labelOf('no_such_set', '1')).toBeNull();
    expect(await lookup.isValidCode('id_document_type', '113')).toBe(false); // disabled above
    expect(await lookup.labelOf('id_document_type', '113')).toBe('户口簿');
    expect(await lookup.isValidCode('sex', '1')).toBe(true);

    const dictionary = createDictionaryModule(tp.database.db);
    expect(await dictionary.lookup.isValidCode('mediation_type', 'neighbour')).toBe(true);
    const actor = { userId: 1, username: 'test', orgId: 1, orgPath: '/1/', roleCodes: [], adminKind: null, permissions: new Set<string>(), scope: 'all' as const };
    await dictionary.codeSets.updateItem(actor, { requestId: 't', ip: null, userAgent: null }, 'mediation_type', 'neighbour', { enabled: false });
    expect(await dictionary.lookup.isValidCode('mediation_type', 'neighbour')).toBe(false);
  });

  it('re-seeding adds missing built-in items and keeps an administrator’s changes', async () => {
    await tp.database.db.withTables<{ code_items: { set_code: string; code: string } }>().deleteFrom('code_items').where('set_code', '=', 'ethnicity').where('code', '=', '98').execute();
    expect((await itemsOf('ethnicity')).total).toBe(57);
    await createDictionaryModule(tp.database.db).ensureBaseline();
    const ethnic = await itemsOf('ethnicity');
    expect(ethnic.total).toBe(58);
    expect(ethnic.items.find((i) => i.code === '98')).toMatchObject({ label: '外国血统中国籍人士', enabled: true, sort: 58 });
    expect((await itemsOf('id_document_type')).items.find((i) => i.code === '113')?.enabled).toBe(false);
    expect((await get(admin, '/api/v1/code-sets/mediation_type')).json()).toMatchObject({ builtin: false, itemCount: 2 });
  });
});
