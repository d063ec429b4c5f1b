import { describe, expect, it } from 'vitest';
import { BUILTIN_CODE_SETS } from './code-sets.data.ts';
import { itemCode, setCode } from './dictionary.schema.ts';
import { PENALTY } from './penalty-types.ts';
import { plainText } from '../../platform/http/text.ts';

const byCode = new Map(BUILTIN_CODE_SETS.map((s) => [s.code, s]));
const items = (code: string) => byCode.get(code)?.items ?? [];

describe('built-in code sets (data file)', () => {
  it.each(BUILTIN_CODE_SETS.map((s) => [s.code, s] as const))('%s: valid codes and labels, unique, parents listed first', (_, set) => {
    expect(setCode.safeParse(set.code).success).toBe(true);
    const seen = new Set<string>();
    for (const item of set.items) {
      expect(itemCode.safeParse(item.code).success, item.code).toBe(true);
      expect(plainText(100).safeParse(item.label).success, item.label).toBe(true);
      expect(seen.has(item.code), `duplicate ${item.code}`).toBe(false);
      if (item.parent !== undefined) expect(seen.has(item.parent), `${item.code} before its parent`).toBe(true);
      seen.add(item.code);
    }
  });

  it('set codes are unique', () => {
    expect(byCode.size).toBe(BUILTIN_CODE_SETS.length);
  });

  it('GB/T 3304-1991: 56 groups 01…56 in standard order, then 97 and 98', () => {
    const ethnic = items('ethnicity');
    expect(ethnic).toHaveLength(58);
    expect(ethnic.slice(0, 56).map((i) => i.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(ethnic.map((i) => `${i.code} ${i.label}`)).toEqual(
      expect.arrayContaining(['01 汉族', '02 蒙古族', '10 朝鲜族', '11 满族', '46 德昂族', '55 珞巴族', '56 基诺族', '97 其他', '98 外国血统中国籍人士']),
    );
  });

  it('GB/T 2261.1-2003 sex codes 0, 1, 2, 9', () => {
    expect(items('sex').map((i) => `${i.code} ${i.label}`)).toEqual(['0 未知的性别', '1 男性', '2 女性', '9 未说明的性别']);
  });

  it('GB/T 4658-2006: every x1–x9 code sits under its x0 level', () => {
    for (const item of items('education')) {
      if (item.code.endsWith('0')) expect(item.parent).toBeUndefined();
      else expect(item.parent).toBe(`${item.code.charAt(0)}0`);
    }
    expect(items('education').find((i) => i.code === '11')).toEqual({ code: '11', label: '博士研究生毕业', parent: '10' });
  });

  it('GB/T 4762-1984 political status 01…13', () => {
    expect(items('political_status').map((i) => i.code)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it('national and industry standards are not editable', () => {
    for (const set of BUILTIN_CODE_SETS) if (set.standard !== null) expect(set.editable, set.code).toBe(false);
  });

  it('penalty_type holds every code the rules name (PENALTY), with the label its comment gives', () => {
    const labels = new Map(items('penalty_type').map((i) => [i.code, i.label]));
    expect(Object.fromEntries(Object.entries(PENALTY).map(([k, code]) => [k, labels.get(code)]))).toEqual({
      warning: '警告', reprimand: '通报批评', fine: '罚款', confiscateGains: '没收违法所得', revokeLicence: '吊销许可证件', suspendBusiness: '责令停产停业', barFromPractice: '限制从业',
    });
  });
});
