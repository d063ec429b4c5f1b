/**
 * One entry point for the importer: the reader of a format, and a byte counter for progress.
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { readCsv } from './csv.reader.ts';
import { readJson, readNdjson } from './json.reader.ts';
import type { ReaderOptions, SourceFormat, SourceRecord } from './source.types.ts';
import { readXlsx } from './xlsx.reader.ts';

export type { ReaderOptions } from './source.types.ts';

/** The data records of a source file; see each reader for its rules. Throws SourceError. */
export function readSource(input: Readable, format: SourceFormat, opts: ReaderOptions = {}): AsyncGenerator<SourceRecord, void, undefined> {
  switch (format) {
    case 'csv':
      return readCsv(input, opts);
    case 'xlsx':
      return readXlsx(input, opts);
    case 'json':
      return readJson(input, opts);
    case 'ndjson':
      return readNdjson(input, opts);
  }
}

/**
 * A pass-through that counts the bytes it has passed on, so the caller can show progress and an
 * ETA against the file size (records say nothing about how much of the file is left).
 */
export class CountingStream extends Transform {
  bytesRead = 0;

  constructor() {
    super();
    // `fs.createReadStream(p).pipe(counter)` does not forward a read error, and the reader would
    // wait forever for data that never comes; fail the counter, and with it the reader, instead.
    this.on('pipe', (src: Readable) => {
      src.once('error', (err) => this.destroy(err));
    });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesRead += chunk.length;
    callback(null, chunk);
  }
}

/** `fs.createReadStream(path).pipe(countingStream())`; `bytesRead` grows as the reader consumes. */
export function countingStream(): CountingStream {
  return new CountingStream();
}
