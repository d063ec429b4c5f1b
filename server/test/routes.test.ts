import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { API, expectError } from './helpers.ts';

/**
 * DESIGN §4 "every route declares a permission or is explicitly public (a test enumerates
 * routes)", the 401 for anonymous callers on each of them, and the health probe.
 */

/** The only routes open to anonymous callers; adding one is a deliberate change of this list. */
const PUBLIC_ROUTES = [
  'GET /api/v1/health',
  'POST /api/v1/auth/login',
  // A transparency log is checked by anyone: checkpoints, keys and proofs hold hashes only.
  'GET /api/v1/ledger/logs/:name/checkpoint',
  'GET /api/v1/ledger/logs/:name/checkpoints/:size',
  'GET /api/v1/ledger/logs/:name/keys',
  'GET /api/v1/ledger/logs/:name/proofs/inclusion',
  'GET /api/v1/ledger/logs/:name/proofs/consistency',
  // Witnesses authenticate by their registered key, not a session.
  'POST /api/v1/ledger/logs/:name/checkpoints/:size/cosignatures',
  // Other agencies' systems sign each request (RFC 9421) with their registered key.
  'GET /api/v1/share/:resource',
  'POST /api/v1/share/:resource/verify',
  'GET /api/v1/share/:resource/changes',
];

let tp: TestApp;
let staff: string;

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
/** Any value for every path parameter: the guard must answer before parameters are looked at. */
const anyPath = (url: string) => url.replace(/:[A-Za-z]+/g, '1');
const hasBody = (method: string) => ['POST', 'PUT', 'PATCH'].includes(method);

beforeAll(async () => {
  tp = await createTestApp();
  staff = await tp.login('xihu_staff');
});

afterAll(async () => {
  await tp?.destroy();
});

describe('route inventory', () => {
  it('every /api route declares a permission, signedIn or public', () => {
    expect(tp.routes.length).toBeGreaterThan(10);
    const undeclared = tp.routes.filter((r) => !r.permission && !r.public && !r.signedIn).map(key);
    expect(undeclared).toEqual([]);
    // A route is one of the three, never a mix that leaves doubt about what it needs.
    const mixed = tp.routes.filter((r) => r.public && (r.permission || r.signedIn)).map(key);
    expect(mixed).toEqual([]);
  });

  it('the public routes are exactly the listed ones', () => {
    expect(tp.routes.filter((r) => r.public).map(key).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('tp.routes is complete: it matches the routes in the OpenAPI document', () => {
    const doc = tp.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const method of Object.keys(ops)) documented.push(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    expect(tp.routes.map(key).sort()).toEqual(documented.sort());
  });
});

describe('anonymous callers get 401 AUTH_REQUIRED on every non-public route', () => {
  const cases = () => tp.routes.filter((r) => !r.public);

  it('without a token, with an empty (invalid) body where the route takes one', async () => {
    for (const r of cases()) {
      const res = await tp.app.inject({ method: r.method as 'GET', url: anyPath(r.url), ...(hasBody(r.method) ? { payload: {} } : {}) });
      expect({ route: key(r), status: res.statusCode, code: (res.json() as { code: string }).code }).toEqual({ route: key(r), status: 401, code: 'AUTH_REQUIRED' });
    }
  });

  it('with a forged bearer token or session cookie', async () => {
    for (const r of cases()) {
      for (const headers of [{ authorization: 'Bearer not-a-real-token' }, { cookie: 'tp_session=not-a-real-token' }]) {
        const res = await tp.app.inject({ method: r.method as 'GET', url: anyPath(r.url), headers });
        expect({ route: key(r), status: res.statusCode, code: (res.json() as { code: string }).code }).toEqual({ route: key(r), status: 401, code: 'AUTH_REQUIRED' });
      }
    }
  });

  it('also when the path is spelled with percent-escapes the router decodes (/%61pi/…)', async () => {
    for (const r of cases()) {
      const spelled = anyPath(r.url).replace(/^\/api\//, '/%61pi/');
      const res = await tp.app.inject({ method: r.method as 'GET', url: spelled });
      expect({ route: key(r), status: res.statusCode }).toEqual({ route: key(r), status: 401 });
    }
  });

  it('a malformed or oversized body does not get past the guard either', async () => {
    for (const r of cases().filter((c) => hasBody(c.method))) {
      const bad = await tp.app.inject({ method: r.method as 'POST', url: anyPath(r.url), payload: '{"oops', headers: { 'content-type': 'application/json' } });
      expectError(bad, 401, 'AUTH_REQUIRED');
    }
  });
});

describe('a signed-in user without the permission gets 403 before validation', () => {
  it('for every permission route the staff role lacks', async () => {
    const me = await tp.as(staff, { method: 'GET', url: `${API}/auth/me` });
    const held = new Set((me.json() as { user: { permissions: string[] } }).user.permissions);
    const lacking = tp.routes.filter((r) => r.permission && !held.has(r.permission));
    expect(lacking.length).toBeGreaterThan(5);
    for (const r of lacking) {
      const res = await tp.as(staff, { method: r.method as 'GET', url: anyPath(r.url), ...(hasBody(r.method) ? { payload: {} } : {}) });
      expect({ route: key(r), status: res.statusCode, code: (res.json() as { code: string }).code }).toEqual({ route: key(r), status: 403, code: 'AUTHZ_FORBIDDEN' });
    }
  });
});

describe('public routes and unknown routes', () => {
  it('GET /api/v1/health → {status: ok, database} matching DATABASE_URL', async () => {
    const res = await tp.app.inject({ method: 'GET', url: `${API}/health` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
    expect(tp.database.kind).toBe(process.env.DATABASE_URL ? 'postgresql' : 'pglite');
  });

  it('a public route still answers with a stale session cookie', async () => {
    const res = await tp.app.inject({ method: 'GET', url: `${API}/health`, headers: { cookie: 'tp_session=stale' } });
    expect(res.statusCode).toBe(200);
  });

  it('an unknown /api route answers 404 ROUTE_NOT_FOUND in the one error shape', async () => {
    expectError(await tp.as(staff, { method: 'GET', url: `${API}/no-such-thing` }), 404, 'ROUTE_NOT_FOUND');
  });

  it('every response carries x-request-id, taken from the caller when it is a sane token', async () => {
    const given = await tp.app.inject({ method: 'GET', url: `${API}/health`, headers: { 'x-request-id': 'trace-abc.123' } });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const insane = await tp.app.inject({ method: 'GET', url: `${API}/health`, headers: { 'x-request-id': 'bad id <script>' } });
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
