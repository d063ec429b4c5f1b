import { defineErrors } from '../../../platform/http/errors.ts';

/**
 * What the sharing gateway answers other agencies' systems when it refuses a call (issue 5 points
 * 4 and 5). Signature failures keep their own `SIG_*` codes (signatures/signature.errors.ts).
 */
export const gatewayErrors = defineErrors({
  SHARE_CONSUMER_SUSPENDED: { status: 403, message: '调用方已停用，不能调用共享服务' },
  SHARE_PURPOSE_REQUIRED: { status: 400, message: '须在 Tp-Purpose 头中写明调用用途（UTF-8 百分号编码）' },
  SHARE_PURPOSE_INVALID: { status: 400, message: 'Tp-Purpose 头不是合法的 UTF-8 百分号编码，或超过 200 字' },
  SHARE_PURPOSE_MISMATCH: { status: 403, message: '声明的调用用途与授权用途不符' },
  SHARE_NO_GRANT: { status: 403, message: '调用方没有该资源的有效授权' },
  SHARE_QUERY_INVALID: { status: 400, message: '查询条件不正确：须且只须给出资源的一个查询字段' },
  SHARE_FIELD_NOT_GRANTED: { status: 403, message: '核验的字段不在授权范围内' },
  SHARE_CURSOR_INVALID: { status: 400, message: '订阅游标不正确' },
  SHARE_RATE_LIMITED: { status: 429, message: '调用过于频繁，超过授权的每秒调用次数' },
  SHARE_QUOTA_EXCEEDED: { status: 429, message: '已用完授权的当日调用次数' },
  SHARE_LOG_UNAVAILABLE: { status: 503, message: '调用日志暂时无法写入，共享服务暂停' },
});

export type GatewayErrorCode = keyof typeof gatewayErrors;
