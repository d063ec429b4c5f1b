import { describe, expect, it } from 'vitest';
import type { LawStatus } from '../laws/law-status.ts';
import { checkItem, type BenchmarkInput, type ItemInput, type RuleFacts } from './power-list.rules.ts';

// One row per rule: a passing item and a failing one that differs only in what the rule checks.

const A = '律师法/2017-09-01/art47/p1/i2';
const B = '律师法/2017-09-01/art48/p1/i1';
const OLD = '律师法/2012-10-26/art48/p1/i1';
const GONE = '劳动教养条例/1982-01-21/art1';

const facts: RuleFacts = {
  elements: new Map<string, LawStatus>([[A, 'in-force'], [B, 'in-force'], [OLD, 'amended'], [GONE, 'repealed']]),
  penaltyKinds: new Map([
    ['01', { label: '警告', enabled: true }],
    ['03', { label: '罚款', enabled: true }],
    ['12', { label: '限制从业', enabled: true }],
    ['98', { label: '已停用的种类', enabled: false }],
  ]),
};

const tier = (level: BenchmarkInput['level'], penalties: string[], amountMin: number | null = null, amountMax: number | null = null): BenchmarkInput => ({
  level, circumstances: '', penalties, amountMin, amountMax, note: '',
});

const penaltyItem = (over: Partial<ItemInput> = {}): ItemInput => ({
  code: 'T-1', name: '对律师以不正当手段承揽业务的处罚', kind: '行政处罚', orgTypes: ['city_bureau'], description: '',
  bases: [{ elementId: A, role: 'penalty' }],
  benchmarks: [tier('轻微', ['01']), tier('一般', ['01', '03'], 1000, 3000), tier('较重', ['03'], 3000, 5000), tier('严重', ['12', '03'], 4000, 5000)],
  ...over,
});

const codes = (item: ItemInput) => checkItem(item, facts).map((v) => v.code);

describe('a valid 行政处罚 item breaks no rule', () => {
  it('with bases, bodies and ordered tiers', () => {
    expect(checkItem(penaltyItem(), facts)).toEqual([]);
  });
  it('a basis in an amended version is allowed (ADP-31 从旧兼从轻: acts before the revision are judged by it; review lists it)', () => {
    expect(codes(penaltyItem({ bases: [{ elementId: OLD, role: 'penalty' }] }))).toEqual([]);
  });
});

describe.each([
  ['POWER_BASIS_UNKNOWN', 'ADP-31', penaltyItem(), penaltyItem({ bases: [{ elementId: '律师法/2017-09-01/art99', role: 'penalty' }] }), 'bases.0.elementId'],
  ['POWER_BASIS_REPEALED', 'ADP-31', penaltyItem(), penaltyItem({ bases: [{ elementId: GONE, role: 'basis' }, { elementId: A, role: 'penalty' }] }), 'bases.0.elementId'],
  ['POWER_BASIS_DUPLICATE', 'ADP-31', penaltyItem({ bases: [{ elementId: A, role: 'penalty' }, { elementId: B, role: 'basis' }] }), penaltyItem({ bases: [{ elementId: A, role: 'penalty' }, { elementId: A, role: 'basis' }] }), 'bases.1.elementId'],
  ['POWER_BASIS_REQUIRED', 'ADP-31', penaltyItem(), penaltyItem({ bases: [] }), 'bases'],
  ['POWER_ORG_TYPE_REQUIRED', 'ADP-31', penaltyItem(), penaltyItem({ orgTypes: [] }), 'orgTypes'],
  ['POWER_ORG_TYPE_INVALID', 'ADP-31', penaltyItem({ orgTypes: ['county_bureau'] }), penaltyItem({ orgTypes: ['county_bureau', 'police'] }), 'orgTypes.1'],
  ['POWER_PENALTY_KIND_INVALID', '第九条', penaltyItem(), penaltyItem({ benchmarks: [tier('一般', ['01', '77'])] }), 'benchmarks.0.penalties'],
  ['POWER_PENALTY_KIND_INVALID', '第九条', penaltyItem(), penaltyItem({ benchmarks: [tier('一般', ['98'])] }), 'benchmarks.0.penalties'],
  ['POWER_PENALTY_KIND_REQUIRED', '第九条', penaltyItem(), penaltyItem({ benchmarks: [tier('一般', [])] }), 'benchmarks.0.penalties'],
  ['POWER_PENALTY_KIND_NOT_APPLICABLE', '第九条', penaltyItem({ kind: '行政许可', benchmarks: [tier('一般', [])] }), penaltyItem({ kind: '行政许可', benchmarks: [tier('一般', ['01'])] }), 'benchmarks.0.penalties'],
  ['POWER_AMOUNT_WITHOUT_FINE', '第九条', penaltyItem({ benchmarks: [tier('一般', ['03'], 0, 100)] }), penaltyItem({ benchmarks: [tier('一般', ['01'], 0, 100)] }), 'benchmarks.0.amountMax'],
  ['POWER_AMOUNT_RANGE', 'ADP-23', penaltyItem({ benchmarks: [tier('一般', ['03'], 500, 500)] }), penaltyItem({ benchmarks: [tier('一般', ['03'], 600, 500)] }), 'benchmarks.0.amountMin'],
  ['POWER_TIER_DUPLICATE', 'ADP-23', penaltyItem({ benchmarks: [tier('一般', ['01']), tier('较重', ['01'])] }), penaltyItem({ benchmarks: [tier('一般', ['01']), tier('一般', ['01'])] }), 'benchmarks.1.level'],
  // 一般's max below 轻微's: the heavier tier may not fine less.
  ['POWER_TIER_ORDER', 'ADP-23', penaltyItem({ benchmarks: [tier('轻微', ['03'], 0, 500), tier('一般', ['03'], 500, 500)] }), penaltyItem({ benchmarks: [tier('轻微', ['03'], 0, 500), tier('一般', ['03'], 0, 400)] }), 'benchmarks.1.amountMax'],
  // Order is by severity, not by position in the input; a tier without amounts is skipped over.
  ['POWER_TIER_ORDER', 'ADP-23', penaltyItem({ benchmarks: [tier('严重', ['03'], 900, 1000), tier('一般', ['03'], 100, 500), tier('较重', ['01'])] }), penaltyItem({ benchmarks: [tier('严重', ['03'], 50, 1000), tier('一般', ['03'], 100, 500), tier('较重', ['01'])] }), 'benchmarks.0.amountMin'],
] as const)('%s (%s)', (code, rule, passing, failing, field) => {
  it('passes', () => {
    expect(codes(passing)).not.toContain(code);
  });
  it(`fails on ${field}, citing the rule, in Chinese`, () => {
    const found = checkItem(failing, facts).filter((v) => v.code === code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field, rule: expect.stringContaining(rule) });
    expect(found[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(found[0]?.message).toContain(rule === '第九条' ? '第九条' : rule);
  });
});

describe('violations point at the basis or tier they concern (a file import names its row from them)', () => {
  it('basis and benchmark indexes', () => {
    const vs = checkItem(penaltyItem({ bases: [{ elementId: A, role: 'penalty' }, { elementId: 'x/2020-01-01/art1', role: 'basis' }], benchmarks: [tier('一般', ['03'], 1, 2), tier('较重', ['03'], 9, 1)] }), facts);
    expect(vs.map((v) => [v.code, v.basis, v.benchmark])).toEqual([
      ['POWER_BASIS_UNKNOWN', 1, undefined],
      ['POWER_AMOUNT_RANGE', undefined, 1],
      ['POWER_TIER_ORDER', undefined, 1],
    ]);
  });

  it('a non-penalty item needs no basis or body (the brief demands them of 行政处罚 only)', () => {
    expect(codes(penaltyItem({ kind: '行政检查', bases: [], orgTypes: [], benchmarks: [] }))).toEqual([]);
  });
});
