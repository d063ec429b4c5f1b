/**
 * Streaming readers for JSON (a top-level array of objects) and NDJSON (one object per line).
 *
 * Each object becomes one record: its keys are the headers, its values the cells. Strings,
 * numbers, booleans and null pass as they are; a nested object or array is delivered as its JSON
 * text so the caller rejects that row (with the value shown) instead of the whole file failing.
 * Integers beyond 2^53 keep their digits as a string: JSON.parse would silently round an
 * 18-digit 身份证号 or 统一社会信用代码-like number to a different one.
 */
import { Readable, pipeline } from 'node:stream';
import streamJson from 'stream-json';
import Assembler from 'stream-json/Assembler.js';
import { formatBytes } from './csv.scanner.ts';
import { DEFAULT_MAX_RECORD_BYTES, SourceError, type Cell, type ReaderOptions, type SourceRecord } from './source.types.ts';
import { decodeText } from './text-stream.ts';

interface Token {
  name: string;
  value?: string;
}

/** A JSON number as a cell: digits of an integer that a double cannot hold stay a string. */
function numberCell(text: string): number | string {
  const n = Number(text);
  if (!Number.isFinite(n)) return text; // 1e400
  if (Number.isInteger(n) && !Number.isSafeInteger(n) && /^-?\d+$/.test(text)) return text;
  return n;
}

function toCell(value: unknown): Cell {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value) ?? null;
}

function tooLarge(what: string, max: number, rowNo: number): SourceError {
  return new SourceError('SOURCE_FIELD_TOO_LARGE', `${what}超过 ${formatBytes(max)}，无法导入`, rowNo);
}

/**
 * Builds records from stream-json tokens. Done here rather than with streamArray(): the size limit
 * needs the streamed string chunks of an item as they arrive (streamArray only sees whole values,
 * after the parser has already held all of a 100 MB string), and numbers need their source digits.
 */
class ItemBuilder {
  private depth = 0;
  private index = 0;
  private bytes = 0;
  private started = false;
  private item: Map<string, Cell> | null = null;
  private key = '';
  private nested: Assembler | null = null;
  private nestedDepth = 0;

  constructor(
    private readonly max: number,
    private readonly emit: (rec: SourceRecord) => void,
  ) {}

  /** Whether any token has arrived (an all-blank file produces none). */
  get sawInput(): boolean {
    return this.started;
  }

  get itemIndex(): number {
    return this.index;
  }

  token(t: Token): void {
    this.started = true;
    if (this.depth === 0) {
      if (t.name !== 'startArray') throw new SourceError('SOURCE_MALFORMED', 'JSON 文件的顶层应为对象数组 [ {…}, {…} ]；一行一个对象的文件请使用 NDJSON 格式');
      this.depth = 1;
      return;
    }
    if (this.depth === 1) {
      if (t.name === 'endArray') {
        this.depth = 0;
        return;
      }
      if (t.name === 'startObject') {
        this.index++;
        this.bytes = 0;
        this.item = new Map();
        this.depth = 2;
        return;
      }
      if (t.name.startsWith('start') || t.name.endsWith('Value')) {
        this.index++;
        throw new SourceError('SOURCE_MALFORMED', `第 ${this.index} 项不是 JSON 对象（数组的每一项都应为 {…} 对象）`, this.index);
      }
      return;
    }
    // Inside an item: count what it weighs before anything is assembled from it.
    if (t.value !== undefined && (t.name === 'stringChunk' || t.name === 'numberChunk')) {
      this.bytes += Buffer.byteLength(t.value, 'utf8');
      if (this.bytes > this.max) throw tooLarge(`第 ${this.index} 项`, this.max, this.index);
    }
    if (this.nested) {
      this.nested.consume(t);
      if (t.name === 'startObject' || t.name === 'startArray') this.nestedDepth++;
      else if (t.name === 'endObject' || t.name === 'endArray') {
        if (--this.nestedDepth === 0) {
          this.set(JSON.stringify(this.nested.current));
          this.nested = null;
        }
      }
      return;
    }
    switch (t.name) {
      case 'keyValue':
        this.key = t.value ?? '';
        return;
      case 'stringValue':
        this.set(t.value ?? '');
        return;
      case 'numberValue':
        this.set(numberCell(t.value ?? ''));
        return;
      case 'nullValue':
        this.set(null);
        return;
      case 'trueValue':
        this.set(true);
        return;
      case 'falseValue':
        this.set(false);
        return;
      case 'startObject':
      case 'startArray':
        this.nested = new Assembler();
        this.nested.consume(t);
        this.nestedDepth = 1;
        return;
      case 'endObject': {
        const item = this.item as Map<string, Cell>;
        this.item = null;
        this.depth = 1;
        this.emit({ sheet: null, rowNo: this.index, headers: [...item.keys()], cells: [...item.values()] });
        return;
      }
    }
  }

  /** A repeated key keeps its first position and takes the last value, as JSON.parse does. */
  private set(value: Cell): void {
    this.item?.set(this.key, value);
  }
}

/**
 * Yields one record per object of a top-level JSON array; rowNo is the 1-based index.
 * Throws SOURCE_MALFORMED (not an array, an item not an object, invalid JSON), SOURCE_TRUNCATED
 * (the document ends early), SOURCE_FIELD_TOO_LARGE, SOURCE_EMPTY (`[]`) and decoding errors.
 */
export async function* readJson(input: Readable | AsyncIterable<unknown>, opts: ReaderOptions = {}): AsyncGenerator<SourceRecord, void, undefined> {
  const max = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  // Strings reach the parser as strings (decodeStrings: false): no round trip through a Buffer.
  const parser = streamJson.parser({ decodeStrings: false });
  const text = Readable.from(decodeText(input));
  const queue: SourceRecord[] = [];
  let failure: unknown = null;
  let finished = false;
  let rows = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };

  const builder = new ItemBuilder(max, (rec) => {
    queue.push(rec);
    // Backpressure: the parser stops (and through pipeline() the file) while the caller is busy.
    if (queue.length >= 256) parser.pause();
    notify();
  });
  parser.on('data', (t: Token) => {
    if (failure !== null) return;
    try {
      builder.token(t);
    } catch (err) {
      failure = err;
      parser.destroy();
      notify();
    }
  });
  pipeline(text, parser, (err) => {
    finished = true;
    if (err && failure === null) failure = parserFailure(err, parser, builder);
    notify();
  });

  try {
    for (;;) {
      if (queue.length > 0) {
        const batch = queue.splice(0);
        if (parser.isPaused()) parser.resume();
        for (const rec of batch) {
          rows++;
          yield rec;
        }
        continue;
      }
      if (failure !== null) throw failure;
      if (finished) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    // An early return (the caller stopped) or a failure: stop reading the file.
    if (!finished) {
      parser.destroy();
      text.destroy();
    }
  }
  if (rows === 0) throw new SourceError('SOURCE_EMPTY', 'JSON 数组中没有任何记录');
}

function parserFailure(err: unknown, parser: object, builder: ItemBuilder): unknown {
  if (err instanceof SourceError) return err;
  if (!(err instanceof Error) || err.name === 'AbortError' || (err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return err;
  const at = builder.itemIndex;
  // stream-json raises its "expected …" errors from _flush, with `_done` set, when the input ran
  // out in the middle of a value: that is a cut-off file rather than a syntax error.
  if ((parser as { _done?: boolean })._done === true) {
    if (!builder.sawInput) return new SourceError('SOURCE_EMPTY', '文件没有内容（只有空白）');
    return new SourceError('SOURCE_TRUNCATED', `JSON 文件不完整，在第 ${at} 项处意外结束（文件可能没有上传完整）`, at || undefined);
  }
  return new SourceError('SOURCE_MALFORMED', `JSON 格式错误（第 ${at} 项附近）：${err.message.replace(/^Parser cannot parse input: /, '')}`, at || undefined);
}

/**
 * Bare integers of 16+ digits in a JSON text: strings are matched too, only to be skipped, and the
 * lookarounds keep the digits of a fraction or an exponent (0.12345678901234567) out.
 */
const LONG_INT = /"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])(-?\d{16,})(?![\d.eE])/g;

/** Quotes integers a double would round, so JSON.parse keeps their digits (see numberCell). */
function protectLongIntegers(line: string): string {
  if (!/\d{16}/.test(line)) return line;
  return line.replace(LONG_INT, (m, digits: string | undefined) => (digits !== undefined && !Number.isSafeInteger(Number(digits)) ? `"${digits}"` : m));
}

/**
 * Yields one record per non-blank line of an NDJSON (JSON Lines) file; rowNo is the line number.
 * Lines are split here rather than by node:readline, which would buffer a 100 MB line whole
 * before the size limit could be applied.
 */
export async function* readNdjson(input: Readable | AsyncIterable<unknown>, opts: ReaderOptions = {}): AsyncGenerator<SourceRecord, void, undefined> {
  const max = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  let rest = '';
  let line = 1;
  let rows = 0;

  const record = (raw: string, at: number, last: boolean): SourceRecord | null => {
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return null;
    if (text.length > max / 3 && Buffer.byteLength(text, 'utf8') > max) throw tooLarge(`第 ${at} 行`, max, at);
    let value: unknown;
    try {
      value = JSON.parse(protectLongIntegers(text));
    } catch (err) {
      if (last) throw new SourceError('SOURCE_TRUNCATED', `最后一行（第 ${at} 行）不是完整的 JSON，文件可能没有上传完整`, at);
      throw new SourceError('SOURCE_MALFORMED', `第 ${at} 行不是合法的 JSON（${(err as Error).message}）`, at);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new SourceError('SOURCE_MALFORMED', `第 ${at} 行不是 JSON 对象（每行应为一个 {…} 对象）`, at);
    }
    const obj = value as Record<string, unknown>;
    const headers = Object.keys(obj);
    return { sheet: null, rowNo: at, headers, cells: headers.map((k) => toCell(obj[k])) };
  };

  for await (const chunk of decodeText(input)) {
    const buf = rest.length === 0 ? chunk : rest + chunk;
    let pos = 0;
    for (let nl = buf.indexOf('\n'); nl !== -1; nl = buf.indexOf('\n', pos)) {
      const rec = record(buf.slice(pos, nl), line, false);
      line++;
      pos = nl + 1;
      if (rec) {
        rows++;
        yield rec;
      }
    }
    rest = pos === 0 ? buf : buf.slice(pos);
    // The line goes on: refuse it as soon as it is over the limit instead of gathering 100 MB.
    if (rest.length > max / 3 && Buffer.byteLength(rest, 'utf8') > max) throw tooLarge(`第 ${line} 行`, max, line);
  }
  if (rest.length > 0) {
    // A last line without a line break: an unfinished write is the usual cause if it fails to parse.
    const rec = record(rest, line, true);
    if (rec) {
      rows++;
      yield rec;
    }
  }
  if (rows === 0) throw new SourceError('SOURCE_EMPTY', '文件没有任何记录（只有空行）');
}
