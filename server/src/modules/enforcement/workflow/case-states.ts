/**
 * The states of a 行政处罚 case under the general procedure (行政处罚法第五章第三节) and the moves
 * between them. A move listed here is possible; whether the case may make it now is decided by the
 * gates in transitions.ts.
 */
export const CASE_STATES = [
  'clue', 'filed', 'investigation', 'examination', 'notice', 'hearing', 'legal-review',
  'collective-discussion', 'decided', 'served', 'execution', 'closed',
  'not-filed', 'dismissed', 'no-penalty', 'transferred',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  clue: '线索',
  filed: '立案',
  investigation: '调查取证',
  examination: '案件审查',
  notice: '告知',
  hearing: '听证',
  'legal-review': '法制审核',
  'collective-discussion': '集体讨论',
  decided: '决定',
  served: '送达',
  execution: '执行',
  closed: '结案',
  'not-filed': '不予立案',
  dismissed: '撤案',
  'no-penalty': '不予处罚',
  transferred: '移送',
};

/**
 * Moves out of each state. Back to 调查取证 from review stages: 补充调查 after a defence or a
 * returned review. 移送 (ADP-29, 第二十七条) is open until the decision: once a crime is suspected no
 * administrative penalty replaces the criminal one. A hearing always goes to 法制审核 (ADP-11,
 * 第五十八条第一款第（二）项).
 */
export const CASE_TRANSITIONS: Record<CaseState, readonly CaseState[]> = {
  clue: ['filed', 'not-filed', 'transferred'],
  filed: ['investigation', 'dismissed', 'transferred'],
  investigation: ['examination', 'dismissed', 'transferred'],
  examination: ['notice', 'no-penalty', 'investigation', 'dismissed', 'transferred'],
  notice: ['hearing', 'legal-review', 'collective-discussion', 'decided', 'no-penalty', 'investigation', 'transferred'],
  hearing: ['legal-review', 'investigation', 'transferred'],
  'legal-review': ['collective-discussion', 'decided', 'no-penalty', 'investigation', 'transferred'],
  'collective-discussion': ['decided', 'no-penalty', 'investigation', 'transferred'],
  decided: ['served'],
  served: ['execution'],
  execution: ['closed'],
  'no-penalty': ['closed'],
  closed: [],
  'not-filed': [],
  dismissed: [],
  transferred: [],
};

export function canMove(from: CaseState, to: CaseState): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}
