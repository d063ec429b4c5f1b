import { describe, expect, it } from 'vitest';
import type { CaseFacts } from './case-facts.ts';
import { superviseCase, type Finding } from './supervision.ts';
import { cal, decision, facts } from './test-fixtures.ts';

// The fixture case was decided on 2024-09-29 (a 调休 Sunday): service due 10-14 (over 国庆).

const scan = (over: Partial<CaseFacts>, asOf: string): Finding[] => superviseCase(facts(over), cal, asOf);
const codes = (fs: Finding[]) => fs.map((f) => `${f.code} ${f.rule.slice(0, 6)}`);
const served = (date: string) => ({ date, method: 'in-person' as const, consentOnFile: false });
const decided: Partial<CaseFacts> = { state: 'decided' };
const executing: Partial<CaseFacts> = { state: 'execution', service: served('2024-09-30') };

describe.each([
  // Steps with a due date: done on the due day is in time; a day later, or undone past it, is overdue.
  ['ADP-15', 'SUPERVISION_STEP_OVERDUE', () => scan({ ...decided, service: served('2024-10-14') }, '2024-11-01'), () => scan({ ...decided, service: served('2024-10-15') }, '2024-11-01'), 'service.date'],
  ['ADP-15', 'SUPERVISION_STEP_OVERDUE', () => scan(decided, '2024-10-14'), () => scan(decided, '2024-10-15'), 'service.date'],
  ['ADP-15', 'SUPERVISION_STEP_NEAR_DUE', () => scan(decided, '2024-10-10'), () => scan(decided, '2024-10-11'), 'service.date'],
  ['ADP-18', 'SUPERVISION_STEP_OVERDUE', () => scan({ ...executing, paidDate: '2024-10-15' }, '2024-11-01'), () => scan(executing, '2024-10-16'), 'paidDate'],
  ['ADP-28', 'SUPERVISION_STEP_OVERDUE', () => scan({ ...executing, publicationRequired: true, publishedDate: '2024-10-14', paidDate: '2024-10-01' }, '2024-11-01'), () => scan({ ...executing, publicationRequired: true, publishedDate: '2024-10-15', paidDate: '2024-10-01' }, '2024-11-01'), 'publishedDate'],
  ['ADP-27', 'SUPERVISION_STEP_OVERDUE', () => scan({ publicationWithdrawal: { changedDate: '2024-09-30', withdrawnDate: '2024-10-10' } }, '2024-11-01'), () => scan({ publicationWithdrawal: { changedDate: '2024-09-30', withdrawnDate: '2024-10-11' } }, '2024-11-01'), 'publicationWithdrawal.withdrawnDate'],
  ['ADP-07', 'SUPERVISION_STEP_OVERDUE', () => scan({ state: 'investigation', decision: null, preservations: [{ date: '2025-01-24', decidedDate: '2025-02-10' }] }, '2025-03-01'), () => scan({ state: 'investigation', decision: null, preservations: [{ date: '2025-01-24', decidedDate: '2025-02-11' }] }, '2025-03-01'), 'preservations.0.decidedDate'],
  // ADP-03: an officer without a valid certificate on the day acted.
  ['ADP-03', 'SUPERVISION_CERTIFICATE_INVALID', () => scan({ ...executing, paidDate: '2024-10-01' }, '2024-11-01'), () => scan({ ...executing, paidDate: '2024-10-01', acts: [{ id: 'a', kind: '检查', date: '2024-08-20', officerIds: ['A', 'X'], recordAttached: true }] }, '2024-11-01'), 'acts.0.officerIds'],
  // ADP-23: outside the tier without a reason.
  ['ADP-23', 'SUPERVISION_OUTSIDE_BENCHMARK', () => scan({ ...executing, paidDate: '2024-10-01', decision: decision({ penalty: { kinds: ['03'], fine: 400, confiscation: null }, outsideBenchmarkReason: '初次违法且及时改正，依第三十二条减轻' }) }, '2024-11-01'), () => scan({ ...executing, paidDate: '2024-10-01', decision: decision({ penalty: { kinds: ['03'], fine: 400, confiscation: null } }) }, '2024-11-01'), 'decision.outsideBenchmarkReason'],
  // ADP-14: open beyond the limit (filed 2024-07-03, due 10-08 after 国庆), and the 60/75/85-day warnings.
  ['ADP-14', 'SUPERVISION_OPEN_BEYOND_LIMIT', () => scan({ state: 'examination', filedDate: '2024-07-03', decision: null }, '2024-10-08'), () => scan({ state: 'examination', filedDate: '2024-07-03', decision: null }, '2024-10-09'), 'filedDate'],
  ['ADP-14', 'SUPERVISION_DECISION_CLOCK', () => scan({ state: 'examination', filedDate: '2024-07-03', decision: null }, '2024-08-31'), () => scan({ state: 'examination', filedDate: '2024-07-03', decision: null }, '2024-09-01'), 'filedDate'],
  // ADP-11: decided without the required review.
  ['ADP-11', 'SUPERVISION_LEGAL_REVIEW_MISSING', () => scan({ ...executing, paidDate: '2024-10-01', legalReviewGrounds: ['complex'], legalReview: { reviewerId: 'R', date: '2024-09-27', result: 'passed', priorReviews: 1, hasLegalQualification: true } }, '2024-11-01'), () => scan({ ...executing, paidDate: '2024-10-01', legalReviewGrounds: ['complex'] }, '2024-11-01'), 'legalReview'],
] as const)('%s %s', (rule, code, passing, failing, field) => {
  it('passes', () => {
    expect(codes(passing())).not.toContain(`${code} ${rule}`);
  });
  it(`finds it on ${field}, citing the rule, in Chinese`, () => {
    const found = failing().filter((f) => f.code === code && f.rule.startsWith(rule));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ field });
    expect(found[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(found[0]?.message).toContain(rule);
  });
});

describe('supervision of a lawful case', () => {
  it('ADP-15 ADP-18 a case served and paid in time has no finding', () => {
    expect(scan({ ...executing, paidDate: '2024-10-15' }, '2025-06-01')).toEqual([]);
  });
  it('ADP-14 a transferred case has no decision clock or service step', () => {
    expect(scan({ state: 'transferred', filedDate: '2024-07-03', transfer: { organ: '公安局', reason: '涉嫌犯罪' } }, '2025-06-01')).toEqual([]);
  });
  it('ADP-15 findings carry the due date and severity', () => {
    expect(scan(decided, '2024-10-15')).toEqual([expect.objectContaining({ code: 'SUPERVISION_STEP_OVERDUE', severity: 'alert', due: '2024-10-14' })]);
    expect(scan(decided, '2024-10-12')).toEqual([expect.objectContaining({ code: 'SUPERVISION_STEP_NEAR_DUE', severity: 'warning', due: '2024-10-14' })]);
  });
});
