import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  MAX_DIVISION_ERRORS,
  allowedParentCodes,
  divisionLevel,
  parseDivisionsCsv,
  type DivisionParseResult,
} from './divisions.rules.ts';

const dataDir = new URL('../../../data/divisions/', import.meta.url);
const zhejiangBytes = readFileSync(new URL('330000-zhejiang.csv', dataDir));
const zhejiangText = zhejiangBytes.toString('utf8');

const HEADER = 'code,name,parentCode\n';
const csv = (body: string): Buffer => Buffer.from(HEADER + body, 'utf8');

function errorsOf(result: DivisionParseResult) {
  if (result.ok) throw new Error(`expected errors, got ${result.divisions.length} divisions`);
  return result.errors;
}

function divisionsOf(result: DivisionParseResult) {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.divisions;
}

describe('divisionLevel / allowedParentCodes', () => {
  it('derives the level from the GB/T 2260 structure', () => {
    expect(divisionLevel('330000')).toBe('province');
    expect(divisionLevel('330100')).toBe('city');
    expect(divisionLevel('330106')).toBe('county');
    expect(divisionLevel('419001')).toBe('county');
    expect(() => divisionLevel('33010')).toThrow(RangeError);
  });

  it('knows the 直辖 exceptions', () => {
    expect(allowedParentCodes('330000')).toEqual([]);
    expect(allowedParentCodes('330100')).toEqual(['330000']);
    expect(allowedParentCodes('330106')).toEqual(['330100']);
    expect(allowedParentCodes('429004')).toEqual(['420000']); // 仙桃市, 省直辖县级行政单位
    expect(allowedParentCodes('110101')).toEqual(['110100', '110000']); // 东城区, 直辖市
  });
});

describe('parseDivisionsCsv — the shipped Zhejiang file', () => {
  it('parses 1 province, 11 cities and 90 county-level units', () => {
    const divisions = divisionsOf(parseDivisionsCsv(zhejiangBytes));
    expect(divisions).toHaveLength(102);
    const count = (level: string) => divisions.filter((d) => d.level === level).length;
    expect([count('province'), count('city'), count('county')]).toEqual([1, 11, 90]);
    expect(divisions[0]).toEqual({ code: '330000', name: '浙江省', parentCode: null, level: 'province' });
    expect(divisions.find((d) => d.code === '330113')).toEqual({
      code: '330113',
      name: '临平区',
      parentCode: '330100',
      level: 'county',
    });
    expect(divisions.find((d) => d.code === '330212')?.name).toBe('鄞州区');
  });

  it('orders parents before children', () => {
    const divisions = divisionsOf(parseDivisionsCsv(zhejiangBytes));
    const seen = new Set<string>();
    for (const d of divisions) {
      if (d.parentCode !== null) expect(seen.has(d.parentCode)).toBe(true);
      seen.add(d.code);
    }
  });

  it('parses a GBK-encoded copy identically', () => {
    const gbk = iconv.encode(zhejiangText, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(parseDivisionsCsv(gbk)).toEqual(parseDivisionsCsv(zhejiangBytes));
  });

  it('parses a copy with a UTF-8 BOM and Windows line ends identically', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(zhejiangText.replace(/\n/g, '\r\n'))]);
    expect(parseDivisionsCsv(bom)).toEqual(parseDivisionsCsv(zhejiangBytes));
  });

  it('streets file: 2–3 real 乡镇街道 per listed county, 9-digit codes under that county', () => {
    const divisions = divisionsOf(parseDivisionsCsv(zhejiangBytes));
    const counties = new Set(divisions.filter((d) => d.level === 'county').map((d) => d.code));
    const streets = parse(readFileSync(new URL('330000-zhejiang-streets.csv', dataDir)), { columns: true }) as {
      code: string;
      name: string;
      countyCode: string;
    }[];
    const perCounty = new Map<string, number>();
    for (const s of streets) {
      expect(s.code).toMatch(/^\d{9}$/);
      expect(s.code.startsWith(s.countyCode)).toBe(true);
      expect(counties.has(s.countyCode)).toBe(true);
      expect(s.name).toMatch(/(街道|镇|乡)$/);
      perCounty.set(s.countyCode, (perCounty.get(s.countyCode) ?? 0) + 1);
    }
    expect([...perCounty.keys()].sort()).toEqual(
      ['330106', '330212', '330302', '330402', '330502', '330602', '330702', '330802', '330902', '331002', '331102'],
    );
    for (const n of perCounty.values()) expect(n === 2 || n === 3).toBe(true);
    expect(new Set(streets.map((s) => s.code)).size).toBe(streets.length);
  });
});

describe('parseDivisionsCsv — header and file-level problems', () => {
  it('tolerates whitespace and case in the header', () => {
    const bytes = Buffer.from(' Code , NAME ,parentcode\n330000,浙江省,\n');
    expect(divisionsOf(parseDivisionsCsv(bytes))).toHaveLength(1);
  });

  it('rejects a wrong header on line 1', () => {
    const errors = errorsOf(parseDivisionsCsv(Buffer.from('代码,名称,上级\n330000,浙江省,\n')));
    expect(errors).toEqual([expect.objectContaining({ row: 1, field: 'header', code: 'DIVISION_HEADER_INVALID' })]);
    expect(errorsOf(parseDivisionsCsv(Buffer.from('code,name\n330000,浙江省\n')))[0]?.code).toBe('DIVISION_HEADER_INVALID');
    expect(errorsOf(parseDivisionsCsv(Buffer.from('code,name,parentCode,level\n')))[0]?.code).toBe('DIVISION_HEADER_INVALID');
  });

  it('reports empty files', () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('  \n\n'), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER)]) {
      const errors = errorsOf(parseDivisionsCsv(bytes));
      expect(errors).toHaveLength(1);
      expect(errors[0]?.code).toBe('DIVISION_FILE_EMPTY');
    }
  });

  it('reports undecodable bytes and UTF-16', () => {
    const broken = Buffer.concat([iconv.encode(`${HEADER}330000,浙江省,\n`, 'gbk'), Buffer.from([0x81])]);
    expect(errorsOf(parseDivisionsCsv(broken))[0]?.code).toBe('DIVISION_ENCODING_INVALID');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}330000,浙江省,\n`, 'utf16le')]);
    expect(errorsOf(parseDivisionsCsv(utf16))[0]?.code).toBe('DIVISION_ENCODING_INVALID');
    const badAfterBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(`${HEADER}330000,浙江省,\n`, 'gbk')]);
    expect(errorsOf(parseDivisionsCsv(badAfterBom))[0]?.code).toBe('DIVISION_ENCODING_INVALID');
  });

  it('reports malformed CSV (unclosed quote) with its line', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330000,浙江省,\n330100,"杭州市,330000\n')));
    expect(errors[0]).toMatchObject({ code: 'DIVISION_ENCODING_INVALID', field: 'header' });
    expect(errors[0]?.row).toBeGreaterThan(0);
  });
});

describe('parseDivisionsCsv — row problems', () => {
  it('rejects malformed codes, with the file line number', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330000,浙江省,\n\n33010X,杭州市,330000\n930000,某省,\n330012,某县,330000\n')));
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [4, 'code', 'DIVISION_CODE_INVALID'], // line 1 header, 2 浙江省, 3 blank
      [5, 'code', 'DIVISION_CODE_INVALID'],
      [6, 'code', 'DIVISION_CODE_INVALID'],
    ]);
    expect(errors[0]?.message).toContain('33010X');
  });

  it('rejects a malformed parent code', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330000,浙江省,\n330100,杭州市,3300\n')));
    expect(errors).toEqual([expect.objectContaining({ row: 3, field: 'parentCode', code: 'DIVISION_CODE_INVALID' })]);
  });

  it('rejects duplicates, pointing at the first occurrence', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330000,浙江省,\n330100,杭州市,330000\n330100,杭州,330000\n')));
    expect(errors).toEqual([expect.objectContaining({ row: 4, field: 'code', code: 'DIVISION_DUPLICATE' })]);
    expect(errors[0]?.message).toContain('第 3 行');
  });

  it('rejects empty, overlong and control-character names', () => {
    const long = '区'.repeat(51);
    const errors = errorsOf(parseDivisionsCsv(csv(`330000,,\n330100,${long},330000\n330200,"宁波\n市",330000\n`)));
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'DIVISION_NAME_INVALID'],
      [3, 'DIVISION_NAME_INVALID'],
      [4, 'DIVISION_NAME_INVALID'], // the quoted name spans lines 4–5; the row starts on 4
    ]);
    expect(divisionsOf(parseDivisionsCsv(csv(`330000,${'区'.repeat(50)},\n`)))).toHaveLength(1);
  });

  it('rejects extra columns (unquoted comma in a name) but tolerates trailing empty ones', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330000,浙江省,\n330100,杭州,市,330000\n')));
    expect(errors.some((e) => e.row === 3 && e.code === 'DIVISION_NAME_INVALID')).toBe(true);
    expect(divisionsOf(parseDivisionsCsv(csv('330000,浙江省,,\n330100,"杭州市",330000,\n')))).toHaveLength(2);
  });

  it('reports a parent neither in the file nor known', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330100,杭州市,330000\n330106,西湖区,330100\n')));
    expect(errors).toEqual([expect.objectContaining({ row: 2, field: 'parentCode', code: 'DIVISION_PARENT_MISSING' })]);
    const ok = parseDivisionsCsv(csv('330100,杭州市,330000\n330106,西湖区,330100\n'), { knownCodes: new Set(['330000']) });
    expect(divisionsOf(ok).map((d) => d.code)).toEqual(['330100', '330106']);
  });

  it('accepts a child listed before its parent, returning parents first', () => {
    const divisions = divisionsOf(parseDivisionsCsv(csv('330106,西湖区,330100\n330100,杭州市,330000\n330000,浙江省,\n')));
    expect(divisions.map((d) => d.code)).toEqual(['330000', '330100', '330106']);
  });

  it('rejects parents that contradict the code structure', () => {
    const body = [
      '330000,浙江省,',
      '320000,江苏省,330000', // province with a parent
      '330100,杭州市,', // city without a parent
      '330200,宁波市,330000',
      '330106,西湖区,330200', // 西湖区 belongs to 杭州市
      '330212,鄞州区,330000', // county of a normal city may not skip the city
    ].join('\n');
    const errors = errorsOf(parseDivisionsCsv(csv(body)));
    expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'parentCode', 'DIVISION_PARENT_MISMATCH'],
      [4, 'parentCode', 'DIVISION_PARENT_MISMATCH'],
      [6, 'parentCode', 'DIVISION_PARENT_MISMATCH'],
      [7, 'parentCode', 'DIVISION_PARENT_MISMATCH'],
    ]);
    expect(errors[2]?.message).toContain('330100');
  });

  it('accepts the 直辖 special cases', () => {
    const body = [
      '410000,河南省,',
      '419001,济源市,410000', // 省直辖县级行政单位 (XX90ZZ)
      '110000,北京市,',
      '110101,东城区,110000', // 直辖市 district directly under the province code
      '500000,重庆市,',
      '500229,城口县,500000',
    ].join('\n');
    expect(divisionsOf(parseDivisionsCsv(csv(body))).map((d) => d.code)).toEqual([
      '110000',
      '110101',
      '410000',
      '419001',
      '500000',
      '500229',
    ]);
  });

  it('cannot be fooled into a cycle', () => {
    const errors = errorsOf(parseDivisionsCsv(csv('330100,杭州市,330102\n330102,上城区,330100\n')));
    expect(errors).toEqual([expect.objectContaining({ row: 2, code: 'DIVISION_PARENT_MISMATCH' })]);
  });

  it('collects errors from many rows in line order, capped at 100', () => {
    const mixed = errorsOf(parseDivisionsCsv(csv('330000,浙江省,\nabc,杭州市,330000\n330200,,330000\n330300,温州市,339900\n')));
    expect(mixed.map((e) => [e.row, e.field])).toEqual([
      [3, 'code'],
      [4, 'name'],
      [5, 'parentCode'],
    ]);
    const many = Array.from({ length: 300 }, (_, i) => `x${i},名称,`).join('\n');
    expect(errorsOf(parseDivisionsCsv(csv(many)))).toHaveLength(MAX_DIVISION_ERRORS);
  });
});
