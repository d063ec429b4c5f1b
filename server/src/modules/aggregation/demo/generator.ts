/**
 * Deterministic demo rows for the 14 standard libraries, shaped like the import templates.
 *
 * Row i of a library is a pure function of (library, i, seed): no state carries from row to row, so
 * rows can be produced in any order, in parallel, or from the middle of a 1M-row file, and the same
 * seed gives the same bytes on every machine. Business keys derive from i and are unique.
 *
 * Clean rows are written the way people type them — dates as 2021-07-15, 2021/7/15, 2021年7月15日 or
 * 20210715, now and then a lower-case x or 全角 digits in a 公民身份号码 — all of which cleansing must
 * accept. About `dirtyRate` of the rows are damaged on purpose in one way (`DIRTY_KINDS`), and the row
 * says how, so a test can check that the import reports exactly those.
 */
import { DATA_ELEMENTS, idCheckDigit, STANDARD_LIBRARIES } from '../../standards/index.ts';
import type { DataElement, StandardLibrary } from '../../standards/index.ts';
import { libHash } from './entities.ts';
import { cleanRecord, type Rec } from './records.ts';
import { Rng, rowSeed } from './random.ts';

export interface DemoOptions {
  seed?: number;
  /** Share of rows damaged on purpose, 0–1; default 0.03. */
  dirtyRate?: number;
}

/** The ways a row is made invalid; each breaks exactly one rule of the standard. */
export const DIRTY_KINDS = [
  'id-check-digit', // 公民身份号码 with a wrong 校验码
  'id-birth-date', // 公民身份号码 whose 出生日期码 is no calendar date (19850230), check digit recomputed
  'gender-mismatch', // 性别 contradicts the ID's 顺序码 parity
  'birth-date-mismatch', // 出生日期 differs from the ID's (libraries with that cross rule)
  'missing-required', // a required cell left empty
  'bad-phone', // not a mobile or landline number
  'unknown-code', // a label outside the code set (执业类别 "专业")
  'bad-credit-code', // 统一社会信用代码 failing GB 32100 (check char, typo, forbidden letter)
  'impossible-date', // 2021-02-30
] as const;
export type DirtyKind = (typeof DIRTY_KINDS)[number];

export interface DemoRow {
  /** Template header → cell text. */
  cells: Record<string, string>;
  dirty: DirtyKind | null;
  /** The header of the damaged cell (null for clean rows). */
  dirtyHeader: string | null;
}

/** Labels that are plausible typing but belong to no item of the code set. */
const UNKNOWN_LABELS: Record<string, string> = {
  lawyer_practice_type: '专业', practice_status: '停业', law_firm_form: '有限责任', appraisal_category: '医学类',
  legal_aid_case_type: '劳动仲裁', legal_aid_status: '待审核', qualification_type: 'D类', mediator_type: '志愿者',
  mediation_committee_type: '社会团体', correction_type: '监禁', correction_status: '脱管', licence_status: '挂失',
  permit_category: '备案', penalty_type: '训诫',
};

interface Column {
  key: string;
  header: string;
  element: DataElement;
  required: boolean;
}
interface Plan {
  library: StandardLibrary;
  hash: number;
  columns: Column[];
  headers: string[];
  /** Column indexes by role, resolved once per library. */
  id: number;
  gender: number;
  birthDate: number;
  phone: number;
  required: number[];
  codes: number[];
  credit: number[];
  dates: number[];
}

const ELEMENTS = new Map(DATA_ELEMENTS.map((e) => [e.id, e]));
const plans = new Map<string, Plan>();

function plan(libraryId: string): Plan {
  const cached = plans.get(libraryId);
  if (cached) return cached;
  const library = STANDARD_LIBRARIES.find((l) => l.id === libraryId);
  if (!library) throw new Error(`demo: unknown standard library "${libraryId}"`);
  const columns = library.fields.map((f): Column => {
    const element = ELEMENTS.get(f.element);
    if (!element) throw new Error(`demo: ${libraryId}.${f.key} names unknown data element ${f.element}`);
    return { key: f.key, header: f.label ?? element.name, element, required: f.required };
  });
  const where = (test: (c: Column) => boolean): number[] => columns.flatMap((c, k) => (test(c) ? [k] : []));
  const p: Plan = {
    library,
    hash: libHash(libraryId),
    columns,
    headers: columns.map((c) => c.header),
    id: where((c) => c.element.kind === 'id-number')[0] ?? -1,
    gender: where((c) => c.element.id === 'gender')[0] ?? -1,
    birthDate: where((c) => c.element.id === 'birth-date')[0] ?? -1,
    phone: where((c) => c.element.kind === 'phone')[0] ?? -1,
    required: where((c) => c.required),
    codes: where((c) => c.element.codeSet !== undefined && UNKNOWN_LABELS[c.element.codeSet] !== undefined),
    credit: where((c) => c.element.kind === 'credit-code'),
    dates: where((c) => c.element.kind === 'date'),
  };
  plans.set(libraryId, p);
  return p;
}

/** The template headers of a library, in template order. */
export function demoHeaders(libraryId: string): string[] {
  return [...plan(libraryId).headers];
}

// ---------------------------------------------------------------- rendering as typed

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

function renderDate(rng: Rng, iso: string): string {
  const y = iso.slice(0, 4);
  const m = iso.slice(5, 7);
  const d = iso.slice(8, 10);
  const r = rng.float();
  if (r < 0.7) return iso;
  if (r < 0.85) return `${y}/${Number(m)}/${Number(d)}`;
  if (r < 0.95) return `${y}年${Number(m)}月${Number(d)}日`;
  return `${y}${m}${d}`;
}

function renderId(rng: Rng, id: string): string {
  const r = rng.float();
  if (r < 0.005) return id.replace(/\d/g, (ch) => FULL_WIDTH_DIGITS.charAt(Number(ch)));
  if (id.endsWith('X') && r < 0.3) return `${id.slice(0, 17)}x`;
  return id;
}

// ---------------------------------------------------------------- damage

const IMPOSSIBLE_MONTH_DAYS = ['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'];
const ID_CHECK_CHARS = '0123456789X';

function applicableKinds(p: Plan, rec: Rec): DirtyKind[] {
  const kinds: DirtyKind[] = ['missing-required'];
  const id = p.id >= 0 ? (rec[p.columns[p.id]?.key ?? ''] ?? '') : '';
  if (id !== '') {
    kinds.push('id-check-digit', 'id-birth-date');
    if (p.gender >= 0 && p.library.crossRules.includes('gender-matches-id')) kinds.push('gender-mismatch');
    if (p.birthDate >= 0 && p.library.crossRules.includes('birth-date-matches-id')) kinds.push('birth-date-mismatch');
  }
  if (p.phone >= 0) kinds.push('bad-phone');
  if (p.codes.length > 0) kinds.push('unknown-code');
  if (p.credit.some((k) => (rec[p.columns[k]?.key ?? ''] ?? '') !== '')) kinds.push('bad-credit-code');
  if (p.dates.length > 0) kinds.push('impossible-date');
  return kinds;
}

/** Damages `values` in place; returns the damaged column. */
function damage(kind: DirtyKind, p: Plan, rec: Rec, values: string[], rng: Rng): number {
  const id = rec[p.columns[p.id]?.key ?? ''] ?? '';
  switch (kind) {
    case 'id-check-digit': {
      const wrong = ID_CHECK_CHARS.replace(id.charAt(17), '');
      values[p.id] = id.slice(0, 17) + wrong.charAt(rng.int(wrong.length));
      return p.id;
    }
    case 'id-birth-date': {
      const first17 = `${id.slice(0, 10)}${rng.pick(IMPOSSIBLE_MONTH_DAYS).replace('-', '')}${id.slice(14, 17)}`;
      values[p.id] = first17 + idCheckDigit(first17); // only the date is wrong, not the checksum
      return p.id;
    }
    case 'gender-mismatch':
      values[p.gender] = Number(id.charAt(16)) % 2 === 1 ? '女' : '男';
      return p.gender;
    case 'birth-date-mismatch': {
      const shifted = new Date(Date.UTC(Number(id.slice(6, 10)), Number(id.slice(10, 12)) - 1, Number(id.slice(12, 14)) + rng.between(1, 400)));
      values[p.birthDate] = shifted.toISOString().slice(0, 10);
      return p.birthDate;
    }
    case 'missing-required': {
      const k = rng.pick(p.required);
      values[k] = '';
      return k;
    }
    case 'bad-phone': {
      const v = rng.int(4);
      const tail = String(rng.between(10_000_000, 99_999_999));
      values[p.phone] = v === 0 ? `138${tail.slice(1)}` : v === 1 ? `139${tail}0` : v === 2 ? `12${tail}1` : `0571-${tail.slice(0, 3)}`;
      return p.phone;
    }
    case 'unknown-code': {
      const k = rng.pick(p.codes);
      values[k] = UNKNOWN_LABELS[p.columns[k]?.element.codeSet ?? ''] ?? '其他类';
      return k;
    }
    case 'bad-credit-code': {
      const k = rng.pick(p.credit.filter((c) => (rec[p.columns[c]?.key ?? ''] ?? '') !== ''));
      const code = rec[p.columns[k]?.key ?? ''] ?? '';
      const v = rng.int(3);
      if (v === 0) {
        // wrong check character
        const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'.replace(code.charAt(17), '');
        values[k] = code.slice(0, 17) + chars.charAt(rng.int(chars.length));
      } else if (v === 1) {
        // one mistyped digit in the 主体标识码 (MOD 31 catches every single substitution)
        const pos = rng.between(8, 15);
        const digit = (Number(code.charAt(pos)) + rng.between(1, 9)) % 10;
        values[k] = code.slice(0, pos) + String(digit) + code.slice(pos + 1);
      } else {
        // the letter O typed for a zero — GB 32100 never uses I, O, S, V, Z
        const pos = code.slice(8).indexOf('0');
        values[k] = pos >= 0 ? code.slice(0, 8 + pos) + 'O' + code.slice(9 + pos) : `${code.slice(0, 17)}O`;
      }
      return k;
    }
    case 'impossible-date': {
      const k = rng.pick(p.dates);
      const year = (rec[p.columns[k]?.key ?? ''] ?? '').slice(0, 4) || '2021';
      values[k] = `${year}-${rng.pick(IMPOSSIBLE_MONTH_DAYS)}`;
      return k;
    }
  }
}

// ---------------------------------------------------------------- rows

const RENDER_SALT = 0x5bd1e995;
const DIRTY_SALT = 0x27d4eb2f;

function resolve(opts: DemoOptions | undefined): { seed: number; rate: number } {
  const seed = opts?.seed ?? 0;
  const rate = opts?.dirtyRate ?? 0.03;
  if (!Number.isInteger(seed)) throw new RangeError('demo: seed must be an integer');
  if (!(rate >= 0 && rate <= 1)) throw new RangeError('demo: dirtyRate must be between 0 and 1');
  return { seed, rate };
}

/**
 * Row i as cell texts in template-column order — what the file writers use (no per-row object
 * keyed by header). `dirtyColumn` is −1 for a clean row.
 */
export function demoValues(libraryId: string, i: number, opts?: DemoOptions): { values: string[]; dirty: DirtyKind | null; dirtyColumn: number } {
  if (!Number.isSafeInteger(i) || i < 0) throw new RangeError(`demo: row index must be a non-negative integer, got ${i}`);
  const { seed, rate } = resolve(opts);
  const p = plan(libraryId);
  const rec = cleanRecord(libraryId, i, seed);
  const render = new Rng(rowSeed(p.hash ^ RENDER_SALT, i, seed));
  const values = p.columns.map((c) => {
    const v = rec[c.key] ?? '';
    if (v === '') return v;
    if (c.element.kind === 'date') return renderDate(render, v);
    if (c.element.kind === 'id-number') return renderId(render, v);
    return v;
  });
  // Whether and how the row is damaged comes from its own stream, so the clean content of row i
  // is the same whatever the dirty rate.
  const dirtyRng = new Rng(rowSeed(p.hash ^ DIRTY_SALT, i, seed));
  if (dirtyRng.float() >= rate) return { values, dirty: null, dirtyColumn: -1 };
  const kind = dirtyRng.pick(applicableKinds(p, rec));
  return { values, dirty: kind, dirtyColumn: damage(kind, p, rec, values, dirtyRng) };
}

/** Row i of library `libraryId`: same (library, i, seed) → same row, on every machine. */
export function demoRow(libraryId: string, i: number, opts?: DemoOptions): DemoRow {
  const { values, dirty, dirtyColumn } = demoValues(libraryId, i, opts);
  const headers = plan(libraryId).headers;
  const cells: Record<string, string> = {};
  for (let k = 0; k < headers.length; k++) cells[headers[k] ?? ''] = values[k] ?? '';
  return { cells, dirty, dirtyHeader: dirtyColumn >= 0 ? (headers[dirtyColumn] ?? null) : null };
}

/** Rows 0 … count−1. */
export function* demoRows(libraryId: string, count: number, opts?: DemoOptions): Generator<DemoRow, void, undefined> {
  for (let i = 0; i < count; i++) yield demoRow(libraryId, i, opts);
}
