/**
 * The one question the case service asks before moving a case: which rules does this move break?
 * An empty list means it may move. The service gathers the facts (case, officer registry,
 * documents) and the calendar in effect; nothing here reads a clock or a database.
 */
import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import type { CaseFacts, Violation } from './case-facts.ts';
import { canMove, CASE_STATE_LABELS, type CaseState } from './case-states.ts';
import { decisionRules, noticeContentRules } from './decision.rules.ts';
import { limitationRules, transferRules } from './filing.rules.ts';
import { hearingRules, noticeHearingRules, type HearingThreshold } from './hearing.rules.ts';
import { ADP03, actRules } from './officers.rules.ts';
import { ageRules } from './penalties.rules.ts';

const ADP08_NOTICE = 'ADP-08（行政处罚法第四十四条）';
const ADP09_REQUEST = 'ADP-09（行政处罚法第六十四条）';
const ADP15 = 'ADP-15（行政处罚法第六十一条）';
const PROCEDURE = '行政处罚法第五章';

export interface TransitionRequest {
  to: CaseState;
  /** the day of the move (立案 date, decision date…) */
  date: string;
}

export interface WorkflowContext {
  calendar: WorkCalendar;
  hearingThresholds: readonly HearingThreshold[];
}

/** ADP-03 before 案件审查: evidence was gathered, each act by two certified officers with a 笔录. */
function investigationRules(facts: CaseFacts): Violation[] {
  if (facts.acts.length === 0) {
    return [{ code: 'CASE_ACTS_MISSING', rule: ADP03, field: 'acts', message: `尚无调查取证记录，不能进入案件审查（${ADP03}）` }];
  }
  return facts.acts.flatMap((a, i) => actRules(facts, a, i));
}

function noticeRules(facts: CaseFacts, ctx: WorkflowContext): Violation[] {
  if (facts.notice === null) {
    return [{ code: 'CASE_NOTICE_MISSING', rule: ADP08_NOTICE, field: 'notice', message: `尚未送达行政处罚事先告知书（${ADP08_NOTICE}）` }];
  }
  // ADP-25: no penalty is proposed to a child under 14 (the 14–18 mitigation is checked at the decision).
  const age = ageRules(facts.party, facts.actEndDate, null, { penalty: 'notice.proposed', mitigation: 'notice.proposed' })
    .filter((v) => v.code !== 'CASE_MINOR_MITIGATION_MISSING');
  return [...noticeContentRules(facts.notice), ...noticeHearingRules(facts, ctx.hearingThresholds), ...age];
}

function hearingStepRules(facts: CaseFacts, cal: WorkCalendar, held: boolean): Violation[] {
  if (facts.hearing === null) {
    return [{ code: 'CASE_HEARING_NOT_REQUESTED', rule: ADP09_REQUEST, field: 'hearing', message: `当事人未要求听证（${ADP09_REQUEST}）` }];
  }
  return hearingRules(facts, facts.hearing, cal, held);
}

/**
 * ADP-15 第六十一条: served under the 民事诉讼法, on or after the decision; "当事人同意并签订确认书的"
 * before fax or e-mail.
 */
function serviceRules(facts: CaseFacts): Violation[] {
  const s = facts.service;
  if (s === null || facts.decision === null || s.date < facts.decision.date) {
    return [{ code: 'CASE_SERVICE_MISSING', rule: ADP15, field: 'service', message: `没有行政处罚决定书的送达记录（${ADP15}）` }];
  }
  if (s.method === 'electronic' && !s.consentOnFile) {
    return [{ code: 'CASE_E_SERVICE_WITHOUT_CONSENT', rule: ADP15, field: 'service.method', message: `当事人未同意并签订确认书，不能以传真、电子邮件等方式送达（${ADP15}）` }];
  }
  return [];
}

function gates(facts: CaseFacts, req: TransitionRequest, ctx: WorkflowContext): Violation[] {
  switch (req.to) {
    case 'filed': return limitationRules(facts, req.date);
    case 'transferred': return transferRules(facts);
    case 'examination': return facts.state === 'investigation' ? investigationRules(facts) : [];
    case 'notice': return noticeRules(facts, ctx);
    case 'hearing': return hearingStepRules(facts, ctx.calendar, false);
    case 'legal-review': return facts.state === 'hearing' ? hearingStepRules(facts, ctx.calendar, true) : [];
    case 'decided':
      if (facts.decision === null || facts.decision.date !== req.date) {
        return [{ code: 'CASE_DECISION_MISSING', rule: PROCEDURE, field: 'decision', message: `没有 ${req.date} 的行政处罚决定书（${PROCEDURE}）` }];
      }
      return decisionRules(facts, facts.decision, ctx.calendar);
    case 'served': return serviceRules(facts);
    default: return [];
  }
}

/** The rules the move breaks; empty = allowed. */
export function checkTransition(facts: CaseFacts, req: TransitionRequest, ctx: WorkflowContext): Violation[] {
  if (!canMove(facts.state, req.to)) {
    const from = CASE_STATE_LABELS[facts.state];
    return [{ code: 'CASE_TRANSITION_INVALID', rule: PROCEDURE, field: 'to', message: `案件处于“${from}”，不能转入“${CASE_STATE_LABELS[req.to]}”（${PROCEDURE}）` }];
  }
  return gates(facts, req, ctx);
}
