import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { descriptionText, plainText } from '../../platform/http/text.ts';
import { CONSUMER_ALGS, OPEN_TYPES, SHARING_TYPES, UPDATE_CYCLES } from './sharing.tables.ts';

const id = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const code = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '编码应为小写字母开头的字母、数字或连字符，2–40 位');
const fieldId = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, '字段应为标准库的字段标识，如 licenceNo');

export const idParams = z.strictObject({ id });
export const codeParams = z.strictObject({ code });

export const resourceBody = z.strictObject({
  name: plainText(100),
  libraryId: code,
  ownerOrgId: id.nullable().default(null),
  fields: z.array(fieldId).min(1).max(100),
  lookupKeys: z.array(fieldId).max(10).default([]),
  updateCycle: z.enum(UPDATE_CYCLES),
  sharingType: z.enum(SHARING_TYPES).describe('unconditional 无条件共享、conditional 有条件共享、none 不予共享'),
  sharingBasis: plainText(500, 0).default(''),
  openType: z.enum(OPEN_TYPES).describe('open 无条件开放、conditional 有条件开放、closed 不予开放'),
  description: descriptionText(1000).default(''),
});
export const resourceCreateBody = resourceBody.extend({ code });

export const resourceView = z.object({
  code: z.string(),
  name: z.string(),
  libraryId: z.string(),
  ownerOrgId: z.number().int().nullable(),
  fields: z.array(z.object({ id: z.string(), name: z.string(), masked: z.boolean() })),
  lookupKeys: z.array(z.string()),
  updateCycle: z.string(),
  sharingType: z.enum(SHARING_TYPES),
  sharingBasis: z.string(),
  openType: z.enum(OPEN_TYPES),
  description: z.string(),
  updatedAt: z.string(),
});

export const resourceQuery = z.strictObject({ q: z.string().max(50).optional(), sharingType: z.enum(SHARING_TYPES).optional() });

export const consumerBody = z.strictObject({
  name: plainText(100),
  agency: plainText(100, 0).default(''),
  orgId: id.nullable().default(null),
  alg: z.enum(CONSUMER_ALGS),
  publicKey: z.string().max(2000).optional().describe('ed25519：PEM 或 32 字节 base64；sm2-sm3：04 开头的十六进制公钥'),
});
export const consumerView = z.object({ id: z.number().int(), name: z.string(), agency: z.string(), orgId: z.number().int().nullable(), keyId: z.string(), alg: z.enum(CONSUMER_ALGS), status: z.enum(['active', 'suspended']), createdAt: z.string() });
export const consumerCreated = z.object({ consumerId: z.number().int(), keyId: z.string(), secret: z.string().optional().describe('HMAC 密钥，只在此时返回一次') });
export const consumerPatch = z.strictObject({ status: z.enum(['active', 'suspended']) });

export const demandBody = z.strictObject({ consumerId: id, resourceCode: code, fields: z.array(fieldId).min(1).max(100), purpose: plainText(200), legalBasis: plainText(500) });
export const decisionBody = z.strictObject({
  approve: z.boolean(),
  note: plainText(500, 0).default(''),
  plainFields: z.array(fieldId).max(100).optional(),
  ratePerSecond: z.number().int().min(1).max(10_000).optional(),
  quotaPerDay: z.number().int().min(1).max(100_000_000).optional(),
  expiresAt: z.iso.datetime().optional(),
});
export const requestQuery = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(), resourceCode: code.optional() });
export const requestView = z.object({
  id: z.number().int(),
  consumerId: z.number().int(),
  consumerName: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  fields: z.array(z.string()),
  purpose: z.string(),
  legalBasis: z.string(),
  status: z.string(),
  requestedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  grantId: z.number().int().nullable(),
});

export const grantBody = z.strictObject({
  consumerId: id,
  resourceCode: code,
  fields: z.array(fieldId).min(1).max(100),
  plainFields: z.array(fieldId).max(100).default([]),
  purpose: plainText(200),
  legalBasis: plainText(500, 0).default(''),
  ratePerSecond: z.number().int().min(1).max(10_000).default(10),
  quotaPerDay: z.number().int().min(1).max(100_000_000).default(10_000),
  expiresAt: z.iso.datetime().optional(),
});
export const grantQuery = z.strictObject({ consumerId: id.optional(), resourceCode: code.optional() });
export const grantView = z.object({
  id: z.number().int(),
  consumerId: z.number().int(),
  consumerName: z.string(),
  resourceCode: z.string(),
  resourceName: z.string(),
  fields: z.array(z.string()),
  plainFields: z.array(z.string()),
  purpose: z.string(),
  legalBasis: z.string(),
  ratePerSecond: z.number().int(),
  quotaPerDay: z.number().int(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  requestId: z.number().int().nullable(),
  createdAt: z.string(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
export const statsQuery = z.strictObject({ from: day.optional(), to: day.optional(), groupBy: z.enum(['consumer', 'resource', 'day']).default('day') });
export const statsView = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(z.object({ key: z.string(), label: z.string(), calls: z.number().int(), refused: z.number().int(), records: z.number().int(), avgLatencyMs: z.number() })),
});

/** 公民身份号码: 18 digits (last may be X) or the legacy 15; a lower-case x is accepted and folded. */
export const subjectLogQuery = z.strictObject({
  ...pageQuery,
  idNumber: z.string().regex(/^(\d{17}[\dXx]|\d{15})$/, '公民身份号码应为 18 位（末位可为 X）或 15 位数字').transform((v) => v.toUpperCase()),
});
export const subjectLogItem = z.object({
  at: z.string(),
  consumerId: z.number().int().nullable(),
  consumerName: z.string().nullable(),
  agency: z.string().nullable(),
  resourceCode: z.string().nullable(),
  resourceName: z.string().nullable(),
  service: z.string(),
  purpose: z.string().nullable(),
  status: z.number().int(),
  resultCount: z.number().int(),
});
