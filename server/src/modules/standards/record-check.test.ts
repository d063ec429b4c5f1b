import { describe, expect, it } from 'vitest';
import { demoHeaders, demoValues } from '../aggregation/demo/generator.ts';
import { BUILTIN_CODE_SETS } from '../dictionary/code-sets.data.ts';
import { makeCreditCode } from '../identity/index.ts';
import { fail, ok, type Check } from './check.ts';
import { checkCreditCode } from './credit-code.check.ts';
import { checkBirthDateMatchesId, checkGenderMatchesId } from './cross-field.rules.ts';
import { checkDate } from './date.rules.ts';
import { checkIdNumber, idCheckDigit } from './id-number.rules.ts';
import { STANDARD_LIBRARIES } from './libraries.data.ts';
import { checkPhone } from './phone.rules.ts';
import {
  codeSetOf, codeTableOf, compileRowCheck, elementOf, headerIndex, labelOf, mapHeaders,
  type CodeTables, type FieldValue, type HeaderMapping, type RawCell, type RowOutcome, type RowReason,
} from './record-check.ts';
import type { StandardLibrary } from './standards.types.ts';
import { checkDecimal, checkIdentifier, checkInteger, checkPersonName, normalizeText } from './text.rules.ts';

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

  it('field keys are unique within a library (a row holds one value per key)', () => {
    for (const l of STANDARD_LIBRARIES) expect(new Set(l.fields.map((f) => f.key)).size, l.id).toBe(l.fields.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Differential: the compiled check and the validators' fast paths against their plain forms.

/**
 * The row check in its plain form, as it was before the compiled one learnt its shortcuts (plan
 * per mapping, data template, fast paths): every lookup per cell, values gathered then copied
 * into `data`. Kept only as the reference the compiled check must agree with, row for row.
 */
function referenceCheck(library: StandardLibrary, codes: CodeTables) {
  const plan = library.fields.map((field) => ({ field, element: elementOf(field.element), label: labelOf(field) }));
  const position = new Map(library.fields.map((f, i) => [f.key, i]));
  function text(cell: string | number | boolean | Date): string {
    if (typeof cell === 'string') return cell;
    if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
    if (typeof cell === 'boolean') return cell ? '是' : '否';
    return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  }
  function value(step: (typeof plan)[number], field: (typeof plan)[number]['field'], cell: string | number | boolean | Date): Check<FieldValue> {
    const e = step.element;
    if (e.kind === 'date') return checkDate(cell instanceof Date || typeof cell === 'number' ? cell : String(cell));
    if (e.kind === 'integer') return typeof cell === 'number' || typeof cell === 'string' ? checkInteger(cell) : fail('INTEGER_INVALID', '须为整数');
    if (e.kind === 'decimal') return typeof cell === 'number' || typeof cell === 'string' ? checkDecimal(cell) : fail('DECIMAL_INVALID', '须为数值');
    const t = text(cell);
    if (e.kind === 'text') return normalizeText(t);
    if (e.kind === 'person-name') return checkPersonName(t);
    if (e.kind === 'id-number') return checkIdNumber(t);
    if (e.kind === 'credit-code') return checkCreditCode(t, field.creditCodeTypes);
    if (e.kind === 'phone') return checkPhone(t);
    if (e.kind === 'identifier') return checkIdentifier(t, e.pattern);
    const norm = normalizeText(t);
    if (!norm.ok) return norm;
    const code = codes.get(e.codeSet ?? '')?.get(norm.value);
    return code === undefined ? fail('CODE_NOT_IN_SET', `“${norm.value.slice(0, 20)}”不是${e.name}的有效代码或名称`) : ok(code);
  }
  const str = (v: FieldValue | null | undefined) => (v === null || v === undefined ? null : String(v));
  return (mapping: HeaderMapping, headers: readonly string[], cells: readonly RawCell[]): RowOutcome => {
    const reasons: RowReason[] = [];
    const values: (FieldValue | null)[] = plan.map(() => null);
    const headerOf: (string | null)[] = plan.map(() => null);
    let cleansed: Record<string, string> | null = null;
    mapping.columns.forEach((field, c) => {
      const i = field ? (position.get(field.key) ?? -1) : -1;
      const step = plan[i];
      if (!field || !step) return;
      const header = headers[c] ?? step.label;
      headerOf[i] = header;
      const cell = cells[c];
      if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
        reasons.push({ code: 'FORMULA_NOT_ALLOWED', message: `单元格含公式（${cell.formula.slice(0, 40)}），请粘贴为数值后再导入`, field: header });
        return;
      }
      if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')) return;
      const r = value(step, field, cell);
      if (!r.ok) return void reasons.push({ code: r.code, message: `${header}：${r.message}`, field: header });
      if (typeof r.value === 'string' && r.value.length > step.element.maxLength) {
        return void reasons.push({ code: 'FIELD_TOO_LONG', message: `${header}：长度 ${r.value.length} 超过上限 ${step.element.maxLength}`, field: header });
      }
      values[i] = r.value;
      if (step.element.kind !== 'code' && typeof cell === 'string' && cell.trim() !== String(r.value)) (cleansed ??= {})[field.key] = cell;
    });
    plan.forEach((step, i) => {
      const header = headerOf[i] ?? step.label;
      if (step.field.required && values[i] === null && !reasons.some((r) => r.field === header)) reasons.push({ code: 'FIELD_REQUIRED', message: `${header}：必填项为空`, field: header });
    });
    const data = Object.fromEntries(plan.map((step, i) => [step.field.key, values[i] ?? null]));
    if (reasons.length === 0) {
      for (const rule of library.crossRules) {
        const [key, r] = rule === 'gender-matches-id'
          ? ['gender', checkGenderMatchesId(str(data.gender), str(data.idNumber))]
          : ['birthDate', checkBirthDateMatchesId(str(data.birthDate), str(data.idNumber))];
        const i = position.get(key) ?? -1;
        const header = headerOf[i] ?? plan[i]?.label ?? key;
        if (!r.ok) reasons.push({ code: r.code, message: `${header}：${r.message}`, field: header });
      }
    }
    if (reasons.length > 0) return { ok: false, reasons };
    const key = library.businessKey.map((k) => String(values[position.get(k) ?? -1] ?? '')).join('\u001f');
    return { ok: true, key, data, cleansed };
  };
}

/** Every built-in code set, every item enabled, as the importer builds them. */
function builtinCodes(library: StandardLibrary): CodeTables {
  const tables = new Map<string, ReadonlyMap<string, string>>();
  for (const f of library.fields) {
    const set = BUILTIN_CODE_SETS.find((x) => x.code === codeSetOf(f));
    if (set) tables.set(set.code, codeTableOf(set.code, new Map(set.items.map((i) => [i.code, { label: i.label, enabled: true }]))));
  }
  return tables;
}

/** The ways a row's cells may come from other readers or other people than the demo CSV. */
const CELL_VARIANTS: ((cells: RawCell[], i: number) => RawCell[])[] = [
  (cells) => cells,
  // XLSX: numbers as numbers, dates as Dates
  (cells) => cells.map((c) => (typeof c === 'string' && /^\d{1,9}$/.test(c) ? Number(c) : typeof c === 'string' && /^\d{4}-\d\d-\d\d$/.test(c) ? new Date(c) : c)),
  // padding, full-width digits, a lower-case letter, an empty or blank cell, a formula, a short row
  (cells, i) => cells.map((c, k) => (k === i % cells.length && typeof c === 'string' ? ` ${c.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}\u3000` : c)),
  (cells, i) => cells.map((c, k) => (k === i % cells.length && typeof c === 'string' ? `${c.toLowerCase()}\u3000` : c)),
  (cells, i) => cells.map((c, k) => (k === i % cells.length ? ['', '  ', '\u3000', null, 0, true, { formula: 'A1' }][i % 7] ?? null : c)),
  (cells, i) => cells.slice(0, cells.length - 1 - (i % 3)),
];

describe('row check, differential', () => {
  it.each(STANDARD_LIBRARIES.map((l) => [l.id, l] as const))('%s: 2,000 demo rows give the outcomes of the plain form', (_, library) => {
    const codes = builtinCodes(library);
    const check = compileRowCheck(library, codes);
    const reference = referenceCheck(library, codes);
    const headers = demoHeaders(library.id);
    // Headers as the template has them; under the fields' aliases, reordered, with an extra column;
    // without some optional columns.
    const alias = library.fields.map((f, k) => f.aliases?.[0] ?? elementOf(f.element).aliases[0] ?? headers[k] ?? '');
    const layouts = [headers, [...alias].reverse().concat('备注'), headers.filter((_, k) => k % 3 !== 2 || library.fields[k]?.required)];
    const at = (h: string) => (headers.includes(h) ? headers.indexOf(h) : alias.indexOf(h));
    const byLayout = layouts.map((h) => ({ headers: h, mapping: mapHeaders(library, headerIndex(library), h), at: h.map(at) }));
    let rejected = 0;
    for (let i = 0; i < 2000; i++) {
      const { values } = demoValues(library.id, i, { dirtyRate: 0.1 });
      const layout = byLayout[i % byLayout.length];
      if (!layout) continue;
      const cells = CELL_VARIANTS[i % CELL_VARIANTS.length]?.(layout.at.map((k) => values[k] ?? '选项'), i) ?? [];
      const expected = reference(layout.mapping, layout.headers, cells);
      expect(check(layout.mapping, layout.headers, cells), `row ${i}`).toStrictEqual(expected);
      if (!expected.ok) rejected++;
    }
    expect(rejected).toBeGreaterThan(100); // the dirty rows and the variants are exercised, not only clean rows
  });
});

describe('validator fast paths', () => {
  // A leading space takes every validator off its fast path (all of them trim), so each accepted
  // demo value must come out the same with and without one.
  const validators: [string, (s: string) => Check<unknown>][] = [
    ['text', normalizeText], ['person-name', checkPersonName], ['id-number', checkIdNumber], ['credit-code', (s) => checkCreditCode(s, ['31', '32', '34', '11'])],
    ['phone', checkPhone], ['identifier', (s) => checkIdentifier(s)], ['date', checkDate],
  ];
  /** Forms the demo data does not write. */
  const extra: Record<string, string[]> = {
    text: ['a  b', 'a b', ' a', 'a\u00A0b', '（注）', 'Ａ　Ｂ', '“引号”', '￥12', 'x\u200Bx'],
    'person-name': ['阿沛·阿旺晋美', '阿沛··阿旺', '·张三', '张', '〇一', 'John Smith', '张三3'],
    'id-number': ['11010519491231002x', '110105194912310021', '110105190001010011', '11010519491231002', '110105491231002', '990105194912310028'],
    'credit-code': ['91330106ma2h1234x5', '31330000MD0123456Q', '913301O6MA2H1234X5'],
    phone: ['010-62345678', '010-12345678', '0571-2054461', '020-8765432', '13800000000', '12800000000', '138-0000-0000'],
    identifier: ['(2024)浙0106民初123号', '浙司援〔2024〕12号', 'A-1/2', 'ab12'],
    date: ['2021-7-5', '2021-07-5', '2021.07.15', '2021/7/15', '2021年07月15号', '2021年7月15', '20210230', '2024-02-29', '2023-02-29', '1899-12-31', '2100-12-31', '2101-01-01', '2021-13-01', '2021-7-055'],
  };
  it.each(validators)('%s: the same value with and without the shortcut', (kind, validate) => {
    for (const v of extra[kind] ?? []) {
      const direct = validate(v);
      const full = validate(` ${v}`);
      if (direct.ok || full.ok) expect(direct, v).toStrictEqual(full);
    }
    let compared = 0;
    for (const library of STANDARD_LIBRARIES) {
      const columns = library.fields.flatMap((f, k) => (elementOf(f.element).kind === kind || (kind === 'text' && elementOf(f.element).kind === 'code') ? [k] : []));
      for (let i = 0; i < 300 && columns.length > 0; i++) {
        const { values } = demoValues(library.id, i, { dirtyRate: 0.2 });
        for (const k of columns) {
          const v = values[k] ?? '';
          if (v === '') continue;
          const direct = validate(v);
          const full = validate(` ${v}`);
          if (direct.ok || full.ok) expect(direct, v).toStrictEqual(full);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
