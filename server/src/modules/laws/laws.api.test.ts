import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { SAMPLE_LAWS_DIR } from '../../../test/samples.ts';

// The HTTP interface of the library over the demo's sample laws: permissions, the shapes the
// console reads, the upload, and errors in Chinese with a code.

const API = '/api/v1';
let tp: TestApp;
let staff: string;

beforeAll(async () => {
  tp = await createTestApp({ demoLaws: true });
  staff = await tp.login('xihu_staff');
});
afterAll(async () => tp.destroy());

const get = (token: string, url: string) => tp.as(token, { method: 'GET', url: `${API}${url}` });
const q = encodeURIComponent;

describe.skipIf(!SAMPLE_LAWS_DIR)('reading the demo library', () => {
  it('lists versions with level and status labels, filtered by level and status', async () => {
    const all = await get(staff, '/laws?pageSize=100');
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as { items: { id: string; levelLabel: string; statusLabel: string }[]; total: number };
    expect(body.total).toBe(13);
    expect(body.items.find((v) => v.id === '行政处罚法/2021-01-22')).toMatchObject({ levelLabel: '法律', statusLabel: '有效' });
    const local = (await get(staff, '/laws?level=local-regulation')).json() as { items: { title: string }[] };
    expect(local.items.map((v) => v.title)).toEqual(['浙江省司法鉴定管理条例']);
    const levels = (await get(staff, '/laws/levels')).json() as { items: { label: string; count: number }[] };
    expect(levels.items).toContainEqual({ level: 'administrative-regulation', label: '行政法规', count: 1 });
  });

  it('gives a version with its elements in document order', async () => {
    const res = await get(staff, `/laws/version?id=${q('行政处罚法/2021-01-22')}`);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as { version: { articles: number; issuer: string }; elements: { id: string; kind: string; parentId: string | null }[]; history: unknown[] };
    expect(v.version).toMatchObject({ articles: 86, issuer: '全国人民代表大会' });
    expect(v.elements.filter((e) => e.kind === 'article')).toHaveLength(86);
    expect(v.elements[0]).toMatchObject({ kind: 'chapter', parentId: null });
    expect(v.history.length).toBeGreaterThan(2);
  });

  it('gives an article with its 款 and 项, its citations and what cites it', async () => {
    const res = await get(staff, `/laws/element?id=${q('行政处罚法/2021-01-22/art51')}`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json() as { element: { label: string }; children: { id: string }[]; citedBy: { fromLabel: string; raw: string }[] };
    expect(e.element.label).toBe('第五十一条');
    expect(e.children.length).toBeGreaterThan(0);
    expect(e.citedBy.length).toBeGreaterThan(0);
    expect(e.citedBy.every((c) => c.fromLabel.startsWith('第') && c.raw.includes('第五十一条'))).toBe(true);
  });

  it('answers an unknown version or element with 404 and a Chinese message', async () => {
    const v = await get(staff, `/laws/version?id=${q('无此法/2020-01-01')}`);
    expect(v.statusCode).toBe(404);
    expect(v.json()).toMatchObject({ code: 'LAW_NOT_FOUND' });
    const e = await get(staff, `/laws/element?id=${q('行政处罚法/2021-01-22/art999')}`);
    expect(e.statusCode).toBe(404);
    expect(e.json()).toMatchObject({ code: 'LAW_ELEMENT_NOT_FOUND' });
  });
});

describe('importing through the console', () => {
  const text = '# 测试上传条例\n\n2020年5月1日 公布\n\n<!-- INFO END -->\n\n## 第一章 总则\n\n第一条 为了测试，制定本条例。\n\n第二条 违反本条例第一条的，处一千元以下罚款。\n';

  it('imports an uploaded file, the folder giving its level, and reports counts and warnings', async () => {
    const res = await tp.as(staff, { method: 'POST', url: `${API}/laws/import?filename=${q('测试上传条例(2020-05-01).md')}&folder=${q('地方性法规')}`, payload: text, headers: { 'content-type': 'text/markdown' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, items: [{ file: '测试上传条例(2020-05-01).md', title: '测试上传条例', articles: 2, chapters: 1, lawId: '测试上传条例/2020-05-01', warnings: [] }] });
    const v = (await get(staff, `/laws/version?id=${q('测试上传条例/2020-05-01')}`)).json() as { version: { level: string } };
    expect(v.version.level).toBe('local-regulation');
  });

  it('refuses a file that is not text, naming it as uploaded and never the server\'s own folders', async () => {
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x00, 0x9c, 0x00]);
    const res = await tp.as(staff, { method: 'POST', url: `${API}/laws/import?filename=${q('某条例(2020-05-01).md')}&folder=${q('地方性法规')}`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { code: string; message: string; details: { field: string; message: string }[] };
    expect(body.code).toBe('LAW_FILE_UNREADABLE');
    expect(body.message).toMatch(/^地方性法规\/某条例\(2020-05-01\)\.md：/);
    expect(body.details).toEqual([{ field: 'file', message: '地方性法规/某条例(2020-05-01).md' }]);
    expect(res.body).not.toContain(os.tmpdir());
  });

  it('refuses the upload without laws:import (a leader reads but does not import)', async () => {
    const leader = await tp.login('hz_leader');
    expect((await get(leader, '/laws')).statusCode).toBe(200);
    const res = await tp.as(leader, { method: 'POST', url: `${API}/laws/import?filename=a.md`, payload: text, headers: { 'content-type': 'text/markdown' } });
    expect(res.statusCode).toBe(403);
  });

  it('keeps the library closed to the system administrator (a business permission, SEC-18)', async () => {
    const admin = await tp.login('sysadmin');
    expect((await get(admin, '/laws')).statusCode).toBe(403);
  });
});
