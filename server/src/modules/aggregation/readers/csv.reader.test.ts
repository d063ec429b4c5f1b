import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.reader.ts';
import { chunked, collect, failure, hugeStream, tempDir } from './test-helpers.ts';

const HEADER = '编号,姓名,所属机构,备注';
const BODY = ['1,张三,杭州市西湖区司法局,人民调解员', '2,李四,宁波市海曙区司法局,"含,逗号"', '3,王五𠀀,温州市鹿城区司法局,'];
const TEXT = `${HEADER}\n${BODY.join('\n')}\n`;
const EXPECTED = [
  ['1', '张三', '杭州市西湖区司法局', '人民调解员'],
  ['2', '李四', '宁波市海曙区司法局', '含,逗号'],
  ['3', '王五𠀀', '温州市鹿城区司法局', ''],
];

const rowsOf = async (input: Readable | Buffer | string, opts?: { maxRecordBytes?: number }) =>
  collect(readCsv(input instanceof Readable ? input : chunked(input), opts));

describe('readCsv — encodings', () => {
  const dir = tempDir();
  const cases: [string, Buffer][] = [
    ['UTF-8', Buffer.from(TEXT, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
    ['GBK', iconv.encode(TEXT.replace('𠀀', ''), 'gbk')],
    ['GB18030', iconv.encode(TEXT, 'gb18030')],
    ['UTF-16 LE (Excel "Unicode 文本", tab separated)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT.replace(/,/g, '\t').replace('"含\t逗号"', '"含,逗号"'), 'utf16le')])],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name} with Chinese headers`, async () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '_')}.csv`);
      fs.writeFileSync(file, bytes);
      const rows = await rowsOf(fs.createReadStream(file, { highWaterMark: 5 }));
      expect(rows[0]?.headers).toEqual(['编号', '姓名', '所属机构', '备注']);
      const expected = name === 'GBK' ? EXPECTED.map((r) => r.map((c) => c.replace('𠀀', ''))) : EXPECTED;
      expect(rows.map((r) => r.cells)).toEqual(expected);
      expect(rows.map((r) => r.rowNo)).toEqual([2, 3, 4]);
      expect(rows.every((r) => r.sheet === null)).toBe(true);
    });
  }

  it('decides the encoding at the first non-ASCII byte when the first 64 KiB are ASCII', async () => {
    const prologue = Array.from({ length: 5000 }, (_, i) => `${i},A${i},2024-01-01`).join('\n');
    const bytes = iconv.encode(`id,code,date\n${prologue}\n5000,张三,2024-01-02\n`, 'gbk');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const rows = await rowsOf(fs.createReadStream(writeTemp(bytes)));
    expect(rows).toHaveLength(5001);
    expect(rows.at(-1)).toMatchObject({ rowNo: 5002, cells: ['5000', '张三', '2024-01-02'] });
  });

  it('refuses a UTF-8 file with broken bytes after the sample, naming the line', async () => {
    const lines = Array.from({ length: 8000 }, (_, i) => `${i},张三${i}`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`编号,姓名\n${lines}\n`, 'utf8'), iconv.encode('9999,李四\n', 'gbk')]);
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const err = await failure(readCsv(fs.createReadStream(writeTemp(bytes))));
    expect(err.code).toBe('SOURCE_ENCODING_UNKNOWN');
    expect(err.rowNo).toBe(8002);
    expect(err.message).toContain('第 8002 行');
    // Rows of the chunks before the bad one were delivered; the caller decides what they are worth.
    expect(err.rows.length).toBeGreaterThan(4000);
  });

  it('refuses a GBK file with an undecodable byte after the sample, naming the line', async () => {
    const lines = Array.from({ length: 8000 }, (_, i) => `${i},张三${i}`).join('\n');
    const bytes = Buffer.concat([iconv.encode(`编号,姓名\n${lines}\n9999,`, 'gbk'), Buffer.from([0xff, 0x0a])]);
    const err = await failure(readCsv(fs.createReadStream(writeTemp(bytes))));
    expect(err).toMatchObject({ code: 'SOURCE_ENCODING_UNKNOWN', rowNo: 8002 });
    expect(err.message).toContain('GBK');
  });

  function writeTemp(bytes: Buffer): string {
    const file = path.join(dir, `${crypto.randomUUID()}.csv`);
    fs.writeFileSync(file, bytes);
    return file;
  }
});

describe('readCsv — records and line numbers', () => {
  it('reads CRLF files without a trailing CR in the last cell', async () => {
    const rows = await rowsOf(`${HEADER}\r\n${BODY.join('\r\n')}\r\n`);
    expect(rows.map((r) => r.cells)).toEqual(EXPECTED);
    expect(rows.map((r) => r.rowNo)).toEqual([2, 3, 4]);
  });

  it('reads bare-CR (old Mac) files', async () => {
    const rows = await rowsOf(`${HEADER}\r${BODY.join('\r')}\r`);
    expect(rows.map((r) => r.cells)).toEqual(EXPECTED);
  });

  it('gives rows after a multi-line quoted field the line they start on', async () => {
    const text = 'a,b\r\n1,"第一行\r\n第二行\r\n第三行"\r\n2,x\r\n3,"he said ""hi"""\n4,"x\ny",z\n';
    const rows = await rowsOf(text);
    expect(rows.map((r) => [r.rowNo, ...r.cells])).toEqual([
      [2, '1', '第一行\r\n第二行\r\n第三行'],
      [5, '2', 'x'],
      [6, '3', 'he said "hi"'],
      [7, '4', 'x\ny', 'z'],
    ]);
  });

  it('keeps the same headers array for every row and never trims cells', async () => {
    const rows = await rowsOf(' 编号 , 姓名 \n 1 , 张三 \n2,李四\n');
    expect(rows[0]?.headers).toEqual(['编号', '姓名']);
    expect(rows[0]?.headers).toBe(rows[1]?.headers);
    expect(rows[0]?.cells).toEqual([' 1 ', ' 张三 ']);
  });

  it('skips blank and delimiter-only lines but keeps counting them', async () => {
    const rows = await rowsOf('a,b,c\n\n1,2,3\n,,,\n  , ,\t\n\r\n4,5,6\n,,\n');
    expect(rows.map((r) => [r.rowNo, ...r.cells])).toEqual([
      [3, '1', '2', '3'],
      [7, '4', '5', '6'],
    ]);
  });

  it('delivers short and long rows as they are (the caller rejects them)', async () => {
    const rows = await rowsOf('a,b,c\n1,2\n1,2,3,4\n');
    expect(rows.map((r) => r.cells)).toEqual([['1', '2'], ['1', '2', '3', '4']]);
  });

  it('takes a quote inside an unquoted field literally', async () => {
    const rows = await rowsOf('a,b\n他说"你好",2\n');
    expect(rows[0]?.cells).toEqual(['他说"你好"', '2']);
  });

  it('names empty header cells 列N', async () => {
    const rows = await rowsOf('编号,,姓名,\n1,x,张三,y\n');
    expect(rows[0]?.headers).toEqual(['编号', '列2', '姓名', '列4']);
  });

  it('sniffs tab and semicolon delimiters from the header', async () => {
    expect((await rowsOf('a\tb\n1\t2,3\n'))[0]?.cells).toEqual(['1', '2,3']);
    expect((await rowsOf('a;b\n1;"2;3"\n'))[0]?.cells).toEqual(['1', '2;3']);
  });

  it('reads a file without a final line break', async () => {
    const rows = await rowsOf('a,b\n1,2\n3,"4"');
    expect(rows.map((r) => r.cells)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('agrees with the records it was generated from, whatever the chunk size', async () => {
    const rand = seeded(42);
    const pieces = ['张', 'a', ',', '"', '\n', '\r\n', ' ', '𠀀', 'x'];
    const records: string[][] = [['h1', 'h2', 'h3']];
    for (let r = 0; r < 300; r++) {
      const n = 1 + Math.floor(rand() * 4);
      records.push(Array.from({ length: n }, () => Array.from({ length: Math.floor(rand() * 6) }, () => pieces[Math.floor(rand() * pieces.length)]).join('')));
    }
    const kept = records.filter((r, i) => i === 0 || !r.every((c) => /^\s*$/.test(c)));
    const quote = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replaceAll('"', '""')}"` : c);
    const text = records.map((r) => r.map(quote).join(',')).join('\r\n');
    const startLines: number[] = [];
    let line = 1;
    for (const r of records) {
      startLines.push(line);
      line += r.join(',').split('\n').length;
    }
    for (const size of [1, 3, 64, 100_000]) {
      const rows = await collect(readCsv(chunked(text, size)));
      expect(rows.map((r) => r.cells)).toEqual(kept.slice(1));
      expect(rows.map((r) => r.rowNo)).toEqual(startLines.filter((_, i) => i > 0 && kept.includes(records[i] as string[])));
    }
  });
});

describe('readCsv — files that cannot be read', () => {
  it('SOURCE_TRUNCATED for a file ending inside a quoted field', async () => {
    const err = await failure(readCsv(chunked('a,b\n1,2\n3,"unterminated\n4,5\n')));
    expect(err.code).toBe('SOURCE_TRUNCATED');
    expect(err.rowNo).toBe(3);
    expect(err.message).toContain('第 3 行');
    expect(err.rows).toHaveLength(1);
  });

  it('SOURCE_MALFORMED for text after a closing quote', async () => {
    const err = await failure(readCsv(chunked('a,b\n1,"x"y\n')));
    expect(err.code).toBe('SOURCE_MALFORMED');
    expect(err.rowNo).toBe(2);
  });

  it('SOURCE_EMPTY for zero bytes, blank lines only, or a header without rows', async () => {
    expect((await failure(readCsv(chunked('')))).code).toBe('SOURCE_EMPTY');
    expect((await failure(readCsv(chunked('\n,,\n\r\n')))).code).toBe('SOURCE_EMPTY');
    expect((await failure(readCsv(chunked('a,b\n')))).code).toBe('SOURCE_EMPTY');
  });

  it('SOURCE_HEADER_MISSING when the first line is blank', async () => {
    const err = await failure(readCsv(chunked(',,\na,b\n1,2\n')));
    expect(err.code).toBe('SOURCE_HEADER_MISSING');
  });

  it('SOURCE_HEADER_DUPLICATE for two columns of the same name', async () => {
    const err = await failure(readCsv(chunked('姓名,年龄, 姓名\n1,2,3\n')));
    expect(err.code).toBe('SOURCE_HEADER_DUPLICATE');
    expect(err.message).toContain('"姓名"');
  });

  it('SOURCE_BINARY for random bytes with NULs, and for a workbook sent as CSV', async () => {
    const junk = crypto.randomBytes(4096);
    junk[100] = 0;
    expect((await failure(readCsv(chunked(junk, 1000)))).code).toBe('SOURCE_BINARY');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('xl/workbook.xml')]);
    const err = await failure(readCsv(chunked(zip)));
    expect(err.code).toBe('SOURCE_BINARY');
    expect(err.message).toContain('xlsx');
  });

  it('SOURCE_BINARY for a NUL far into the file, naming its line', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},张三`).join('\n');
    const err = await failure(readCsv(chunked(`a,b\n${rows}\n1,\u0000\n`, 65536)));
    expect(err.code).toBe('SOURCE_BINARY');
    expect(err.rowNo).toBe(5002);
  });

  it('SOURCE_FIELD_TOO_LARGE measures UTF-8 bytes, not characters', async () => {
    const ok = await rowsOf(`a\n${'张'.repeat(33)}\n`, { maxRecordBytes: 100 });
    expect(ok).toHaveLength(1);
    const err = await failure(readCsv(chunked(`a\n1\n${'张'.repeat(40)}\n`), { maxRecordBytes: 100 }));
    expect(err.code).toBe('SOURCE_FIELD_TOO_LARGE');
    expect(err.rowNo).toBe(3);
    const quoted = await failure(readCsv(chunked(`a\n"${'x\n'.repeat(60)}"\n`, 10), { maxRecordBytes: 100 }));
    expect(quoted.code).toBe('SOURCE_FIELD_TOO_LARGE');
  });

  it('SOURCE_FIELD_TOO_LARGE for a 100 MB field, without holding it in memory', async () => {
    for (const opening of ['"', '']) {
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
      const { stream, produced } = hugeStream(`编号,内容\n1,${opening}`, '超长内容xyz', 100 * 1024 * 1024);
      try {
        const err = await failure(readCsv(stream));
        expect(err.code).toBe('SOURCE_FIELD_TOO_LARGE');
        expect(err.rowNo).toBe(2);
        expect(err.message).toContain('1 MB');
      } finally {
        clearInterval(timer);
      }
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      // Refused after a little over the 1 MiB limit: the other ~99 MB are never read at all.
      expect(produced()).toBeLessThan(8 * 1024 * 1024);
      expect(stream.destroyed).toBe(true);
      expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    }
  });
});

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}
