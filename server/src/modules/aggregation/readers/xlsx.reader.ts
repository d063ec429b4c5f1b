/**
 * Streaming XLSX reader on exceljs's WorkbookReader: rows are parsed from the zip as it streams,
 * so memory holds the shared-string table (Excel keeps every distinct text of the workbook there)
 * and one row, not the workbook. Excel writes sharedStrings.xml after the sheets, so exceljs first
 * copies each sheet's XML to a temporary file and parses it once the strings are known: disk, not
 * memory, grows with the file.
 *
 * exceljs reports a broken zip as an error on an internal stream and, when the input itself fails,
 * simply waits forever (it pipes the input without listening for its errors); every step here is
 * therefore raced against the input's failure, and every exceljs error becomes a SourceError.
 */
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildHeaders } from './csv.reader.ts';
import { formatBytes } from './csv.scanner.ts';
import { DEFAULT_MAX_RECORD_BYTES, FormulaCell, SourceError, type Cell, type ReaderOptions, type SourceRecord } from './source.types.ts';

/** exceljs's own test for a date number format: date letters outside quoted text and [..] blocks. */
function isDateFormat(fmt: unknown): boolean {
  if (typeof fmt !== 'string' || fmt === '') return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serial date → Date, the way exceljs converts plain date cells (wall clock as UTC). */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

interface ValueObject {
  richText?: { text?: unknown }[];
  formula?: unknown;
  sharedFormula?: unknown;
  result?: unknown;
  error?: unknown;
  text?: unknown;
  hyperlink?: unknown;
}

function richTextOf(runs: readonly { text?: unknown }[]): string {
  return runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
}

/** One exceljs cell value as a Cell. */
function toCell(value: unknown, numFmt: unknown, date1904: boolean): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  // An empty <v/> parses as NaN: there is no value.
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (typeof value !== 'object') return String(value);
  const v = value as ValueObject;
  if (Array.isArray(v.richText)) return richTextOf(v.richText);
  if (v.formula !== undefined || v.sharedFormula !== undefined) {
    let result = v.result;
    if (typeof result === 'number') {
      // Dates computed by formulas (=TODAY(), =DATE(…)) come back as serials; convert them the way
      // exceljs converts typed-in dates. A NaN result is an error value exceljs could not keep.
      if (Number.isNaN(result)) result = null;
      else if (isDateFormat(numFmt)) result = serialToDate(result, date1904);
    } else if (result && typeof result === 'object') {
      result = toCell(result, numFmt, date1904);
    }
    return new FormulaCell(String(v.formula ?? v.sharedFormula ?? ''), result ?? null);
  }
  if (v.error !== undefined) return String(v.error);
  if (v.text !== undefined) {
    if (typeof v.text === 'string') return v.text;
    if (v.text && typeof v.text === 'object' && Array.isArray((v.text as ValueObject).richText)) return richTextOf((v.text as ValueObject).richText ?? []);
    return String(v.text);
  }
  return JSON.stringify(value) ?? null;
}

function isEmpty(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function byteSize(cells: readonly Cell[]): number {
  let n = 0;
  for (const c of cells) if (typeof c === 'string') n += Buffer.byteLength(c, 'utf8');
  return n;
}

function headerText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof FormulaCell) return cell.result === null || cell.result === undefined ? '' : String(cell.result);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}

/** An exceljs failure as a SourceError: a cut-off file or something that is not an XLSX. */
function classify(err: unknown, sheet: string | null, inputEnded: boolean): SourceError {
  if (err instanceof SourceError) return err;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const place = sheet ? `（读取工作表"${sheet}"时）` : '';
  if (message === 'FILE_ENDED' || code === 'Z_BUF_ERROR' || /unexpected end/i.test(message) || (inputEnded && /unclosed|unexpected close|end of/i.test(message))) {
    return new SourceError('SOURCE_TRUNCATED', `Excel 文件不完整${place}，可能没有上传完整，请重新上传`, undefined, sheet);
  }
  return new SourceError('SOURCE_MALFORMED', `不是有效的 Excel 工作簿（.xlsx）文件${place}，文件可能已损坏，请用 Excel 打开后另存为 .xlsx 再上传`, undefined, sheet);
}

/**
 * What exceljs reads from. It pipes this into its unzip stream, whose errors (a corrupt deflate
 * block, a cut-off entry) it does not always hear: an entry being copied to a temporary file just
 * never finishes. Intercepting pipe() lets the reader listen to the unzip stream itself.
 */
class Feed extends PassThrough {
  onTarget: ((dest: NodeJS.WritableStream) => void) | null = null;
  bytes = 0;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: (err?: Error | null, data?: unknown) => void): void {
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override pipe<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T {
    this.onTarget?.(dest);
    return super.pipe(dest, options);
  }
}

interface ExcelRow {
  number: number;
  values: unknown;
  getCell(col: number): { numFmt?: unknown };
}

interface SheetReader extends AsyncIterable<ExcelRow> {
  name?: string;
  state?: string;
  id?: unknown;
}

/**
 * Yields the data rows of every visible sheet of an XLSX workbook. In each sheet the first
 * non-empty row is the header; sheets without one are skipped, and so are hidden sheets — import
 * templates keep their drop-down lists (字典) on a hidden sheet, and those are not data. Empty rows
 * (every cell blank) are skipped; rowNo is Excel's row number.
 */
export async function* readXlsx(input: Readable, opts: ReaderOptions = {}): AsyncGenerator<SourceRecord, void, undefined> {
  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  let inputError: unknown = null;
  let zipError: unknown = null;
  let inputEnded = false;
  let sheetName: string | null = null;
  // The step in flight, failed at once when the input or the unzip stream fails. Deliberately not
  // a race against one long-lived promise: every Promise.race adds a reaction to it, which would
  // keep every row alive until the end.
  let abortStep: ((err: unknown) => void) | null = null;
  const onError = (err: unknown): void => {
    inputError ??= err;
    abortStep?.(err);
  };
  const onEnd = (): void => {
    inputEnded = true;
  };
  input.on('error', onError);
  input.on('end', onEnd);
  const feed = new Feed();
  feed.onTarget = (zip) => {
    zip.on('error', (err: unknown) => {
      zipError ??= inputEnded && feed.bytes === 0 ? new SourceError('SOURCE_EMPTY', '文件为空') : classify(err, sheetName, inputEnded);
      abortStep?.(zipError);
    });
  };
  input.pipe(feed);
  /** Awaits an exceljs step, or fails at once when the input or the unzip stream fails. */
  const step = <T>(p: Promise<T>): Promise<T> => {
    const failed = inputError ?? zipError;
    if (failed !== null) return Promise.reject(failed);
    return new Promise<T>((resolve, reject) => {
      abortStep = reject;
      p.then(resolve, reject).finally(() => {
        abortStep = null;
      });
    });
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(feed, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]() as AsyncIterator<SheetReader>;
  let sawSheet = false;
  let rows = 0;
  let finished = false;

  try {
    for (;;) {
      let next: IteratorResult<SheetReader>;
      try {
        next = await step(sheets.next());
      } catch (err) {
        throw inputError ?? zipError ?? classify(err, null, inputEnded);
      }
      if (next.done) break;
      sawSheet = true;
      const sheet = next.value;
      sheetName = sheet.name ?? `Sheet${String(sheet.id ?? '')}`;
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
      // date1904 comes from workbook.xml. Excel writes it before the sheets; writers that put it
      // last (exceljs's own) also put sharedStrings.xml after the sheets, which makes exceljs
      // park those sheets in temporary files and parse them only once everything else is read.
      const date1904 = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904 === true;

      let headers: readonly string[] | null = null;
      let lastRowNo = 0;
      const rowIt = sheet[Symbol.asyncIterator]();
      for (;;) {
        let r: IteratorResult<ExcelRow>;
        try {
          r = await step(rowIt.next());
        } catch (err) {
          throw inputError ?? zipError ?? classify(err, sheetName, inputEnded);
        }
        if (r.done) break;
        const row = r.value;
        // Some writers omit the r="…" attribute; rows are then consecutive.
        const rowNo = Number.isFinite(row.number) && row.number > 0 ? row.number : lastRowNo + 1;
        lastRowNo = rowNo;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        let last = 0;
        let chars = 0;
        for (let col = 1; col < values.length; col++) {
          const value = values[col];
          if (value === undefined || value === null) continue;
          // Only a formula needs the cell's number format (exceljs already made typed-in dates Dates).
          const isFormula = typeof value === 'object' && ('formula' in value || 'sharedFormula' in value);
          const cell = toCell(value, isFormula ? row.getCell(col).numFmt : undefined, date1904);
          cells[col - 1] = cell;
          if (typeof cell === 'string') chars += cell.length;
          if (!isEmpty(cell)) last = col;
        }
        if (last === 0) continue; // an empty (perhaps only formatted) row
        // Same limit as the text formats, so the importer's per-row memory is bounded alike
        // (Excel allows 32,767 characters per cell and 16,384 columns).
        if (chars > maxRecordBytes / 3 && byteSize(cells) > maxRecordBytes) {
          throw new SourceError('SOURCE_FIELD_TOO_LARGE', `工作表"${sheetName}"第 ${rowNo} 行的内容超过 ${formatBytes(maxRecordBytes)}，无法导入`, rowNo, sheetName);
        }
        if (headers === null) {
          headers = buildHeaders(Array.from({ length: last }, (_, i) => headerText(cells[i] ?? null)), rowNo, sheetName);
          continue;
        }
        const width = Math.max(headers.length, last);
        const out: Cell[] = new Array<Cell>(width);
        for (let i = 0; i < width; i++) out[i] = cells[i] ?? null;
        rows++;
        yield { sheet: sheetName, rowNo, headers, cells: out };
      }
    }
    finished = true;
  } finally {
    input.off('error', onError);
    input.off('end', onEnd);
    // Stopped early or failed: release the file; exceljs's own generators are left to the GC.
    if (!finished) {
      input.unpipe(feed);
      feed.destroy();
      input.destroy();
    }
  }
  if (!sawSheet) throw new SourceError('SOURCE_MALFORMED', '不是有效的 Excel 工作簿（.xlsx）文件：其中没有工作表');
  if (rows === 0) throw new SourceError('SOURCE_EMPTY', '工作簿中没有数据行（每个工作表的第一个非空行是表头，其下才是数据）');
}
