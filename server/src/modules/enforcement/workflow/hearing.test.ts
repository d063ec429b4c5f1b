import { describe, expect, it } from 'vitest';
import type { CaseFacts, HearingInput, Violation } from './case-facts.ts';
import type { CaseState } from './case-states.ts';
import { DEFAULT_HEARING_THRESHOLDS, findHearingThreshold, hearingTriggers, type HearingThreshold } from './hearing.rules.ts';
import { checkTransition } from './transitions.ts';
import { ctx, decision, facts, notice } from './test-fixtures.ts';

// Notice served Friday 2024-09-27: the five working days to ask for a hearing run over the 调休
// Sunday 09-29 and past 国庆 to 10-10. Hearing notified 2025-01-22: seven working days run over the
// 调休 Sunday 01-26 and past 春节 to 02-07.

const move = (f: CaseFacts, to: CaseState, date = '2024-10-11'): Violation[] => checkTransition(f, { to, date }, ctx);
const codes = (vs: Violation[]) => vs.map((v) => v.code);

const heavy = notice({ servedDate: '2024-09-27', statementDeadline: '2024-09-30', proposed: { kinds: ['03'], fine: 5000, confiscation: null }, includesHearingRight: true });
const hearing = (over: Partial<HearingInput> = {}): HearingInput => ({
  requestedDate: '2024-10-10', notifiedDate: '2025-01-22', date: '2025-02-07', chairId: 'C', agentCount: 2, recordSigned: true, ...over,
});
const heard = (over: Partial<HearingInput> = {}, f: Partial<CaseFacts> = {}) => facts({ state: 'notice', notice: heavy, hearing: hearing(over), ...f });
const fine = (amount: number | null, kinds = ['03']) => ({ kinds, fine: amount, confiscation: null });
const review = { reviewerId: 'R', date: '2025-02-08', result: 'passed', priorReviews: 2, hasLegalQualification: true } as const;
const decideAfterHearing = (date: string) => facts({ state: 'legal-review', notice: heavy, hearing: hearing(), legalReview: review, decision: decision({ date, penalty: fine(5000), benchmark: null }) });

describe.each([
  // ADP-09: the hearing right is told whenever the proposed penalty triggers it.
  ['ADP-09', 'CASE_HEARING_RIGHT_MISSING', () => move(facts({ state: 'examination', notice: heavy }), 'notice'), () => move(facts({ state: 'examination', notice: { ...heavy, includesHearingRight: false } }), 'notice'), 'notice.includesHearingRight'],
  ['ADP-09', 'CASE_HEARING_RIGHT_MISSING', () => move(facts({ state: 'examination', notice: notice({ proposed: fine(1999) }) }), 'notice'), () => move(facts({ state: 'examination', notice: notice({ proposed: fine(2000) }) }), 'notice'), 'notice.includesHearingRight'],
  ['ADP-09', 'CASE_HEARING_RIGHT_MISSING', () => move(facts({ state: 'examination', notice: notice({ proposed: fine(null, ['01']) }) }), 'notice'), () => move(facts({ state: 'examination', notice: notice({ proposed: fine(null, ['08']) }) }), 'notice'), 'notice.includesHearingRight'],
  // ADP-09: request within 5 working days of the notice, across 国庆.
  ['ADP-09', 'CASE_HEARING_REQUEST_LATE', () => move(heard(), 'hearing'), () => move(heard({ requestedDate: '2024-10-11' }), 'hearing'), 'hearing.requestedDate'],
  // ADP-09: notified at least 7 working days before the hearing, across 春节.
  ['ADP-09', 'CASE_HEARING_NOTICE_SHORT', () => move(heard(), 'hearing'), () => move(heard({ date: '2025-02-06' }), 'hearing'), 'hearing.date'],
  ['ADP-09', 'CASE_HEARING_NOT_SCHEDULED', () => move(heard(), 'hearing'), () => move(heard({ notifiedDate: null }), 'hearing'), 'hearing.date'],
  ['ADP-09', 'CASE_HEARING_NOT_REQUESTED', () => move(heard(), 'hearing'), () => move(facts({ state: 'notice', notice: heavy, hearing: null }), 'hearing'), 'hearing'],
  // ADP-09: chaired by someone who did not investigate (A and B did); one or two agents.
  ['ADP-09', 'CASE_HEARING_CHAIR_INVESTIGATOR', () => move(heard(), 'hearing'), () => move(heard({ chairId: 'A' }), 'hearing'), 'hearing.chairId'],
  ['ADP-09', 'CASE_HEARING_CHAIR_MISSING', () => move(heard(), 'hearing'), () => move(heard({ chairId: null }), 'hearing'), 'hearing.chairId'],
  ['ADP-09', 'CASE_HEARING_AGENTS_EXCEEDED', () => move(heard(), 'hearing'), () => move(heard({ agentCount: 3 }), 'hearing'), 'hearing.agentCount'],
  // ADP-09: the 笔录 is signed before the case goes on, and before the decision.
  ['ADP-09', 'CASE_HEARING_RECORD_UNSIGNED', () => move(heard({}, { state: 'hearing' }), 'legal-review'), () => move(heard({ recordSigned: false }, { state: 'hearing' }), 'legal-review'), 'hearing.recordSigned'],
  // ADP-09: no decision while the party may still ask for a hearing, nor before a requested hearing.
  ['ADP-09', 'CASE_HEARING_WINDOW_OPEN', () => move(facts({ notice: heavy, decision: decision({ date: '2024-10-11', penalty: fine(5000), benchmark: null }) }), 'decided', '2024-10-11'), () => move(facts({ notice: heavy, decision: decision({ date: '2024-10-10', penalty: fine(5000), benchmark: null }) }), 'decided', '2024-10-10'), 'decision.date'],
  ['ADP-09', 'CASE_HEARING_NOT_HELD', () => move(decideAfterHearing('2025-02-10'), 'decided', '2025-02-10'), () => move(decideAfterHearing('2025-02-06'), 'decided', '2025-02-06'), 'hearing.date'],
  // ADP-10: without a threshold for the case's sector the notice cannot be checked.
  ['ADP-10', 'CASE_HEARING_THRESHOLD_MISSING', () => move(facts({ state: 'examination' }), 'notice'), () => move(facts({ state: 'examination', sector: '市场监管' }), 'notice'), 'notice.proposed'],
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

describe('ADP-09 a lawful hearing case', () => {
  it('ADP-09 hearing → 法制审核 → decision after the hearing breaks no rule', () => {
    expect(move(heard(), 'hearing')).toEqual([]);
    expect(move(heard({}, { state: 'hearing' }), 'legal-review')).toEqual([]);
    expect(move(decideAfterHearing('2025-02-10'), 'decided', '2025-02-10')).toEqual([]);
  });
  it('ADP-09 ADP-11 a held hearing requires a legal review before the decision', () => {
    expect(codes(move({ ...decideAfterHearing('2025-02-10'), legalReview: null }, 'decided', '2025-02-10'))).toEqual(['CASE_LEGAL_REVIEW_MISSING']);
  });
  it('ADP-09 confiscation counts against the threshold too', () => {
    const t = findHearingThreshold(DEFAULT_HEARING_THRESHOLDS, { sector: '司法行政', basisLevel: 'law', province: '440000', partyKind: 'organisation' }, '2025-01-01');
    expect(hearingTriggers({ kinds: ['04'], fine: null, confiscation: 9999 }, t)).toEqual([]);
    expect(hearingTriggers({ kinds: ['04'], fine: null, confiscation: 10000 }, t)).toHaveLength(1);
  });
});

describe('ADP-10 the 较大数额 table', () => {
  const row = (over: Partial<HearingThreshold>): HearingThreshold => ({
    sector: '司法行政', basisLevel: '*', province: '*', partyKind: 'citizen', fineFrom: 2000, confiscationFrom: null,
    effectiveFrom: '2021-07-15', effectiveTo: null, source: 'test', verified: true, ...over,
  });
  const table = [
    row({ fineFrom: 2000 }),
    row({ province: '440000', fineFrom: 5000, effectiveTo: '2024-12-31' }),
    row({ province: '440000', fineFrom: 6000, effectiveFrom: '2025-01-01' }),
    row({ province: '440000', basisLevel: 'local-rule', fineFrom: 3000 }),
  ];
  const key = { sector: '司法行政', basisLevel: 'department-rule', province: '440000', partyKind: 'citizen' } as const;
  it('ADP-10 a province row before the national one, by effective date', () => {
    expect(findHearingThreshold(table, key, '2024-12-31')?.fineFrom).toBe(5000);
    expect(findHearingThreshold(table, key, '2025-01-01')?.fineFrom).toBe(6000);
    expect(findHearingThreshold(table, { ...key, province: '110000' }, '2025-01-01')?.fineFrom).toBe(2000);
  });
  it('ADP-10 local rules carry their local threshold', () => {
    expect(findHearingThreshold(table, { ...key, basisLevel: 'local-rule' }, '2025-01-01')?.fineFrom).toBe(3000);
  });
  it('ADP-10 no row before its effective date, for another party kind or sector', () => {
    expect(findHearingThreshold(table, key, '2021-07-14')).toBeUndefined();
    expect(findHearingThreshold(table, { ...key, partyKind: 'organisation' }, '2025-01-01')).toBeUndefined();
    expect(findHearingThreshold(table, { ...key, sector: '公安' }, '2025-01-01')).toBeUndefined();
  });
  it('ADP-10 the shipped 司法行政 default is marked unverified; the 公安 figures are the cited rule', () => {
    const sf = DEFAULT_HEARING_THRESHOLDS.filter((t) => t.sector === '司法行政');
    expect(sf.map((t) => [t.partyKind, t.fineFrom, t.verified])).toEqual([['citizen', 2000, false], ['organisation', 10000, false]]);
    expect(sf[0]?.source).toContain('缺省值');
    const ga = DEFAULT_HEARING_THRESHOLDS.filter((t) => t.sector.startsWith('公安'));
    expect(ga.map((t) => [t.partyKind, t.fineFrom, t.verified])).toEqual([['citizen', 2000, true], ['organisation', 10000, true], ['citizen', 6000, true]]);
  });
});
