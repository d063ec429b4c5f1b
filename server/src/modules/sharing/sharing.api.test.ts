import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { API, orgId } from '../../../test/helpers.ts';

// The console side of sharing: the catalog, consumers and keys, demand → approval → grant with
// data scope (the owner decides, the asking unit sees its own), and the audit of each change.

let tp: TestApp;
const t: Record<string, string> = {};
const ids: Record<string, number> = {};

const call = (user: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) =>
  tp.as(t[user] ?? '', { method, url: `${API}/sharing${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  tp = await createTestApp();
  for (const u of ['zj_leader', 'hz_leader', 'xihu_staff', 'yinzhou_staff', 'sysadmin']) t[u] = await tp.login(u);
  ids.province = await orgId(tp, '330000', 'province_dept');
  ids.xihu = await orgId(tp, '330106', 'county_bureau');
  // The lawyer roll belongs to the province; a Xihu system asks for it.
  await sql`update share_resources set owner_org_id = ${ids.province} where code in ('lawyer', 'law-firm')`.execute(tp.database.db);
});
afterAll(async () => tp.destroy());

describe('the catalog', () => {
  it('holds a resource per standard library, fields named by their data elements', async () => {
    const res = await call('xihu_staff', 'GET', '/resources/lawyer');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as { fields: { id: string; name: string; masked: boolean }[]; lookupKeys: string[]; sharingType: string };
    expect(r.fields).toContainEqual({ id: 'licenceNo', name: '执业证号', masked: false });
    expect(r.fields).toContainEqual({ id: 'idNumber', name: '公民身份号码', masked: true });
    expect(r.lookupKeys).toEqual(['licenceNo', 'idNumber']);
    expect(r.sharingType).toBe('conditional');
    const all = (await call('xihu_staff', 'GET', '/resources')).json() as { total: number };
    expect(all.total).toBe(14);
  });

  it('refuses a conditional resource without its basis, fields the library lacks, and a lookup key no index serves', async () => {
    const base = { code: 'lawyer-lite', name: '律师简要信息', libraryId: 'lawyer', fields: ['name', 'licenceNo'], lookupKeys: ['licenceNo'], updateCycle: 'daily', sharingType: 'conditional', openType: 'closed' };
    const noBasis = await call('xihu_staff', 'POST', '/resources', base);
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json()).toMatchObject({ code: 'SHARE_RESOURCE_INVALID', details: [{ field: 'sharingBasis' }] });
    const bogus = await call('xihu_staff', 'POST', '/resources', { ...base, sharingBasis: '律师法', fields: ['name', 'salary'] });
    expect(bogus.json()).toMatchObject({ code: 'SHARE_FIELDS_INVALID', details: [{ field: 'fields', message: 'salary' }] });
    const byName = await call('xihu_staff', 'POST', '/resources', { ...base, sharingBasis: '律师法', lookupKeys: ['name'] });
    expect(byName.statusCode).toBe(400);
    expect(byName.json()).toMatchObject({ code: 'SHARE_RESOURCE_INVALID', message: expect.stringMatching(/^律师只能按 公民身份号码、执业证号 查询，不能按 姓名 查询$/), details: [{ field: 'lookupKeys', message: 'name' }] });
    const ok = await call('xihu_staff', 'POST', '/resources', { ...base, sharingBasis: '律师法 第二条', ownerOrgId: ids.xihu });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('consumers and keys', () => {
  it('issues an HMAC secret once, keeps it sealed, and hands the gateway the key', async () => {
    const res = await call('xihu_staff', 'POST', '/consumers', { name: '西湖区法院审判系统', agency: '西湖区人民法院', orgId: ids.xihu, alg: 'hmac-sha256' });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { consumerId: number; keyId: string; secret: string };
    ids.court = c.consumerId;
    const { rows } = await sql<{ secret_sealed: Buffer }>`select secret_sealed from share_consumers where id = ${c.consumerId}`.execute(tp.database.db);
    expect(rows[0]?.secret_sealed.includes(Buffer.from(c.secret))).toBe(false);
    const key = await tp.sharing.consumers.keyOf(c.keyId);
    expect(key).toMatchObject({ consumerId: c.consumerId, active: true, key: { alg: 'hmac-sha256', secret: Buffer.from(c.secret, 'utf8') } });
    const listed = (await call('xihu_staff', 'GET', '/consumers')).json() as { items: Record<string, unknown>[] };
    expect(JSON.stringify(listed)).not.toContain(c.secret);
  });

  it('registers an Ed25519 consumer by its public key and refuses a key that is not one', async () => {
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const ok = await call('xihu_staff', 'POST', '/consumers', { name: '市场监管系统', alg: 'ed25519', publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString() });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).not.toHaveProperty('secret');
    const bad = await call('xihu_staff', 'POST', '/consumers', { name: '坏公钥', alg: 'sm2-sm3', publicKey: '04' + 'ab'.repeat(64) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'SHARE_KEY_INVALID', details: [{ field: 'publicKey' }] });
  });
});

describe('demand → approval → grant', () => {
  it('a unit asks for its own system; the owner (the province) approves; the grant carries the terms', async () => {
    const asked = await call('xihu_staff', 'POST', '/requests', { consumerId: ids.court, resourceCode: 'lawyer', fields: ['name', 'licenceNo', 'practiceStatus'], purpose: '核实诉讼代理人律师身份', legalBasis: '民事诉讼法 第六十一条' });
    expect(asked.statusCode, asked.body).toBe(200);
    const id = (asked.json() as { id: number }).id;
    const mine = (await call('xihu_staff', 'GET', '/requests?status=pending')).json() as { items: { id: number; dueOn: string; overdue: boolean }[] };
    expect(mine.items.map((r) => r.id)).toContain(id);
    expect(mine.items.find((r) => r.id === id)?.overdue).toBe(false);
    // Another county neither sees nor decides it.
    expect(((await call('yinzhou_staff', 'GET', '/requests')).json() as { total: number }).total).toBe(0);
    expect((await call('yinzhou_staff', 'POST', `/requests/${id}/decision`, { approve: true })).statusCode).toBe(404);
    // The asking county cannot approve the province's resource either.
    expect((await call('xihu_staff', 'POST', `/requests/${id}/decision`, { approve: true })).statusCode).toBe(404);
    const decided = await call('zj_leader', 'POST', `/requests/${id}/decision`, { approve: true, note: '同意', plainFields: ['name'], ratePerSecond: 5, quotaPerDay: 100 });
    expect(decided.statusCode, decided.body).toBe(200);
    const grantId = (decided.json() as { grantId: number }).grantId;
    const grants = (await call('xihu_staff', 'GET', `/grants?consumerId=${ids.court}`)).json() as { items: Record<string, unknown>[] };
    expect(grants.items).toContainEqual(expect.objectContaining({ id: grantId, fields: ['name', 'licenceNo', 'practiceStatus'], plainFields: ['name'], ratePerSecond: 5, quotaPerDay: 100, purpose: '核实诉讼代理人律师身份', revokedAt: null }));
    const again = await call('zj_leader', 'POST', `/requests/${id}/decision`, { approve: false });
    expect(again.json()).toMatchObject({ code: 'SHARE_REQUEST_DECIDED' });
    expect(await tp.sharing.grants.activeGrant(ids.court as number, 'lawyer')).toMatchObject({ id: grantId });
  });

  it('grants an unconditionally shared resource at once', async () => {
    const res = await call('xihu_staff', 'POST', '/requests', { consumerId: ids.court, resourceCode: 'law-firm', fields: ['name', 'creditCode'], purpose: '核实律所', legalBasis: '律师法' });
    const all = (await call('xihu_staff', 'GET', '/requests?resourceCode=law-firm')).json() as { items: { id: number; status: string; grantId: number | null }[] };
    expect(all.items.find((r) => r.id === (res.json() as { id: number }).id)).toMatchObject({ status: 'approved', grantId: expect.any(Number) });
  });

  it('refuses plain fields outside the grant and a consumer of another unit', async () => {
    const other = await tp.sharing.consumers.create({ system: 'test' }, { name: '鄞州系统', agency: '', orgId: await orgId(tp, '330212', 'county_bureau'), alg: 'hmac-sha256' });
    const foreign = await call('xihu_staff', 'POST', '/requests', { consumerId: other.consumerId, resourceCode: 'lawyer', fields: ['name'], purpose: '测试', legalBasis: '测试' });
    expect(foreign.statusCode).toBe(404);
    const bad = await call('xihu_staff', 'POST', '/grants', { consumerId: ids.court, resourceCode: 'lawyer-lite', fields: ['name'], plainFields: ['licenceNo'], purpose: '测试' });
    expect(bad.json()).toMatchObject({ code: 'SHARE_FIELDS_INVALID', details: [{ field: 'plainFields', message: 'licenceNo' }] });
    // A direct grant only on what the unit provides: the lawyer roll is the province's.
    const notMine = await call('xihu_staff', 'POST', '/grants', { consumerId: ids.court, resourceCode: 'lawyer', fields: ['name'], purpose: '测试' });
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json()).toMatchObject({ code: 'SHARE_RESOURCE_NOT_FOUND' });
    // Nor may it change the province's resource or another unit's consumer.
    const edit = await call('xihu_staff', 'PUT', '/resources/lawyer', { name: '改名', libraryId: 'lawyer', fields: ['name'], lookupKeys: [], updateCycle: 'daily', sharingType: 'unconditional', openType: 'open' });
    expect(edit.json()).toMatchObject({ code: 'SHARE_RESOURCE_NOT_FOUND' });
    expect((await call('xihu_staff', 'PATCH', `/consumers/${other.consumerId}`, { status: 'suspended' })).json()).toMatchObject({ code: 'SHARE_CONSUMER_NOT_FOUND' });
  });

  it('revokes a grant, audited', async () => {
    const g = await call('xihu_staff', 'POST', '/grants', { consumerId: ids.court, resourceCode: 'lawyer-lite', fields: ['name'], purpose: '测试撤销' });
    const grantId = (g.json() as { grantId: number }).grantId;
    expect((await call('xihu_staff', 'POST', `/grants/${grantId}/revoke`)).statusCode).toBe(200);
    expect((await call('xihu_staff', 'POST', `/grants/${grantId}/revoke`)).statusCode).toBe(404);
    const { rows } = await sql<{ action: string }>`select action from audit_events where target_type = 'share_grant' and target_id = ${String(grantId)} order by id`.execute(tp.database.db);
    expect(rows.map((r) => r.action)).toEqual(['sharing.grant.create', 'sharing.grant.revoke']);
  });

  it('keeps sharing from the system administrator (business data, SEC-18)', async () => {
    expect((await call('sysadmin', 'GET', '/resources')).statusCode).toBe(403);
  });
});
