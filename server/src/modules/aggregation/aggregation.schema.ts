import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { descriptionText, plainText } from '../../platform/http/text.ts';

export const libraryId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '标准库标识须为小写英文、数字与连字符，如 lawyer');
export const sourceCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, '来源系统编码须为 2–40 位小写字母、数字、下划线或连字符');
export const mode = z.enum(['atomic', 'partial']);
export const cycle = z.enum(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly']);

/** Records per push: a source system with more sends several batches. */
export const PUSH_MAX_RECORDS = 5000;

export const batchView = z.object({
  id: z.uuid(),
  libraryId: z.string(),
  libraryName: z.string(),
  libraryVersion: z.number().int(),
  sourceId: z.number().int(),
  sourceCode: z.string(),
  sourceName: z.string(),
  orgId: z.number().int().nullable(),
  kind: z.enum(['file', 'push']),
  mode,
  status: z.enum(['running', 'completed', 'failed', 'rejected']),
  interrupted: z.boolean(),
  fileName: z.string().nullable(),
  fileSize: z.number().nullable(),
  format: z.string().nullable(),
  externalId: z.string().nullable(),
  read: z.number().int(),
  accepted: z.number().int(),
  cleansed: z.number().int(),
  rejected: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  bytesRead: z.number(),
  progress: z.number().nullable(),
  rate: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  unmappedHeaders: z.array(z.string()),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export const batchParams = z.strictObject({ id: z.uuid('批次号须为 UUID') });
export const batchListQuery = z.strictObject({
  ...pageQuery,
  library: libraryId.optional(),
  sourceId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  status: z.enum(['running', 'completed', 'failed', 'rejected']).optional(),
});

export const uploadQuery = z.strictObject({
  library: libraryId,
  source: sourceCode,
  mode: mode.default('partial'),
  fileName: plainText(200),
});

export const reportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const pushBody = z.strictObject({
  library: libraryId,
  source: sourceCode,
  batchId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, '批次号须为 1–64 位字母、数字或 _ . : -'),
  mode: mode.default('partial'),
  records: z.array(z.record(z.string().max(100), z.unknown())).min(1).max(PUSH_MAX_RECORDS),
});

const obligation = z.strictObject({
  libraryId,
  cycle,
  expectedRecords: z.number().int().min(0).max(1_000_000_000).nullable(),
});

export const sourceView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  orgId: z.number().int().nullable(),
  description: z.string(),
  libraries: z.array(z.object({ libraryId: z.string(), cycle, expectedRecords: z.number().int().nullable() })),
});

export const sourceCreateBody = z.strictObject({
  code: sourceCode,
  name: plainText(100),
  description: descriptionText(500).optional(),
  libraries: z.array(obligation).max(50),
});

export const sourcePatchBody = z.strictObject({
  name: plainText(100).optional(),
  description: descriptionText(500).optional(),
  libraries: z.array(obligation).max(50).optional(),
});

export const sourceParams = z.strictObject({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const coverageView = z.object({
  rows: z.array(z.object({
    sourceId: z.number().int(), sourceCode: z.string(), sourceName: z.string(), orgId: z.number().int().nullable(),
    libraryId: z.string(), libraryName: z.string(), cycle, cycleLabel: z.string(), expectedRecords: z.number().int().nullable(),
    heldRecords: z.number().int(), rate: z.number().nullable(), lastDeliveryAt: z.iso.datetime().nullable(), lastBatchId: z.string().nullable(), stale: z.boolean(),
  })),
  orgs: z.array(z.object({ orgId: z.number().int().nullable(), obligations: z.number().int(), stale: z.number().int(), held: z.number().int(), expected: z.number().int(), rate: z.number().nullable() })),
  generatedAt: z.iso.datetime(),
});

const lineage = z.object({
  sourceCode: z.string(), sourceName: z.string(), batchId: z.uuid(), rowNo: z.number().int(), sheet: z.string().nullable(),
  receivedAt: z.iso.datetime(), contentHash: z.string(), libraryVersion: z.number().int(),
});

export const recordView = z.object({
  /** Reference for the detail route (the record's content hash). */
  ref: z.string(),
  /** The business key for display, personal parts masked. */
  businessKey: z.string(),
  /** The record as stored, ID numbers and phones masked. */
  data: z.record(z.string(), z.unknown()),
  /** Values as the source wrote them before cleansing (masked the same way); null when none was cleansed. */
  cleansed: z.record(z.string(), z.unknown()).nullable(),
  lineage,
});

export const recordDetail = recordView.extend({
  history: z.array(recordView.extend({ supersededAt: z.iso.datetime(), supersededBy: z.uuid() })),
});

export const recordListQuery = z.strictObject({
  ...pageQuery,
  library: libraryId,
  key: z.string().max(100).regex(/^[^\u0000-\u001f]*$/, '不能包含控制字符').optional(),
});

export const recordParams = z.strictObject({ library: libraryId, ref: z.string().regex(/^[0-9a-f]{64}$/, '记录引用须为 64 位十六进制') });
