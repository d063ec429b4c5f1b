import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, detectFormat } from './detect.ts';
import { SourceError } from './source.types.ts';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    if (err instanceof SourceError) return err.code;
    throw err;
  }
  throw new Error('expected a SourceError');
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('detectFormat', () => {
  it('trusts the magic number over the extension', () => {
    expect(detectFormat('人员.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('xlsx');
    expect(detectFormat('人员.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe('xlsx');
  });

  it('refuses old .xls (OLE2) with advice, whatever the name', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    for (const name of ['a.xls', 'a.csv']) {
      try {
        detectFormat(name, ole);
        expect.unreachable();
      } catch (err) {
        expect((err as SourceError).code).toBe('SOURCE_FORMAT_UNKNOWN');
        expect((err as SourceError).message).toBe('不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV');
      }
    }
  });

  it('reads text by extension', () => {
    expect(detectFormat('a.csv', utf8('姓名,年龄\n'))).toBe('csv');
    expect(detectFormat('a.TXT', utf8('姓名\t年龄\n'))).toBe('csv');
    expect(detectFormat('a.json', utf8('[{"a":1}]'))).toBe('json');
    expect(detectFormat('a.ndjson', utf8('{"a":1}\n'))).toBe('ndjson');
    expect(detectFormat('a.jsonl', utf8('{"a":1}\n'))).toBe('ndjson');
    // A "xls" export that is really tab-separated text reads as CSV.
    expect(detectFormat('导出.xls', iconv.encode('姓名\t年龄\n张三\t30\n', 'gbk'))).toBe('csv');
  });

  it('sniffs JSON by its first character', () => {
    expect(detectFormat('upload.bin', utf8('\uFEFF  [ {"a":1} ]'))).toBe('json');
    expect(detectFormat('upload', utf8('{"a":1}\n{"a":2}\n'))).toBe('ndjson');
    expect(detectFormat('a.json', utf8('{"a":1}\n{"a":2}\n'))).toBe('ndjson'); // NDJSON named .json
    expect(detectFormat('a.json', utf8('{\n  "data": []\n}'))).toBe('json'); // a single object: the JSON reader explains
  });

  it('refuses what it cannot read', () => {
    expect(codeOf(() => detectFormat('a.csv', Buffer.alloc(0)))).toBe('SOURCE_EMPTY');
    expect(codeOf(() => detectFormat('a.pdf', utf8('%PDF-1.7\n')))).toBe('SOURCE_FORMAT_UNKNOWN');
    expect(codeOf(() => detectFormat('a.xlsx', utf8('姓名,年龄\n')))).toBe('SOURCE_MALFORMED');
    expect(codeOf(() => detectFormat('a.doc', utf8('hello')))).toBe('SOURCE_FORMAT_UNKNOWN');
    expect(codeOf(() => detectFormat('导出.xls', utf8('<html><table>')))).toBe('SOURCE_FORMAT_UNKNOWN');
    expect(codeOf(() => detectFormat('a.csv', Buffer.from([1, 2, 0, 4, 5])))).toBe('SOURCE_BINARY');
  });
});

describe('detectEncoding', () => {
  const text = '姓名,所属机构,备注\n张三,杭州市西湖区司法局,人民调解员𠀀\n';

  it('recognises BOMs', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toBe('utf8');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe('utf16le');
    expect(codeOf(() => detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x41])))).toBe('SOURCE_ENCODING_UNKNOWN');
  });

  it('tells UTF-8 from GBK and GB18030', () => {
    expect(detectEncoding(utf8(text))).toBe('utf8');
    expect(detectEncoding(iconv.encode('姓名,所属机构\n张三,杭州市西湖区司法局\n', 'gbk'))).toBe('gb18030');
    // 𠀀 (U+20000) exists only in GB18030's four-byte range, not in GBK.
    expect(detectEncoding(iconv.encode(text, 'gb18030'))).toBe('gb18030');
    expect(detectEncoding(utf8('plain ascii'))).toBe('utf8');
  });

  it('counts a sample cut inside a multi-byte character as UTF-8', () => {
    const bytes = utf8('编号,姓名\n1,张三');
    for (let cut = 1; cut <= 3; cut++) {
      // 三 is three bytes: cut 1 or 2 of them off, and a whole one (cut 3) leaves 张 complete.
      expect(detectEncoding(bytes.subarray(0, bytes.length - cut))).toBe('utf8');
    }
    const four = utf8('a𠀀');
    expect(detectEncoding(four.subarray(0, four.length - 1))).toBe('utf8');
  });

  it('refuses NUL bytes as binary, naming the line', () => {
    try {
      detectEncoding(Buffer.concat([utf8('a,b\n1,2\n'), Buffer.from([0x31, 0x00, 0x32])]));
      expect.unreachable();
    } catch (err) {
      expect((err as SourceError).code).toBe('SOURCE_BINARY');
      expect((err as SourceError).rowNo).toBe(3);
      expect((err as SourceError).message).toContain('第 3 行');
    }
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    // 0x80 and 0xFF are lead bytes GB18030 never uses; the pair is not UTF-8 either.
    expect(codeOf(() => detectEncoding(Buffer.from([0x41, 0x80, 0x42, 0xff, 0x43])))).toBe('SOURCE_ENCODING_UNKNOWN');
  });
});

describe('detectEncoding — mixed files', () => {
  it('refuses mostly-UTF-8 text with a few GBK bytes instead of decoding it all as GB18030 mojibake', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i},张三${i},杭州市`).join('\n');
    const mixed = Buffer.concat([Buffer.from(`编号,姓名,机构\n${lines}\n`, 'utf8'), iconv.encode('99,李四,宁波市\n', 'gbk')]);
    try {
      detectEncoding(mixed);
      expect.unreachable();
    } catch (err) {
      expect((err as SourceError).code).toBe('SOURCE_ENCODING_UNKNOWN');
      expect((err as SourceError).rowNo).toBe(52);
    }
  });

  it('still reads long GBK text as GB18030', () => {
    const text = '司法行政机关依法管理律师、公证、人民调解、法律援助、社区矫正等工作，维护社会公平正义。'.repeat(50);
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030');
  });
});
