/**
 * The downloadable error report of an import: every rejected row as the user sent it, with its
 * row number and an 错误原因 column, so the user can fix the rows in the report and send them again.
 * Written as a stream (a million rejected rows must not be held in memory), as CSV or XLSX.
 *
 * Layout: `行号, [工作表,] <original headers…>, 错误原因`. Rows arrive in file order; a header line
 * is written before the first row and again whenever the columns change (a new sheet with other
 * headers, a JSON record with other keys, a row with more cells than its header — the extra cells
 * get the names 列N). The 工作表 column appears only for rows that came from a workbook sheet.
 * In XLSX each source sheet gets a worksheet of its own (rows of CSV/JSON sources: "错误报告"),
 * so it has no 工作表 column.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

export interface ReportRow {
  sheet: string | null;
  rowNo: number;
  headers: readonly string[];
  cells: readonly (string | null)[];
  reasons: string;
}

const ROW_NO = '行号';
const SHEET = '工作表';
const REASONS = '错误原因';

/** The row's columns: its headers, plus 列N for cells beyond them. */
function columnsOf(row: ReportRow): readonly string[] {
  if (row.cells.length <= row.headers.length) return row.headers;
  const cols = [...row.headers];
  for (let i = row.headers.length; i < row.cells.length; i++) cols.push(`列${i + 1}`);
  return cols;
}

function sameColumns(a: readonly string[] | null, b: readonly string[]): boolean {
  if (a === b) return true;
  if (a === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Output with backpressure

/** Resolves when `out` can take more, rejects when it fails or is closed under us. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('drain', onDrain);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    // A client that disconnects destroys the response: no 'drain' will ever come.
    const onClose = (): void => {
      cleanup();
      reject(new Error('error report output closed before the report was complete'));
    };
    out.on('drain', onDrain);
    out.on('error', onError);
    out.on('close', onClose);
  });
}

function finished(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      out.off('finish', onFinish);
      out.off('error', onError);
    };
    const onFinish = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    out.on('finish', onFinish);
    out.on('error', onError);
  });
}

function assertOpen(out: Writable): void {
  if (out.destroyed || out.writableEnded) throw new Error('error report output closed before the report was complete');
}

// ---------------------------------------------------------------------------------------------
// CSV

/** First characters that make Excel/WPS treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain number: Excel reads it as a number, never as a formula, so it is left as it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field: a leading ' defuses a would-be formula (the report goes back to the user, who
 * opens it in Excel — a cell "=HYPERLINK(…)" from an uploaded file must stay text), then RFC 4180
 * quoting.
 */
export function csvField(value: string | null): string {
  let s = value ?? '';
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function csvLine(fields: readonly (string | null)[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + csvField(fields[i] ?? null);
  return `${line}\r\n`;
}

const FLUSH_AT = 64 * 1024;

/**
 * Writes the report as CSV — UTF-8 with BOM (without it Excel on Chinese Windows reads UTF-8 as
 * GBK and shows mojibake), CRLF line ends, RFC 4180 quoting — then ends `out`.
 */
export async function writeErrorReportCsv(rows: AsyncIterable<ReportRow>, out: Writable): Promise<void> {
  let pending = '\uFEFF';
  const flush = async (): Promise<void> => {
    assertOpen(out);
    const ok = out.write(pending, 'utf8');
    pending = '';
    if (!ok) await drained(out);
  };

  let columns: readonly string[] | null = null;
  let withSheet = false;
  let any = false;
  for await (const row of rows) {
    const cols = columnsOf(row);
    const hasSheet = row.sheet !== null;
    if (!any || hasSheet !== withSheet || !sameColumns(columns, cols)) {
      columns = cols;
      withSheet = hasSheet;
      pending += csvLine(hasSheet ? [ROW_NO, SHEET, ...cols, REASONS] : [ROW_NO, ...cols, REASONS]);
    }
    any = true;
    const cells: (string | null)[] = [String(row.rowNo)];
    if (hasSheet) cells.push(row.sheet);
    for (let i = 0; i < cols.length; i++) cells.push(row.cells[i] ?? null);
    cells.push(row.reasons);
    pending += csvLine(cells);
    if (pending.length >= FLUSH_AT) await flush();
  }
  if (!any) pending += csvLine([ROW_NO, REASONS]);
  await flush();
  const done = finished(out);
  out.end();
  await done;
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** Excel refuses a cell longer than this (the file "needs repair"). */
const EXCEL_CELL_MAX = 32_767;
const SHEET_NAME_MAX = 31;
const DEFAULT_SHEET = '错误报告';

function excelText(value: string | null): string | null {
  if (value === null) return null;
  return value.length > EXCEL_CELL_MAX ? `${value.slice(0, EXCEL_CELL_MAX - 1)}…` : value;
}

/** A worksheet name Excel accepts: no []:*?/\, not blank, at most 31 characters, unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').trim().slice(0, SHEET_NAME_MAX) || DEFAULT_SHEET;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/** Display width of a header in Excel's character units (a CJK character takes two). */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

const RED = { argb: 'FFC00000' };

/**
 * Writes the report as an XLSX workbook (exceljs streaming writer, inline strings so nothing
 * accumulates in a shared-string table), then ends `out`. Every cell is written as text — never a
 * formula — so the workbook needs no injection defence; 行号 is a number.
 */
export async function writeErrorReportXlsx(rows: AsyncIterable<ReportRow>, out: Writable): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const used = new Set<string>();
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetOf: string | null = null;
  let columns: readonly string[] | null = null;
  let written = 0;

  const openSheet = (name: string, cols: readonly string[]): ExcelJS.Worksheet => {
    sheet?.commit();
    const ws = book.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [
      { width: 8 },
      ...cols.map((c) => ({ width: Math.min(Math.max(textWidth(c) + 2, 10), 40) })),
      { width: 60 },
    ];
    return ws;
  };
  const headerRow = (ws: ExcelJS.Worksheet, cols: readonly string[]): void => {
    const r = ws.addRow([ROW_NO, ...cols.map(excelText), REASONS]);
    r.font = { bold: true };
    r.commit();
  };

  // The rows pass through exceljs's in-memory buffers before the zip reaches `out`; waiting for a
  // slow reader (a download over a poor link) every so often keeps those buffers small.
  for await (const row of rows) {
    const cols = columnsOf(row);
    if (sheet === null || row.sheet !== sheetOf) {
      sheet = openSheet(row.sheet ?? DEFAULT_SHEET, cols);
      sheetOf = row.sheet;
      columns = null;
    }
    if (!sameColumns(columns, cols)) {
      headerRow(sheet, cols);
      columns = cols;
    }
    const values: (string | number | null)[] = [row.rowNo];
    for (let i = 0; i < cols.length; i++) values.push(excelText(row.cells[i] ?? null));
    values.push(excelText(row.reasons));
    const r = sheet.addRow(values);
    r.getCell(values.length).font = { color: RED };
    r.commit();
    if (++written % 500 === 0) {
      assertOpen(out);
      if (out.writableNeedDrain) await drained(out);
    }
  }
  if (sheet === null) {
    sheet = openSheet(DEFAULT_SHEET, []);
    headerRow(sheet, []);
  }
  sheet.commit();
  // exceljs waits for `out` to finish and never hears of its failure: wait for either here.
  const done = finished(out);
  const committed = book.commit();
  committed.catch(() => undefined); // a failed `out` is reported through `done`
  await Promise.race([committed, done]);
  await done;
}
