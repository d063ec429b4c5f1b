/**
 * Bytes → text for the text formats (CSV, JSON, NDJSON), chunk by chunk, so a file of any size is
 * decoded in bounded memory. Encoding is sniffed on the first SAMPLE_BYTES; the BOM is dropped;
 * NUL bytes and undecodable bytes anywhere in the file stop the import with the line they are on
 * (a silently substituted U+FFFD would end up in the database as a corrupted name).
 */
import { SAMPLE_BYTES, binaryKind, chunkDecoder, detectEncoding, type ChunkDecoder, type TextEncoding } from './detect.ts';
import { SourceError } from './source.types.ts';

function countLines(text: string, upTo = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('source stream must yield bytes');
}

/**
 * Yields the decoded text of `input`. The first yield holds the whole sample (at least
 * SAMPLE_BYTES unless the file is shorter), so callers can sniff delimiters and line ends on it.
 * Throws SourceError: SOURCE_EMPTY (zero bytes), SOURCE_BINARY, SOURCE_ENCODING_UNKNOWN.
 */
export async function* decodeText(input: AsyncIterable<unknown>): AsyncGenerator<string, void, undefined> {
  const head: Buffer[] = [];
  let headBytes = 0;
  let decoder: ChunkDecoder | null = null;
  let encoding: TextEncoding = 'utf8';
  // A sample of pure ASCII says nothing about the encoding: a GBK file may have a long ASCII
  // prologue (codes, dates) before its first Chinese character. While every byte so far was
  // ASCII, UTF-8 and GB18030 agree, so the decision can wait for the first non-ASCII chunk.
  let asciiSoFar = false;
  let lines = 0; // newlines in the text yielded so far

  const decode = (chunk: Buffer): string => {
    let text: string;
    const d = decoder as ChunkDecoder;
    try {
      text = d.write(chunk);
    } catch {
      if (asciiSoFar && detectEncodingQuiet(chunk) === 'gb18030') {
        encoding = 'gb18030';
        decoder = chunkDecoder(encoding, true);
        asciiSoFar = false;
        return check(decoder.write(chunk));
      }
      throw badBytes(chunkDecoder(encoding, false).write(chunk));
    }
    if (asciiSoFar && text.length !== chunk.length) asciiSoFar = false;
    return check(text);
  };

  /** The error for undecodable bytes; `textOfChunk` is their chunk decoded leniently. */
  const badBytes = (textOfChunk: string): SourceError => {
    const at = textOfChunk.indexOf('\uFFFD');
    const line = lines + countLines(textOfChunk, at === -1 ? 0 : at) + 1;
    const name = encoding === 'gb18030' ? 'GBK/GB18030' : encoding === 'utf8' ? 'UTF-8' : 'UTF-16';
    return new SourceError(
      'SOURCE_ENCODING_UNKNOWN',
      `第 ${line} 行附近有不合法的 ${name} 字节（文件可能混用了多种编码），请统一另存为 UTF-8 编码后重新上传`,
      line,
    );
  };

  const check = (text: string): string => {
    const nul = text.indexOf('\0');
    if (nul !== -1) {
      const line = lines + countLines(text, nul) + 1;
      throw new SourceError('SOURCE_BINARY', `第 ${line} 行含有空字节（NUL），这不是文本文件，可能选错了文件`, line);
    }
    lines += countLines(text);
    return text;
  };

  const start = (): string => {
    const sample = Buffer.concat(head, headBytes);
    head.length = 0;
    if (sample.length === 0) throw new SourceError('SOURCE_EMPTY', '文件为空');
    const kind = binaryKind(sample);
    if (kind) throw new SourceError('SOURCE_BINARY', `文件内容是${kind}，不是文本文件，请选择正确的文件格式`);
    encoding = detectEncoding(sample);
    decoder = chunkDecoder(encoding, true);
    asciiSoFar = encoding === 'utf8' && isAscii(sample);
    return decode(sample);
  };

  for await (const raw of input) {
    const chunk = toBuffer(raw);
    if (decoder) {
      const text = decode(chunk);
      if (text.length > 0) yield text;
      continue;
    }
    head.push(chunk);
    headBytes += chunk.length;
    if (headBytes >= SAMPLE_BYTES) yield start();
  }
  if (!decoder) {
    const text = start();
    if (text.length > 0) yield text;
  }
  let tail: string;
  try {
    tail = (decoder as ChunkDecoder | null)?.end() ?? '';
  } catch {
    // The file ends in the middle of a multi-byte character.
    throw badBytes('\uFFFD');
  }
  if (tail.length > 0) yield check(tail);
}

function isAscii(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) if ((buf[i] ?? 0) >= 0x80) return false;
  return true;
}

function detectEncodingQuiet(buf: Buffer): TextEncoding | null {
  try {
    return detectEncoding(buf);
  } catch {
    return null;
  }
}
