import { defineErrors } from '../../../platform/http/errors.ts';

/**
 * The gateway answers every failed signature check with 401 and one of these codes (issue 5). The
 * codes are stable; verifyRequest returns them as data, and the route throws the matching error
 * with verifyRequest's more specific Chinese message.
 */
export const signatureErrors = defineErrors({
  SIG_MISSING: { status: 401, message: '请求未签名：缺少 Signature 或 Signature-Input 头' },
  SIG_MALFORMED: { status: 401, message: '签名头格式不正确' },
  SIG_COMPONENTS: { status: 401, message: '签名未覆盖必需的组件' },
  SIG_STALE: { status: 401, message: '签名已过期或签名时间不正确' },
  SIG_NONCE_MISSING: { status: 401, message: '签名缺少 nonce 参数' },
  SIG_REPLAY: { status: 401, message: '签名的 nonce 已使用过，疑似重放' },
  SIG_KEY_UNKNOWN: { status: 401, message: '签名密钥未登记' },
  SIG_ALG_MISMATCH: { status: 401, message: '签名算法与登记的密钥算法不符' },
  SIG_DIGEST_MISSING: { status: 401, message: '请求体缺少 Content-Digest 摘要' },
  SIG_DIGEST_MISMATCH: { status: 401, message: '请求体与 Content-Digest 摘要不符' },
  SIG_INVALID: { status: 401, message: '签名验证未通过' },
});

export type SignatureErrorCode = keyof typeof signatureErrors;
