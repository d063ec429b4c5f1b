import { checkCreditCode } from './credit-code.check.ts';
import { checkGenderMatchesId, checkBirthDateMatchesId } from './cross-field.rules.ts';
import { checkDate } from './date.rules.ts';
import { DATA_ELEMENTS } from './elements.data.ts';
import { checkIdNumber } from './id-number.rules.ts';
import { checkPhone } from './phone.rules.ts';
import type { CrossRule, DataElement, LibraryField, StandardLibrary } from './standards.types.ts';
import { checkDecimal, checkIdentifier, checkInteger, checkPersonName, foldWidth, normalizeText } from './text.rules.ts';
import { fail, ok, type Check } from './check.ts';

/** One reason a row was rejected: a stable code, a Chinese message, the field (header) at fault. */
export interface RowReason {
  code: string;
  message: string;
  /** The column header as the source wrote it, or the field's template label when the column is missing. */
  field: string | null;
}

export type FieldValue = string | number;

export type RowOutcome =
  | { ok: true; key: string; data: Record<string, FieldValue | null>; cleansed: Record<string, string> | null }
  | { ok: false; reasons: RowReason[] };

/** A value of any reader: text, number, date, boolean, a formula (never evaluated), or empty. */
export type RawCell = string | number | boolean | Date | { formula: string } | null | undefined;

/** code set → (code or label → code); built once per job from the dictionary. */
export type CodeTables = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Labels people type for codes that the standard's own label words differently (GB/T 2261.1 says
 * 男性/女性; forms say 男/女).
 */
const CODE_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sex: { 男: '1', 女: '2', 未知: '0' },
};

/** Turns the dictionary's items into the lookup a row check uses: by code and by label, enabled items only. */
export function codeTableOf(setCode: string, items: ReadonlyMap<string, { label: string; enabled: boolean }>): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  for (const [code, item] of items) {
    if (!item.enabled) continue;
    table.set(code, code);
    table.set(item.label, code);
  }
  for (const [label, code] of Object.entries(CODE_SYNONYMS[setCode] ?? {})) if (table.has(code)) table.set(label, code);
  return table;
}

const ELEMENTS = new Map(DATA_ELEMENTS.map((e) => [e.id, e]));

export function elementOf(id: string): DataElement {
  const e = ELEMENTS.get(id);
  if (!e) throw new Error(`unknown data element ${id}`);
  return e;
}

export function codeSetOf(field: LibraryField): string | undefined {
  return elementOf(field.element).codeSet;
}

/** The template header of a field. */
export function labelOf(field: LibraryField): string {
  return field.label ?? elementOf(field.element).name;
}

/** Header text as compared: width-folded, spaces and a trailing required-marker (*) removed. */
export function headerKey(header: string): string {
  return foldWidth(header).replace(/[\s*＊]/g, '').toLowerCase();
}

/** Every header that names a field: its label, the field's aliases, the element's name and aliases, and its key. */
export function headerIndex(library: StandardLibrary): Map<string, LibraryField> {
  const index = new Map<string, LibraryField>();
  // Own labels and aliases first: they win over the generic element names (执业机构 vs 机构名称).
  for (const field of library.fields) for (const h of [labelOf(field), ...(field.aliases ?? []), field.key]) if (!index.has(headerKey(h))) index.set(headerKey(h), field);
  for (const field of library.fields) {
    const e = elementOf(field.element);
    for (const h of [e.name, ...e.aliases]) if (!index.has(headerKey(h))) index.set(headerKey(h), field);
  }
  return index;
}

/** What the headers of a source mean. Not changed once made: row checks cache their plan of it. */
export interface HeaderMapping {
  /** Column index → field, for mapped columns. */
  columns: (LibraryField | null)[];
  /** Required fields with no column. */
  missing: LibraryField[];
  /** Headers that map to no field (ignored, reported on the job). */
  unmapped: string[];
  /** Headers that map to a field another column already took. */
  repeated: string[];
}

export function mapHeaders(library: StandardLibrary, index: Map<string, LibraryField>, headers: readonly string[]): HeaderMapping {
  const taken = new Set<string>();
  const columns: (LibraryField | null)[] = [];
  const unmapped: string[] = [];
  const repeated: string[] = [];
  for (const h of headers) {
    const field = index.get(headerKey(h)) ?? null;
    if (field && taken.has(field.key)) {
      repeated.push(h);
      columns.push(null);
      continue;
    }
    if (field) taken.add(field.key);
    else if (h.trim() !== '') unmapped.push(h);
    columns.push(field);
  }
  const missing = library.fields.filter((f) => f.required && !taken.has(f.key));
  return { columns, missing, unmapped, repeated };
}

const FORMULA = 'FORMULA_NOT_ALLOWED';

function cellText(cell: RawCell): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  return null;
}

function checkValue(field: LibraryField, element: DataElement, cell: Exclude<RawCell, null | undefined | { formula: string }>, codes: CodeTables): Check<FieldValue> {
  switch (element.kind) {
    case 'date':
      return checkDate(cell instanceof Date || typeof cell === 'number' ? cell : String(cell));
    case 'integer':
      return typeof cell === 'number' || typeof cell === 'string' ? checkInteger(cell) : fail('INTEGER_INVALID', '须为整数');
    case 'decimal':
      return typeof cell === 'number' || typeof cell === 'string' ? checkDecimal(cell) : fail('DECIMAL_INVALID', '须为数值');
    default:
      break;
  }
  const text = cellText(cell) ?? '';
  switch (element.kind) {
    case 'text':
      return normalizeText(text);
    case 'person-name':
      return checkPersonName(text);
    case 'id-number':
      return checkIdNumber(text);
    case 'credit-code':
      return checkCreditCode(text, field.creditCodeTypes);
    case 'phone':
      return checkPhone(text);
    case 'identifier':
      return checkIdentifier(text, element.pattern);
    case 'code': {
      const setCode = element.codeSet ?? '';
      const norm = normalizeText(text);
      if (!norm.ok) return norm;
      const code = codes.get(setCode)?.get(norm.value);
      return code === undefined ? fail('CODE_NOT_IN_SET', `“${norm.value.slice(0, 20)}”不是${element.name}的有效代码或名称`) : ok(code);
    }
    default: {
      const never: never = element.kind;
      throw new Error(`unknown element kind ${String(never)}`);
    }
  }
}

const CROSS_RULES: Record<CrossRule, (data: Record<string, FieldValue | null>) => Check<null>> = {
  'gender-matches-id': (d) => checkGenderMatchesId(str(d.gender), str(d.idNumber)),
  'birth-date-matches-id': (d) => checkBirthDateMatchesId(str(d.birthDate), str(d.idNumber)),
};
const CROSS_FIELD: Record<CrossRule, string> = { 'gender-matches-id': 'gender', 'birth-date-matches-id': 'birthDate' };

function str(v: FieldValue | null | undefined): string | null {
  return v === null || v === undefined ? null : String(v);
}

/**
 * Whether `c` may be white space that String#trim removes (conservative: a few more code units
 * than that count, which only cost a call to trim).
 */
const maybeSpace = (c: number): boolean => c <= 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x205f) || c === 0x3000 || c === 0xfeff;

/** `s.trim()`, without the call for the usual cell that starts and ends with something else. */
const trim = (s: string): string => (s.length > 0 && !maybeSpace(s.charCodeAt(0)) && !maybeSpace(s.charCodeAt(s.length - 1)) ? s : s.trim());

/** One library field, resolved once per compiled check. */
interface Step {
  key: string;
  element: DataElement;
  label: string;
  required: boolean;
}

/** A mapped column: where its cell is, which field (as the mapping names it) and which step it fills. */
interface ColumnStep {
  column: number;
  field: LibraryField;
  step: Step;
}

/** What a mapping means for one compiled check, worked out on its first row instead of on every row. */
interface MappingPlan {
  columns: ColumnStep[];
  /** By field index: the last column mapped to the field (the one whose header names it), −1 for none. */
  lastColumn: Int32Array;
}

/**
 * Compiles a library into the check of one row: every field's validator, required fields,
 * lengths, code sets, then the cross-field rules. Returns every reason, not only the first, so
 * the source can fix a row in one go.
 *
 * This runs once per row of every import, so the row's work is kept to its cells: which column
 * fills which field is worked out once per mapping (a mapping is not changed once built: the
 * importer caches it per header row), values go straight into `data`, cloned from a template so
 * that every row's object has the same shape and key order, and reasons and cleansed originals are
 * only allocated for a row that has some.
 */
export function compileRowCheck(library: StandardLibrary, codes: CodeTables) {
  const steps: Step[] = library.fields.map((f) => ({ key: f.key, element: elementOf(f.element), label: labelOf(f), required: f.required }));
  const position = new Map(library.fields.map((f, i) => [f.key, i]));
  // Field order is the order of the stored JSON (and of its hash): the template fixes it.
  const template: Record<string, FieldValue | null> = {};
  for (const step of steps) template[step.key] = null;
  const required = steps.flatMap((step, i) => (step.required ? [i] : []));
  const keyFields = library.businessKey.map((k) => (position.has(k) ? k : null));
  const plans = new WeakMap<HeaderMapping, MappingPlan>();

  function planOf(mapping: HeaderMapping): MappingPlan {
    let plan = plans.get(mapping);
    if (plan === undefined) {
      plan = { columns: [], lastColumn: new Int32Array(steps.length).fill(-1) };
      for (let c = 0; c < mapping.columns.length; c++) {
        const field = mapping.columns[c];
        const index = field ? (position.get(field.key) ?? -1) : -1;
        const step = steps[index];
        if (!field || !step) continue;
        plan.columns.push({ column: c, field, step });
        plan.lastColumn[index] = c;
      }
      plans.set(mapping, plan);
    }
    return plan;
  }

  return function checkRow(mapping: HeaderMapping, headers: readonly string[], cells: readonly RawCell[]): RowOutcome {
    const plan = planOf(mapping);
    let reasons: RowReason[] | null = null;
    let cleansed: Record<string, string> | null = null;
    const data = { ...template };

    for (const { column, field, step } of plan.columns) {
      const header = headers[column] ?? step.label;
      const cell = cells[column];
      if (cell === null || cell === undefined) continue;
      if (typeof cell === 'object' && !(cell instanceof Date)) {
        (reasons ??= []).push({ code: FORMULA, message: `单元格含公式（${cell.formula.slice(0, 40)}），请粘贴为数值后再导入`, field: header });
        continue;
      }
      const trimmed = typeof cell === 'string' ? trim(cell) : null;
      if (trimmed === '') continue;
      const result = checkValue(field, step.element, cell, codes);
      if (!result.ok) {
        (reasons ??= []).push({ code: result.code, message: `${header}：${result.message}`, field: header });
        continue;
      }
      const value = result.value;
      if (typeof value === 'string' && value.length > step.element.maxLength) {
        (reasons ??= []).push({ code: 'FIELD_TOO_LONG', message: `${header}：长度 ${value.length} 超过上限 ${step.element.maxLength}`, field: header });
        continue;
      }
      data[step.key] = value;
      // A changed value counts as cleansing; a label turned into its code is not (the label is the code's display form).
      if (typeof cell === 'string' && step.element.kind !== 'code' && trimmed !== String(value)) (cleansed ??= {})[field.key] = cell;
    }
    for (const i of required) {
      const step = steps[i];
      if (!step || data[step.key] !== null) continue;
      const c = plan.lastColumn[i] ?? -1;
      const header = c >= 0 ? (headers[c] ?? step.label) : step.label;
      if (reasons === null) reasons = [];
      else if (reasons.some((r) => r.field === header)) continue;
      reasons.push({ code: 'FIELD_REQUIRED', message: `${header}：必填项为空`, field: header });
    }
    if (reasons === null) {
      for (const rule of library.crossRules) {
        const r = CROSS_RULES[rule](data);
        if (!r.ok) {
          const key = CROSS_FIELD[rule];
          const i = position.get(key) ?? -1;
          const c = plan.lastColumn[i] ?? -1;
          const label = steps[i]?.label ?? key;
          const header = c >= 0 ? (headers[c] ?? label) : label;
          (reasons ??= []).push({ code: r.code, message: `${header}：${r.message}`, field: header });
        }
      }
    }
    if (reasons !== null) return { ok: false, reasons };
    // Business key: the key fields' values joined by a separator no validated value contains.
    let key = '';
    for (let k = 0; k < keyFields.length; k++) {
      const f = keyFields[k];
      if (k > 0) key += '\u001f';
      if (f) key += String(data[f] ?? '');
    }
    return { ok: true, key, data, cleansed };
  };
}

export type RowCheck = ReturnType<typeof compileRowCheck>;
