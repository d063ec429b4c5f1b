/**
 * A thin fetch wrapper over /api/v1; the shapes it returns are typed in types.ts from the generated
 * schema. The session is an httpOnly cookie, so requests carry `credentials: 'same-origin'` and no
 * token.
 */
export interface ErrorDetail {
  field?: string;
  /** Line in an uploaded file (header = 1; 0 = the whole file). */
  row?: number;
  /** A finer code for this detail, e.g. DIVISION_PARENT_MISSING inside ORG_IMPORT_INVALID. */
  code?: string;
  message: string;
}

/** The server's one error shape `{code,message,requestId,details?}`, thrown. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: ErrorDetail[];

  constructor(status: number, code: string, message: string, requestId?: string, details?: ErrorDetail[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details ?? [];
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

type UnauthorizedListener = (error: ApiError, path: string) => void;
let onUnauthorized: UnauthorizedListener | undefined;

/** The auth context registers here to send the user to the login page on any 401. */
export function setUnauthorizedListener(listener: UnauthorizedListener | undefined): void {
  onUnauthorized = listener;
}

/** The URL of an API path, for a plain link (a download: the session cookie goes with it). */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (body && typeof body === 'object' && 'code' in body && 'message' in body) {
    const e = body as { code: string; message: string; requestId?: string; details?: ErrorDetail[] };
    return new ApiError(response.status, e.code, e.message, e.requestId, e.details);
  }
  return new ApiError(response.status, 'HTTP_ERROR', `服务暂不可用（HTTP ${response.status}），请稍后再试`);
}

/** A body sent as it is (a file's bytes), not as JSON. */
interface RawBody {
  data: Blob;
  contentType: string;
}

function requestBody(options: { body?: unknown; raw?: RawBody }): { headers: Record<string, string>; body?: BodyInit } {
  if (options.raw) return { headers: { accept: 'application/json', 'content-type': options.raw.contentType }, body: options.raw.data };
  if (options.body === undefined) return { headers: { accept: 'application/json' } };
  return { headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(options.body) };
}

async function request<T>(method: string, path: string, options: { query?: Query; body?: unknown; raw?: RawBody } = {}): Promise<T> {
  let response: Response;
  try {
    const { headers, body } = requestBody(options);
    response = await fetch(buildUrl(path, options.query), { method, credentials: 'same-origin', headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) onUnauthorized?.(error, path);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file's raw bytes (e.g. a CSV as `text/csv`), with `query` in the URL; errors come back as for any other call. */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) => request<T>('POST', path, { query, raw: { data: file, contentType } }),
};
