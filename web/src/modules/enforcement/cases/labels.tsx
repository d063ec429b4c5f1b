import { Tag } from 'antd';
import type { CaseState } from './types';

/** The 环节 of the general procedure (行政处罚法第五章第三节) and its other ends. */
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

const STATE_COLORS: Record<CaseState, string> = {
  clue: 'default',
  filed: 'blue',
  investigation: 'cyan',
  examination: 'geekblue',
  notice: 'purple',
  hearing: 'purple',
  'legal-review': 'magenta',
  'collective-discussion': 'magenta',
  decided: 'orange',
  served: 'gold',
  execution: 'volcano',
  closed: 'green',
  'not-filed': 'default',
  dismissed: 'default',
  'no-penalty': 'green',
  transferred: 'default',
};

export const stateOptions = (Object.keys(CASE_STATE_LABELS) as CaseState[]).map((s) => ({ value: s, label: CASE_STATE_LABELS[s] }));

export function StateTag({ state }: { state: CaseState }) {
  return <Tag color={STATE_COLORS[state]}>{CASE_STATE_LABELS[state]}</Tag>;
}

/** The steps the drawer draws; 听证 and 集体讨论 are shown at the step they belong to. */
export const MAIN_STEPS: CaseState[] = ['clue', 'filed', 'investigation', 'examination', 'notice', 'legal-review', 'decided', 'served', 'execution', 'closed'];
export const STEP_OF: Partial<Record<CaseState, CaseState>> = { hearing: 'notice', 'collective-discussion': 'legal-review', 'no-penalty': 'decided' };

/** The parts of a case's record, as the 全过程记录 names what was recorded. */
export const PART_LABELS: Record<string, string> = {
  itemId: '执法事项',
  officerIds: '承办人员',
  recusals: '回避',
  acts: '调查取证',
  notice: '告知书',
  hearing: '听证',
  legalReviewGrounds: '法制审核情形',
  legalReview: '法制审核',
  collectiveDiscussionRequired: '须集体讨论',
  collectiveDiscussion: '集体讨论',
  decision: '决定书',
  transfer: '移送',
  service: '送达',
  pauses: '中止',
  extensionDays: '延长期限',
  preservations: '证据保全',
  paidDate: '缴纳罚款',
  reviewPeriods: '复议诉讼期间',
  publicationRequired: '须公示',
  publishedDate: '公示',
  publicationWithdrawal: '撤回公示',
};

export const PARTY_KIND_LABELS = { citizen: '公民', organisation: '单位' } as const;

/** What a 告知书 states (行政处罚法第四十四条). */
export const NOTICE_STATES = [
  { value: 'facts', label: '事实' },
  { value: 'reasons', label: '理由' },
  { value: 'basis', label: '依据' },
  { value: 'rights', label: '权利' },
] as const;

/** Whole yuan as written on a decision: 1,500 元. */
export function formatYuan(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${v.toLocaleString('zh-CN')} 元`;
}
