import { describe, expect, it } from 'vitest';
import type { CaseFacts, Violation } from './case-facts.ts';
import { CASE_STATE_LABELS, CASE_STATES, CASE_TRANSITIONS, type CaseState } from './case-states.ts';
import { checkTransition } from './transitions.ts';
import { ctx, decision, facts, notice, officer } from './test-fixtures.ts';

// One row per rule: a passing case and a failing one that differs only in what the rule checks.

const move = (f: CaseFacts, to: CaseState, date = '2024-09-29'): Violation[] => checkTransition(f, { to, date }, ctx);
const codes = (vs: Violation[]) => vs.map((v) => v.code);

describe('case states and moves', () => {
  it('every state has a Chinese label and its moves lead to known states', () => {
    for (const s of CASE_STATES) {
      expect(CASE_STATE_LABELS[s]).toMatch(/^[\u4e00-\u9fff]+$/);
      for (const to of CASE_TRANSITIONS[s]) expect(CASE_STATES).toContain(to);
    }
  });
  it('不予立案, 撤案, 移送 and 结案 end the case', () => {
    for (const s of ['not-filed', 'dismissed', 'transferred', 'closed'] as const) expect(CASE_TRANSITIONS[s]).toEqual([]);
  });
  it('a move not in the procedure is refused, naming both states', () => {
    const vs = move(facts({ state: 'clue' }), 'decided');
    expect(codes(vs)).toEqual(['CASE_TRANSITION_INVALID']);
    expect(vs[0]?.message).toContain('线索');
    expect(vs[0]?.message).toContain('决定');
  });
  it('a lawful case makes every move of the general procedure', () => {
    const path: [CaseState, CaseState, string, Partial<CaseFacts>][] = [
      ['clue', 'filed', '2024-08-12', {}],
      ['filed', 'investigation', '2024-08-13', {}],
      ['investigation', 'examination', '2024-08-26', {}],
      ['examination', 'notice', '2024-09-02', {}],
      ['notice', 'decided', '2024-09-29', {}],
      ['decided', 'served', '2024-09-30', { service: { date: '2024-09-30', method: 'in-person', consentOnFile: false } }],
      ['served', 'execution', '2024-09-30', {}],
      ['execution', 'closed', '2024-10-20', {}],
    ];
    for (const [from, to, date, over] of path) expect(move(facts({ state: from, ...over }), to, date), `${from} → ${to}`).toEqual([]);
  });
  it('不予处罚 and 撤案 need no decision', () => {
    expect(move(facts({ state: 'examination', decision: null }), 'no-penalty')).toEqual([]);
    expect(move(facts({ state: 'filed', decision: null }), 'dismissed')).toEqual([]);
  });
  it('a decision is the one the case holds for that day', () => {
    expect(codes(move(facts({ decision: null }), 'decided'))).toEqual(['CASE_DECISION_MISSING']);
  });
});

const expired = [officer('A'), officer('B', { expiresOn: '2024-09-28' })];

describe.each([
  // ADP-03: two officers with certificates valid on the day; the last day of validity still counts.
  ['ADP-03', 'CASE_OFFICERS_TOO_FEW', () => move(facts(), 'decided'), () => move(facts({ decision: decision({ officerIds: ['A'] }) }), 'decided'), 'decision.officerIds'],
  ['ADP-03', 'CASE_OFFICER_CERTIFICATE_INVALID', () => move(facts({ officers: [officer('A'), officer('B', { expiresOn: '2024-09-29' })] }), 'decided'), () => move(facts({ officers: expired }), 'decided'), 'decision.officerIds'],
  ['ADP-03', 'CASE_OFFICER_CERTIFICATE_INVALID', () => move(facts(), 'decided'), () => move(facts({ officers: [officer('A'), officer('B', { status: '暂扣' })] }), 'decided'), 'decision.officerIds'],
  // A suspension recorded after the decision day does not reach back: the 执法证 was in force that day.
  ['ADP-03', 'CASE_OFFICER_CERTIFICATE_INVALID', () => move(facts({ officers: [officer('A'), officer('B', { status: '暂扣', statusOn: '2024-10-15' })] }), 'decided'), () => move(facts({ officers: [officer('A'), officer('B', { status: '暂扣', statusOn: '2024-09-01' })] }), 'decided'), 'decision.officerIds'],
  ['ADP-03', 'CASE_OFFICER_CERTIFICATE_INVALID', () => move(facts({ state: 'investigation' }), 'examination'), () => move(facts({ state: 'investigation', acts: [{ id: 'a', kind: '检查', date: '2024-08-20', officerIds: ['A', 'X'], recordAttached: true }] }), 'examination'), 'acts.0.officerIds'],
  ['ADP-03', 'CASE_ACT_RECORD_MISSING', () => move(facts({ state: 'investigation' }), 'examination'), () => move(facts({ state: 'investigation', acts: [{ id: 'a', kind: '检查', date: '2024-08-20', officerIds: ['A', 'B'], recordAttached: false }] }), 'examination'), 'acts.0.recordAttached'],
  ['ADP-03', 'CASE_ACTS_MISSING', () => move(facts({ state: 'investigation' }), 'examination'), () => move(facts({ state: 'investigation', acts: [] }), 'examination'), 'acts'],
  // ADP-04: a declared or granted recusal bars the officer; a pending application bars the decision only.
  ['ADP-04', 'CASE_OFFICER_RECUSED', () => move(facts({ recusals: [{ officerId: 'A', source: 'applied', outcome: 'rejected' }] }), 'decided'), () => move(facts({ recusals: [{ officerId: 'A', source: 'applied', outcome: 'granted' }] }), 'decided'), 'decision.officerIds'],
  ['ADP-04', 'CASE_OFFICER_RECUSED', () => move(facts({ state: 'investigation', recusals: [{ officerId: 'A', source: 'applied', outcome: 'pending' }] }), 'examination'), () => move(facts({ state: 'investigation', recusals: [{ officerId: 'A', source: 'declared', outcome: 'pending' }] }), 'examination'), 'acts.0.officerIds'],
  ['ADP-04', 'CASE_OFFICER_RECUSED', () => move(facts({ decision: decision({ officerIds: ['B', 'C'] }), recusals: [{ officerId: 'A', source: 'applied', outcome: 'pending' }] }), 'decided'), () => move(facts({ recusals: [{ officerId: 'A', source: 'applied', outcome: 'pending' }] }), 'decided'), 'decision.officerIds'],
  // ADP-08: a served notice with the four items, and the party heard or a signed waiver.
  ['ADP-08', 'CASE_NOTICE_NOT_SERVED', () => move(facts(), 'decided'), () => move(facts({ notice: null }), 'decided'), 'notice'],
  ['ADP-08', 'CASE_NOTICE_NOT_SERVED', () => move(facts(), 'decided'), () => move(facts({ notice: notice({ servedDate: '2024-09-30' }) }), 'decided'), 'notice'],
  ['ADP-08', 'CASE_STATEMENT_WINDOW_OPEN', () => move(facts({ decision: decision({ date: '2024-09-06' }) }), 'decided', '2024-09-06'), () => move(facts({ decision: decision({ date: '2024-09-05' }) }), 'decided', '2024-09-05'), 'decision.date'],
  ['ADP-08', 'CASE_STATEMENT_WINDOW_OPEN', () => move(facts({ notice: notice({ waiverSigned: true }), decision: decision({ date: '2024-09-03' }) }), 'decided', '2024-09-03'), () => move(facts({ decision: decision({ date: '2024-09-03' }) }), 'decided', '2024-09-03'), 'decision.date'],
  ['ADP-08', 'CASE_NOTICE_CONTENT_INCOMPLETE', () => move(facts({ state: 'examination' }), 'notice'), () => move(facts({ state: 'examination', notice: notice({ states: { facts: true, reasons: true, basis: true, rights: false } }) }), 'notice'), 'notice.states'],
  ['ADP-08', 'CASE_NOTICE_MISSING', () => move(facts({ state: 'examination' }), 'notice'), () => move(facts({ state: 'examination', notice: null }), 'notice'), 'notice'],
  // ADP-11: grounds or a held hearing require a passed review before the decision; a first-time reviewer needs 法律职业资格.
  ['ADP-11', 'CASE_LEGAL_REVIEW_MISSING', () => move(facts({ legalReviewGrounds: ['complex'], legalReview: { reviewerId: 'R', date: '2024-09-27', result: 'passed', priorReviews: 3, hasLegalQualification: false } }), 'decided'), () => move(facts({ legalReviewGrounds: ['complex'] }), 'decided'), 'legalReview'],
  ['ADP-11', 'CASE_LEGAL_REVIEW_MISSING', () => move(facts({ legalReviewGrounds: ['public-interest'], legalReview: { reviewerId: 'R', date: '2024-09-29', result: 'passed', priorReviews: 3, hasLegalQualification: true } }), 'decided'), () => move(facts({ legalReviewGrounds: ['public-interest'], legalReview: { reviewerId: 'R', date: '2024-09-30', result: 'passed', priorReviews: 3, hasLegalQualification: true } }), 'decided'), 'legalReview'],
  ['ADP-11', 'CASE_LEGAL_REVIEW_NOT_PASSED', () => move(facts({ legalReviewGrounds: ['by-law'], legalReview: { reviewerId: 'R', date: '2024-09-27', result: 'passed', priorReviews: 0, hasLegalQualification: true } }), 'decided'), () => move(facts({ legalReviewGrounds: ['by-law'], legalReview: { reviewerId: 'R', date: '2024-09-27', result: 'failed', priorReviews: 0, hasLegalQualification: true } }), 'decided'), 'legalReview.result'],
  ['ADP-11', 'CASE_LEGAL_REVIEWER_UNQUALIFIED', () => move(facts({ legalReview: { reviewerId: 'R', date: '2024-09-27', result: 'passed', priorReviews: 1, hasLegalQualification: false } }), 'decided'), () => move(facts({ legalReview: { reviewerId: 'R', date: '2024-09-27', result: 'passed', priorReviews: 0, hasLegalQualification: false } }), 'decided'), 'legalReview.reviewerId'],
  // ADP-12: a required collective discussion, held before the decision, with minutes and attendees.
  ['ADP-12', 'CASE_COLLECTIVE_DISCUSSION_MISSING', () => move(facts({ collectiveDiscussionRequired: false }), 'decided'), () => move(facts({ collectiveDiscussionRequired: true }), 'decided'), 'collectiveDiscussion'],
  ['ADP-12', 'CASE_COLLECTIVE_MINUTES_MISSING', () => move(facts({ collectiveDiscussionRequired: true, collectiveDiscussion: { date: '2024-09-27', minutesAttached: true, attendeeIds: ['H1', 'H2', 'H3'] } }), 'decided'), () => move(facts({ collectiveDiscussionRequired: true, collectiveDiscussion: { date: '2024-09-27', minutesAttached: false, attendeeIds: ['H1', 'H2', 'H3'] } }), 'decided'), 'collectiveDiscussion.minutesAttached'],
  ['ADP-12', 'CASE_COLLECTIVE_ATTENDEES_MISSING', () => move(facts({ collectiveDiscussionRequired: true, collectiveDiscussion: { date: '2024-09-27', minutesAttached: true, attendeeIds: ['H1', 'H2'] } }), 'decided'), () => move(facts({ collectiveDiscussionRequired: true, collectiveDiscussion: { date: '2024-09-27', minutesAttached: true, attendeeIds: ['H1', 'H1'] } }), 'decided'), 'collectiveDiscussion.attendeeIds'],
  // ADP-13: the six items of 第五十九条 and the seal; ADP-20: a fine decision states the surcharge standard.
  ['ADP-13', 'CASE_DECISION_CONTENT_INCOMPLETE', () => move(facts(), 'decided'), () => move(facts({ decision: decision({ content: { ...decision().content, remedies: false } }) }), 'decided'), 'decision.content'],
  ['ADP-13', 'CASE_DECISION_SEAL_MISSING', () => move(facts(), 'decided'), () => move(facts({ decision: decision({ content: { ...decision().content, sealed: false } }) }), 'decided'), 'decision.content.sealed'],
  ['ADP-20', 'CASE_DECISION_SURCHARGE_STANDARD_MISSING', () => move(facts({ decision: decision({ penalty: { kinds: ['01'], fine: null, confiscation: null }, content: { ...decision().content, surchargeStandard: false }, benchmark: null }), notice: notice({ proposed: { kinds: ['01'], fine: null, confiscation: null } }) }), 'decided'), () => move(facts({ decision: decision({ content: { ...decision().content, surchargeStandard: false } }) }), 'decided'), 'decision.content.surchargeStandard'],
  // ADP-15: e-service only with the party's 确认书.
  ['ADP-15', 'CASE_E_SERVICE_WITHOUT_CONSENT', () => move(facts({ state: 'decided', service: { date: '2024-09-30', method: 'electronic', consentOnFile: true } }), 'served'), () => move(facts({ state: 'decided', service: { date: '2024-09-30', method: 'electronic', consentOnFile: false } }), 'served'), 'service.method'],
  ['ADP-15', 'CASE_SERVICE_MISSING', () => move(facts({ state: 'decided', service: { date: '2024-09-29', method: 'in-person', consentOnFile: false } }), 'served'), () => move(facts({ state: 'decided', service: { date: '2024-09-28', method: 'in-person', consentOnFile: false } }), 'served'), 'service'],
  // ADP-22: discovered within 2 years of the act's end (5 with harm to life, health or financial safety).
  ['ADP-22', 'CASE_LIMITATION_EXPIRED', () => move(facts({ state: 'clue', actEndDate: '2022-08-10', discoveredDate: '2024-08-10' }), 'filed', '2024-08-12'), () => move(facts({ state: 'clue', actEndDate: '2022-08-09', discoveredDate: '2024-08-10' }), 'filed', '2024-08-12'), 'discoveredDate'],
  ['ADP-22', 'CASE_LIMITATION_EXPIRED', () => move(facts({ state: 'clue', actEndDate: '2020-02-29', discoveredDate: '2025-02-28', lifeHealthOrFinancialHarm: true }), 'filed', '2025-03-03'), () => move(facts({ state: 'clue', actEndDate: '2020-02-29', discoveredDate: '2025-03-01', lifeHealthOrFinancialHarm: true }), 'filed', '2025-03-03'), 'discoveredDate'],
  ['ADP-22', 'CASE_LIMITATION_EXPIRED', () => move(facts({ state: 'clue', actEndDate: '2022-08-12', discoveredDate: null }), 'filed', '2024-08-12'), () => move(facts({ state: 'clue', actEndDate: '2022-08-11', discoveredDate: null }), 'filed', '2024-08-12'), 'discoveredDate'],
  // ADP-29: a transfer names the judicial organ and the reason.
  ['ADP-29', 'CASE_TRANSFER_INCOMPLETE', () => move(facts({ state: 'examination', transfer: { organ: '广州市公安局越秀区分局', reason: '涉嫌诈骗罪' } }), 'transferred'), () => move(facts({ state: 'examination', transfer: { organ: '', reason: '涉嫌诈骗罪' } }), 'transferred'), 'transfer'],
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

describe('ADP-03 counts distinct officers with valid certificates', () => {
  it('ADP-03 the same officer twice is one officer', () => {
    expect(codes(move(facts({ decision: decision({ officerIds: ['A', 'A'] }) }), 'decided'))).toEqual(['CASE_OFFICERS_TOO_FEW']);
  });
  it('ADP-03 one expired among three still leaves two', () => {
    expect(codes(move(facts({ decision: decision({ officerIds: ['A', 'B', 'X'] }) }), 'decided'))).toEqual(['CASE_OFFICER_CERTIFICATE_INVALID']);
  });
});
