import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { countingStream, readSource } from './read-source.ts';
import { collect, tempDir } from './test-helpers.ts';

describe('readSource', () => {
  const dir = tempDir();

  it('dispatches on the detected format', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('人员').addRows([['姓名'], ['张三']]);
    const files: Record<string, Buffer> = {
      'a.csv': Buffer.from('姓名\n张三\n'),
      'a.xlsx': Buffer.from(await wb.xlsx.writeBuffer()),
      'a.json': Buffer.from('[{"姓名":"张三"}]'),
      'a.ndjson': Buffer.from('{"姓名":"张三"}\n'),
    };
    for (const [name, bytes] of Object.entries(files)) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const format = detectFormat(name, bytes.subarray(0, 4096));
      const rows = await collect(readSource(fs.createReadStream(file), format));
      expect(rows.map((r) => [r.headers, r.cells]), name).toEqual([[['姓名'], ['张三']]]);
    }
  });

  it('countingStream counts the bytes the reader consumed, for progress against the file size', async () => {
    const file = path.join(dir, 'count.csv');
    fs.writeFileSync(file, `编号,姓名\n${Array.from({ length: 20_000 }, (_, i) => `${i},张三`).join('\n')}\n`);
    const counter = countingStream();
    const seen: number[] = [];
    let n = 0;
    for await (const _ of readSource(fs.createReadStream(file).pipe(counter), 'csv')) {
      if (++n % 5000 === 0) seen.push(counter.bytesRead);
    }
    expect(n).toBe(20_000);
    expect(counter.bytesRead).toBe(fs.statSync(file).size);
    expect(seen.every((b, i) => i === 0 || b >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen[0]).toBeLessThan(fs.statSync(file).size);
  });

  it('countingStream passes on a read error of the stream piped into it', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('a,b\n1,2\n'));
        this.destroy(new Error('读取文件失败'));
      },
    });
    await expect(collect(readSource(failing.pipe(countingStream()), 'csv'))).rejects.toThrow('读取文件失败');
  });
});
