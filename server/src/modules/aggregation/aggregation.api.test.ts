import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { API, expectError, makeUser, orgId } from '../../../test/helpers.ts';
import { csvText, LAWYER_HEADERS, lawyerRow } from './test-fixtures.ts';

let tp: TestApp;
const tokens: Record<string, string> = {};

type Batch = { id: string; status: string; read: number; accepted: number; rejected: number; inserted: number; updated: number; unchanged: number; progress: number | null; fileName: string };

beforeAll(async () => {
  tp = await createTestApp();
  const xihu = await orgId(tp, '330106', 'county_bureau');
  await makeUser(tp, 'api_pusher', xihu, { roles: ['source_system'] });
  for (const u of ['xihu_staff', 'zj_leader', 'sysadmin', 'api_pusher']) tokens[u] = await tp.login(u);
  const res = await call('xihu_staff', 'POST', '/aggregation/sources', { code: 'xihu-lawyer', name: '西湖区律师管理系统', libraries: [{ libraryId: 'lawyer', cycle: 'daily', expectedRecords: 10 }] });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await tp.destroy();
});

function call(user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers?: Record<string, string>) {
  return tp.as(tokens[user] ?? '', { method, url: `${API}${url}`, ...(payload === undefined ? {} : { payload: payload as string }), ...(headers ? { headers } : {}) });
}

async function waitFor(user: string, id: string): Promise<Batch> {
  for (let i = 0; i < 600; i++) {
    const res = await call(user, 'GET', `/aggregation/batches/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    const b = res.json() as Batch;
    if (b.status !== 'running') return b;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('batch did not finish');
}

const rows = [lawyerRow(1), lawyerRow(2), lawyerRow(3, { 执业类别: '专业' }), lawyerRow(4, { 公民身份号码: '33010619850312' })];

describe('console upload', () => {
  it('a GBK CSV uploaded as bytes runs as a job; progress and the error report (CSV and XLSX) are served', async () => {
    const body = iconv.encode(csvText(LAWYER_HEADERS, rows), 'gbk');
    const res = await call('xihu_staff', 'POST', '/aggregation/batches?library=lawyer&source=xihu-lawyer&mode=partial&fileName=' + encodeURIComponent('西湖律师.csv'), body, { 'content-type': 'application/octet-stream' });
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json() as Batch;
    expect(started.fileName).toBe('西湖律师.csv');
    const done = await waitFor('xihu_staff', started.id);
    expect(done).toMatchObject({ status: 'completed', read: 4, accepted: 2, rejected: 2, inserted: 2, progress: 1 });

    const csv = await call('xihu_staff', 'GET', `/aggregation/batches/${started.id}/error-report?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(String(csv.headers['content-disposition'])).toContain(encodeURIComponent('西湖律师-错误报告.csv'));
    const text = csv.body.replace(/^\ufeff/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toContain('错误原因');
    expect(lines[0]).toContain('执业类别');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^4,/); // line 4 of the file
    expect(lines[1]).toContain('专业');
    expect(lines[2]).toMatch(/^5,/);
    expect(lines[2]).toContain('公民身份号码');

    const xlsx = await call('xihu_staff', 'GET', `/aggregation/batches/${started.id}/error-report?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const values = sheet?.getSheetValues().filter(Boolean) as unknown[][];
    expect(values.length).toBe(3);
    expect(JSON.stringify(values[0])).toContain('错误原因');
  });

  it('the job list shows it to its org and the province, and sysadmin cannot read business data', async () => {
    const mine = (await call('xihu_staff', 'GET', '/aggregation/batches?library=lawyer')).json() as { items: Batch[] };
    expect(mine.items.length).toBeGreaterThan(0);
    const zj = (await call('zj_leader', 'GET', '/aggregation/batches?pageSize=100')).json() as { total: number };
    expect(zj.total).toBeGreaterThan(mine.items.length);
    expectError(await call('sysadmin', 'GET', '/aggregation/batches'), 403, 'AUTHZ_FORBIDDEN');
  });
});

describe('push API for source systems', () => {
  const record = (n: number, over: Record<string, string> = {}) => Object.fromEntries(LAWYER_HEADERS.map((h, i) => [h, lawyerRow(n, over)[i]]));

  it('lands records, and a retried push of the same batch id is not applied twice', async () => {
    const body = { library: 'lawyer', source: 'xihu-lawyer', batchId: '20261127-001', records: [record(11), record(12), record(13, { 执业状态: '休假' })] };
    const first = await call('api_pusher', 'POST', '/aggregation/push', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: 'completed', kind: 'push', read: 3, accepted: 2, rejected: 1, inserted: 2, externalId: '20261127-001' });
    const retry = await call('api_pusher', 'POST', '/aggregation/push', body);
    expect(retry.json()).toMatchObject({ id: (first.json() as Batch).id, inserted: 2 });
    const conflict = await call('api_pusher', 'POST', '/aggregation/push', { ...body, records: [record(14)] });
    expectError(conflict, 409, 'AGG_PUSH_BATCH_CONFLICT');
  });

  it('English field keys are accepted as well as Chinese headers; a record missing a field is that row\'s error', async () => {
    const res = await call('api_pusher', 'POST', '/aggregation/push', {
      library: 'lawyer', source: 'xihu-lawyer', batchId: '20261127-002',
      records: [
        { name: '王芳', gender: '2', idNumber: lawyerRow(20)[2], licenceNo: '13301201010000020', firmName: '浙江天平律师事务所', practiceType: '01', practiceStatus: '1' },
        { name: '李四', licenceNo: '13301201010000021' },
      ],
    });
    expect(res.json()).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
  });

  it('a source system account cannot upload files, and a staff account cannot push', async () => {
    expectError(await call('api_pusher', 'POST', '/aggregation/batches?library=lawyer&source=xihu-lawyer&fileName=a.csv', 'x', { 'content-type': 'application/octet-stream' }), 403, 'AUTHZ_FORBIDDEN');
    expectError(await call('xihu_staff', 'POST', '/aggregation/push', { library: 'lawyer', source: 'xihu-lawyer', batchId: 'x', records: [record(1)] }), 403, 'AUTHZ_FORBIDDEN');
  });
});

describe('records with their lineage', () => {
  it('lists a library\'s records masked, with source, batch and row; one record shows its history', async () => {
    const list = (await call('xihu_staff', 'GET', '/aggregation/records?library=lawyer&key=1330120101000000')).json() as {
      items: { ref: string; businessKey: string; data: Record<string, string>; lineage: { sourceCode: string; rowNo: number; batchId: string; contentHash: string } }[]; total: number;
    };
    expect(list.total).toBeGreaterThan(0);
    const one = list.items.find((r) => r.businessKey === '13301201010000001');
    expect(one?.lineage).toMatchObject({ sourceCode: 'xihu-lawyer', rowNo: 2 });
    expect(one?.lineage.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(one?.data.idNumber).toMatch(/^\d{3}\*{11}[\dX]{4}$/);
    expect(one?.data.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(one?.data.name).toBe(lawyerRow(1)[0]);

    // A changed row from a second push: the detail shows the current version and the one it replaced.
    const changed = await call('api_pusher', 'POST', '/aggregation/push', { library: 'lawyer', source: 'xihu-lawyer', batchId: '20261127-003', records: [Object.fromEntries(LAWYER_HEADERS.map((h, i) => [h, lawyerRow(1, { 执业状态: '暂停执业' })[i]]))] });
    expect(changed.json()).toMatchObject({ updated: 1 });
    const ref = ((await call('xihu_staff', 'GET', '/aggregation/records?library=lawyer&key=13301201010000001')).json() as { items: { ref: string }[] }).items[0]?.ref;
    const detail = (await call('xihu_staff', 'GET', `/aggregation/records/lawyer/${ref}`)).json() as { data: Record<string, string>; history: { data: Record<string, string>; supersededBy: string; lineage: { batchId: string } }[] };
    expect(detail.data.practiceStatus).toBe('2');
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]?.data.practiceStatus).toBe('1');
    expect(detail.history[0]?.supersededBy).toBe((changed.json() as { id: string }).id);
    expectError(await call('xihu_staff', 'GET', `/aggregation/records/lawyer/${'0'.repeat(64)}`), 404, 'AGG_RECORD_NOT_FOUND');
    expectError(await call('xihu_staff', 'GET', '/aggregation/records/lawyer/nope'), 400, 'VALIDATION_FAILED');
    // A key that holds an ID number (人民调解员: 公民身份号码 + 调委会) is shown masked.
    const mediators = (await call('zj_leader', 'GET', '/aggregation/records?library=mediator')).json() as { items: { businessKey: string }[] };
    expect(mediators.items[0]?.businessKey).toMatch(/^\d{3}\*{11}[\dX]{4} \/ \S+/);
    expectError(await call('xihu_staff', 'GET', '/aggregation/records?library=no-such'), 400, 'AGG_LIBRARY_NOT_FOUND');
  });
});

describe('coverage (归集率)', () => {
  it('shows held against expected per source and org, and the stale sources', async () => {
    const res = await call('zj_leader', 'GET', '/aggregation/coverage');
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json() as { rows: { sourceCode: string; libraryId: string; heldRecords: number; expectedRecords: number | null; rate: number | null; stale: boolean }[]; orgs: { obligations: number; stale: number }[] };
    const xihu = cov.rows.find((r) => r.sourceCode === 'xihu-lawyer');
    expect(xihu).toMatchObject({ libraryId: 'lawyer', expectedRecords: 10, stale: false });
    expect(xihu?.heldRecords).toBe(5); // 2 uploaded + 2 pushed + 1 pushed by English keys (and one of them changed)
    expect(xihu?.rate).toBe(0.5);
    expect(cov.rows.find((r) => r.sourceCode === 'hz-mediation')).toMatchObject({ stale: true, heldRecords: 0 });
    expect(cov.rows.find((r) => r.sourceCode === 'zj-lawyer' && r.libraryId === 'lawyer')?.heldRecords).toBeGreaterThan(50);
    expect(cov.orgs.reduce((n, o) => n + o.obligations, 0)).toBe(cov.rows.length);
  });
});

describe('standards in the console', () => {
  it('lists the 14 libraries and shows the lawyer standard with its accepted headers', async () => {
    const list = (await call('xihu_staff', 'GET', '/standard-libraries')).json() as { items: { id: string }[] };
    expect(list.items).toHaveLength(14);
    const lawyer = (await call('xihu_staff', 'GET', '/standard-libraries/lawyer')).json() as { fields: { label: string; headers: string[]; businessKey: boolean }[]; versions: unknown[] };
    expect(lawyer.fields.map((f) => f.label)).toEqual(LAWYER_HEADERS);
    expect(lawyer.fields.find((f) => f.businessKey)?.label).toBe('执业证号');
    expect(lawyer.fields.find((f) => f.label === '公民身份号码')?.headers).toContain('身份证号');
    expect(lawyer.versions).toHaveLength(1);
    expectError(await call('xihu_staff', 'GET', '/standard-libraries/no-such'), 404, 'STANDARD_LIBRARY_NOT_FOUND');
  });
});
