import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { RowErrorInsert } from './ingest.queries.ts';

/**
 * Rejected rows of an atomic job, kept on disk until its data transaction has rolled back: they
 * cannot go into that transaction (they would roll back with it), and a file of a million bad
 * rows must not be held in memory. One JSON line per row in the system's temp directory.
 */
export class ErrorSpool {
  private readonly file = path.join(os.tmpdir(), `tianping-errors-${crypto.randomUUID()}.ndjson`);
  private fd: number | null = null;
  count = 0;

  write(errors: readonly RowErrorInsert[]): void {
    if (errors.length === 0) return;
    this.fd ??= fs.openSync(this.file, 'a');
    fs.writeSync(this.fd, errors.map((e) => JSON.stringify(e)).join('\n') + '\n');
    this.count += errors.length;
  }

  /** The rows in chunks of `size`, in the order written. */
  async *chunks(size: number): AsyncGenerator<RowErrorInsert[]> {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    const { createInterface } = await import('node:readline');
    const lines = createInterface({ input: fs.createReadStream(this.file), crlfDelay: Infinity });
    let chunk: RowErrorInsert[] = [];
    for await (const line of lines) {
      if (line === '') continue;
      chunk.push(JSON.parse(line) as RowErrorInsert);
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  dispose(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.file, { force: true });
  }
}
