/**
 * A lawful 司法行政 case against a citizen, decided on 2024-09-29 (a 调休 Sunday that is a working
 * day), and helpers that change one fact at a time. Tests start from it and break one rule.
 */
import { createWorkCalendar, STATE_COUNCIL_CALENDAR } from '../../../platform/calendar/index.ts';
import type { CaseFacts, DecisionInput, NoticeInput, OfficerInput } from './case-facts.ts';
import { DEFAULT_HEARING_THRESHOLDS } from './hearing.rules.ts';
import type { WorkflowContext } from './transitions.ts';

export const cal = createWorkCalendar(STATE_COUNCIL_CALENDAR);
export const ctx: WorkflowContext = { calendar: cal, hearingThresholds: DEFAULT_HEARING_THRESHOLDS };

export const officer = (officerId: string, over: Partial<OfficerInput> = {}): OfficerInput => ({
  officerId, certificateNo: `44010020${officerId}`, issuedOn: '2020-01-01', expiresOn: '2029-12-31', status: '在岗', statusOn: null, ...over,
});

/** Born 1990-03-07. */
const ADULT_ID = '440106199003071234';

export const notice = (over: Partial<NoticeInput> = {}): NoticeInput => ({
  servedDate: '2024-09-02',
  statementDeadline: '2024-09-05',
  proposed: { kinds: ['03'], fine: 1000, confiscation: null },
  states: { facts: true, reasons: true, basis: true, rights: true },
  includesHearingRight: false,
  waiverSigned: false,
  defenceFiled: false,
  ...over,
});

export const decision = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  date: '2024-09-29',
  officerIds: ['A', 'B'],
  penalty: { kinds: ['03'], fine: 1000, confiscation: null },
  content: { party: true, factsAndEvidence: true, kindAndBasis: true, performance: true, remedies: true, agencyAndDate: true, sealed: true, surchargeStandard: true },
  minorMitigation: null,
  benchmark: { itemCode: 'SF-LS-001', level: '一般', amountMin: 500, amountMax: 3000 },
  outsideBenchmarkReason: null,
  ...over,
});

export const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  state: 'notice',
  party: { kind: 'citizen', idNumber: ADULT_ID },
  sector: '司法行政',
  province: '440000',
  basisLevel: 'department-rule',
  actEndDate: '2024-08-01',
  lifeHealthOrFinancialHarm: false,
  discoveredDate: '2024-08-10',
  filedDate: '2024-08-12',
  officers: [officer('A'), officer('B'), officer('C'), officer('X', { expiresOn: '2024-06-30' })],
  recusals: [],
  acts: [{ id: 'act-1', kind: '询问', date: '2024-08-20', officerIds: ['A', 'B'], recordAttached: true }],
  notice: notice(),
  hearing: null,
  legalReviewGrounds: [],
  legalReview: null,
  collectiveDiscussionRequired: false,
  collectiveDiscussion: null,
  decision: decision(),
  transfer: null,
  service: null,
  pauses: [],
  extensionDays: 0,
  preservations: [],
  paidDate: null,
  reviewPeriods: [],
  publicationRequired: false,
  publishedDate: null,
  publicationWithdrawal: null,
  ...over,
});
