import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FormulaCell } from './source.types.ts';
import { chunked, collect, failure, tempDir } from './test-helpers.ts';
import { readXlsx } from './xlsx.reader.ts';

const dir = tempDir();

async function workbookFile(build: (wb: ExcelJS.Workbook) => void, name = 'book.xlsx'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const birth = new Date(Date.UTC(1980, 0, 2));

function twoSheets(wb: ExcelJS.Workbook): void {
  const people = wb.addWorksheet('人员');
  people.addRow([]); // the table starts lower down: the first non-empty row is the header
  people.addRow(['姓名', '出生日期', '年龄', '合计', '说明']);
  people.addRow(['张三', birth, 44, { formula: 'C3*2', result: 88 }, { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] }]);
  people.addRow([]); // a blank row: skipped
  people.addRow(['   ', null, null]); // only white space: skipped too
  people.addRow(['李四', null, 34.5, { formula: 'DATE(2024,3,1)', result: 45352 }, { text: '官网', hyperlink: 'https://www.moj.gov.cn' }]);
  people.addRow(['王五', null, null, null, null, '表头以外的值']);
  people.getCell('B3').numFmt = 'yyyy-mm-dd';
  people.getCell('D6').numFmt = 'yyyy"年"m"月"d"日"';
  const orgs = wb.addWorksheet('机构');
  orgs.addRow(['机构名称', '代码', '', '状态']);
  orgs.addRow(['杭州市司法局', '330100', null, { error: '#N/A' }]);
  orgs.addRow([true, 330100]);
  wb.addWorksheet('空表');
  const dict = wb.addWorksheet('字典', { state: 'hidden' });
  dict.addRow(['性别']);
  dict.addRow(['男']);
}

describe('readXlsx', () => {
  it('reads every visible sheet: header row, typed cells, blank rows skipped', async () => {
    const file = await workbookFile(twoSheets);
    const rows = await collect(readXlsx(fs.createReadStream(file)));
    expect(rows.map((r) => [r.sheet, r.rowNo])).toEqual([
      ['人员', 3],
      ['人员', 6],
      ['人员', 7],
      ['机构', 2],
      ['机构', 3],
    ]);
    const [zhang, li, wang, hz, bool] = rows;
    expect(zhang?.headers).toEqual(['姓名', '出生日期', '年龄', '合计', '说明']);
    expect(zhang?.headers).toBe(li?.headers); // same array for every row of a sheet
    expect(zhang?.cells).toEqual(['张三', birth, 44, new FormulaCell('C3*2', 88), '富文本']);
    expect(zhang?.cells[1]).toBeInstanceOf(Date);
    expect(zhang?.cells[3]).toBeInstanceOf(FormulaCell);
    // A formula returning a date serial in a date-formatted cell gives a Date result.
    expect(li?.cells).toEqual(['李四', null, 34.5, new FormulaCell('DATE(2024,3,1)', new Date(Date.UTC(2024, 2, 1))), '官网']);
    // Padded to the header width; a value right of the header makes the row longer.
    expect(wang?.cells).toEqual(['王五', null, null, null, null, '表头以外的值']);
    expect(hz?.headers).toEqual(['机构名称', '代码', '列3', '状态']);
    expect(hz?.cells).toEqual(['杭州市司法局', '330100', null, '#N/A']);
    expect(bool?.cells).toEqual([true, 330100, null, null]);
  });

  it('reads a workbook written by exceljs\'s streaming writer (sheets before shared strings, as Excel orders them)', async () => {
    const file = path.join(dir, 'streamed.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('数据');
    ws.addRow(['编号', '姓名']).commit();
    for (let i = 1; i <= 3000; i++) ws.addRow([i, `张三${i}`]).commit();
    ws.commit();
    await wb.commit();
    const rows = await collect(readXlsx(chunked(fs.readFileSync(file), 4096)));
    expect(rows).toHaveLength(3000);
    expect(rows.at(-1)).toMatchObject({ sheet: '数据', rowNo: 3001, cells: [3000, '张三3000'] });
  });

  it('SOURCE_HEADER_DUPLICATE names the sheet', async () => {
    const file = await workbookFile((wb) => {
      const ws = wb.addWorksheet('人员');
      ws.addRow(['姓名', '姓名']);
      ws.addRow(['a', 'b']);
    }, 'dup.xlsx');
    const err = await failure(readXlsx(fs.createReadStream(file)));
    expect(err).toMatchObject({ code: 'SOURCE_HEADER_DUPLICATE', sheet: '人员', rowNo: 1 });
  });

  it('SOURCE_FIELD_TOO_LARGE for a row over the limit', async () => {
    const file = await workbookFile((wb) => {
      const ws = wb.addWorksheet('人员');
      ws.addRow(['姓名', '备注']);
      ws.addRow(['张三', '短']);
      ws.addRow(['李四', '张'.repeat(40)]);
    }, 'large.xlsx');
    const err = await failure(readXlsx(fs.createReadStream(file), { maxRecordBytes: 100 }));
    expect(err).toMatchObject({ code: 'SOURCE_FIELD_TOO_LARGE', rowNo: 3, sheet: '人员' });
    expect(err.rows).toHaveLength(1);
  });

  it('SOURCE_EMPTY for zero bytes', async () => {
    expect((await failure(readXlsx(chunked(Buffer.alloc(0))))).code).toBe('SOURCE_EMPTY');
  });

  it('SOURCE_EMPTY for a workbook without data rows', async () => {
    const file = await workbookFile((wb) => {
      wb.addWorksheet('空');
      wb.addWorksheet('只有表头').addRow(['姓名']);
    }, 'empty.xlsx');
    expect((await failure(readXlsx(fs.createReadStream(file)))).code).toBe('SOURCE_EMPTY');
  });

  it('a truncated workbook ends in a SourceError wherever it is cut, never a hang or a crash', async () => {
    const file = await workbookFile(twoSheets, 'to-cut.xlsx');
    const bytes = fs.readFileSync(file);
    const codes = new Set<string>();
    for (let cut = 1; cut < bytes.length - 200; cut += Math.ceil(bytes.length / 25)) {
      const err = await failure(readXlsx(chunked(bytes.subarray(0, cut), 1024)));
      codes.add(err.code);
    }
    expect([...codes].every((c) => c === 'SOURCE_TRUNCATED' || c === 'SOURCE_MALFORMED')).toBe(true);
    expect(codes.has('SOURCE_TRUNCATED')).toBe(true);
  });

  it('SOURCE_MALFORMED for corrupted bytes and for a zip that is no workbook', async () => {
    const good = fs.readFileSync(await workbookFile(twoSheets, 'to-corrupt.xlsx'));
    // Garble a stretch of the first sheet's compressed XML: exceljs, copying that sheet to a
    // temporary file while the inflater fails, would wait forever without the reader's watch.
    const sheetAt = good.indexOf('xl/worksheets/sheet1.xml');
    expect(sheetAt).toBeGreaterThan(0);
    for (const offset of [60, 200, 400]) {
      const bytes = Buffer.from(good);
      for (let i = sheetAt + offset; i < sheetAt + offset + 300; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a;
      const err = await failure(readXlsx(chunked(bytes, 1024)));
      expect(['SOURCE_MALFORMED', 'SOURCE_TRUNCATED']).toContain(err.code);
    }
    // A local file header of a one-entry zip ("a.txt", stored) and nothing that makes a workbook.
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      Buffer.from([0x86, 0xa6, 0x10, 0x36, 5, 0, 0, 0, 5, 0, 0, 0, 5, 0, 0, 0]),
      Buffer.from('a.txthello'),
      Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ]);
    expect((await failure(readXlsx(chunked(zip, 16)))).code).toBe('SOURCE_MALFORMED');
  });

  it('fails (instead of waiting forever) when the input stream fails', async () => {
    const bytes = fs.readFileSync(await workbookFile(twoSheets, 'to-fail.xlsx'));
    const input = new Readable({ read() {} });
    input.push(bytes.subarray(0, 2000));
    setTimeout(() => input.destroy(new Error('磁盘读取失败')), 20);
    await expect(collect(readXlsx(input))).rejects.toThrow('磁盘读取失败');
  });

  it('releases the input when the caller stops early', async () => {
    const input = fs.createReadStream(await workbookFile(twoSheets, 'early.xlsx'));
    for await (const _ of readXlsx(input)) break;
    expect(input.destroyed).toBe(true);
  });
});
