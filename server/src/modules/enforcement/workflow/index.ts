/**
 * 行政执法 case workflow (issue 8 point 2): the case states and their moves, the statutory gates
 * (ADP-03…ADP-29), the case clocks and the supervision findings — pure functions over facts the
 * case service gathers, computed on the work calendar it passes in. See README.md.
 */
export { CASE_STATES, CASE_STATE_LABELS, CASE_TRANSITIONS, canMove, type CaseState } from './case-states.ts';
export type {
  ActInput, BenchmarkTier, CaseFacts, CollectiveDiscussionInput, DecisionContent, DecisionInput, HearingInput,
  LegalReviewGround, LegalReviewInput, NoticeInput, OfficerInput, PartyKind, Pause, PenaltyInput, RecusalInput,
  ServiceInput, ServiceMethod, TransferInput, Violation,
} from './case-facts.ts';
export { checkTransition, type TransitionRequest, type WorkflowContext } from './transitions.ts';
export { actRules, certificateValidOn } from './officers.rules.ts';
export { DEFAULT_HEARING_THRESHOLDS, findHearingThreshold, hearingTriggers, type HearingThreshold, type ThresholdKey } from './hearing.rules.ts';
export { birthDateFromIdNumber, summaryRules, type SpotCollectionInput, type SummaryPenaltyInput } from './penalties.rules.ts';
export { limitationEnd } from './filing.rules.ts';
export {
  bankDepositDue, decisionClock, earliestHearingDate, handOverDue, hearingRequestDue, paymentDue, preservationAlert,
  preservationDue, publicationDue, serviceDue, surcharge, withdrawalDue,
  type CaseDeadline, type ClockAlert, type DecisionClock, type Surcharge,
} from './deadlines.ts';
export { awaitingDecision, caseSteps, DEFAULT_SUPERVISION, recordFindings, superviseCase, type Finding, type SupervisionOptions } from './supervision.ts';
