import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { FIRM_CODE, LAWYER_HEADERS, lawyerRow, validId, writeCsv } from './test-fixtures.ts';

let tp: TestApp;
const who = { system: 'test' } as const;

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
});
afterAll(async () => {
  await tp.destroy();
});

async function ingest(file: string, opts: { library?: string; mode?: 'atomic' | 'partial'; source?: string } = {}) {
  const summary = await tp.aggregation.batches.ingestFile(who, null, {
    libraryId: opts.library ?? 'lawyer', sourceCode: opts.source ?? 'test-src', mode: opts.mode ?? 'partial', filePath: file, fileName: path.basename(file),
  });
  const batch = await tp.aggregation.batches.get(null, summary.batchId);
  return { summary, batch };
}

async function errorsOf(batchId: string) {
  const out: { rowNo: number; sheet: string | null; reasons: string; cells: (string | null)[] }[] = [];
  for await (const r of tp.aggregation.batches.errorRows(null, batchId)) out.push(r);
  return out;
}

async function records(library = 'lawyer') {
  const r = await sql<{ business_key: string; data: Record<string, unknown>; cleansed: Record<string, string> | null; content_hash: string; batch_id: string; row_no: number }>`
    select business_key, data, cleansed, content_hash, batch_id, row_no from agg_records where library_id = ${library} order by business_key`.execute(tp.database.db);
  return r.rows;
}

async function historyCount(library = 'lawyer') {
  const r = await sql<{ n: number }>`select count(*)::int as n from agg_record_history where library_id = ${library}`.execute(tp.database.db);
  return r.rows[0]?.n ?? 0;
}

async function clearLibrary(library: string) {
  await sql`delete from agg_records where library_id = ${library}`.execute(tp.database.db);
  await sql`delete from agg_record_history where library_id = ${library}`.execute(tp.database.db);
}

describe('a GBK CSV of lawyers', () => {
  it('lands valid rows, cleanses, and reports each rejected row with its line and every reason', async () => {
    await clearLibrary('lawyer');
    const rows = [
      lawyerRow(1),
      lawyerRow(2, { 首次执业日期: '2016年3月5日', 公民身份号码: validId('330106', '19850312', 102).replace(/(.)$/, (c) => c.toLowerCase()) }),
      lawyerRow(3, { 公民身份号码: validId('330106', '19850312', 103).slice(0, 17) + '0' }), // wrong check digit (unless it happens to be 0)
      lawyerRow(4, { 执业类别: '专业', 联系电话: '1380000' }), // two reasons
      lawyerRow(5, { 姓名: '' }),
      lawyerRow(6, { 性别: '男' }), // ID says female
    ];
    if (rows[2]?.[2]?.endsWith(validId('330106', '19850312', 103).slice(-1))) rows[2][2] = rows[2][2].slice(0, 17) + '1';
    const file = writeCsv('律师名册.csv', LAWYER_HEADERS, rows, 'gbk');
    const { summary, batch } = await ingest(file);
    expect(summary).toMatchObject({ read: 6, accepted: 2, rejected: 4, unchanged: 0, updated: 0 });
    expect(batch).toMatchObject({ status: 'completed', format: 'csv', inserted: 2, cleansed: 1 });

    const errors = await errorsOf(summary.batchId);
    expect(errors.map((e) => e.rowNo)).toEqual([4, 5, 6, 7]); // header is line 1
    expect(errors[0]?.reasons).toMatch(/校验/);
    expect(errors[1]?.reasons).toMatch(/执业类别/);
    expect(errors[1]?.reasons).toMatch(/联系电话/);
    expect(errors[2]?.reasons).toMatch(/姓名.*必填/);
    expect(errors[3]?.reasons).toMatch(/性别/);
    expect(errors[1]?.cells).toEqual(rows[3]); // the original row, as the source wrote it

    const stored = await records();
    const second = stored.find((r) => r.business_key === '13301201010000002');
    expect(second?.data).toMatchObject({ firstPracticeDate: '2016-03-05', practiceType: '01', practiceStatus: '1', gender: '2', firmCreditCode: FIRM_CODE });
    expect(String(second?.data.idNumber)).toMatch(/X$|\d$/);
    expect(second?.cleansed).toMatchObject({ firstPracticeDate: '2016年3月5日' });
  });

  it('a re-import of the same file changes nothing; a changed row updates and keeps its history', async () => {
    await clearLibrary('lawyer');
    const rows = Array.from({ length: 30 }, (_, i) => lawyerRow(i + 1));
    const file = writeCsv('a.csv', LAWYER_HEADERS, rows, 'utf8-bom');
    const first = await ingest(file);
    expect(first.summary).toMatchObject({ read: 30, accepted: 30, rejected: 0, unchanged: 0, updated: 0 });
    const before = await records();

    const again = await ingest(file);
    expect(again.summary).toMatchObject({ read: 30, accepted: 30, unchanged: 30, updated: 0 });
    expect(await records()).toEqual(before);
    expect(await historyCount()).toBe(0);

    const changed = rows.map((r, i) => (i === 4 ? lawyerRow(5, { 执业状态: '暂停执业' }) : r));
    const third = await ingest(writeCsv('b.csv', LAWYER_HEADERS, changed));
    expect(third.summary).toMatchObject({ accepted: 30, unchanged: 29, updated: 1 });
    const after = await records();
    const row5 = after.find((r) => r.business_key === '13301201010000005');
    expect(row5?.data.practiceStatus).toBe('2');
    expect(row5?.batch_id).toBe(third.summary.batchId);
    expect(await historyCount()).toBe(1);
    const hist = await sql<{ data: Record<string, unknown>; batch_id: string; superseded_by: string }>`select data, batch_id, superseded_by from agg_record_history`.execute(tp.database.db);
    expect(hist.rows[0]).toMatchObject({ batch_id: first.summary.batchId, superseded_by: third.summary.batchId });
    expect(hist.rows[0]?.data.practiceStatus).toBe('1');
  });

  it('a business key repeated in one file is rejected, naming the first row, in one chunk and across chunks', async () => {
    await clearLibrary('lawyer');
    const rows = Array.from({ length: 12 }, (_, i) => lawyerRow(i + 1));
    rows.push(lawyerRow(3, { 联系电话: '13900000000' })); // same 执业证号 as line 4
    const file = writeCsv('dup.csv', LAWYER_HEADERS, rows);
    const { summary } = await ingest(file);
    expect(summary).toMatchObject({ read: 13, accepted: 12, rejected: 1 });
    const [e] = await errorsOf(summary.batchId);
    expect(e?.rowNo).toBe(14);
    expect(e?.reasons).toMatch(/第 4 行重复/);
    // Re-importing the same file changes nothing, the duplicate included.
    const again = await ingest(file);
    expect(again.summary).toMatchObject({ accepted: 12, unchanged: 12, rejected: 1 });
  });
});

describe('modes', () => {
  it('atomic: one bad row and nothing lands; the report still lists it', async () => {
    await clearLibrary('lawyer');
    const rows = [lawyerRow(1), lawyerRow(2), lawyerRow(3, { 执业状态: '休假' })];
    const { summary, batch } = await ingest(writeCsv('atomic.csv', LAWYER_HEADERS, rows), { mode: 'atomic' });
    expect(batch.status).toBe('rejected');
    expect(summary).toMatchObject({ read: 3, accepted: 0, rejected: 1 });
    expect(await records()).toEqual([]);
    expect((await errorsOf(summary.batchId)).map((e) => e.rowNo)).toEqual([4]);
  });

  it('atomic: all valid, all land', async () => {
    await clearLibrary('lawyer');
    const { summary, batch } = await ingest(writeCsv('atomic-ok.csv', LAWYER_HEADERS, [lawyerRow(1), lawyerRow(2)]), { mode: 'atomic' });
    expect(batch.status).toBe('completed');
    expect(summary).toMatchObject({ accepted: 2, rejected: 0 });
    expect(await records()).toHaveLength(2);
  });
});

describe('XLSX with Chinese headers on several sheets', () => {
  it('maps aliases, reads dates and numbers, skips a sheet of notes, rejects formulas', async () => {
    await clearLibrary('lawyer');
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('填表说明');
    notes.addRow(['填表说明']);
    notes.addRow(['本表由各市局填报，日期格式为 2021-07-15']);
    const hz = wb.addWorksheet('杭州');
    hz.addRow(['姓名', '性别', '身份证号', '执业证书编号', '律师事务所', '律所统一社会信用代码', '律师类别', '执业日期', '状态', '手机号']);
    const a = lawyerRow(1);
    hz.addRow([a[0], a[1], a[2], a[3], a[4], a[5], a[6], new Date(Date.UTC(2015, 6, 1)), a[8], Number(a[9])]);
    const b = lawyerRow(2);
    hz.addRow([b[0], b[1], b[2], b[3], b[4], b[5], b[6], 42186, b[8], b[9]]); // 42186 = 2015-07-01 as an Excel serial
    const nb = wb.addWorksheet('宁波');
    nb.addRow(LAWYER_HEADERS);
    const c = lawyerRow(3);
    nb.addRow(c);
    const d = lawyerRow(4);
    const dr = nb.addRow(d);
    dr.getCell(1).value = { formula: 'CONCATENATE("张","三")', result: '张三' };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tp-xlsx-')), '律师.xlsx');
    await wb.xlsx.writeFile(file);

    const { summary, batch } = await ingest(file);
    expect(batch.format).toBe('xlsx');
    expect(summary).toMatchObject({ read: 4, accepted: 3, rejected: 1 });
    const errors = await errorsOf(summary.batchId);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: '宁波', rowNo: 3 });
    expect(errors[0]?.reasons).toMatch(/公式/);
    const stored = await records();
    expect(stored.map((r) => r.data.firstPracticeDate)).toEqual(['2015-07-01', '2015-07-01', '2015-07-01']);
    expect(batch.unmappedHeaders.some((h) => h.includes('填表说明'))).toBe(true);
  });
});

describe('sources that cannot be read', () => {
  it('missing required columns: a clear error and nothing lands', async () => {
    await clearLibrary('lawyer');
    const { batch } = await ingest(writeCsv('cols.csv', ['姓名', '性别'], [['张三', '男']]));
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toBe('AGG_COLUMNS_MISSING');
    expect(batch.errorMessage).toMatch(/公民身份号码/);
    expect(batch.errorMessage).toMatch(/执业证号/);
    expect(await records()).toEqual([]);
  });

  it('a truncated file in atomic mode: nothing partial', async () => {
    await clearLibrary('lawyer');
    const rows = Array.from({ length: 20 }, (_, i) => lawyerRow(i + 1));
    const file = writeCsv('trunc.csv', LAWYER_HEADERS, rows);
    fs.appendFileSync(file, '"李四,男,未结束的引号');
    const { batch } = await ingest(file, { mode: 'atomic' });
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toMatch(/^SOURCE_/);
    expect(await records()).toEqual([]);
  });

  it('binary junk and a wrong encoding are refused with a code', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-junk-'));
    const junk = path.join(dir, 'junk.csv');
    fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await expect(ingest(junk, { mode: 'atomic' })).rejects.toMatchObject({ code: 'AGG_FILE_UNREADABLE' });
  });

  it('a 100 MB single field: refused without reading it into memory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-big-'));
    const file = path.join(dir, 'big.csv');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, LAWYER_HEADERS.join(',') + '\n' + lawyerRow(1).join(',') + '\n"');
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 100; i++) fs.writeSync(fd, block);
    fs.writeSync(fd, '",男\n');
    fs.closeSync(fd);
    const { batch } = await ingest(file, { mode: 'atomic' });
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toBe('SOURCE_FIELD_TOO_LARGE');
    fs.rmSync(dir, { recursive: true });
  });
});

describe('a console upload the server died in', () => {
  it('is marked interrupted, and resumed from its checkpoint when the server starts again', async () => {
    await clearLibrary('lawyer');
    const rows = Array.from({ length: 120 }, (_, i) => lawyerRow(i + 1));
    const source = writeCsv('upload.csv', LAWYER_HEADERS, rows);
    const uploadDir = path.join(os.tmpdir(), 'tianping-uploads');
    fs.mkdirSync(uploadDir, { recursive: true });
    const batchId = crypto.randomUUID();
    const file = path.join(uploadDir, `${batchId}.upload`);
    fs.copyFileSync(source, file);
    // The "server" dies after its first chunk is committed: the progress callback throws.
    let chunks = 0;
    const dying = tp.aggregation.batches.ingestFile(who, null, {
      libraryId: 'lawyer', sourceCode: 'test-src', mode: 'partial', filePath: file, fileName: '西湖律师.csv', batchId, chunkRows: 50,
      onProgress: () => {
        if (++chunks === 1) throw new Error('process killed');
      },
    });
    await expect(dying).rejects.toThrow('process killed');
    expect(await records()).toHaveLength(50);
    await sql`update agg_batches set updated_at = now() - interval '10 minutes' where id = ${batchId}`.execute(tp.database.db);
    expect(await tp.aggregation.batches.get(null, batchId)).toMatchObject({ status: 'running', interrupted: true, read: 50 });

    await tp.aggregation.resumeInterrupted();
    expect(await tp.aggregation.batches.get(null, batchId)).toMatchObject({ status: 'completed', interrupted: false, read: 120, accepted: 120, inserted: 120 });
    expect(await records()).toHaveLength(120);
    expect(fs.existsSync(file)).toBe(false);
  });
});
