import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { creditCodeError } from '../../identity/index.ts';
import { DATA_ELEMENTS, idCheckDigit, STANDARD_LIBRARIES } from '../../standards/index.ts';
import { demoHeaders, demoRow, demoRows, DIRTY_KINDS, type DirtyKind } from './generator.ts';
import { countyCodes, DEMO_LIBRARIES } from './records.ts';
import { writeDemoCsv, writeDemoXlsx } from './write-demo-file.ts';

const ELEMENTS = new Map(DATA_ELEMENTS.map((e) => [e.id, e]));
const headerOf = (libId: string, key: string): string => {
  const f = STANDARD_LIBRARIES.find((l) => l.id === libId)?.fields.find((x) => x.key === key);
  return f?.label ?? ELEMENTS.get(f?.element ?? '')?.name ?? key;
};

/** The labels of the code sets as given to the generator (being added to the dictionary in parallel). */
const LABELS: Record<string, readonly string[]> = {
  sex: ['男', '女'],
  lawyer_practice_type: ['专职', '兼职', '公职', '公司', '法律援助'],
  practice_status: ['正常', '暂停执业', '注销', '吊销'],
  law_firm_form: ['普通合伙', '特殊的普通合伙', '个人', '国家出资'],
  appraisal_category: ['法医类', '物证类', '声像资料', '环境损害', '其他'],
  legal_aid_case_type: ['刑事', '民事', '行政', '国家赔偿', '其他'],
  legal_aid_status: ['受理', '指派', '办理中', '结案', '终止'],
  qualification_type: ['A类', 'B类', 'C类'],
  mediator_type: ['专职', '兼职'],
  mediation_committee_type: ['村民委员会', '居民委员会', '企业事业单位', '乡镇街道', '行业性专业性'],
  correction_type: ['管制', '缓刑', '假释', '暂予监外执行'],
  correction_status: ['在矫', '解除矫正', '收监执行', '死亡'],
  licence_status: ['有效', '暂停执业', '吊销', '注销', '过期'],
  permit_category: ['普通', '特许', '认可', '核准', '登记', '其他'],
  penalty_type: ['警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留'],
  education: ['大学本科毕业', '硕士研究生毕业', '博士研究生毕业', '大学专科毕业', '研究生班毕业', '普通高中毕业', '初中毕业'],
  political_status: ['中共党员', '中共预备党员', '共青团员', '民盟盟员', '九三学社社员', '无党派人士', '群众'],
};

const fold = (s: string): string => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toUpperCase();

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
/** The four formats the generator writes; null when the text is not one of them or no real date. */
function parseDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return realDate(y, mo, d) ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

/** An independent, minimal check of a row: which DIRTY_KINDS it shows. */
function problems(libId: string, cells: Record<string, string>): Set<DirtyKind> {
  const lib = STANDARD_LIBRARIES.find((l) => l.id === libId);
  if (!lib) throw new Error(libId);
  const found = new Set<DirtyKind>();
  let id = '';
  for (const f of lib.fields) {
    const el = ELEMENTS.get(f.element);
    const v = cells[f.label ?? el?.name ?? ''] ?? '';
    if (v === '') {
      if (f.required) found.add('missing-required');
      continue;
    }
    if (el?.kind === 'id-number') {
      id = fold(v);
      if (!/^\d{17}[\dX]$/.test(id) || !countyCodes().has(id.slice(0, 6))) throw new Error(`malformed ID ${v}`);
      if (idCheckDigit(id.slice(0, 17)) !== id.charAt(17)) found.add('id-check-digit');
      if (!realDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) found.add('id-birth-date');
    }
    if (el?.kind === 'credit-code' && creditCodeError(v) !== null) found.add('bad-credit-code');
    if (el?.kind === 'date' && parseDate(v) === null) found.add('impossible-date');
    if (el?.kind === 'phone' && !/^(1[3-9]\d{9}|0\d{2,3}-[2-8]\d{7})$/.test(v)) found.add('bad-phone');
    if (el?.kind === 'code' && el.codeSet && !(LABELS[el.codeSet] ?? []).includes(v)) found.add('unknown-code');
  }
  const gender = cells['性别'] ?? cells['受援人性别'] ?? '';
  if (id && gender && (Number(id.charAt(16)) % 2 === 1 ? '男' : '女') !== gender) found.add('gender-mismatch');
  const birth = cells['出生日期'] ?? '';
  if (id && birth && parseDate(birth) !== `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`) found.add('birth-date-mismatch');
  return found;
}

describe('demo generator', () => {
  it('covers exactly the standard libraries, with the template headers', () => {
    expect([...DEMO_LIBRARIES].sort()).toEqual(STANDARD_LIBRARIES.map((l) => l.id).sort());
    for (const lib of STANDARD_LIBRARIES) {
      const expected = lib.fields.map((f) => f.label ?? ELEMENTS.get(f.element)?.name);
      expect(demoHeaders(lib.id)).toEqual(expected);
      expect(Object.keys(demoRow(lib.id, 7).cells)).toEqual(expected);
    }
    expect(() => demoRow('no-such-library', 0)).toThrow(/unknown standard library/);
  });

  it('fills every field in some row (no misspelt record keys)', () => {
    for (const lib of STANDARD_LIBRARIES) {
      const filled = new Set<string>();
      for (const row of demoRows(lib.id, 3000, { dirtyRate: 0 })) for (const [h, v] of Object.entries(row.cells)) if (v !== '') filled.add(h);
      expect([...filled].sort(), lib.id).toEqual([...demoHeaders(lib.id)].sort());
    }
  });

  it('is deterministic: same row whatever the order and whatever came before', () => {
    for (const lib of STANDARD_LIBRARIES) {
      const forward = [...demoRows(lib.id, 200, { seed: 42 })];
      // Backwards, interleaved with other libraries so every memo is cold or holds other rows.
      for (let i = 199; i >= 0; i--) {
        demoRow('legal-aid-case', i * 13 + 5000, { seed: 7 });
        expect(demoRow(lib.id, i, { seed: 42 })).toEqual(forward[i]);
      }
      expect(demoRow(lib.id, 123_456, { seed: 42 })).toEqual(demoRow(lib.id, 123_456, { seed: 42 }));
    }
    expect(demoRow('lawyer', 3, { seed: 1 }).cells).not.toEqual(demoRow('lawyer', 3, { seed: 2 }).cells);
    // The dirty rate chooses which rows are damaged, not what the clean rows contain.
    expect(demoRow('lawyer', 11, { dirtyRate: 0 }).cells).toEqual(demoRow('lawyer', 11, { dirtyRate: 0.001 }).cells);
  });

  it('gives unique business keys over 20 000 rows per library', () => {
    for (const lib of STANDARD_LIBRARIES) {
      const headers = lib.businessKey.map((k) => headerOf(lib.id, k));
      const seen = new Set<string>();
      let keyed = 0;
      for (const row of demoRows(lib.id, 20_000)) {
        const parts = headers.map((h) => fold(row.cells[h] ?? ''));
        if (parts.some((p) => p === '')) continue; // a dirty row missing its key
        keyed++;
        const key = parts.join('\u0001');
        expect(seen.has(key), `${lib.id} duplicate ${key}`).toBe(false);
        seen.add(key);
      }
      expect(keyed).toBeGreaterThan(19_500);
      // 公民身份号码 are unique per library too (a person is one row of a register).
      const idHeader = lib.fields.find((f) => f.element === 'id-number');
      if (idHeader) {
        const ids = [...demoRows(lib.id, 20_000, { dirtyRate: 0 })].map((r) => fold(r.cells[headerOf(lib.id, idHeader.key)] ?? ''));
        expect(new Set(ids).size, lib.id).toBe(ids.length);
      }
    }
  });

  it('damages about dirtyRate of the rows, and each damaged row in the way it says', () => {
    const kinds = new Set<DirtyKind>();
    for (const lib of STANDARD_LIBRARIES) {
      let dirty = 0;
      for (let i = 0; i < 10_000; i++) {
        const row = demoRow(lib.id, i);
        const found = problems(lib.id, row.cells);
        if (row.dirty === null) {
          expect([...found], `${lib.id} row ${i} ${JSON.stringify(row.cells)}`).toEqual([]);
          continue;
        }
        dirty++;
        kinds.add(row.dirty);
        expect([...found], `${lib.id} row ${i} ${row.dirty} ${JSON.stringify(row.cells)}`).toContain(row.dirty);
        expect(row.dirtyHeader).not.toBeNull();
      }
      expect(Math.abs(dirty / 10_000 - 0.03), lib.id).toBeLessThanOrEqual(0.01);
    }
    expect([...kinds].sort()).toEqual([...DIRTY_KINDS].sort());
    expect([...demoRows('lawyer', 2000, { dirtyRate: 0 })].filter((r) => r.dirty).length).toBe(0);
    const many = [...demoRows('notary', 5000, { dirtyRate: 0.2 })].filter((r) => r.dirty).length;
    expect(Math.abs(many / 5000 - 0.2)).toBeLessThan(0.02);
  });

  it('writes clean IDs the way people type them, and their gender matches 性别', () => {
    let lowerX = 0;
    let fullWidth = 0;
    for (const row of demoRows('legal-aid-case', 20_000, { dirtyRate: 0 })) {
      const raw = row.cells['受援人公民身份号码'] ?? '';
      const id = fold(raw);
      if (raw.endsWith('x')) lowerX++;
      if (/[０-９]/.test(raw)) fullWidth++;
      expect(idCheckDigit(id.slice(0, 17))).toBe(id.charAt(17));
      const g = row.cells['受援人性别'];
      if (g) expect(g).toBe(Number(id.charAt(16)) % 2 === 1 ? '男' : '女');
    }
    expect(lowerX).toBeGreaterThan(0);
    expect(fullWidth).toBeGreaterThan(0);
    const formats = new Set([...demoRows('lawyer', 2000, { dirtyRate: 0 })].map((r) => (r.cells['首次执业日期'] ?? '').replace(/\d/g, '9')));
    expect(formats.has('9999-99-99')).toBe(true);
    expect([...formats].some((f) => f.includes('年'))).toBe(true);
    expect([...formats].some((f) => f.includes('/'))).toBe(true);
    expect(formats.has('99999999')).toBe(true);
  });

  it('keeps references coherent across libraries', () => {
    const firms = new Map([...demoRows('law-firm', 200, { dirtyRate: 0 })].map((r) => [r.cells['名称'], r.cells['统一社会信用代码']]));
    const lawyers = [...demoRows('lawyer', 3000, { dirtyRate: 0 })];
    for (const l of lawyers) {
      const code = l.cells['执业机构统一社会信用代码'];
      expect(firms.has(l.cells['执业机构'])).toBe(true);
      if (code) expect(firms.get(l.cells['执业机构'])).toBe(code);
    }
    const licences = new Set(lawyers.map((l) => l.cells['执业证号']));
    for (const c of demoRows('legal-aid-case', 8000, { dirtyRate: 0 })) {
      const no = c.cells['承办律师执业证号'];
      if (no) expect(licences.has(no)).toBe(true);
    }
    const offices = new Set([...demoRows('notary-office', 200, { dirtyRate: 0 })].map((r) => r.cells['名称']));
    for (const n of demoRows('notary', 1500, { dirtyRate: 0 })) expect(offices.has(n.cells['执业机构'])).toBe(true);
    const institutions = new Set([...demoRows('appraisal-institution', 200, { dirtyRate: 0 })].map((r) => r.cells['名称']));
    for (const a of demoRows('appraiser', 2000, { dirtyRate: 0 })) expect(institutions.has(a.cells['执业机构'])).toBe(true);
    const committees = new Set([...demoRows('mediation-committee', 400, { dirtyRate: 0 })].map((r) => r.cells['名称']));
    for (const m of demoRows('mediator', 2000, { dirtyRate: 0 })) expect(committees.has(m.cells['所在调解委员会'])).toBe(true);
  });
});

describe('demo files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tianping-demo-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a GBK CSV that decodes back to the same rows', async () => {
    const file = path.join(dir, 'aid.csv');
    const result = await writeDemoCsv('administrative-penalty', 5000, file, { encoding: 'gbk', seed: 3 });
    const expected = [...demoRows('administrative-penalty', 5000, { seed: 3 })];
    expect(result).toEqual({ rows: 5000, dirty: expected.filter((r) => r.dirty).length });
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = iconv.decode(bytes, 'gbk');
    expect(text.endsWith('\r\n')).toBe(true);
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(5000);
    expect(Object.keys(records[0] ?? {})).toEqual(demoHeaders('administrative-penalty'));
    records.forEach((r, i) => expect(r).toEqual(expected[i]?.cells));
    expect(records.some((r) => (r['违法事实'] ?? '').includes('\n'))).toBe(true); // quoted line breaks survive
  });

  it('writes UTF-8 with a BOM', async () => {
    const file = path.join(dir, 'lawyer.csv');
    await writeDemoCsv('lawyer', 100, file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe(demoHeaders('lawyer').join(','));
    expect(text.split('\r\n').length).toBe(102); // header + 100 rows + the empty string after the last CRLF
  });

  it('writes an XLSX sheet named after the library', async () => {
    const file = path.join(dir, 'permit.xlsx');
    const result = await writeDemoXlsx('administrative-permit', 300, file, { seed: 5 });
    expect(result.rows).toBe(300);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const sheet = wb.getWorksheet('行政许可');
    expect(sheet?.rowCount).toBe(301);
    const expected = Object.values(demoRow('administrative-permit', 9, { seed: 5 }).cells);
    const row = sheet?.getRow(11); // header is row 1, demo row 9 is row 11
    const values = expected.map((_, k) => {
      const v = row?.getCell(k + 1).value;
      return v === undefined || v === null ? '' : String(v);
    });
    expect(values).toEqual(expected);
  });
});
