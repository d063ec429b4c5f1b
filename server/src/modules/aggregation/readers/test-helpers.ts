/** Helpers shared by the readers' tests (not used by production code). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { SourceError, type SourceRecord } from './source.types.ts';

/** Bytes as a stream of small chunks, so every reader meets chunk boundaries mid-record. */
export function chunked(bytes: Buffer | string, size = 7): Readable {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) parts.push(buf.subarray(i, i + size));
  return Readable.from(parts);
}

export async function collect(gen: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

/** The SourceError a reader ends with (fails the test if it ends without one). */
export async function failure(gen: AsyncIterable<SourceRecord>): Promise<SourceError & { rows: SourceRecord[] }> {
  const rows: SourceRecord[] = [];
  try {
    for await (const r of gen) rows.push(r);
  } catch (err) {
    if (err instanceof SourceError) return Object.assign(err, { rows });
    throw err;
  }
  throw new Error(`expected a SourceError, got ${rows.length} records`);
}

/** A fresh directory under the OS temp dir for generated fixtures, removed after the file's tests. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tianping-readers-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A Readable producing `total` bytes lazily from `prefix` then `fill` (64 KiB at a time), so a
 * huge file costs no memory in the test; `produced()` says how much the reader actually pulled.
 */
export function hugeStream(prefix: string, fill: string, total: number): { stream: Readable; produced: () => number } {
  let produced = 0;
  const block = Buffer.from(fill.repeat(Math.ceil(65536 / fill.length)).slice(0, 65536), 'utf8');
  function* gen(): Generator<Buffer> {
    const head = Buffer.from(prefix, 'utf8');
    produced += head.length;
    yield head;
    while (produced < total) {
      const n = Math.min(block.length, total - produced);
      produced += n;
      yield n === block.length ? block : block.subarray(0, n);
    }
  }
  return { stream: Readable.from(gen(), { objectMode: false }), produced: () => produced };
}
