import { serializeInnerList, serializeItem, type InnerList, type Item } from './structured-fields.ts';

/**
 * The signature base of RFC 9421 §2.5: one line per covered component, `"name": value`, then the
 * `"@signature-params"` line, joined by LF with no trailing newline. Signer and verifier both call
 * this, so a difference in the bytes can only come from the message, never from two builders.
 *
 * Supported components (for requests):
 *   @method, @target-uri, @authority, @scheme, @path, @query (§2.2), and HTTP fields by their
 *   lower-cased name (§2.1). Component parameters (sf, key, bs, req, tr, name) are not supported
 *   and fail, as §2.5 requires for parameters an implementation does not understand; so do
 *   @request-target (its value depends on how a proxy rewrote the request line) and @query-param.
 */

export interface SignableRequest {
  method: string;
  /** The absolute target URI as received (see target-uri.ts), never decoded or re-encoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type SignatureBaseFailure =
  /** The identifier is not something this profile signs (unknown, has parameters, upper case). */
  | 'unsupported'
  /** The same component is listed twice (§2.5 step 1.1 forbids it). */
  | 'duplicate'
  /** A covered field is not in the message, or the target URI has no such part. */
  | 'absent'
  /** A value holds a character the base cannot carry unambiguously (see asciiValue). */
  | 'non-ascii';

export class SignatureBaseError extends Error {
  constructor(
    readonly reason: SignatureBaseFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SignatureBaseError';
  }
}

const DERIVED = new Set(['@method', '@target-uri', '@authority', '@scheme', '@path', '@query']);
/** RFC 9110 §5.1 field-name = token, lower-cased as §2.1 asks of component names. */
const FIELD_NAME = /^[!#$%&'*+\-.^_`|~0-9a-z]+$/;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

/** The covered components' names, checked: lower-case strings without parameters, no repeats. */
export function coveredNames(covered: InnerList): string[] {
  const seen = new Set<string>();
  return covered.items.map((component) => {
    const name = componentName(component);
    if (seen.has(name)) throw new SignatureBaseError('duplicate', `签名覆盖的组件 ${name} 重复出现`);
    seen.add(name);
    return name;
  });
}

function componentName(component: Item): string {
  if (component.value.kind !== 'string') throw new SignatureBaseError('unsupported', '签名覆盖的组件名应为字符串');
  const name = component.value.value;
  if (component.params.size > 0) {
    throw new SignatureBaseError('unsupported', `不支持带参数的组件：${serializeItem(component)}`);
  }
  if (name.startsWith('@')) {
    if (!DERIVED.has(name)) throw new SignatureBaseError('unsupported', `不支持的派生组件：${name}`);
  } else if (!FIELD_NAME.test(name)) {
    throw new SignatureBaseError('unsupported', `组件名应为小写的 HTTP 字段名：${name}`);
  }
  return name;
}

/** Builds the base for `covered` — the inner list exactly as it appears in Signature-Input. */
export function signatureBase(req: SignableRequest, covered: InnerList): string {
  // Components carry no parameters here, so each identifier serializes as its quoted name.
  const lines = coveredNames(covered).map((name) => `${serializeItem(itemOf(name))}: ${componentValue(req, name)}`);
  lines.push(`"@signature-params": ${serializeInnerList(covered)}`);
  return lines.join('\n');
}

function itemOf(name: string): Item {
  return { type: 'item', value: { kind: 'string', value: name }, params: new Map() };
}

export function componentValue(req: SignableRequest, name: string): string {
  if (!name.startsWith('@')) return asciiValue(name, fieldValue(req.headers, name));
  if (name === '@method') return asciiValue(name, req.method);
  const uri = parseTargetUri(req.url);
  switch (name) {
    case '@target-uri':
      return asciiValue(name, req.url);
    case '@scheme':
      return uri.scheme.toLowerCase();
    case '@authority':
      return asciiValue(name, authorityOf(uri));
    // §2.2.6: an empty path is "/", and the path stays percent-encoded exactly as sent.
    case '@path':
      return asciiValue(name, uri.path || '/');
    // §2.2.7: "?" plus the query as sent; a request without a query signs a lone "?".
    case '@query':
      return asciiValue(name, `?${uri.query ?? ''}`);
    default:
      throw new SignatureBaseError('unsupported', `不支持的派生组件：${name}`);
  }
}

/**
 * §2.1: all field lines of the name, each with leading and trailing whitespace removed and any
 * obsolete line folding replaced by one space, joined by ", " in the order received.
 */
export function fieldValue(headers: SignableRequest['headers'], name: string): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    for (const line of Array.isArray(value) ? value : [value]) {
      lines.push(line.replace(/[ \t]*\r?\n[ \t]+/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''));
    }
  }
  if (lines.length === 0) throw new SignatureBaseError('absent', `签名覆盖的字段 ${name} 不在请求中`);
  return lines.join(', ');
}

/**
 * Header values reach us as JavaScript strings whose bytes depend on the HTTP stack (Node reads
 * them as Latin-1, fetch refuses anything else, other languages use UTF-8), so a non-ASCII value
 * would sign different bytes on the two sides. RFC 9421 offers the `bs` parameter (§2.1.3) for
 * such fields; tianping instead asks senders to percent-encode (e.g. tp-purpose), which keeps
 * every value ASCII and readable in logs. Control characters other than tab would break the
 * line structure of the base, so they fail too.
 */
function asciiValue(name: string, value: string): string {
  if (!/^[\t\x20-\x7e]*$/.test(value)) {
    throw new SignatureBaseError('non-ascii', `签名覆盖的组件 ${name} 含非 ASCII 字符，请先进行百分号编码（UTF-8）`);
  }
  return value;
}

export interface TargetUriParts {
  scheme: string;
  authority: string;
  path: string;
  query: string | null;
}

/**
 * Splits an absolute http(s) URI by the generic syntax (RFC 3986 §3) without normalizing
 * anything: WHATWG URL would re-encode characters and resolve dot segments, changing the bytes
 * the sender signed.
 */
export function parseTargetUri(url: string): TargetUriParts {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?$/.exec(url);
  if (!m || m[2] === undefined || m[2] === '' || m[2].includes('@')) {
    throw new SignatureBaseError('absent', '目标地址不是不含用户信息和片段的绝对 URI');
  }
  return { scheme: m[1] ?? '', authority: m[2], path: m[3] ?? '', query: m[4] ?? null };
}

/** §2.2.3: the host in lower case and the port only when it is not the scheme's default. */
function authorityOf(uri: TargetUriParts): string {
  const m = /^(\[[^\]]*\]|[^:]*)(?::([0-9]*))?$/.exec(uri.authority);
  if (!m) throw new SignatureBaseError('absent', `目标地址的主机部分不正确：${uri.authority}`);
  const host = (m[1] ?? '').toLowerCase();
  const port = m[2] ?? '';
  return port === '' || port === DEFAULT_PORT[uri.scheme.toLowerCase()] ? host : `${host}:${port}`;
}
