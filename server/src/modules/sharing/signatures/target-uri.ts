/**
 * Rebuilds the target URI (RFC 9110 §7.1) that the sender signed as "@target-uri", from what
 * reaches Fastify: scheme, Host and the request-target.
 *
 * The request-target is taken raw — `request.raw.url` (or `originalUrl` if a rewriteUrl hook
 * changed it), never a parsed, decoded or re-serialized URL. The sender signs the bytes it sends,
 * and Chinese in a query string travels percent-encoded: `?purpose=%E5%BE%8B%E5%B8%88`. Decoding
 * gives `律师`, re-encoding may give `%e5%be%8b…` or leave `'` and `~` differently escaped, and
 * WHATWG URL parsing also resolves `/a/../b` — each yields a different signature base and a valid
 * signature would fail (or, worse, two different requests would share one base).
 *
 * Scheme: Fastify's `request.protocol`, which is the socket's (http unless TLS ends in Node) or,
 * from a proxy listed in TRUST_PROXY, X-Forwarded-Proto. When TLS ends at a proxy that does not
 * send it, configure the public scheme with `opts.scheme`. Host: Fastify's `request.host` — the
 * Host header, or X-Forwarded-Host from a trusted proxy — as sent, port included.
 */

export interface ReceivedRequest {
  protocol: string;
  host: string;
  raw: { url?: string | undefined; originalUrl?: string | undefined };
}

export interface TargetUriOptions {
  /** The public scheme, overriding what the connection says. */
  scheme?: 'http' | 'https';
}

// RFC 3986 §3.2.2–3.2.3: an IP literal or reg-name (percent-encoded bytes allowed), optional port.
const HOST = /^(?:\[[0-9A-Za-z:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]+)(?::[0-9]*)?$/;
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/** The target URI, or null when the request has none that can be signed (no Host, `*` form…). */
export function targetUriOf(req: ReceivedRequest, opts: TargetUriOptions = {}): string | null {
  const target = req.raw.originalUrl ?? req.raw.url;
  if (!target) return null;
  // RFC 9112 §3.3: a request in absolute form names its target URI itself; Host is ignored.
  if (ABSOLUTE_FORM.test(target)) return target;
  // Origin form is the only other form a resource request may take (RFC 9112 §3.2.1).
  if (!target.startsWith('/')) return null;
  const scheme = (opts.scheme ?? req.protocol).toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  if (!HOST.test(req.host)) return null;
  return `${scheme}://${req.host}${target}`;
}
