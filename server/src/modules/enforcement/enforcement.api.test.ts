import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { API, expectError, makeUser, orgId } from '../../../test/helpers.ts';
import { idCheckDigit } from '../standards/index.ts';
import { beijingDay } from './enforcement.service.ts';

let tp: TestApp;
let xihuToken: string;
let yinzhouToken: string;
let xihu: number;
let yinzhou: number;

type Officer = { id: number; name: string; idNumber: string; orgId: number; certificateNo: string; standing: string; status: string; daysToExpiry: number };
type Subject = { id: number; orgId: number; kind: string; itemCount: number };

const call = (token: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => tp.as(token, { method, url: `${API}${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
const json = async <T>(p: ReturnType<typeof call>): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

beforeAll(async () => {
  tp = await createTestApp();
  xihuToken = await tp.login('xihu_staff');
  yinzhouToken = await tp.login('yinzhou_staff');
  xihu = await orgId(tp, '330106', 'county_bureau');
  yinzhou = await orgId(tp, '330212', 'county_bureau');
});

afterAll(async () => {
  await tp?.destroy();
});

describe('demo officers and data scope', () => {
  it('xihu_staff lists only its subtree, with an expired, an expiring and a suspended certificate', async () => {
    const list = await json<{ items: Officer[]; total: number }>(call(xihuToken, 'GET', '/enforcement/officers?pageSize=100'));
    expect(list.total).toBeGreaterThanOrEqual(10);
    expect(list.items.every((o) => o.orgId !== yinzhou)).toBe(true);
    expect(list.items.some((o) => o.standing === 'expired')).toBe(true);
    expect(list.items.some((o) => o.standing === 'suspended')).toBe(true);
    expect(list.items.every((o) => /^\d{3}\*+[\dX]{4}$/.test(o.idNumber))).toBe(true);
    const expiring = await json<{ items: Officer[] }>(call(xihuToken, 'GET', '/enforcement/officers?expiringWithin=30'));
    expect(expiring.items.length).toBeGreaterThan(0);
    expect(expiring.items.every((o) => o.standing === 'valid' && o.daysToExpiry <= 30)).toBe(true);
    const expired = await json<{ items: Officer[] }>(call(xihuToken, 'GET', '/enforcement/officers?standing=expired'));
    expect(expired.items.every((o) => o.standing === 'expired')).toBe(true);
  });

  it('an officer of another county is not found; a subject outside the scope neither', async () => {
    const theirs = await json<{ items: Officer[] }>(call(yinzhouToken, 'GET', '/enforcement/officers'));
    const other = theirs.items[0];
    expect(other).toBeDefined();
    expectError(await call(xihuToken, 'GET', `/enforcement/officers/${other?.id}`), 404, 'ENF_OFFICER_NOT_FOUND');
    const subjects = await json<{ items: Subject[] }>(call(yinzhouToken, 'GET', '/enforcement/subjects'));
    expectError(await call(xihuToken, 'GET', `/enforcement/subjects/${subjects.items[0]?.id}`), 404, 'ENF_SUBJECT_NOT_FOUND');
  });
});

describe('personal data (SEC-06): the full ID number only with enforcement:read-personal, and that reading is audited', () => {
  it('masked in lists and for staff; plain in the detail for a reader who holds the permission', async () => {
    const sec = await tp.login('secadmin');
    const role = await call(sec, 'POST', '/roles', { code: 'enf_personal', name: '执法人员信息查阅', permissions: ['enforcement:read', 'enforcement:read-personal'], dataScope: 'subtree' });
    expect(role.statusCode, role.body).toBe(200);
    await makeUser(tp, 'enf_reader', xihu, { roles: ['enf_personal'] });
    const reader = await tp.login('enf_reader');
    const [first] = (await json<{ items: Officer[] }>(call(reader, 'GET', '/enforcement/officers?pageSize=1'))).items;
    expect(first?.idNumber).toMatch(/\*/);
    expect((await json<Officer>(call(xihuToken, 'GET', `/enforcement/officers/${first?.id}`))).idNumber).toMatch(/\*/);
    const res = await call(reader, 'GET', `/enforcement/officers/${first?.id}`);
    expect((res.json() as Officer).idNumber).toMatch(/^\d{17}[\dX]$/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events where request_id = ${res.headers['x-request-id'] as string} and action = 'enforcement.officer.read-personal'`.execute(tp.database.db);
    expect(rows[0]?.n).toBe(1);
  });
});

describe('officers: create, status, history', () => {
  const today = beijingDay(new Date());
  const body = (certificateNo: string, idNumber: string) => ({ name: '测试员', idNumber, orgId: xihu, certificateNo, domains: ['01'], issuedOn: '2024-01-01', expiresOn: '2030-12-31' });

  it('creates with a checked ID number; a bad one is a 400 with the field', async () => {
    const res = await call(xihuToken, 'POST', '/enforcement/officers', body('浙TEST0001', '11010519491231002x'));
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as Officer & { history: { kind: string }[] };
    expect(o.idNumber).toBe('110***********002X');
    expect(o.history.map((h) => h.kind)).toEqual(['发证']);
    const bad = await call(xihuToken, 'POST', '/enforcement/officers', body('浙TEST0002', '110105194912310021'));
    expectError(bad, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(bad.json())).toContain('idNumber');
    expectError(await call(xihuToken, 'POST', '/enforcement/officers', body('浙TEST0001', '110101199003070011')), 409, 'ENF_CERTIFICATE_TAKEN');
    expectError(await call(xihuToken, 'POST', '/enforcement/officers', { ...body('浙TEST0003', '110101199003070011'), orgId: yinzhou }), 404, 'ENF_ORG_NOT_FOUND');
    expectError(await call(xihuToken, 'POST', '/enforcement/officers', { ...body('浙TEST0003', '110101199003070011'), expiresOn: '2020-01-01' }), 400, 'ENF_OFFICER_INVALID');
  });

  it('suspend → reinstate → revoke; a revoked certificate cannot be reinstated; each change is in the history', async () => {
    const list = await json<{ items: Officer[] }>(call(xihuToken, 'GET', '/enforcement/officers?q=浙TEST0001'));
    const id = list.items[0]?.id;
    const s = await json<Officer & { history: { kind: string; reason: string }[] }>(call(xihuToken, 'POST', `/enforcement/officers/${id}/status`, { action: 'suspend', reason: '停职调查' }));
    expect(s.standing).toBe('suspended');
    await json(call(xihuToken, 'POST', `/enforcement/officers/${id}/status`, { action: 'reinstate', reason: '调查结束' }));
    const r = await json<Officer & { history: { kind: string }[] }>(call(xihuToken, 'POST', `/enforcement/officers/${id}/status`, { action: 'revoke', reason: '调离执法岗位', effectiveOn: today }));
    expect(r.standing).toBe('revoked');
    expect(r.history.map((h) => h.kind)).toEqual(['发证', '暂扣', '恢复', '注销']);
    expectError(await call(xihuToken, 'POST', `/enforcement/officers/${id}/status`, { action: 'reinstate', reason: '误操作' }), 409, 'ENF_STATUS_TRANSITION');
    const standings = await tp.enforcement.service.officers.standings([id ?? 0], today);
    expect(standings.get(id ?? 0)?.standing).toBe('revoked');
  });
});

describe('subjects: 委托 (ADP-30) and may-exercise (ADP-31)', () => {
  it('the demo 司法所 is entrusted by 西湖区司法局 and may exercise only its entrusted items', async () => {
    const list = await json<{ items: (Subject & { entrustment: { entrusting: { id: number } } | null })[] }>(call(xihuToken, 'GET', '/enforcement/subjects?kind=受委托组织'));
    const office = list.items[0];
    expect(office?.entrustment).not.toBeNull();
    const detail = await json<{ items: { id: number }[] }>(call(xihuToken, 'GET', `/enforcement/subjects/${office?.id}`));
    const item = detail.items[0]?.id ?? 0;
    const today = beijingDay(new Date());
    expect(await tp.enforcement.service.subjects.mayExercise({ id: office?.id ?? 0 }, item, today)).toEqual({ allowed: true });
    expect(await tp.enforcement.service.subjects.mayExercise({ orgId: yinzhou }, item, today)).toEqual({ allowed: true });
    expect((await tp.enforcement.service.subjects.mayExercise({ id: office?.id ?? 0 }, item, '2000-01-01')).allowed).toBe(false);

    // A subject entrusted by the entrusted 司法所 is refused: no sub-delegation.
    const { rows } = await sql<{ id: number }>`select id from orgs where parent_id = ${xihu} and type = 'justice_office' order by id offset 1 limit 1`.execute(tp.database.db);
    const res = await call(xihuToken, 'POST', '/enforcement/subjects', {
      orgId: Number(rows[0]?.id), kind: '受委托组织', itemIds: [item],
      entrustment: { entrustingSubjectId: office?.id, documentNo: '转委〔2025〕1号', matters: '转委托', from: '2025-01-01', to: '2025-12-31' },
    });
    expectError(res, 400, 'ENF_SUBJECT_INVALID');
    expect((res.json() as { details: { code: string }[] }).details.map((d) => d.code)).toContain('ENF_SUBDELEGATION');
  });
});

describe('XLSX import of officers', () => {
  async function workbook(rows: (string | number | null)[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('执法人员');
    ws.addRow(['姓名', '公民身份号码', '所属机构', '执法证号', '执法领域', '发证日期', '有效期至', '法律职业资格']);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = async (bytes: Buffer) => tp.as(xihuToken, { method: 'POST', url: `${API}/enforcement/officers/import`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });

  it('garbage and an empty file → 400, JSON → 415, 6 MB → 413', async () => {
    expectError(await upload(Buffer.from([0, 1, 2, 3, 255])), 400, 'ENF_IMPORT_UNREADABLE');
    expectError(await upload(Buffer.alloc(0)), 400, 'ENF_IMPORT_UNREADABLE');
    expectError(await tp.as(xihuToken, { method: 'POST', url: `${API}/enforcement/officers/import`, payload: { a: 1 } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectError(await upload(Buffer.alloc(6 * 1024 * 1024)), 413, 'BODY_TOO_LARGE');
    const template = await tp.as(xihuToken, { method: 'GET', url: `${API}/enforcement/officers/template` });
    expect(template.statusCode).toBe(200);
    expectError(await upload(template.rawPayload), 400, 'ENF_IMPORT_INVALID');
  });

  it('all or nothing, with per-row Chinese errors', async () => {
    const bad = await upload(await workbook([
      ['导入甲', '330106199001011234', '杭州市西湖区司法局', '浙IMP0001', '司法行政', '2024-01-01', '2029-12-31', '是'],
      ['导入乙', '330106199001011235', '宁波市鄞州区司法局', '浙IMP0002', '天文', '2024-01-01', '2029-12-31', '否'],
    ]));
    expectError(bad, 400, 'ENF_IMPORT_INVALID');
    const details = (bad.json() as { details: { row: number; field: string; code: string }[] }).details;
    expect(details.every((d) => d.row === 2 || d.row === 3)).toBe(true);
    expect(details.map((d) => d.code)).toEqual(expect.arrayContaining(['ENF_IMPORT_ORG_UNKNOWN', 'ENF_DOMAIN_UNKNOWN']));
    expect((await json<{ total: number }>(call(xihuToken, 'GET', '/enforcement/officers?q=浙IMP'))).total).toBe(0);
  });

  it('imports valid rows and updates by 执法证号 on a second run', async () => {
    const id = (s: string) => s + idCheckDigit(s);
    const rows = [
      ['导入甲', id('33010619900101123'), '杭州市西湖区司法局', '浙IMP0001', '司法行政', '2024-01-01', '2029-12-31', '是'],
      ['导入乙', id('33010619900101124'), '杭州市西湖区司法局', '浙IMP0002', '01', '2024/1/1', '2029年12月31日', '否'],
    ];
    expect(await json(upload(await workbook(rows)))).toEqual({ created: 2, updated: 0, unchanged: 0 });
    rows[1]![6] = '2031-12-31';
    expect(await json(upload(await workbook(rows)))).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });
});
