import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { LAW_STATUSES } from './law-status.ts';

export const LAW_LEVELS = ['constitution', 'law', 'administrative-regulation', 'department-rule', 'judicial-interpretation', 'local-regulation', 'local-government-rule'] as const;
export const LAW_LEVEL_LABELS: Record<(typeof LAW_LEVELS)[number], string> = {
  constitution: '宪法',
  law: '法律',
  'administrative-regulation': '行政法规',
  'department-rule': '部门规章',
  'judicial-interpretation': '司法解释',
  'local-regulation': '地方性法规',
  'local-government-rule': '地方政府规章',
};

const level = z.enum(LAW_LEVELS);
const status = z.enum(LAW_STATUSES).describe('in-force 有效、amended 已修改、repealed 已废止、pending 尚未生效');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const elementId = z.string().min(3).max(300).describe('法规或条文编号，如 行政处罚法/2021-01-22/art51');

export const listQuery = z.strictObject({
  ...pageQuery,
  q: z.string().max(100).optional().describe('标题包含'),
  level: z.union([level, z.literal('unknown')]).optional(),
  status: status.optional(),
  shortTitle: z.string().max(100).optional().describe('同一法规的全部版本'),
});

export const idQuery = z.strictObject({ id: elementId });

export const versionView = z.object({
  id: z.string(),
  shortTitle: z.string(),
  title: z.string(),
  level: level.nullable(),
  levelLabel: z.string(),
  issuer: z.string(),
  versionDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  supersededOn: z.string().nullable(),
  repealedOn: z.string().nullable(),
  previousId: z.string().nullable(),
  status,
  statusLabel: z.string(),
  articles: z.number().int(),
  chapters: z.number().int(),
  sections: z.number().int(),
  parts: z.number().int(),
  warningCount: z.number().int(),
  importedAt: z.string(),
});

export const levelsView = z.object({ items: z.array(z.object({ level: level.nullable(), label: z.string(), count: z.number().int() })) });

const warning = z.object({ file: z.string(), line: z.number().int(), code: z.string(), message: z.string() });
const history = z.object({ line: z.number().int(), date: z.string().optional(), kind: z.string(), text: z.string() });
const element = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.string(),
  number: z.number().int(),
  sub: z.number().int().nullable(),
  label: z.string(),
  heading: z.string(),
  text: z.string(),
  line: z.number().int(),
});

export const versionDetail = z.object({
  version: versionView,
  history: z.array(history),
  warnings: z.array(warning),
  files: z.array(z.object({ piece: z.string(), file: z.string(), sha256: z.string(), articles: z.number().int(), importedAt: z.string() })),
  versions: z.array(z.object({ id: z.string(), versionDate: z.string().nullable(), effectiveDate: z.string().nullable(), status, statusLabel: z.string() })),
  elements: z.array(element),
});

export const elementDetail = z.object({
  version: versionView,
  element,
  children: z.array(element),
  citations: z.array(
    z.object({
      fromId: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      raw: z.string(),
      toId: z.string().nullable(),
      toLawId: z.string().nullable(),
      toTitle: z.string().nullable(),
      toLabel: z.string(),
      reason: z.string().nullable().describe('未能解析的原因代码'),
      message: z.string().nullable(),
    }),
  ),
  citedBy: z.array(
    z.object({ fromId: z.string(), fromLawId: z.string(), fromTitle: z.string(), fromLabel: z.string(), fromText: z.string(), raw: z.string(), toId: z.string(), toLabel: z.string(), start: z.number().int(), end: z.number().int() }),
  ),
});

/** A file or folder name as users write them (Chinese, brackets, dates), without markup or path separators. */
const SAFE_NAME = /^[^<>"'`\\/\u0000-\u001f]+$/u;

export const importQuery = z.strictObject({
  filename: z
    .string()
    .min(1)
    .max(200)
    .regex(/\.(md|txt)$/i, '文件名应以 .md 或 .txt 结尾')
    .regex(SAFE_NAME, '文件名不能含有 < > " \' ` 斜杠或控制字符')
    .describe('文件名，如 行政处罚法(2021-01-22).md：日期即版本日期'),
  folder: z.string().max(100).regex(SAFE_NAME, '目录名不能含有 < > " \' ` 斜杠或控制字符').optional().describe('所属分类目录，如 行政法规、地方性法规：文本中看不出层级时据此判断'),
});

export const importedView = z.object({
  file: z.string(),
  title: z.string(),
  articles: z.number().int(),
  chapters: z.number().int(),
  sections: z.number().int(),
  parts: z.number().int(),
  warnings: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
  lawId: z.string(),
  piece: z.string(),
  unchanged: z.boolean(),
});

export const searchQuery = z.strictObject({
  ...pageQuery,
  q: z.string().min(1).max(100).describe('检索词：一个字、词或短语；空格分隔的多个词须同时出现'),
  level: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(level)).optional(),
  status: z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(status)).optional(),
  effectiveFrom: day.optional(),
  effectiveTo: day.optional(),
  inForceOn: day.optional().describe('只查该日有效的版本'),
  lawId: z.string().max(200).optional(),
  kind: z.enum(['title', 'article']).optional(),
});

export const searchHit = z.object({
  id: z.string(),
  lawId: z.string(),
  kind: z.enum(['title', 'article']),
  title: z.string(),
  lawTitle: z.string(),
  label: z.string(),
  level: level.nullable(),
  status,
  effectiveDate: z.string().nullable(),
  snippet: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])).describe('snippet 中命中部分的起止位置（UTF-16）'),
});
export const searchView = z.object({ items: z.array(searchHit), total: z.number().int(), totalIsEstimate: z.boolean().describe('为真时 total 是估计值（常见单字，只对排名靠前的版本精确排序）') });
