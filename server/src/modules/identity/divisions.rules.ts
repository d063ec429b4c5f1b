/**
 * Pure parser/validator for administrative-division CSV files (`code,name,parentCode`).
 *
 * Codes follow GB/T 2260《中华人民共和国行政区划代码》: six digits XXYYZZ where XX is the
 * province, YY the prefecture-level unit and ZZ the county-level unit. The tree of 司法行政
 * organs (省司法厅 → 市司法局 → 县(区)司法局) hangs off these codes, so a wrong parent here would
 * put a 司法局 under the wrong 司法厅; that is why the parent must agree with the code itself
 * and not only exist somewhere in the file.
 *
 * No I/O: the caller hands over the uploaded bytes and gets every problem back at once, so a
 * user fixing a spreadsheet sees all rows to correct, not one per upload.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { isPlainText } from '../../platform/http/text.ts';

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  code: string;
  name: string;
  /** null only for province-level rows. */
  parentCode: string | null;
  level: DivisionLevel;
}

export type DivisionErrorCode =
  | 'DIVISION_CODE_INVALID'
  | 'DIVISION_NAME_INVALID'
  | 'DIVISION_PARENT_MISSING'
  | 'DIVISION_DUPLICATE'
  | 'DIVISION_HEADER_INVALID'
  | 'DIVISION_PARENT_MISMATCH'
  | 'DIVISION_FILE_EMPTY'
  | 'DIVISION_ENCODING_INVALID';

export interface DivisionError {
  /** Line number in the file (header = 1); 0 for problems of the whole file (encoding, empty). */
  row: number;
  field: 'code' | 'name' | 'parentCode' | 'header';
  code: DivisionErrorCode;
  message: string;
}

export type DivisionParseResult =
  | { ok: true; divisions: Division[] }
  | { ok: false; errors: DivisionError[] };

export interface DivisionParseOptions {
  /** Codes already stored (e.g. 330000 when importing only Zhejiang's cities). */
  knownCodes?: ReadonlySet<string>;
}

/** A file with thousands of bad rows is a wrong file; more errors than this would only bury the cause. */
export const MAX_DIVISION_ERRORS = 100;
export const DIVISION_NAME_MAX = 50;

/**
 * Province-level prefixes of GB/T 2260 (incl. 71 台湾省, 81 香港, 82 澳门). Stable since 1997
 * (重庆 50); checking them catches typos such as 930000 that a digit count would let through.
 */
const PROVINCE_PREFIXES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/**
 * 直辖市: 民政部's GB/T 2260 lists no XX0100 "市辖区" row for them, so their districts
 * (110101 东城区, 500229 城口县 …) hang directly under the province code.
 */
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** YY = 90 is reserved by GB/T 2260 for 省(自治区)直辖县级行政单位 (e.g. 419001 济源市, 429004 仙桃市). */
const PROVINCE_DIRECT_CITY_PART = '90';

const HEADER = ['code', 'name', 'parentCode'] as const;
const CODE_RE = /^\d{6}$/;
// Names come from spreadsheets; a control character is always a paste accident, never a place name.
 
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

function isWellFormedCode(code: string): boolean {
  if (!CODE_RE.test(code) || !PROVINCE_PREFIXES.has(code.slice(0, 2))) return false;
  // XX00ZZ (county digits without a prefecture part) does not exist in GB/T 2260.
  return !(code.slice(2, 4) === '00' && code.slice(4) !== '00');
}

/** Level implied by the code alone: XX0000 province, XXYY00 city, otherwise county. */
export function divisionLevel(code: string): DivisionLevel {
  if (!CODE_RE.test(code)) throw new RangeError(`not a GB/T 2260 code: ${code}`);
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Parent codes GB/T 2260's structure allows for `code` (empty for a province). */
export function allowedParentCodes(code: string): string[] {
  const level = divisionLevel(code);
  const province = `${code.slice(0, 2)}0000`;
  if (level === 'province') return [];
  if (level === 'city') return [province];
  const cityPart = code.slice(2, 4);
  const city = `${code.slice(0, 4)}00`;
  if (cityPart === PROVINCE_DIRECT_CITY_PART) return [province];
  if (MUNICIPALITIES.has(code.slice(0, 2))) return [city, province];
  return [city];
}

const LEVEL_LABEL: Record<DivisionLevel, string> = { province: '省级', city: '市级', county: '县级' };

type Decoded = { ok: true; text: string } | { ok: false; message: string };

/**
 * Users export from Excel/WPS, which on Chinese Windows still saves "CSV" as GBK. Strict UTF-8
 * decoding almost never succeeds on GBK-encoded Chinese, so "valid UTF-8 → UTF-8, else GB18030"
 * is a safe heuristic; GB18030 is a superset of GBK/GB2312, so one decoder covers all three.
 */
export function decodeDivisionCsv(bytes: Uint8Array): Decoded {
  let buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, message: '不支持 UTF-16 编码，请另存为 UTF-8 或 GBK 编码的 CSV' };
  }
  const hadBom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (hadBom) buf = buf.subarray(3);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    if (hadBom) return { ok: false, message: '文件带有 UTF-8 标记，但内容不是合法的 UTF-8' };
  }
  const text = iconv.decode(buf, 'gb18030');
  // iconv-lite substitutes U+FFFD for byte sequences GB18030 cannot map.
  if (text.includes('\uFFFD')) return { ok: false, message: '文件既不是合法的 UTF-8，也不是合法的 GBK/GB18030 编码' };
  return { ok: true, text };
}

interface RawRow {
  line: number;
  cells: string[];
}

function readRows(text: string): { ok: true; rows: RawRow[] } | { ok: false; line: number; message: string } {
  // Normalising line ends first keeps csv-parse's line counter exact for CRLF files with quoted newlines.
  const normalized = text.replace(/\r\n?/g, '\n');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's typings do not model `info: true`, which wraps each record as { record, info }.
    records = parse(normalized, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 0;
    return { ok: false, line, message: `CSV 格式错误：${(err as Error).message}` };
  }
  const rows: RawRow[] = [];
  for (const { record, info } of records) {
    if (record.every((cell) => cell.trim() === '')) continue;
    // info.lines is where the record ends; step back over newlines inside quoted cells.
    const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    rows.push({ line: info.lines - inner, cells: record.map((cell) => cell.trim()) });
  }
  return { ok: true, rows };
}

class ErrorSink {
  readonly errors: DivisionError[] = [];
  get full(): boolean {
    return this.errors.length >= MAX_DIVISION_ERRORS;
  }
  add(row: number, field: DivisionError['field'], code: DivisionErrorCode, message: string): void {
    if (!this.full) this.errors.push({ row, field, code, message });
  }
}

function fail(row: number, code: DivisionErrorCode, message: string): DivisionParseResult {
  return { ok: false, errors: [{ row, field: 'header', code, message }] };
}

/** Parses and validates a division CSV; returns every problem (up to 100) or the divisions, parents first. */
export function parseDivisionsCsv(bytes: Uint8Array, options: DivisionParseOptions = {}): DivisionParseResult {
  if (bytes.byteLength === 0) return fail(0, 'DIVISION_FILE_EMPTY', '文件为空');
  const decoded = decodeDivisionCsv(bytes);
  if (!decoded.ok) return fail(0, 'DIVISION_ENCODING_INVALID', decoded.message);
  if (decoded.text.trim() === '') return fail(0, 'DIVISION_FILE_EMPTY', '文件为空');
  const read = readRows(decoded.text);
  if (!read.ok) return fail(read.line, 'DIVISION_ENCODING_INVALID', read.message);

  const [header, ...rows] = read.rows;
  if (!header) return fail(0, 'DIVISION_FILE_EMPTY', '文件为空');
  const headerOk =
    header.cells.length === HEADER.length &&
    header.cells.every((cell, i) => cell.toLowerCase() === HEADER[i]?.toLowerCase());
  if (!headerOk) {
    return fail(header.line, 'DIVISION_HEADER_INVALID', `表头应为 "${HEADER.join(',')}"，实际为 "${header.cells.join(',')}"`);
  }
  if (rows.length === 0) return fail(header.line, 'DIVISION_FILE_EMPTY', '文件只有表头，没有数据行');

  // First pass: where each code first appears, so duplicates and parents can be judged in row order.
  const firstLine = new Map<string, number>();
  for (const { line, cells } of rows) {
    const code = cells[0] ?? '';
    if (isWellFormedCode(code) && !firstLine.has(code)) firstLine.set(code, line);
  }
  const known = options.knownCodes ?? new Set<string>();

  const sink = new ErrorSink();
  const divisions: Division[] = [];
  for (const { line, cells } of rows) {
    if (sink.full) break;
    const [code = '', name = '', parent = '', ...extra] = cells;
    const before = sink.errors.length;

    const codeOk = isWellFormedCode(code);
    if (!codeOk) {
      sink.add(line, 'code', 'DIVISION_CODE_INVALID', `区划代码 "${code}" 不是合法的 6 位 GB/T 2260 代码`);
    } else if (firstLine.get(code) !== line) {
      sink.add(line, 'code', 'DIVISION_DUPLICATE', `区划代码 ${code} 与第 ${firstLine.get(code)} 行重复`);
    }

    const nameLength = [...name].length;
    if (nameLength === 0 || nameLength > DIVISION_NAME_MAX || CONTROL_RE.test(name)) {
      sink.add(line, 'name', 'DIVISION_NAME_INVALID', `区划名称须为 1–${DIVISION_NAME_MAX} 个字符且不含换行等控制字符`);
    } else if (!isPlainText(name)) {
      // The name becomes an org name (…司法局): the same characters are refused as when an org is
      // created by hand (plainText), or an upload could plant markup in every later export.
      sink.add(line, 'name', 'DIVISION_NAME_INVALID', '区划名称不能包含 < > " \' ` ; \\ 或注释符号');
    }
    if (extra.some((cell) => cell !== '')) {
      // The usual cause is an unquoted comma inside the name.
      sink.add(line, 'name', 'DIVISION_NAME_INVALID', `本行有 ${cells.length} 列，应为 3 列（名称含逗号时请用英文双引号括起）`);
    }

    if (parent !== '' && !isWellFormedCode(parent)) {
      sink.add(line, 'parentCode', 'DIVISION_CODE_INVALID', `上级区划代码 "${parent}" 不是合法的 6 位 GB/T 2260 代码`);
    } else if (codeOk) {
      checkParent(sink, line, code, parent, firstLine, known);
    }

    if (sink.errors.length === before && codeOk) {
      divisions.push({ code, name, parentCode: parent === '' ? null : parent, level: divisionLevel(code) });
    }
  }

  if (sink.errors.length > 0) return { ok: false, errors: sink.errors };
  // Every accepted parent is a structural prefix of strictly higher level (see allowedParentCodes),
  // so the tree cannot contain a cycle and code order is a pre-order walk: 330000, 330100, 330102 …
  divisions.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { ok: true, divisions };
}

function checkParent(
  sink: ErrorSink,
  line: number,
  code: string,
  parent: string,
  firstLine: ReadonlyMap<string, number>,
  known: ReadonlySet<string>,
): void {
  const level = divisionLevel(code);
  const allowed = allowedParentCodes(code);
  if (level === 'province') {
    if (parent !== '') {
      sink.add(line, 'parentCode', 'DIVISION_PARENT_MISMATCH', `省级区划 ${code} 不应有上级区划代码`);
    }
    return;
  }
  if (parent === '') {
    sink.add(line, 'parentCode', 'DIVISION_PARENT_MISMATCH', `${LEVEL_LABEL[level]}区划 ${code} 须填写上级区划代码（应为 ${allowed.join(' 或 ')}）`);
    return;
  }
  if (!allowed.includes(parent)) {
    sink.add(
      line,
      'parentCode',
      'DIVISION_PARENT_MISMATCH',
      `上级区划代码 ${parent} 与代码结构不符：${code} 的上级应为 ${allowed.join(' 或 ')}`,
    );
    return;
  }
  if (!firstLine.has(parent) && !known.has(parent)) {
    sink.add(line, 'parentCode', 'DIVISION_PARENT_MISSING', `上级区划 ${parent} 既不在本文件中，也不在已有区划中`);
  }
}
