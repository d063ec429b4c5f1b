import { z } from 'zod';
import { dayNumber } from '../../platform/calendar/dates.ts';
import { pageQuery } from '../../platform/http/pagination.ts';
import { descriptionText, plainText } from '../../platform/http/text.ts';
import { checkIdNumber } from '../standards/index.ts';
import { STANDINGS, STATUS_ACTIONS } from './enforcement.rules.ts';
import { CERTIFICATE_EVENTS, OFFICER_STATUSES, SUBJECT_KINDS } from './enforcement.tables.ts';

/** 执法证号: letters, digits and hyphens (浙A-330106-0001, 33010620230001). */
export const CERTIFICATE_NO = /^[A-Za-z0-9\u4e00-\u9fa5][A-Za-z0-9\u4e00-\u9fa5-]{3,39}$/u;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const day = z.string().refine((s) => dayNumber(s) !== undefined, { message: '应为有效日期 YYYY-MM-DD' });
const domainCode = z.string().regex(/^\d{2}$/, '执法领域应为“执法领域”代码集的代码');
const domains = z.array(domainCode).max(18).default([]).describe('enforcement_domain 代码（执法领域）');

/** GB 11643-1999, checked and normalised by the standards module's validator. */
export const idNumber = z.string().max(40).transform((raw, ctx) => {
  const c = checkIdNumber(raw);
  if (c.ok) return c.value;
  ctx.addIssue({ code: 'custom', message: c.message, params: { code: c.code } });
  return z.NEVER;
});

export const entrustmentBody = z.strictObject({
  entrustingSubjectId: id.describe('委托机关（已登记的执法主体）'),
  documentNo: plainText(60).describe('委托书文号'),
  matters: descriptionText(2000).refine((s) => s.trim() !== '', { message: '委托事项不能为空' }).describe('委托的具体事项与权限'),
  from: day,
  to: day,
  publishedOn: day.nullable().default(null).describe('委托书向社会公布的日期（行政处罚法第二十条第二款）'),
});

export const subjectBody = z.strictObject({
  orgId: id,
  kind: z.enum(SUBJECT_KINDS),
  legalBasis: descriptionText(2000).default('').describe('职权或授权的法律、法规依据'),
  domains,
  itemIds: z.array(id).max(2000).default([]).describe('可实施的权责清单事项；受委托组织为委托事项'),
  entrustment: entrustmentBody.nullable().default(null).describe('委托书：仅受委托组织填写'),
});

export const subjectsQuery = z.strictObject({
  ...pageQuery,
  q: plainText(100).optional().describe('依据中的文字'),
  kind: z.enum(SUBJECT_KINDS).optional(),
  domain: domainCode.optional(),
  orgId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('该机构及其下级'),
  itemId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('可实施该事项的主体'),
});

export const officerBody = z.strictObject({
  name: plainText(50),
  idNumber: idNumber.describe('公民身份号码（GB 11643-1999）'),
  orgId: id,
  certificateNo: z.string().trim().regex(CERTIFICATE_NO, '执法证号应为 4–40 位字母、数字、汉字或连字符'),
  domains,
  issuedOn: day,
  expiresOn: day,
  legalQualification: z.boolean().default(false).describe('具有法律职业资格（法制审核人员，行政处罚法第五十八条第二款）'),
});

/** A change of an officer: everything but the person's ID number, which identifies the record. */
export const officerPatch = officerBody.omit({ idNumber: true });

export const statusBody = z.strictObject({
  action: z.enum(STATUS_ACTIONS).describe('suspend 暂扣 / revoke 注销 / reinstate 恢复'),
  reason: plainText(500),
  effectiveOn: day.optional().describe('生效日期，默认今日'),
});

export const officersQuery = z.strictObject({
  ...pageQuery,
  q: plainText(100).optional().describe('姓名或执法证号'),
  orgId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('该机构及其下级'),
  status: z.enum(OFFICER_STATUSES).optional(),
  standing: z.enum(STANDINGS).optional().describe('执法证今日的效力'),
  expiringWithin: z.coerce.number().int().min(0).max(3650).optional().describe('今日有效且在 N 日内到期'),
  domain: domainCode.optional(),
});

const subjectRef = z.object({ id: z.number().int(), orgId: z.number().int(), kind: z.enum(SUBJECT_KINDS) });

export const subjectView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  kind: z.enum(SUBJECT_KINDS),
  legalBasis: z.string(),
  domains: z.array(z.string()),
  domainLabels: z.array(z.string()),
  itemCount: z.number().int(),
  officerCount: z.number().int().describe('本机构在岗执法人员数'),
  entrustment: z
    .object({
      entrusting: subjectRef,
      documentNo: z.string(),
      matters: z.string(),
      from: z.string(),
      to: z.string(),
      publishedOn: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const subjectDetail = subjectView.extend({
  items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() })),
  entrusted: z.array(subjectRef).describe('受本主体委托的组织'),
});

export const officerView = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumber: z.string().describe('脱敏，除非有 enforcement:read-personal'),
  orgId: z.number().int(),
  certificateNo: z.string(),
  domains: z.array(z.string()),
  domainLabels: z.array(z.string()),
  issuedOn: z.string(),
  expiresOn: z.string(),
  status: z.enum(OFFICER_STATUSES),
  statusReason: z.string(),
  statusOn: z.string().nullable(),
  legalQualification: z.boolean(),
  standing: z.enum(STANDINGS),
  standingLabel: z.string(),
  standingReason: z.string(),
  daysToExpiry: z.number().int().describe('距到期的天数（今日到期为 0，已过期为负数）'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const officerDetail = officerView.extend({
  history: z.array(
    z.object({
      kind: z.enum(CERTIFICATE_EVENTS),
      status: z.enum(OFFICER_STATUSES),
      certificateNo: z.string(),
      issuedOn: z.string(),
      expiresOn: z.string(),
      reason: z.string(),
      effectiveOn: z.string(),
      at: z.string(),
    }),
  ),
});

export const importResult = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
