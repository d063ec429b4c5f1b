import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, httpErrors, type ErrorDetail } from './errors.ts';

interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
  details?: ErrorDetail[];
}

function fieldOf(instancePath: string | undefined, params: unknown): string | undefined {
  const path = (instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  // zod reports an unknown key at the object's path; name the key itself. The provider passes
  // the zod issue's own fields (minus path, code, message) as `params`.
  const keys = (params as { keys?: unknown } | undefined)?.keys;
  if (Array.isArray(keys) && keys.length > 0) return [path, keys.join(',')].filter(Boolean).join('.');
  return path || undefined;
}

/** Maps anything thrown by a request to the one error shape (DESIGN §4). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext; // body | querystring | params | headers
    const details = fe.validation.map((v) => {
      const field = fieldOf(v.instancePath, v.params);
      return { field: field ?? where ?? '', message: v.message ?? '格式不正确' };
    });
    return httpErrors.VALIDATION_FAILED(undefined, details);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return httpErrors.BODY_MALFORMED();
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return httpErrors.BODY_TOO_LARGE();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return httpErrors.UNSUPPORTED_MEDIA_TYPE();
    default:
      break;
  }
  // A unique constraint caught what a service's own check could not see: a concurrent insert.
  // The services check first and answer their specific *_TAKEN code; this covers the race.
  if ((err as { code?: unknown }).code === '23505') return httpErrors.RESOURCE_CONFLICT();
  if (err instanceof SyntaxError && typeof fe.statusCode === 'number' && fe.statusCode === 400) {
    return httpErrors.BODY_MALFORMED();
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return httpErrors.VALIDATION_FAILED(fe.message ? `请求不正确：${fe.message}` : undefined);
  }
  return httpErrors.INTERNAL_ERROR();
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const appErr = toAppError(err);
  if (appErr.status >= 500) {
    req.log.error({ err }, 'unexpected error');
  } else {
    req.log.info({ code: appErr.code, status: appErr.status }, 'request rejected');
  }
  const body: ErrorBody = { code: appErr.code, message: appErr.message, requestId: req.id };
  // An unexpected error says nothing but the request id: its text may carry internals.
  if (appErr.details && appErr.status < 500) body.details = appErr.details;
  void reply.status(appErr.status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}
