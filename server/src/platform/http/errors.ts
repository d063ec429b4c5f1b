/**
 * Errors are data: a stable SCREAMING_SNAKE code, an HTTP status and a Chinese message for people.
 * Every module declares its codes with `defineErrors`; the registry lets a test check that
 * docs/errors.md lists exactly the codes that exist (DESIGN §4).
 */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

const registry = new Map<string, ErrorSpec>();

export interface ErrorDetail {
  field?: string;
  /** Line of an uploaded file (header = 1). */
  row?: number;
  /** A finer code for one detail, e.g. DIVISION_PARENT_MISSING inside ORG_IMPORT_INVALID. */
  code?: string;
  message: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: string, spec: ErrorSpec, message?: string, details?: ErrorDetail[]) {
    super(message ?? spec.message);
    this.name = 'AppError';
    this.code = code;
    this.status = spec.status;
    this.details = details;
  }
}

export type ErrorFactory = (message?: string, details?: ErrorDetail[]) => AppError;

/** Declares a module's error codes once and returns a factory per code. */
export function defineErrors<K extends string>(specs: Record<K, ErrorSpec>): Record<K, ErrorFactory> {
  const out = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(specs) as K[]) {
    const spec = specs[code];
    const existing = registry.get(code);
    if (existing && (existing.status !== spec.status || existing.message !== spec.message)) {
      throw new Error(`error code ${code} defined twice with different meaning`);
    }
    registry.set(code, spec);
    out[code] = (message, details) => new AppError(code, spec, message, details);
  }
  return out;
}

export function registeredErrorCodes(): ReadonlyMap<string, ErrorSpec> {
  return registry;
}

/** Codes of the HTTP layer itself: malformed requests, authentication, authorization. */
export const httpErrors = defineErrors({
  VALIDATION_FAILED: { status: 400, message: '请求参数不符合要求' },
  BODY_MALFORMED: { status: 400, message: '请求体不是合法的 JSON' },
  REQUEST_MALFORMED: { status: 400, message: '请求格式无法解析（地址中的中文等字符须经 URL 编码）' },
  BODY_TOO_LARGE: { status: 413, message: '请求体过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  RESOURCE_CONFLICT: { status: 409, message: '数据已存在或已被他人同时修改，请刷新后重试' },
  INTERNAL_ERROR: { status: 500, message: '系统内部错误，请凭请求编号联系管理员' },
  AUTH_REQUIRED: { status: 401, message: '请先登录' },
  AUTH_SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录、密码已重置或密码已使用超过 90 天，请先修改密码' },
  AUTHZ_FORBIDDEN: { status: 403, message: '没有执行该操作的权限' },
});
