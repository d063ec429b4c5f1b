/**
 * What every source reader (CSV, XLSX, JSON, NDJSON) hands to the 归集 importer: one record per
 * data row, each carrying the row number the user sees in the original file, so an error report
 * can point at "第 12345 行" of the file the user still has open.
 *
 * Readers only read: they never trim, convert or judge cell values (the field validators do that,
 * row by row). They throw a SourceError only when the FILE cannot be read on (wrong encoding,
 * broken quoting, a truncated archive …); everything wrong with a single row is left to the caller.
 */

/**
 * An XLSX cell holding a formula. Kept apart from plain values because a formula's cached result
 * may be stale (the file was saved without recalculation) and the importer decides whether to
 * trust it; `formula` is '' for the secondary cells of a shared formula (exceljs does not expand them).
 */
export class FormulaCell {
  constructor(
    readonly formula: string,
    readonly result: unknown,
  ) {}
}

/**
 * A cell value. CSV cells are always strings; XLSX cells keep Excel's type. XLSX dates follow the
 * exceljs convention: the wall-clock time typed in Excel (which has no time zone) encoded as UTC,
 * so read them with getUTC*() — on a server at UTC+8 local getters would shift them by 8 hours.
 */
export type Cell = string | number | boolean | Date | FormulaCell | null;

export type SourceFormat = 'csv' | 'xlsx' | 'json' | 'ndjson';

export interface SourceRecord {
  /** Sheet name for XLSX, null otherwise. */
  sheet: string | null;
  /**
   * The row number the user sees: the CSV line number where the record starts (header = line 1),
   * the XLSX row number, the NDJSON line number, the 1-based index in a JSON array.
   */
  rowNo: number;
  /**
   * Column headers of this record. For CSV/XLSX the SAME array object for every row of a sheet
   * (callers cache the header→field mapping by identity); for JSON/NDJSON the object's keys.
   */
  headers: readonly string[];
  /**
   * Cell values by column. CSV: exactly the fields of the line, so a short or long row shows up
   * as cells.length !== headers.length (the caller rejects the row). XLSX: padded with null to
   * the header width (Excel does not store trailing empty cells), longer only when a cell right
   * of the header row holds a value.
   */
  cells: readonly Cell[];
}

export interface ReaderOptions {
  /**
   * Largest record accepted, in bytes of its text in UTF-8 (whatever the file's encoding, so a GBK
   * and a UTF-8 copy of a file behave alike). Bounds memory: a reader never holds more than this
   * plus one input chunk of a single record. Default 1 MiB.
   */
  maxRecordBytes?: number;
}

export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Stable codes of SourceError; the importer maps them to its own API error and shows `message`.
 * - SOURCE_EMPTY: zero bytes, nothing but blank lines, a header without data rows, `[]`.
 * - SOURCE_HEADER_MISSING: the first line of a CSV is blank (the header must come first).
 * - SOURCE_HEADER_DUPLICATE: two header cells with the same name (the mapping would be ambiguous).
 * - SOURCE_ENCODING_UNKNOWN: neither UTF-8 nor GB18030 (GBK) decodes the text cleanly.
 * - SOURCE_BINARY: NUL bytes, or a ZIP/XLSX/XLS/PDF/image given as a text format.
 * - SOURCE_TRUNCATED: the file ends inside a quoted field, a JSON document or a ZIP entry.
 * - SOURCE_FIELD_TOO_LARGE: one record is over ReaderOptions.maxRecordBytes.
 * - SOURCE_MALFORMED: broken CSV quoting, invalid JSON, a JSON item that is not an object, a
 *   file that is not a valid XLSX workbook.
 * - SOURCE_FORMAT_UNKNOWN: not a format we read (old .xls, PDF, unknown extension …).
 */
export type SourceErrorCode =
  | 'SOURCE_EMPTY'
  | 'SOURCE_HEADER_MISSING'
  | 'SOURCE_HEADER_DUPLICATE'
  | 'SOURCE_ENCODING_UNKNOWN'
  | 'SOURCE_BINARY'
  | 'SOURCE_TRUNCATED'
  | 'SOURCE_FIELD_TOO_LARGE'
  | 'SOURCE_MALFORMED'
  | 'SOURCE_FORMAT_UNKNOWN';

/** The file as a whole cannot be read on; `message` is Chinese and names the line/row when known. */
export class SourceError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    readonly rowNo?: number,
    readonly sheet?: string | null,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}
