import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { createDictionaryModule } from '../dictionary/index.ts';
import { createPowerListModule, type PowerListModule } from './index.ts';
import { insertLaw, TEST_LAW, workbookOf } from './test-fixtures.ts';
import { ITEM_HEADERS, TIER_HEADERS } from './xlsx-format.ts';

// XLSX import (atomic, every error with sheet, row, column and code), export and template; citations
// in words are resolved against the version of the law in force today.

let tp: TestApp;
let pl: PowerListModule;
const who = { system: 'test' } as const;
const L = TEST_LAW.id;
const H = [...ITEM_HEADERS.slice(0, 7)];
const T = [...TIER_HEADERS];

async function powerTables(): Promise<string> {
  const out: string[] = [];
  for (const t of ['power_items', 'power_item_bases', 'power_item_benchmarks', 'audit_events']) {
    const { rows } = await sql<{ h: string }>`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(t)} x`.execute(tp.database.db);
    out.push(`${t}:${rows[0]?.h}`);
  }
  return out.join(' ');
}

async function details(bytes: Buffer) {
  const err = await pl.transfer.importXlsx(who, bytes).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'POWER_IMPORT_INVALID', status: 400 });
  return (err as { details: { row: number; field: string; code: string; message: string }[] }).details;
}

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  pl = createPowerListModule(tp.database.db, { codes: createDictionaryModule(tp.database.db).lookup });
  // Three versions: an amended one, the one in force, one not yet in force. Citations take the second.
  await insertLaw(tp.database.db, { ...TEST_LAW, id: '测试管理法/2005-01-01', supersededOn: '2015-01-01' });
  await insertLaw(tp.database.db, TEST_LAW);
  await insertLaw(tp.database.db, { ...TEST_LAW, id: '测试管理法/2098-01-01', effectiveDate: '2099-01-01' });
  await insertLaw(tp.database.db, { id: '已废测试法/2001-01-01', title: '已废测试法', repealedOn: '2010-01-01', elements: [['art1', ''], ['art1/p1', '旧规定。']] });
});
afterAll(async () => tp.destroy());

describe('import', () => {
  it('reads ids and citations, labels of bodies and penalty kinds, and stores the items; audited once', async () => {
    const file = await workbookOf(
      [
        H,
        ['T-X-001', '对从业人员以不正当手段承揽业务的处罚', '行政处罚', '市级司法局、province_dept', `${L}/art4/p1`, '《中华人民共和国测试管理法》第三条第一款第（二）项；《测试管理法》第三条第二款', '说明文字'],
        ['T-X-002', '测试机构设立许可', '行政许可', '省级司法厅（局）', '《中华人民共和国测试管理法》第四条', null, null],
      ],
      [T, ['T-X-001', '一般', '初次违法', '警告、罚款', 1000, '3000', ''], ['T-X-001', '严重', '屡次违法', '停止执业、罚款', 3000, 5000, '停止执业三个月以下']],
    );
    expect(await pl.transfer.importXlsx(who, file)).toEqual({ created: ['T-X-001', 'T-X-002'], updated: [], unchanged: [] });
    const [one] = (await pl.service.list({ q: 'T-X-001' }, { page: 1, pageSize: 1 })).items;
    const got = await pl.service.get(one?.id ?? 0);
    expect(got.orgTypes).toEqual(['city_bureau', 'province_dept']);
    expect(got.bases.map((b) => [b.role, b.elementId])).toEqual([['basis', `${L}/art4/p1`], ['penalty', `${L}/art3/p1/i2`], ['penalty', `${L}/art3/p2`]]);
    // 停止执业 (律师法's word) is the 限制从业 of 行政处罚法 第九条.
    expect(got.benchmarks.map((t) => [t.level, t.penalties, t.amountMin, t.amountMax])).toEqual([['一般', ['01', '03'], 1000, 3000], ['严重', ['12', '03'], 3000, 5000]]);
    const { rows } = await sql<{ changes: unknown }>`select changes from audit_events where action = 'power-list.import'`.execute(tp.database.db);
    expect(rows).toEqual([{ changes: { created: ['T-X-001', 'T-X-002'], updated: [], unchanged: 0 } }]);
  });

  it('every problem of the file is reported with sheet, row, column and code, and nothing is written', async () => {
    const before = await powerTables();
    const file = await workbookOf(
      [
        H,
        ['T-X-101', '坏事项', '行政处分', '派出所', '《中华人民共和国测试管理法》第九十九条', '第三条', ''],
        ['T-X-102', '另一个坏事项', '行政处罚', '市级司法局', '《不存在法》第一条', '《已废测试法》第一条', ''],
        ['T-X-102', '重复编码', '行政检查', '', '', '', ''],
        ['T X 103', '编码有空格', '行政检查', '', '', '', ''],
        ['T-X-104', '旧依据', '行政处罚', '市级司法局', '已废测试法/2001-01-01/art1/p1', `${L}/art3/p1/i2`, ''],
      ],
      [T, ['T-X-102', '一般', '', '罚款', '五千', 100, ''], ['T-X-102', '较重', '', '罚款', 0, 50, ''], ['T-X-102', '加重', '', '罚款', null, null, ''], ['T-X-999', '一般', '', '警告', null, null, '']],
    );
    const got = (await details(file)).map((d) => [d.field, d.row, d.code]);
    expect(got).toEqual([
      ['执法事项.事项类别', 2, 'POWER_IMPORT_CELL_INVALID'],
      ['执法事项.法律依据', 2, 'POWER_BASIS_UNRESOLVED'], // 第九十九条 is not in the law
      ['执法事项.处罚依据', 2, 'POWER_BASIS_UNRESOLVED'], // no law named
      ['执法事项.实施主体', 2, 'POWER_ORG_TYPE_INVALID'],
      ['执法事项.法律依据', 3, 'POWER_BASIS_UNRESOLVED'], // unknown law
      ['执法事项.处罚依据', 3, 'POWER_BASIS_UNRESOLVED'], // no version in force
      ['执法事项.法律依据', 3, 'POWER_BASIS_REQUIRED'], // ADP-31: a 行政处罚 needs a basis
      ['执法事项.事项编码', 4, 'POWER_IMPORT_CODE_DUPLICATE'],
      ['执法事项.事项编码', 5, 'POWER_IMPORT_CELL_INVALID'],
      ['执法事项.法律依据', 6, 'POWER_BASIS_REPEALED'],
      ['裁量基准.罚款下限', 2, 'POWER_IMPORT_CELL_INVALID'],
      ['裁量基准.罚款上限', 3, 'POWER_TIER_ORDER'], // ADP-23: 较重's max 50 < 一般's 100
      ['裁量基准.阶次', 4, 'POWER_IMPORT_CELL_INVALID'],
      ['裁量基准.事项编码', 5, 'POWER_IMPORT_TIER_ORPHAN'],
    ]);
    expect(await powerTables()).toBe(before);
  });

  it('messages are Chinese and name the value and the rule', async () => {
    const file = await workbookOf([H, ['T-X-201', '事项', '行政处罚', '市级司法局', null, `${L}/art3/p1/i2`, '']], [T, ['T-X-201', '一般', '', '罚款', 5000, 100, '']]);
    const [d] = await details(file);
    expect(d).toMatchObject({ field: '裁量基准.罚款下限', row: 2, code: 'POWER_AMOUNT_RANGE' });
    expect(d?.message).toContain('ADP-23');
    expect(d?.message).toContain('5000');
  });

  it('a file that is no workbook, a workbook without the sheet or a required column', async () => {
    await expect(pl.transfer.importXlsx(who, Buffer.from('not a zip at all'))).rejects.toMatchObject({ code: 'POWER_IMPORT_UNREADABLE' });
    await expect(pl.transfer.importXlsx(who, Buffer.alloc(0))).rejects.toMatchObject({ code: 'POWER_IMPORT_UNREADABLE' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['事项编码']);
    expect((await details(Buffer.from(await wb.xlsx.writeBuffer()))).map((d) => d.code)).toEqual(['POWER_IMPORT_SHEET_MISSING']);
    expect((await details(await workbookOf([['事项编码', '事项名称'], ['T-1', '名称']]))).map((d) => [d.field, d.code])).toEqual([['执法事项.事项类别', 'POWER_IMPORT_HEADER_MISSING']]);
    expect((await details(await workbookOf([H]))).map((d) => d.code)).toEqual(['POWER_IMPORT_EMPTY']);
  });

  it('a list of items in one citation resolves to each; words around citations that are not one are refused', async () => {
    const ok = await workbookOf([H, ['T-X-401', '列举', '行政检查', '', '《测试管理法》第三条第一款第（一）项、第（二）项']]);
    expect((await pl.transfer.importXlsx(who, ok)).created).toEqual(['T-X-401']);
    const [one] = (await pl.service.list({ q: 'T-X-401' }, { page: 1, pageSize: 1 })).items;
    expect((await pl.service.get(one?.id ?? 0)).bases.map((b) => b.elementId)).toEqual([`${L}/art3/p1/i1`, `${L}/art3/p1/i2`]);
    const bad = await workbookOf([H, ['T-X-402', '多余文字', '行政检查', '', '依照《测试管理法》第四条的规定办理'], ['T-X-403', '只有法名', '行政检查', '', '《测试管理法》']]);
    expect((await details(bad)).map((d) => [d.row, d.code, d.message])).toEqual([
      [2, 'POWER_BASIS_UNRESOLVED', expect.stringContaining('无法识别的文字')],
      [3, 'POWER_BASIS_UNRESOLVED', expect.stringContaining('请写到条、款或项')],
    ]);
  });

  it('a sheet over the row limit is refused', async () => {
    const rows = Array.from({ length: 5001 }, (_, k) => [`T-MANY-${k}`, '事项', '行政检查']);
    expect((await details(await workbookOf([H, ...rows]))).map((d) => d.code)).toContain('POWER_IMPORT_TOO_MANY_ROWS');
  });

  it('a formula cell is refused rather than computed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('执法事项');
    ws.addRow(H);
    ws.addRow(['T-X-301', '事项', '行政检查']);
    ws.getCell('B2').value = { formula: 'A2&"事项"', result: 'T-X-301事项' };
    expect((await details(Buffer.from(await wb.xlsx.writeBuffer()))).map((d) => [d.field, d.row, d.code])).toEqual([['执法事项.事项名称', 2, 'POWER_IMPORT_CELL_INVALID']]);
  });
});

describe('export and template', () => {
  it('export → import changes nothing (every item unchanged, no row touched but the audit event)', async () => {
    const bytes = await pl.transfer.exportXlsx();
    const before = await powerTables();
    const codes = (await pl.service.all()).map((i) => i.code);
    expect(await pl.transfer.importXlsx(who, bytes)).toEqual({ created: [], updated: [], unchanged: codes });
    const after = await powerTables();
    expect(after.split(' ').slice(0, 3)).toEqual(before.split(' ').slice(0, 3));
  });

  it('writes ids (exact, re-importable) and, for people, the citations', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await pl.transfer.exportXlsx()) as unknown as ArrayBuffer);
    const items = wb.getWorksheet('执法事项');
    expect(items?.getRow(1).values).toEqual([undefined, ...ITEM_HEADERS]);
    expect(items?.getRow(2).values).toEqual([
      undefined, 'T-X-001', '对从业人员以不正当手段承揽业务的处罚', '行政处罚', '市级司法局、省级司法厅（局）', `${L}/art4/p1`, `${L}/art3/p1/i2\n${L}/art3/p2`, '说明文字',
      '《中华人民共和国测试管理法》第四条第一款\n《中华人民共和国测试管理法》第三条第一款第（二）项\n《中华人民共和国测试管理法》第三条第二款',
    ]);
    expect(wb.getWorksheet('裁量基准')?.getRow(3).values).toEqual([undefined, 'T-X-001', '严重', '屡次违法', '限制从业、罚款', 3000, 5000, '停止执业三个月以下']);
  });

  it('an edited export updates what changed and adds new rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await pl.transfer.exportXlsx()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('执法事项');
    if (!ws) throw new Error('no sheet');
    ws.getCell('B3').value = '测试机构设立许可（改）';
    ws.addRow(['T-X-003', '新增检查事项', '行政检查', '县级司法局']);
    const r = await pl.transfer.importXlsx(who, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toEqual({ created: ['T-X-003'], updated: ['T-X-002'], unchanged: ['T-X-001', 'T-X-401'] });
  });

  it('the template has the two sheets with their headers, a sheet of instructions, and no data', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await pl.transfer.template()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['执法事项', '裁量基准', '填写说明']);
    expect(wb.getWorksheet('执法事项')?.rowCount).toBe(1);
    expect(wb.getWorksheet('裁量基准')?.getRow(1).values).toEqual([undefined, ...TIER_HEADERS]);
    const help = wb.getWorksheet('填写说明');
    const allowed = new Map<string, string>();
    help?.eachRow((r) => allowed.set(String(r.getCell(1).value), String(r.getCell(2).value ?? '')));
    expect(allowed.get('处罚种类')).toContain('限制从业');
    expect(allowed.get('事项类别')).toBe('行政处罚、行政许可、行政强制、行政检查、行政征收、行政确认、其他');
  });
});
