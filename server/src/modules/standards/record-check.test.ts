import { describe, expect, it } from 'vitest';
import { makeCreditCode } from '../identity/index.ts';
import { idCheckDigit } from './id-number.rules.ts';
import { STANDARD_LIBRARIES } from './libraries.data.ts';
import { codeSetOf, codeTableOf, compileRowCheck, headerIndex, mapHeaders, type CodeTables } from './record-check.ts';

const lawyer = STANDARD_LIBRARIES.find((l) => l.id === 'lawyer');
if (!lawyer) throw new Error('lawyer library missing');

const items = (pairs: [string, string][]) => new Map(pairs.map(([code, label]) => [code, { label, enabled: true }]));
const codes: CodeTables = new Map([
  ['sex', codeTableOf('sex', items([['1', '男性'], ['2', '女性']]))],
  ['lawyer_practice_type', codeTableOf('lawyer_practice_type', items([['01', '专职'], ['02', '兼职']]))],
  ['practice_status', codeTableOf('practice_status', new Map([['1', { label: '正常', enabled: true }], ['4', { label: '吊销', enabled: false }]]))],
]);

const id = (first17: string) => first17 + idCheckDigit(first17);
const maleId = id('33010619850312101'); // 17th digit 1: odd = 男
const firm = makeCreditCode({ registry: '3', category: '1', regionCode: '330106', sequence: 7 });
const headers = ['姓名', '性别', '身份证号', '执业证号', '执业机构', '执业机构统一社会信用代码', '执业类别', '首次执业日期', '执业状态', '手机号', '备注'];
const check = compileRowCheck(lawyer, codes);
const mapping = mapHeaders(lawyer, headerIndex(lawyer), headers);

function row(over: Record<number, string | null> = {}) {
  const base = ['张三', '男', maleId, '13301201010000001', '浙江天平律师事务所', firm, '专职', '2015/7/1', '正常', '138 0000 0000', '无'];
  return base.map((v, i) => (i in over ? over[i] : v)) as (string | null)[];
}

describe('header mapping', () => {
  it('maps labels and aliases, reports unknown headers, finds missing required fields', () => {
    expect(mapping.missing).toEqual([]);
    expect(mapping.unmapped).toEqual(['备注']);
    const partial = mapHeaders(lawyer, headerIndex(lawyer), ['姓名', '执业证号']);
    expect(partial.missing.map((f) => f.key)).toEqual(['idNumber', 'firmName', 'practiceType', 'practiceStatus']);
  });

  it('matches full-width, spaced and starred headers', () => {
    const m = mapHeaders(lawyer, headerIndex(lawyer), ['＊姓 名', '公民身份号码*']);
    expect(m.columns.map((c) => c?.key)).toEqual(['name', 'idNumber']);
  });

  it('a second column for the same field is reported, not silently used', () => {
    const m = mapHeaders(lawyer, headerIndex(lawyer), ['身份证号', '公民身份号码']);
    expect(m.repeated).toEqual(['公民身份号码']);
  });
});

describe('row check', () => {
  it('a valid row: codes from labels, normalised values with their originals kept', () => {
    const r = check(mapping, headers, row());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.key).toBe('13301201010000001');
    expect(r.data).toMatchObject({ gender: '1', practiceType: '01', practiceStatus: '1', firstPracticeDate: '2015-07-01', phone: '13800000000' });
    expect(r.cleansed).toEqual({ firstPracticeDate: '2015/7/1', phone: '138 0000 0000' });
  });

  it.each([
    ['wrong ID check digit', { 2: maleId.slice(0, 17) + (maleId.endsWith('0') ? '1' : '0') }, 'ID_NUMBER_CHECK_DIGIT'],
    ['unknown code label', { 6: '专业' }, 'CODE_NOT_IN_SET'],
    ['disabled code', { 8: '吊销' }, 'CODE_NOT_IN_SET'],
    ['missing required', { 0: '' }, 'FIELD_REQUIRED'],
    ['gender against the ID', { 1: '女' }, 'GENDER_ID_MISMATCH'],
    ['credit code of another org type', { 5: makeCreditCode({ registry: '1', category: '1', regionCode: '330106', sequence: 7 }) }, 'CREDIT_CODE_TYPE'],
    ['impossible date', { 7: '2021-02-30' }, 'DATE_INVALID'],
  ])('%s → %s', (_, over, code) => {
    const r = check(mapping, headers, row(over));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons.map((x) => x.code)).toContain(code);
  });

  it('reports every reason of a row, each naming its column', () => {
    const r = check(mapping, headers, row({ 6: '专业', 9: '138000', 0: null }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reasons.map((x) => [x.field, x.code])).toEqual([['执业类别', 'CODE_NOT_IN_SET'], ['手机号', 'PHONE_INVALID'], ['姓名', 'FIELD_REQUIRED']]);
  });

  it('a formula cell is refused, never evaluated', () => {
    const cells: unknown[] = row();
    cells[0] = { formula: 'HYPERLINK("http://x")', result: '张三' };
    const r = check(mapping, headers, cells as never);
    expect(r.ok).toBe(false);
  });

  it('every library names only known elements and code sets, and its key fields are required', () => {
    for (const l of STANDARD_LIBRARIES) {
      for (const f of l.fields) expect(() => codeSetOf(f), `${l.id}.${f.key}`).not.toThrow();
      for (const k of l.businessKey) expect(l.fields.find((f) => f.key === k)?.required, `${l.id} key ${k}`).toBe(true);
    }
    expect(STANDARD_LIBRARIES.map((l) => l.id)).toHaveLength(14);
  });
});
