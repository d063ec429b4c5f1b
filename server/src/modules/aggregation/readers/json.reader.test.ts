import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readJson, readNdjson } from './json.reader.ts';
import { chunked, collect, failure, hugeStream } from './test-helpers.ts';

describe('readJson', () => {
  it('reads an array of objects: keys as headers, 1-based index as rowNo', async () => {
    const text = '\uFEFF[\n {"姓名":"张三","年龄":30,"在职":true,"备注":null},\n {"姓名":"李四","年龄":31.5}\n]';
    const rows = await collect(readJson(chunked(text, 5)));
    expect(rows).toEqual([
      { sheet: null, rowNo: 1, headers: ['姓名', '年龄', '在职', '备注'], cells: ['张三', 30, true, null] },
      { sheet: null, rowNo: 2, headers: ['姓名', '年龄'], cells: ['李四', 31.5] },
    ]);
  });

  it('delivers nested values as JSON text and keeps the digits of long integers', async () => {
    const text = '[{"a":{"x":[1,{"y":2}]},"b":[1,2],"id":110101198001011234,"n":-12.5e3,"s":"\\u5f20\\n"}]';
    const [row] = await collect(readJson(chunked(text, 3)));
    expect(row?.cells).toEqual(['{"x":[1,{"y":2}]}', '[1,2]', '110101198001011234', -12500, '张\n']);
  });

  it('takes the last value of a repeated key, as JSON.parse does', async () => {
    const [row] = await collect(readJson(chunked('[{"a":1,"b":2,"a":3}]')));
    expect(row).toMatchObject({ headers: ['a', 'b'], cells: [3, 2] });
  });

  it('reads GBK-encoded JSON too', async () => {
    const rows = await collect(readJson(chunked(iconv.encode('[{"姓名":"张三"}]', 'gbk'))));
    expect(rows[0]?.cells).toEqual(['张三']);
  });

  it('SOURCE_MALFORMED for a non-array document, a non-object item and invalid JSON', async () => {
    const notArray = await failure(readJson(chunked('{"data":[]}')));
    expect(notArray.code).toBe('SOURCE_MALFORMED');
    const item = await failure(readJson(chunked('[{"a":1},{"a":2},"x",{"a":4}]')));
    expect(item.code).toBe('SOURCE_MALFORMED');
    expect(item.rowNo).toBe(3);
    expect(item.message).toContain('第 3 项');
    expect(item.rows).toHaveLength(2);
    const bad = await failure(readJson(chunked('[{"a":1},{"a":2,}]')));
    expect(bad.code).toBe('SOURCE_MALFORMED');
  });

  it('SOURCE_TRUNCATED for a document that ends early', async () => {
    for (const text of ['[{"a":1},{"a":2', '[{"a":1},', '[{"a":"unterminated']) {
      const err = await failure(readJson(chunked(text)));
      expect(err.code, text).toBe('SOURCE_TRUNCATED');
    }
  });

  it('SOURCE_EMPTY for [] and for blank files', async () => {
    expect((await failure(readJson(chunked('[]')))).code).toBe('SOURCE_EMPTY');
    expect((await failure(readJson(chunked('  \n')))).code).toBe('SOURCE_EMPTY');
  });

  it('SOURCE_FIELD_TOO_LARGE for a 100 MB string, refused while it streams', async () => {
    const { stream, produced } = hugeStream('[{"a":1},{"内容":"', '超长内容xyz', 100 * 1024 * 1024);
    const err = await failure(readJson(stream));
    expect(err.code).toBe('SOURCE_FIELD_TOO_LARGE');
    expect(err.rowNo).toBe(2);
    expect(produced()).toBeLessThan(8 * 1024 * 1024);
  });

  it('stops reading when the caller stops', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `{"i":${i}}`).join(',');
    const input = chunked(`[${items}]`, 1000);
    let n = 0;
    for await (const _ of readJson(input)) if (++n === 10) break;
    expect(n).toBe(10);
    expect(input.destroyed).toBe(true);
  });
});

describe('readNdjson', () => {
  it('reads one object per line; blank lines skipped; rowNo is the line number', async () => {
    const text = '{"姓名":"张三","年龄":30}\r\n\r\n{"姓名":"李四","x":{"y":1},"id":110101198001011234}\n   \n{"a":null}';
    const rows = await collect(readNdjson(chunked(text, 4)));
    expect(rows).toEqual([
      { sheet: null, rowNo: 1, headers: ['姓名', '年龄'], cells: ['张三', 30] },
      { sheet: null, rowNo: 3, headers: ['姓名', 'x', 'id'], cells: ['李四', '{"y":1}', '110101198001011234'] },
      { sheet: null, rowNo: 5, headers: ['a'], cells: [null] },
    ]);
  });

  it('keeps long integers inside strings untouched', async () => {
    const [row] = await collect(readNdjson(chunked('{"s":"12345678901234567890","n":-12345678901234567890,"f":1234567890123456.5,"g":0.12345678901234567,"h":[1,12345678901234567890]}\n')));
    expect(row?.cells).toEqual(['12345678901234567890', '-12345678901234567890', 1234567890123456.5, Number('0.12345678901234567'), '[1,"12345678901234567890"]']);
  });

  it('SOURCE_MALFORMED names the bad line', async () => {
    const err = await failure(readNdjson(chunked('{"a":1}\n{"a":2}\n{"a":\n{"a":4}\n')));
    expect(err.code).toBe('SOURCE_MALFORMED');
    expect(err.rowNo).toBe(3);
    expect(err.message).toContain('第 3 行');
    expect(err.rows).toHaveLength(2);
    const arr = await failure(readNdjson(chunked('{"a":1}\n[1,2]\n')));
    expect(arr).toMatchObject({ code: 'SOURCE_MALFORMED', rowNo: 2 });
  });

  it('SOURCE_TRUNCATED when the last line (without a line break) is cut off', async () => {
    const err = await failure(readNdjson(chunked('{"a":1}\n{"a":2}\n{"a":"x')));
    expect(err).toMatchObject({ code: 'SOURCE_TRUNCATED', rowNo: 3 });
  });

  it('SOURCE_EMPTY for a file of blank lines', async () => {
    expect((await failure(readNdjson(chunked('\n \r\n')))).code).toBe('SOURCE_EMPTY');
  });

  it('SOURCE_FIELD_TOO_LARGE for a 100 MB line, without buffering the line', async () => {
    const before = process.memoryUsage().heapUsed;
    const { stream, produced } = hugeStream('{"a":1}\n{"内容":"', '超长内容xyz', 100 * 1024 * 1024);
    const err = await failure(readNdjson(stream));
    expect(err).toMatchObject({ code: 'SOURCE_FIELD_TOO_LARGE', rowNo: 2 });
    expect(produced()).toBeLessThan(8 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
    const small = await failure(readNdjson(chunked(`{"a":"${'张'.repeat(40)}"}\n`), { maxRecordBytes: 100 }));
    expect(small.code).toBe('SOURCE_FIELD_TOO_LARGE');
  });
});
