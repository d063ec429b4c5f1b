import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { descriptionText, isPlainText, plainText } from '../../platform/http/text.ts';
import { ORG_TYPES } from '../identity/index.ts';
import { LAW_STATUSES } from '../laws/law-status.ts';
import { ELEMENT_ID } from './basis-cells.ts';
import { BENCHMARK_LEVELS, ITEM_KINDS } from './power-list.tables.ts';

/** 330217001000, SF-LS-001: letters, digits and hyphens. */
export const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;
/** numeric(14, 2) holds < 10^12 yuan. */
export const AMOUNT_MAX = 999_999_999_999;

const orgTypeCodes = ORG_TYPES.map((t) => t.code) as [string, ...string[]];
const itemCode = z.string().trim().regex(ITEM_CODE, '事项编码应为字母、数字或连字符，至多 40 位');
export const elementId = z.string().max(300).regex(ELEMENT_ID, '应为法规库的条文编号，如 律师法/2017-09-01/art47/p1/i2');
/** Prose over several lines (情形, 说明): line breaks allowed, markup, quotes and statement separators not. */
const lines = (max: number) => z.string().max(max).refine((s) => s.split('\n').every(isPlainText), { message: '不能包含 < > " \' ` ; \\ 、控制字符或注释符号' });
/** Fines in whole yuan: the statutes and benchmarks set them so. */
const amount = z.number().int('罚款金额以元为单位，填整数').min(0).max(AMOUNT_MAX).nullable();

export const basisBody = z.strictObject({
  elementId,
  role: z.enum(['basis', 'penalty']).default('basis').describe('basis 设定依据 / penalty 处罚依据'),
});

export const benchmarkBody = z.strictObject({
  level: z.enum(BENCHMARK_LEVELS),
  circumstances: lines(1000).default(''),
  penalties: z.array(z.string().regex(/^\d{2}$/, '处罚种类应为“行政处罚种类”代码集的代码')).max(14).default([]).describe('penalty_type 代码（行政处罚法第九条）'),
  amountMin: amount.default(null).describe('罚款下限（元）'),
  amountMax: amount.default(null).describe('罚款上限（元）'),
  note: lines(500).default(''),
});

export const itemBody = z.strictObject({
  code: itemCode,
  name: plainText(200),
  kind: z.enum(ITEM_KINDS),
  orgTypes: z.array(z.enum(orgTypeCodes)).max(orgTypeCodes.length).default([]).describe('实施主体：机构类型代码'),
  description: descriptionText(2000).default(''),
  bases: z.array(basisBody).max(100).default([]),
  benchmarks: z.array(benchmarkBody).max(BENCHMARK_LEVELS.length).default([]),
});

export const itemsQuery = z.strictObject({
  ...pageQuery,
  q: plainText(100).optional().describe('事项编码或名称中的文字'),
  kind: z.enum(ITEM_KINDS).optional(),
  orgType: z.enum(orgTypeCodes).optional(),
  law: z.string().max(100).regex(/^[^\s/<>"'`;\\]+(?:\/(?:\d{4}-\d{2}-\d{2}|undated))?$/u, '应为法规版本编号（律师法/2017-09-01）或简称（律师法）').optional().describe('引用该法规（版本）任一条文的事项'),
  element: z.string().max(300).regex(/^[^\s<>"'`;\\]+\/(?:\d{4}-\d{2}-\d{2}|undated)\/[a-z0-9/~-]+$/u, '应为条文编号，如 律师法/2017-09-01/art47').optional().describe('以该条文（或其款、项）为依据的事项'),
});

export const reviewsQuery = z.strictObject({ ...pageQuery, itemId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('只看该事项的待复核依据') });

export const confirmBody = z.strictObject({
  itemId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  oldElementId: elementId,
  newElementId: elementId.nullable().describe('改引的新条文；null 表示维持原依据'),
});

const lawRef = z.object({ id: z.string(), title: z.string(), versionDate: z.string().nullable(), status: z.enum(LAW_STATUSES), statusLabel: z.string() });

export const itemSummary = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ITEM_KINDS),
  orgTypes: z.array(z.string()),
  orgTypeLabels: z.array(z.string()),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const itemListEntry = itemSummary.extend({ basisCount: z.number().int(), benchmarkCount: z.number().int() });

export const itemView = itemSummary.extend({
  bases: z.array(
    z.object({
      elementId: z.string(),
      role: z.enum(['basis', 'penalty']),
      exists: z.boolean().describe('false：法规库中已没有该条文（如法规被删除后未重新导入）'),
      label: z.string().describe('第四十七条第一款第（二）项'),
      citation: z.string().describe('《中华人民共和国律师法》第四十七条第一款第（二）项'),
      text: z.string(),
      leadIn: z.string().describe('项所在款的前文'),
      law: lawRef.nullable(),
      reviewedAt: z.string().nullable(),
    }),
  ),
  benchmarks: z.array(
    z.object({
      level: z.enum(BENCHMARK_LEVELS),
      circumstances: z.string(),
      penalties: z.array(z.string()),
      penaltyLabels: z.array(z.string()),
      amountMin: z.number().nullable(),
      amountMax: z.number().nullable(),
      note: z.string(),
    }),
  ),
});

const reviewElement = z.object({ elementId: z.string(), citation: z.string(), text: z.string() });

export const reviewView = z.object({
  itemId: z.number().int(),
  itemCode: z.string(),
  itemName: z.string(),
  role: z.enum(['basis', 'penalty']),
  reviewedAt: z.string().nullable(),
  old: reviewElement.extend({ lawId: z.string(), versionDate: z.string().nullable() }),
  newVersion: z.object({ lawId: z.string(), title: z.string(), versionDate: z.string().nullable(), importedAt: z.string() }),
  suggestion: reviewElement.extend({ match: z.enum(['same-path', 'same-text']).describe('same-path 同一位置；same-text 位置不同但文字相同') }).nullable(),
});

export const importResult = z.object({
  created: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.array(z.string()),
});
