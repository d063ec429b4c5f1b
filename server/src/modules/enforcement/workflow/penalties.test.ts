import { describe, expect, it } from 'vitest';
import type { PenaltyInput, Violation } from './case-facts.ts';
import { birthDateFromIdNumber, benchmarkRules, heavierThan, summaryRules, type SummaryPenaltyInput } from './penalties.rules.ts';
import { checkTransition } from './transitions.ts';
import { ctx, decision, facts, notice, officer } from './test-fixtures.ts';

const codes = (vs: Violation[]) => vs.map((v) => v.code);
const p = (fine: number | null, kinds = ['03'], confiscation: number | null = null): PenaltyInput => ({ kinds, fine, confiscation });
const decide = (penalty: PenaltyInput, defenceFiled = true) =>
  checkTransition(facts({ notice: notice({ defenceFiled }), decision: decision({ penalty }) }), { to: 'decided', date: '2024-09-29' }, ctx);

const registry = { officers: [officer('A'), officer('B'), officer('X', { expiresOn: '2024-06-30' })], recusals: [] };
const spot = (over: Partial<SummaryPenaltyInput> = {}): SummaryPenaltyInput => ({
  party: { kind: 'citizen', idNumber: '440106199003071234' }, actDate: '2024-10-05', date: '2024-10-05', officerIds: ['A', 'B'],
  penalty: p(50), formNo: 'No.4401-2024-000123', minorMitigation: null, collection: null, ...over,
});
const collect = (amount: number, reason: 'small-fine' | 'hard-to-enforce' | 'remote-area', receiptNo: string | null = 'FS-0001') => ({ date: '2024-10-05', amount, reason, receiptNo });

/** A minor: born 2008-05-20 (14 on 2022-05-20, 18 on 2026-05-20). Under 14 on 2022-05-19. */
const MINOR = '44010620080520123X';
const onDay = (actEndDate: string, minorMitigation: string | null = null) =>
  checkTransition(facts({ party: { kind: 'citizen', idNumber: MINOR }, actEndDate, discoveredDate: '2024-08-10', decision: decision({ minorMitigation }) }), { to: 'decided', date: '2024-09-29' }, ctx);

describe.each([
  // ADP-08 第四十五条: not heavier than the notice proposed.
  ['ADP-08', 'CASE_PENALTY_HEAVIER_THAN_NOTICE', () => decide(p(800)), () => decide(p(1200)), 'decision.penalty'],
  ['ADP-08', 'CASE_PENALTY_HEAVIER_THAN_NOTICE', () => decide(p(1000)), () => decide(p(1000, ['03', '12'])), 'decision.penalty'],
  // ADP-16: 当场 only warnings and fines within ¥200 (citizen) / ¥3,000 (organisation), on a numbered form.
  ['ADP-16', 'CASE_SUMMARY_FINE_EXCEEDED', () => summaryRules(spot({ penalty: p(200) }), registry), () => summaryRules(spot({ penalty: p(201) }), registry), 'penalty.fine'],
  ['ADP-16', 'CASE_SUMMARY_FINE_EXCEEDED', () => summaryRules(spot({ party: { kind: 'organisation', idNumber: null }, penalty: p(3000) }), registry), () => summaryRules(spot({ party: { kind: 'organisation', idNumber: null }, penalty: p(3001) }), registry), 'penalty.fine'],
  ['ADP-16', 'CASE_SUMMARY_KIND_NOT_ALLOWED', () => summaryRules(spot({ penalty: p(null, ['01']) }), registry), () => summaryRules(spot({ penalty: p(null, ['08']) }), registry), 'penalty.kinds'],
  ['ADP-16', 'CASE_SUMMARY_KIND_NOT_ALLOWED', () => summaryRules(spot(), registry), () => summaryRules(spot({ penalty: p(50, ['03'], 100) }), registry), 'penalty.kinds'],
  ['ADP-16', 'CASE_SUMMARY_FORM_NO_MISSING', () => summaryRules(spot(), registry), () => summaryRules(spot({ formNo: ' ' }), registry), 'formNo'],
  ['ADP-03', 'CASE_OFFICERS_TOO_FEW', () => summaryRules(spot(), registry), () => summaryRules(spot({ officerIds: ['A', 'X'] }), registry), 'officerIds'],
  // ADP-17: collection on the spot only up to ¥100, or when later enforcement would be hard, with a receipt.
  ['ADP-17', 'CASE_SPOT_COLLECTION_NOT_ALLOWED', () => summaryRules(spot({ penalty: p(100), collection: collect(100, 'small-fine') }), registry), () => summaryRules(spot({ penalty: p(150), collection: collect(150, 'small-fine') }), registry), 'collection.amount'],
  ['ADP-17', 'CASE_SPOT_COLLECTION_NOT_ALLOWED', () => summaryRules(spot({ penalty: p(150), collection: collect(150, 'hard-to-enforce') }), registry), () => summaryRules(spot({ penalty: p(101), collection: collect(101, 'small-fine') }), registry), 'collection.amount'],
  ['ADP-17', 'CASE_SPOT_RECEIPT_MISSING', () => summaryRules(spot({ collection: collect(50, 'small-fine') }), registry), () => summaryRules(spot({ collection: collect(50, 'small-fine', null) }), registry), 'collection.receiptNo'],
  ['ADP-17', 'CASE_SPOT_COLLECTION_AMOUNT', () => summaryRules(spot({ collection: collect(50, 'small-fine') }), registry), () => summaryRules(spot({ collection: collect(40, 'small-fine') }), registry), 'collection.amount'],
  // ADP-23: outside the applied tier (500–3000) only with a recorded reason.
  ['ADP-23', 'CASE_PENALTY_OUTSIDE_BENCHMARK', () => benchmarkRules(3000, decision().benchmark, null), () => benchmarkRules(3001, decision().benchmark, null), 'decision.outsideBenchmarkReason'],
  ['ADP-23', 'CASE_PENALTY_OUTSIDE_BENCHMARK', () => benchmarkRules(400, decision().benchmark, '当事人主动消除违法后果，依第三十二条减轻'), () => benchmarkRules(400, decision().benchmark, ' '), 'decision.outsideBenchmarkReason'],
  ['ADP-23', 'CASE_PENALTY_OUTSIDE_BENCHMARK', () => decide(p(800), false), () => decide(p(400), false), 'decision.outsideBenchmarkReason'],
  // ADP-25: age from the ID number on the day the act ended.
  ['ADP-25', 'CASE_PARTY_UNDER_14', () => onDay('2022-05-20', '已满十四周岁不满十八周岁，依法从轻'), () => onDay('2022-05-19'), 'decision.penalty'],
  ['ADP-25', 'CASE_PARTY_UNDER_14', () => checkTransition(facts({ state: 'examination', party: { kind: 'citizen', idNumber: MINOR }, actEndDate: '2022-05-20' }), { to: 'notice', date: '2024-09-02' }, ctx), () => checkTransition(facts({ state: 'examination', party: { kind: 'citizen', idNumber: MINOR }, actEndDate: '2022-05-19' }), { to: 'notice', date: '2024-09-02' }, ctx), 'notice.proposed'],
  ['ADP-25', 'CASE_MINOR_MITIGATION_MISSING', () => onDay('2024-08-01', '已满十四周岁不满十八周岁，依法从轻'), () => onDay('2024-08-01'), 'decision.minorMitigation'],
  ['ADP-25', 'CASE_PARTY_AGE_UNKNOWN', () => decide(p(1000)), () => checkTransition(facts({ party: { kind: 'citizen', idNumber: 'A1234567' } }), { to: 'decided', date: '2024-09-29' }, ctx), 'party.idNumber'],
  ['ADP-25', 'CASE_PARTY_UNDER_14', () => summaryRules(spot({ party: { kind: 'citizen', idNumber: MINOR }, actDate: '2022-05-20', minorMitigation: '从轻' }), registry), () => summaryRules(spot({ party: { kind: 'citizen', idNumber: MINOR }, actDate: '2022-05-19' }), registry), 'penalty'],
] as const)('%s %s', (rule, code, passing, failing, field) => {
  it('passes', () => {
    expect(codes(passing())).not.toContain(code);
  });
  it(`fails on ${field}, citing the rule, in Chinese`, () => {
    const found = failing().filter((v) => v.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({ field, rule: expect.stringContaining(rule) });
    expect(found[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(found[0]?.message).toContain(rule);
  });
});

describe('penalty details', () => {
  it('ADP-08 a defence filed is named in the message', () => {
    expect(decide(p(1200), true).find((v) => v.code === 'CASE_PENALTY_HEAVIER_THAN_NOTICE')?.message).toContain('陈述申辩');
    expect(heavierThan(p(1000), p(1000))).toEqual([]);
    expect(heavierThan(p(null, ['01']), p(1000))).toEqual([]);
  });
  it('ADP-16 a lawful 当场处罚 with collection breaks no rule', () => {
    expect(summaryRules(spot({ collection: collect(50, 'small-fine') }), registry)).toEqual([]);
  });
  it('ADP-25 birth dates from 18- and 15-digit numbers; malformed ones give none', () => {
    expect(birthDateFromIdNumber(MINOR)).toBe('2008-05-20');
    expect(birthDateFromIdNumber('440106900307123')).toBe('1990-03-07');
    expect(birthDateFromIdNumber('440106199013071234')).toBeNull();
    expect(birthDateFromIdNumber('44010619900307123')).toBeNull();
  });
  it('ADP-25 organisations have no age', () => {
    expect(codes(checkTransition(facts({ party: { kind: 'organisation', idNumber: null } }), { to: 'decided', date: '2024-09-29' }, ctx))).toEqual([]);
  });
});

describe('ADP-08 what counts as heavier', () => {
  it('ADP-08 a warning added to the proposed fine is heavier', () => {
    expect(heavierThan(p(1000, ['03', '01']), p(1000))).toHaveLength(1);
  });
});
