import { z } from 'zod';

const hex = z.string().describe('十六进制（小写）');
const count = (label: string) => z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe(label);

const logName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '名称应为小写字母开头的字母、数字或连字符，至多 40 位');
export const logParams = z.strictObject({ name: logName });
export const entryParams = z.strictObject({ name: logName, index: count('记录序号') });
export const sizeParams = z.strictObject({ name: logName, size: count('树大小') });

export const createLogBody = z.strictObject({
  name: logName,
  hash: z.enum(['sha256', 'sm3']).default('sha256'),
  description: z.string().max(200).optional(),
});

export const logView = z.object({
  name: z.string(),
  origin: z.string(),
  hashAlg: z.enum(['sha256', 'sm3']),
  description: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  checkpointSize: z.number().int().nullable(),
  checkpointAt: z.string().nullable(),
});

export const keyView = z.object({
  kind: z.enum(['ed25519', 'sm2', 'cosignature/v1']),
  vkey: z.string().describe('c2sp 验证公钥：名称+密钥ID+公钥'),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  entryIndex: z.number().int().nullable().describe('宣布该密钥的日志记录（轮换产生）'),
});

export const publicKeysView = z.object({ origin: z.string(), hashAlg: z.enum(['sha256', 'sm3']), keys: z.array(keyView) });

export const checkpointView = z.object({
  size: z.number().int(),
  root: hex,
  createdAt: z.string(),
  note: z.string().describe('签名笔记（c2sp.org/tlog-checkpoint），含见证方联署'),
  cosignatures: z.array(z.object({ witness: z.string(), cosignedAt: z.string() })),
});

export const logDetail = logView.extend({
  keys: z.array(keyView),
  witnesses: z.array(z.object({ name: z.string(), vkey: z.string(), addedAt: z.string() })),
  checkpoint: checkpointView.nullable(),
});

export const entryView = z.object({
  index: z.number().int(),
  kind: z.enum(['typed', 'raw']),
  type: z.string().nullable(),
  submitter: z.string().nullable(),
  appendedAt: z.string(),
  leafHash: hex,
  size: z.number().int().describe('记录字节数'),
});

export const entryDetail = entryView.extend({
  body: z.string().describe('典型记录为规范化 JSON 文本；原始记录为十六进制'),
  proof: z
    .object({ size: z.number().int(), root: hex, proof: z.array(hex), verified: z.boolean(), checkpoint: z.string() })
    .nullable()
    .describe('相对最新检查点的包含证明；记录晚于最新检查点时为空'),
});

export const entriesQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  type: z.string().max(64).optional(),
});

export const appendBody = z.strictObject({
  entries: z
    .array(z.strictObject({ type: z.string().max(64), payload: z.record(z.string(), z.unknown()).describe('JSON 对象：哈希、编号与状态') }))
    .min(1)
    .max(1000),
});
export const appendView = z.object({ indexes: z.array(z.number().int()), size: z.number().int() });

export const inclusionQuery = z.strictObject({ index: count('记录序号'), size: count('树大小').optional() });
export const consistencyQuery = z.strictObject({ from: count('起始大小'), to: count('目标大小').optional() });
export const inclusionView = z.object({ index: z.number().int(), size: z.number().int(), proof: z.array(hex) });
export const consistencyView = z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(hex) });

const problem = z.object({ kind: z.string(), index: z.number().int(), size: z.number().int().optional(), level: z.number().int().optional(), node: z.number().int().optional() });
export const verifyView = z.object({
  log: z.string(),
  size: z.number().int(),
  intact: z.boolean(),
  firstBadIndex: z.number().int().nullable(),
  problems: z.array(problem),
  checkpointsChecked: z.number().int(),
  latestCheckpoint: z.object({ size: z.number().int(), root: hex }).nullable(),
  audit: z.object({ checkedRows: z.number().int(), deleted: z.array(z.number().int()), edited: z.array(z.number().int()) }).nullable(),
  summary: z.string().describe('给非技术人员看的结论'),
});

export const witnessBody = z.strictObject({ vkey: z.string().min(1).max(500) });
export const followBody = z.strictObject({ url: z.url().max(500), logKey: z.string().min(1).max(500).optional() });
export const rotateBody = z.strictObject({ kind: z.enum(['ed25519', 'sm2']).default('ed25519') });
