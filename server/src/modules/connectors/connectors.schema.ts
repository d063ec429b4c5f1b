import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.ts';
import { plainText } from '../../platform/http/text.ts';
import { SCHEDULES } from './connectors.tables.ts';

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,39}$/, '连接器编码须为 2–40 位小写字母、数字、下划线或连字符（同时用作来源系统编码）');
const libraryId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, '标准库标识须为小写英文、数字与连字符，如 civil-servant');
/** A JSON path in the agency's answer: names (CJK allowed: some agencies key by 中文) joined by dots. */
const jsonPath = z.string().max(200).regex(/^[A-Za-z0-9_$\u4e00-\u9fa5-]+(\.[A-Za-z0-9_$\u4e00-\u9fa5-]+)*$/, '路径须为以点分隔的字段名，如 data.rows');
const param = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, '参数名须为字母开头的 1–40 位字母、数字或 _ . -');
const httpHeader = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, '请求头名须为字母开头的字母、数字或连字符')
  .refine((h) => !['host', 'content-length', 'connection', 'transfer-encoding', 'accept'].includes(h.toLowerCase()), { message: '不能使用该请求头' });
/** API keys and HMAC secrets as agencies issue them (base64, hex, url-safe tokens). */
const secret = z.string().regex(/^[A-Za-z0-9._~+/=-]{8,512}$/, '密钥须为 8–512 位字母、数字或 . _ ~ + / = -');

const baseUrl = z
  .string()
  .max(300)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '' && u.search === '' && u.hash === '' && !/[<>"'`;\\\s]/.test(s);
    } catch {
      return false;
    }
  }, { message: '须为 http(s) 地址，不含账号、查询参数或 #（凭据另行填写）' });
const endpoint = z.string().max(300).regex(/^\/[A-Za-z0-9/_.~%-]*$/, '接口路径须以 / 开头，只含字母、数字与 / _ . ~ % -');

export const authInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('api-key'), header: httpHeader, prefix: z.string().max(20).regex(/^[A-Za-z0-9 _-]*$/, '前缀只能含字母、数字、空格、_ -').default('') }),
  z.strictObject({ kind: z.literal('hmac-sha256'), accessKey: z.string().regex(/^[A-Za-z0-9_.-]{1,128}$/, '访问密钥 ID 须为 1–128 位字母、数字或 _ . -') }),
]);

const size = z.number().int().min(1).max(1000);
export const pagingInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('page'), pageParam: param, sizeParam: param, firstPage: z.number().int().min(0).max(1).default(1), size, itemsPath: jsonPath,
    totalPath: jsonPath.nullable().default(null),
  }),
  z.strictObject({ kind: z.literal('cursor'), cursorParam: param, sizeParam: param, size, itemsPath: jsonPath, nextPath: jsonPath }),
]);

export const envelopeInput = z.strictObject({
  codePath: jsonPath,
  okValues: z.array(z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, '成功代码须为 1–40 位字母、数字或 _ . -')).min(1).max(10),
  messagePath: jsonPath.nullable().default(null),
});

const valueCode = z.string().regex(/^[A-Za-z0-9_.\u4e00-\u9fa5-]{1,40}$/, '代码须为 1–40 位字母、数字、汉字或 _ . -');
export const fieldMapInput = z.strictObject({
  field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, '字段须为标准库的字段键，如 idNumber'),
  from: z.array(jsonPath).min(1).max(5),
  values: z.record(valueCode, plainText(100)).refine((m) => Object.keys(m).length <= 200, { message: '代码对照最多 200 项' }).nullable().default(null),
});
export const mappingInput = z.array(z.strictObject({ fields: z.array(fieldMapInput).min(1).max(60) })).min(1).max(4);

const common = {
  name: plainText(100),
  agency: plainText(100),
  baseUrl,
  endpoint,
  auth: authInput,
  paging: pagingInput,
  envelope: envelopeInput.nullable().default(null),
  mapping: mappingInput,
  schedule: z.enum(SCHEDULES).default('manual'),
  timeoutMs: z.number().int().min(1000).max(300_000).default(30_000),
};

export const connectorCreateBody = z.strictObject({ code, libraryId, ...common, secret });
export const connectorUpdateBody = z.strictObject({ ...common, secret: secret.optional(), status: z.enum(['active', 'paused']) });
export type ConnectorCreateInput = z.infer<typeof connectorCreateBody>;
export type ConnectorUpdateInput = z.infer<typeof connectorUpdateBody>;

export const listQuery = z.strictObject({ ...pageQuery });

const authView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api-key'), header: z.string(), prefix: z.string() }),
  z.object({ kind: z.literal('hmac-sha256'), accessKey: z.string() }),
]);

export const runView = z.object({
  id: z.number().int(),
  connectorId: z.number().int(),
  trigger: z.enum(['manual', 'schedule', 'cli']),
  status: z.enum(['running', 'completed', 'failed']),
  /** Running, but in no live process and silent for a while: the next pull resumes it. */
  interrupted: z.boolean(),
  pagesFetched: z.number().int(),
  pagesLanded: z.number().int(),
  pagesSkipped: z.number().int(),
  itemsRead: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  retries: z.number().int(),
  lastBatchId: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  startedBy: z.number().int().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const connectorView = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  agency: z.string(),
  orgId: z.number().int().nullable(),
  sourceId: z.number().int(),
  libraryId: z.string(),
  libraryName: z.string(),
  baseUrl: z.string(),
  endpoint: z.string(),
  auth: authView,
  /** The secret is never shown; only that one is held. */
  secretSet: z.boolean(),
  paging: pagingInput,
  envelope: envelopeInput.nullable(),
  mapping: z.array(z.object({ fields: z.array(z.object({ field: z.string(), label: z.string(), from: z.array(z.string()), values: z.record(z.string(), z.string()).nullable() })) })),
  schedule: z.enum(SCHEDULES),
  timeoutMs: z.number().int(),
  status: z.enum(['active', 'paused']),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastRun: runView.nullable(),
});

export const connectorDetail = connectorView.extend({ runs: z.array(runView) });
