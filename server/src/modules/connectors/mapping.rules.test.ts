import { describe, expect, it } from 'vitest';
import { findLibrary, type StandardLibrary } from '../standards/index.ts';
import type { MappingConfig } from './connectors.tables.ts';
import { mappingProblems, mapRecord, valueAt } from './mapping.rules.ts';

const lib = (id: string): StandardLibrary => {
  const l = findLibrary(id);
  if (!l) throw new Error(id);
  return l;
};

describe('valueAt', () => {
  it.each([
    [{ a: { b: 1 } }, 'a.b', 1],
    [{ a: [{ b: 'x' }, { b: 'y' }] }, 'a.1.b', 'y'],
    [{ a: [{ b: 'x' }] }, 'a.b', undefined],
    [{ a: null }, 'a.b', undefined],
    [{ a: 0 }, 'a', 0],
    [{ 姓名: '张三' }, '姓名', '张三'],
    ['text', 'a', undefined],
  ] as const)('%j at %s → %j', (root, path, expected) => {
    expect(valueAt(root, path)).toEqual(expected);
  });
});

describe('mapRecord', () => {
  const death = lib('death-record');
  const mapping: MappingConfig = [{ fields: [
    { field: 'idNumber', from: ['gmsfhm', 'sfzh'], values: null },
    { field: 'name', from: ['xm'], values: null },
    { field: 'gender', from: ['xbdm'], values: null },
    { field: 'deathDate', from: ['swrq'], values: null },
  ] }];

  it('keys records by the template headers and takes the first alternative present', () => {
    expect(mapRecord({ gmsfhm: '330106198501011231', xm: '张三', xbdm: '1', swrq: '20240101', extra: 'x' }, mapping, death)).toEqual([
      { 公民身份号码: '330106198501011231', 姓名: '张三', 性别: '1', 死亡日期: '20240101' },
    ]);
    // A record from the old register names the ID number differently.
    expect(mapRecord({ sfzh: '330106198501011231', xm: '张三', swrq: '20240101' }, mapping, death)[0]).toMatchObject({ 公民身份号码: '330106198501011231', 性别: null });
  });

  it('maps coded values and passes unknown codes through for the row check to reject', () => {
    const marriage = lib('marriage-record');
    const m: MappingConfig = [{ fields: [{ field: 'registrationType', from: ['ywlx'], values: { IA: '结婚', IB: '离婚' } }] }];
    expect(mapRecord({ ywlx: 'IB' }, m, marriage)).toEqual([{ 婚姻登记类别: '离婚' }]);
    expect(mapRecord({ ywlx: ' IA ' }, m, marriage)).toEqual([{ 婚姻登记类别: '结婚' }]);
    expect(mapRecord({ ywlx: 'IC' }, m, marriage)).toEqual([{ 婚姻登记类别: 'IC' }]);
    const numeric: MappingConfig = [{ fields: [{ field: 'rightStatus', from: ['qszt'], values: { 1: '现势' } }] }];
    expect(mapRecord({ qszt: 1 }, numeric, lib('real-estate'))).toEqual([{ 权属状态: '现势' }]);
  });

  it('makes one record per mapping entry (婚姻登记: one per party)', () => {
    const marriage = lib('marriage-record');
    const party = (self: string, other: string) => ({ fields: [{ field: 'idNumber', from: [`${self}.zjhm`], values: null }, { field: 'spouseIdNumber', from: [`${other}.zjhm`], values: null }] });
    const out = mapRecord({ nanf: { zjhm: 'A' }, nvf: { zjhm: 'B' } }, [party('nanf', 'nvf'), party('nvf', 'nanf')], marriage);
    expect(out).toEqual([{ 当事人公民身份号码: 'A', 配偶公民身份号码: 'B' }, { 当事人公民身份号码: 'B', 配偶公民身份号码: 'A' }]);
  });

  it('turns an item that is no record into a row naming what came', () => {
    expect(mapRecord('oops', mapping, death)).toEqual([{ 原始记录: '"oops"' }]);
    expect(mapRecord([1, 2], mapping, death)).toEqual([{ 原始记录: '[1,2]' }]);
  });
});

describe('mappingProblems', () => {
  const death = lib('death-record');
  const f = (field: string) => ({ field, from: ['x'], values: null });
  it.each([
    ['complete', [{ fields: [f('idNumber'), f('name'), f('deathDate')] }], []],
    ['a required field left out', [{ fields: [f('idNumber'), f('name')] }], ['必填字段“死亡日期”（deathDate）没有映射来源']],
    ['an unknown field', [{ fields: [f('idNumber'), f('name'), f('deathDate'), f('salary')] }], ['死亡人员信息标准库没有字段 salary']],
    ['a field twice', [{ fields: [f('idNumber'), f('name'), f('deathDate'), f('name')] }], ['字段 name 映射了两次']],
    ['the second of two entries incomplete', [{ fields: [f('idNumber'), f('name'), f('deathDate')] }, { fields: [f('idNumber'), f('deathDate')] }], ['第 2 组映射：必填字段“姓名”（name）没有映射来源']],
  ] as const)('%s', (_, mapping, messages) => {
    expect(mappingProblems(mapping as unknown as MappingConfig, death).map((p) => p.message)).toEqual(messages);
  });
});
