import { z } from 'zod';
import { pageQuery } from '../../../platform/http/pagination.ts';
import { descriptionText, plainText } from '../../../platform/http/text.ts';
import { BENCHMARK_LEVELS } from '../../power-list/power-list.tables.ts';
import { checkCreditCode } from '../../standards/index.ts';
import { day, idNumber } from '../enforcement.schema.ts';
import { CASE_STATES } from '../workflow/index.ts';

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const officerIds = z.array(id).max(20);
/** Whole yuan, as the power list's benchmarks (裁量基准) state them. */
const money = z.number().int('罚款、没收金额以元为单位，填整数').min(0).max(1e11);
const pause = z.strictObject({ from: day, to: day.nullable(), reason: plainText(200) });

/** 统一社会信用代码 (GB 32100-2015), checked and normalised by the standards module. */
const creditCode = z.string().max(40).transform((raw, ctx) => {
  const c = checkCreditCode(raw);
  if (c.ok) return c.value;
  ctx.addIssue({ code: 'custom', message: c.message, params: { code: c.code } });
  return z.NEVER;
});

const party = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('citizen'), name: plainText(50), idNumber: idNumber.nullable().default(null).describe('公民身份号码') }),
  z.strictObject({ kind: z.literal('organisation'), name: plainText(100), idNumber: creditCode.nullable().default(null).describe('统一社会信用代码') }),
]);

export const caseBody = z.strictObject({
  orgId: id.describe('办案机关（执法主体所在机构）'),
  cause: plainText(200).describe('案由'),
  itemId: id.nullable().default(null).describe('适用的执法事项（权责清单）；决定前须确定'),
  party,
  actEndDate: day.describe('违法行为终了之日（行政处罚法第三十六条）'),
  discoveredDate: day.nullable().default(null).describe('发现之日'),
  lifeHealthOrFinancialHarm: z.boolean().default(false).describe('涉及公民生命健康安全、金融安全且有危害后果（追责期限五年）'),
  officerIds: officerIds.default([]).describe('承办人员'),
});

const penalty = z.strictObject({
  kinds: z.array(z.string().regex(/^\d{2}$/, '处罚种类应为“行政处罚种类”代码')).min(1).max(8).describe('penalty_type 代码'),
  fine: money.nullable().default(null).describe('罚款（元）'),
  confiscation: money.nullable().default(null).describe('没收违法所得、非法财物的数额或价值（元）'),
});

/** Each part of a case's record: present parts replace what is stored, absent ones stay. */
export const recordPatch = z.strictObject({
  itemId: id.nullable().optional().describe('适用的执法事项'),
  officerIds: officerIds.optional(),
  recusals: z.array(z.strictObject({ officerId: id, source: z.enum(['declared', 'applied']), outcome: z.enum(['pending', 'granted', 'rejected']) })).max(20).optional(),
  acts: z.array(z.strictObject({
    kind: plainText(50).describe('询问、检查、勘验…'),
    date: day,
    officerIds,
    recordAttached: z.boolean().describe('附笔录'),
    note: descriptionText(2000).default(''),
  })).max(200).optional(),
  notice: z.strictObject({
    servedDate: day,
    statementDeadline: day.describe('陈述、申辩期限的最后一日'),
    proposed: penalty,
    states: z.strictObject({ facts: z.boolean(), reasons: z.boolean(), basis: z.boolean(), rights: z.boolean() }),
    includesHearingRight: z.boolean(),
    waiverSigned: z.boolean().default(false).describe('当事人书面放弃陈述、申辩'),
    defenceFiled: z.boolean().default(false),
  }).nullable().optional().describe('行政处罚事先告知书'),
  hearing: z.strictObject({
    requestedDate: day,
    notifiedDate: day.nullable(),
    date: day.nullable(),
    chairId: id.nullable(),
    agentCount: z.number().int().min(0).max(10),
    recordSigned: z.boolean(),
  }).nullable().optional(),
  legalReviewGrounds: z.array(z.enum(['public-interest', 'complex', 'by-law'])).max(3).optional().describe('须法制审核的情形（行政处罚法第五十八条第一款）'),
  legalReview: z.strictObject({ reviewerId: id, date: day, result: z.enum(['passed', 'failed']), opinion: descriptionText(2000).default('') }).nullable().optional(),
  collectiveDiscussionRequired: z.boolean().optional(),
  collectiveDiscussion: z.strictObject({ date: day, minutesAttached: z.boolean(), attendeeIds: officerIds }).nullable().optional(),
  decision: z.strictObject({
    date: day,
    officerIds,
    penalty,
    content: z.strictObject({
      party: z.boolean(), factsAndEvidence: z.boolean(), kindAndBasis: z.boolean(), performance: z.boolean(),
      remedies: z.boolean(), agencyAndDate: z.boolean(), sealed: z.boolean(), surchargeStandard: z.boolean(),
    }).describe('决定书载明的事项（行政处罚法第五十九条）'),
    minorMitigation: plainText(500).nullable().default(null),
    benchmarkLevel: z.enum(BENCHMARK_LEVELS).nullable().default(null).describe('适用的裁量基准阶次'),
    outsideBenchmarkReason: plainText(500).nullable().default(null).describe('超出裁量基准的理由'),
  }).nullable().optional().describe('行政处罚决定书（移入“决定”时生效）'),
  transfer: z.strictObject({ organ: plainText(100), reason: plainText(500) }).nullable().optional(),
  service: z.strictObject({
    date: day,
    method: z.enum(['in-person', 'left-at-residence', 'post', 'entrusted', 'electronic', 'announcement']),
    consentOnFile: z.boolean().default(false).describe('电子送达确认书'),
  }).nullable().optional(),
  pauses: z.array(pause).max(20).optional(),
  extensionDays: z.number().int().min(0).max(365).optional(),
  preservations: z.array(z.strictObject({ date: day, decidedDate: day.nullable() })).max(50).optional(),
  paidDate: day.nullable().optional(),
  reviewPeriods: z.array(pause).max(10).optional(),
  publicationRequired: z.boolean().optional(),
  publishedDate: day.nullable().optional(),
  publicationWithdrawal: z.strictObject({ changedDate: day, withdrawnDate: day.nullable() }).nullable().optional(),
});

export const moveBody = z.strictObject({
  to: z.enum(CASE_STATES),
  date: day.optional().describe('该环节的日期，默认今日；移入“决定”时为决定书日期'),
  opinion: descriptionText(2000).default('').describe('办理意见'),
});

export const casesQuery = z.strictObject({
  ...pageQuery,
  q: plainText(100).optional().describe('案件编号、案由或当事人'),
  state: z.enum(CASE_STATES).optional(),
  orgId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('该机构及其下级'),
  itemId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('适用该执法事项的案件'),
});

export const caseView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  caseNo: z.string(),
  cause: z.string(),
  itemId: z.number().int().nullable(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  partyKind: z.enum(['citizen', 'organisation']),
  partyName: z.string(),
  actEndDate: z.string(),
  filedDate: z.string().nullable(),
  decidedOn: z.string().nullable(),
  fine: z.number().nullable(),
  stateSince: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const problem = z.object({ code: z.string(), field: z.string(), message: z.string() });

export const caseDetail = caseView.extend({
  partyIdNumber: z.string().nullable().describe('脱敏，除非有 case:read-personal'),
  discoveredDate: z.string().nullable(),
  lifeHealthOrFinancialHarm: z.boolean(),
  item: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  record: z.record(z.string(), z.unknown()).describe('案件记录：调查取证、告知、听证、法制审核、决定、送达…'),
  next: z.array(z.object({ to: z.enum(CASE_STATES), label: z.string(), blockers: z.array(problem).describe('今日移入该环节会违反的规则') })),
  findings: z.array(problem.extend({ severity: z.enum(['alert', 'warning']), due: z.string().optional() })).describe('执法监督发现的问题'),
  events: z.array(z.object({
    kind: z.enum(['created', 'moved', 'recorded']),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
    part: z.string().nullable(),
    onDate: z.string().nullable(),
    opinion: z.string(),
    actorName: z.string(),
    at: z.string(),
  })).describe('全过程记录'),
});

export const alertsQuery = z.strictObject({
  ...pageQuery,
  orgId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('该机构及其下级'),
  code: z.string().regex(/^[A-Z_]{3,60}$/, '应为监督提示代码').optional().describe('只列有该提示的案件'),
});

const alert = z.object({ code: z.string(), label: z.string() });

export const alertView = caseView.extend({
  nextDue: z.string().nullable().describe('最早未完成环节的期限'),
  decisionDue: z.string().nullable().describe('作出决定的期限（行政处罚法第六十条）'),
  alerts: z.array(alert),
});

export const alertSummary = z.object({
  asOf: z.string(),
  items: z.array(z.object({ orgId: z.number().int(), code: z.string(), label: z.string(), count: z.number().int() })),
});
