import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.reader.ts';
import { csvField, writeErrorReportCsv, writeErrorReportXlsx, type ReportRow } from './error-report.ts';
import { collect, tempDir } from './test-helpers.ts';

const dir = tempDir();

async function* from(rows: ReportRow[]): AsyncGenerator<ReportRow> {
  for (const r of rows) yield r;
}

async function toBuffer(write: (out: PassThrough) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (d: Buffer) => parts.push(d));
  await write(out);
  return Buffer.concat(parts);
}

const HEADERS = ['姓名', '身份证号', '备注'] as const;
const csvRows: ReportRow[] = [
  { sheet: null, rowNo: 2, headers: HEADERS, cells: ['张三', '110101198001011234', '含,逗号和"引号"'], reasons: '身份证号校验位错误' },
  { sheet: null, rowNo: 5, headers: HEADERS, cells: ['=HYPERLINK("http://evil","点我")', '-5', '多\r\n行'], reasons: '姓名不能包含特殊字符；备注过长' },
  { sheet: null, rowNo: 9, headers: HEADERS, cells: ['李四', null], reasons: '列数少于表头' },
  { sheet: null, rowNo: 11, headers: HEADERS, cells: ['王五', '1', '2', '多出来的'], reasons: '列数多于表头' },
];

describe('csvField', () => {
  it('defuses formulas (OWASP CSV injection) but leaves plain numbers alone', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-2+3+cmd|" /C calc"!A0')).toBe(`"'-2+3+cmd|"" /C calc""!A0"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('-5')).toBe('-5');
    expect(csvField('+86')).toBe('+86');
    expect(csvField('-1.5e3')).toBe('-1.5e3');
    expect(csvField(null)).toBe('');
    expect(csvField('a"b')).toBe('"a""b"');
  });
});

describe('writeErrorReportCsv', () => {
  it('writes UTF-8 with BOM, CRLF, RFC 4180 quoting, and the 错误原因 column last', async () => {
    const bytes = await toBuffer((out) => writeErrorReportCsv(from(csvRows), out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('行号,姓名,身份证号,备注,错误原因');
    expect(lines[1]).toBe('2,张三,110101198001011234,"含,逗号和""引号""",身份证号校验位错误');
    expect(lines[2]).toBe(`5,"'=HYPERLINK(""http://evil"",""点我"")",-5,"多`);
    expect(text).toContain('9,李四,,,列数少于表头\r\n');
    // A row longer than its header gets a header line with 列N, so 错误原因 stays the last column.
    expect(text).toContain('行号,姓名,身份证号,备注,列4,错误原因\r\n11,王五,1,2,多出来的,列数多于表头\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('round-trips through the CSV reader', async () => {
    const bytes = await toBuffer((out) => writeErrorReportCsv(from(csvRows.slice(0, 2)), out));
    const rows = await collect(readCsv(PassThrough.from([bytes])));
    expect(rows[0]?.headers).toEqual(['行号', '姓名', '身份证号', '备注', '错误原因']);
    expect(rows.map((r) => r.cells[3])).toEqual(['含,逗号和"引号"', '多\r\n行']);
    expect(rows.map((r) => r.rowNo)).toEqual([2, 3]);
  });

  it('adds a 工作表 column for workbook rows and repeats the header when the columns change', async () => {
    const rows: ReportRow[] = [
      { sheet: '人员', rowNo: 3, headers: ['姓名'], cells: ['张三'], reasons: 'x' },
      { sheet: '机构', rowNo: 2, headers: ['机构名称', '代码'], cells: ['司法局', '33'], reasons: 'y' },
    ];
    const text = (await toBuffer((out) => writeErrorReportCsv(from(rows), out))).toString('utf8').slice(1);
    expect(text).toBe('行号,工作表,姓名,错误原因\r\n3,人员,张三,x\r\n行号,工作表,机构名称,代码,错误原因\r\n2,机构,司法局,33,y\r\n');
  });

  it('writes a header even when there are no rows, and ends a file stream', async () => {
    const file = path.join(dir, 'report.csv');
    await writeErrorReportCsv(from([]), fs.createWriteStream(file));
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFF行号,错误原因\r\n');
  });

  it('respects backpressure and fails when the output fails', async () => {
    const many: ReportRow[] = Array.from({ length: 20_000 }, (_, i) => ({ sheet: null, rowNo: i + 2, headers: HEADERS, cells: ['张三', String(i), '备注'], reasons: '原因' }));
    let written = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        written += chunk.length;
        setImmediate(cb);
      },
    });
    await writeErrorReportCsv(from(many), slow);
    expect(written).toBeGreaterThan(20_000 * 20);
    const broken = new Writable({
      write(_chunk, _enc, cb) {
        cb(new Error('客户端断开'));
      },
    });
    broken.on('error', () => undefined);
    await expect(writeErrorReportCsv(from(many), broken)).rejects.toThrow();
  });
});

describe('writeErrorReportXlsx', () => {
  it('writes one worksheet per source sheet, bold frozen header, red 错误原因, text cells', async () => {
    const rows: ReportRow[] = [
      { sheet: '人员', rowNo: 3, headers: ['姓名', '公式'], cells: ['张三', '=1+1'], reasons: '姓名重复' },
      { sheet: '人员', rowNo: 4, headers: ['姓名', '公式'], cells: ['李四', null], reasons: '公式列为空' },
      { sheet: '机构/名录', rowNo: 2, headers: ['机构名称'], cells: ['司法局', '多余'], reasons: '列数多于表头' },
    ];
    const bytes = await toBuffer((out) => writeErrorReportXlsx(from(rows), out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['人员', '机构_名录']);
    const people = wb.getWorksheet('人员');
    expect(people?.getRow(1).values).toEqual([undefined, '行号', '姓名', '公式', '错误原因']);
    expect(people?.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(people?.getRow(2).values).toEqual([undefined, 3, '张三', '=1+1', '姓名重复']);
    expect(people?.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.String); // text, never a formula
    expect(people?.getRow(2).getCell(4).font?.color?.argb).toBe('FFC00000');
    expect(people?.getRow(3).getCell(3).value).toBeNull();
    expect(people?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const orgs = wb.getWorksheet('机构_名录');
    expect(orgs?.getRow(1).values).toEqual([undefined, '行号', '机构名称', '列2', '错误原因']);
    expect(orgs?.getRow(2).values).toEqual([undefined, 2, '司法局', '多余', '列数多于表头']);
  });

  it('names the sheet 错误报告 for CSV/JSON sources and truncates cells Excel cannot hold', async () => {
    const rows: ReportRow[] = [{ sheet: null, rowNo: 2, headers: ['内容'], cells: ['x'.repeat(40_000)], reasons: '内容过长' }];
    const file = path.join(dir, 'report.xlsx');
    await writeErrorReportXlsx(from(rows), fs.createWriteStream(file));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('错误报告');
    expect(String(ws?.getRow(2).getCell(2).value)).toHaveLength(32_767);
  });

  it('writes a valid workbook when there are no rows', async () => {
    const bytes = await toBuffer((out) => writeErrorReportXlsx(from([]), out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('错误报告')?.getRow(1).values).toEqual([undefined, '行号', '错误原因']);
  });
});
