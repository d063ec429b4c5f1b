/**
 * Format and encoding sniffing for uploaded source files. Users pick files exported by dozens of
 * systems whose names and extensions cannot be trusted (an "xls" that is really tab-separated
 * text, an "xlsx" renamed to .csv), so content decides first and the extension second.
 */
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import iconv from 'iconv-lite';
import { SourceError, type SourceFormat } from './source.types.ts';

export type TextEncoding = 'utf8' | 'gb18030' | 'utf16le';

export interface ChunkDecoder {
  /** Decodes the next chunk; a character cut at the chunk's end waits for the next one. */
  write(chunk: Buffer): string;
  end(): string;
}

/** Whether this Node has ICU's GB18030 decoder (official builds do; small-icu builds do not). */
const ICU_GB18030 = (() => {
  try {
    new TextDecoder('gb18030');
    return true;
  } catch {
    return false;
  }
})();

/**
 * A streaming decoder; with `fatal`, invalid input throws a TypeError instead of becoming U+FFFD.
 * GB18030 goes through ICU's TextDecoder, about 5× faster than iconv-lite's (which is the
 * fallback, its U+FFFD substitutions standing in for the errors).
 */
export function chunkDecoder(encoding: TextEncoding, fatal: boolean): ChunkDecoder {
  if (encoding === 'gb18030' && !ICU_GB18030) {
    const d = iconv.getDecoder('gb18030');
    const checked = (s: string): string => {
      if (fatal && s.includes('\uFFFD')) throw new TypeError('invalid GB18030 data');
      return s;
    };
    return { write: (c) => checked(d.write(c)), end: () => checked(d.end() ?? '') };
  }
  const d = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'gb18030', { fatal });
  return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
}

/** Bytes of a file the sniffers look at; enough for a header line and a few hundred rows. */
export const SAMPLE_BYTES = 64 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** OLE2 compound document: old .xls/.doc. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

function startsWith(buf: Buffer, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

const OLD_XLS = '不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV';

/**
 * What a text format's bytes really are when they start with a binary magic number; null when
 * they do not. Shared by detectFormat and the text readers (a workbook sent as "CSV" must say so,
 * not fail later as "undecodable").
 */
export function binaryKind(firstBytes: Buffer): string | null {
  if (startsWith(firstBytes, ZIP)) return 'Excel 工作簿（.xlsx）或 ZIP 压缩包';
  if (startsWith(firstBytes, OLE)) return '旧版 Excel 工作簿（.xls）';
  if (startsWith(firstBytes, PDF)) return 'PDF 文档';
  return null;
}

/**
 * The format of an upload: magic number first (ZIP → xlsx, OLE2 → refused), then extension, then
 * for JSON-ish text the first character. Throws SourceError for what we cannot read.
 */
export function detectFormat(fileName: string, firstBytes: Buffer): SourceFormat {
  if (firstBytes.length === 0) throw new SourceError('SOURCE_EMPTY', '文件为空');
  if (startsWith(firstBytes, ZIP)) return 'xlsx';
  if (startsWith(firstBytes, OLE)) throw new SourceError('SOURCE_FORMAT_UNKNOWN', OLD_XLS);
  if (startsWith(firstBytes, PDF)) throw new SourceError('SOURCE_FORMAT_UNKNOWN', '不支持 PDF 文件，请上传 CSV、XLSX、JSON 或 NDJSON 文件');

  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') {
    throw new SourceError('SOURCE_MALFORMED', `文件扩展名为 ${ext}，但内容不是 Excel 工作簿（文件可能已损坏，或是被改了扩展名的其他文件）`);
  }
  // From here on the file must be text; this also refuses binary junk with a NUL early.
  const encoding = detectEncoding(firstBytes);
  const head = leadingText(firstBytes, encoding);

  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xls') {
    // Many systems "export to Excel" as an HTML table or tab-separated text named .xls. The text
    // kind reads fine as CSV (the delimiter is sniffed); the HTML kind has to be re-saved.
    if (head.startsWith('<')) throw new SourceError('SOURCE_FORMAT_UNKNOWN', `${OLD_XLS}（该文件实为网页格式）`);
    return 'csv';
  }
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    // One object per line is NDJSON even when named .json (a common export); a pretty-printed
    // single object is "JSON that is not an array", which the JSON reader explains better.
    if (ext !== '.json') return 'ndjson';
    const firstLine = head.split('\n', 1)[0] ?? '';
    try {
      JSON.parse(firstLine);
      return 'ndjson';
    } catch {
      return 'json';
    }
  }
  if (ext === '.json') return 'json';
  throw new SourceError('SOURCE_FORMAT_UNKNOWN', '无法识别文件格式，请上传 CSV、XLSX、JSON 或 NDJSON 文件');
}

/** The sample's text without BOM and leading white space (for first-character sniffing). */
function leadingText(sample: Buffer, encoding: TextEncoding): string {
  const text = chunkDecoder(encoding, false).write(sample);
  return text.replace(/^[\uFEFF\s]+/, '');
}

/**
 * Length of `buf` without a UTF-8 sequence cut off at its end (a sample ends at an arbitrary
 * byte, often in the middle of a three-byte Chinese character).
 */
function withoutCutUtf8Tail(buf: Buffer): number {
  const len = buf.length;
  for (let back = 1; back <= 3 && back <= len; back++) {
    const b = buf[len - back] ?? 0;
    if (b < 0x80) return len; // ASCII: nothing cut
    if (b >= 0xc0) {
      // A lead byte: how many bytes its sequence needs.
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? len - back : len;
    }
    // A continuation byte: keep looking for the lead.
  }
  return len;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray bytes (ASCII is neither). */
function utf8Stats(buf: Buffer): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0 && i + need < buf.length;
    for (let k = 1; ok && k <= need; k++) ok = ((buf[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      if (firstInvalid === -1) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, firstInvalid };
}

/** 1-based line of byte offset `at` in an ASCII-compatible buffer. */
function lineAt(buf: Buffer, at: number): number {
  let line = 1;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < at; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * The encoding of a text sample. Excel/WPS on Chinese Windows still save "CSV" as GBK, and valid
 * UTF-8 almost never arises by chance from GBK-encoded Chinese, so "strict UTF-8 decodes → UTF-8,
 * else GB18030" is a safe heuristic; GB18030 is a superset of GBK and GB2312, so one decoder
 * covers all three. UTF-16 LE appears only with its BOM (Excel's "Unicode 文本" export).
 */
export function detectEncoding(sample: Buffer): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) {
    throw new SourceError('SOURCE_ENCODING_UNKNOWN', '不支持 UTF-16 BE 编码，请另存为 UTF-8 或 GBK 编码');
  }
  const nul = sample.indexOf(0);
  if (nul !== -1) {
    const line = lineAt(sample, nul);
    throw new SourceError('SOURCE_BINARY', `第 ${line} 行含有空字节（NUL），这不是文本文件，可能选错了文件`, line);
  }
  const text = sample.subarray(0, withoutCutUtf8Tail(sample));
  if (isUtf8(text)) return 'utf8';
  // GB18030 decodes almost any byte sequence, so a UTF-8 file with a few foreign bytes (a row
  // pasted from a GBK file) would silently become mojibake in every row. Real GBK text forms a
  // valid UTF-8 sequence only by chance (~15% of its characters); mostly-valid UTF-8 is UTF-8.
  const { valid, invalid, firstInvalid } = utf8Stats(text);
  if (valid >= 4 && valid >= 9 * invalid) {
    const line = lineAt(sample, firstInvalid);
    throw new SourceError('SOURCE_ENCODING_UNKNOWN', `第 ${line} 行有不合法的 UTF-8 字节（文件可能混用了 UTF-8 和 GBK 两种编码），请统一另存为 UTF-8 编码后重新上传`, line);
  }
  try {
    // write() without end(): a character cut at the end of the sample is not an error.
    chunkDecoder('gb18030', true).write(sample);
    return 'gb18030';
  } catch {
    // neither
  }
  throw new SourceError('SOURCE_ENCODING_UNKNOWN', '文件既不是合法的 UTF-8，也不是合法的 GBK/GB18030 编码，请另存为 UTF-8 编码后重新上传');
}
