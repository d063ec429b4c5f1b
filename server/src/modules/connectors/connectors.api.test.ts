import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnAgencySim, type RunningSim } from '../../../../sim/agencies/spawn.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { expectError, makeUser, orgId } from '../../../test/helpers.ts';
import { DEMO_AGENCY_CREDENTIALS, demoConnectorInputs } from './connectors.demo.ts';
import type { ConnectorCreateInput } from './connectors.schema.ts';
import type { ConnectorsModule } from './index.ts';
import { connectorsOf, keyDir, routesApp, waitFor } from './test-support.ts';

/** The connectors' routes: permissions, data scope, validation, secrets, runs and their failures. */

let sim: RunningSim;
let tp: TestApp;
let m: ConnectorsModule;
let app: FastifyInstance;
let dir: string;
const tokens: Record<string, string> = {};
const API = '/api/v1/connectors';

function call(user: string, opts: InjectOptions) {
  return app.inject({ ...opts, headers: { ...opts.headers, authorization: `Bearer ${tokens[user] ?? ''}` } });
}

const input = (code: string, overrides: Partial<ConnectorCreateInput> = {}): ConnectorCreateInput => {
  const base = demoConnectorInputs(sim.url).find((c) => c.code === 'minzheng-marriage');
  if (!base) throw new Error('no demo marriage connector');
  return { ...base, code, schedule: 'manual', ...overrides };
};

async function finished(user: string, id: number) {
  return waitFor('the run to end', async () => {
    const res = await call(user, { method: 'GET', url: `${API}/${id}` });
    const body = res.json() as { runs: { status: string }[] };
    return body.runs[0]?.status !== 'running' && body;
  });
}

beforeAll(async () => {
  sim = await spawnAgencySim({ args: ['--slow-ms', '800'] });
  tp = await createTestApp();
  dir = keyDir();
  m = connectorsOf(tp, dir);
  app = await routesApp(tp, m);
  const sec = await tp.login('secadmin');
  const { actor } = await tp.identity.auth.resolveSession(sec, { requestId: 'setup', ip: null, userAgent: null });
  const meta = { requestId: 'setup', ip: null, userAgent: null };
  await tp.identity.roles.create(actor, meta, { code: 'conn_admin', name: '接口连接器管理', permissions: ['menu:connectors', 'connectors:read', 'connectors:manage', 'connectors:run'], dataScope: 'subtree' });
  await tp.identity.roles.create(actor, meta, { code: 'conn_reader', name: '接口连接器查阅', permissions: ['menu:connectors', 'connectors:read'], dataScope: 'subtree' });
  await makeUser(tp, 'conn_zj', await orgId(tp, '330000', 'province_dept'), { roles: ['conn_admin'] });
  await makeUser(tp, 'conn_reader', await orgId(tp, '330000', 'province_dept'), { roles: ['conn_reader'] });
  await makeUser(tp, 'conn_hz', await orgId(tp, '330100', 'city_bureau'), { roles: ['conn_admin'] });
  for (const u of ['conn_zj', 'conn_reader', 'conn_hz', 'sysadmin']) tokens[u] = await tp.login(u);
});

afterAll(async () => {
  await m?.stop();
  await app?.close();
  await tp?.destroy();
  await sim?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('registering and changing connectors', () => {
  it('registers one; the secret is sealed, never shown, never audited', async () => {
    const res = await call('conn_zj', { method: 'POST', url: API, payload: input('mz-routes') });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { id: number; secretSet: boolean; libraryName: string; mapping: { fields: { field: string; label: string }[] }[]; runs: unknown[] };
    expect(body).toMatchObject({ secretSet: true, libraryName: '婚姻登记信息', runs: [] });
    expect(body.mapping[0]?.fields[0]).toEqual({ field: 'registrationNo', label: '婚姻登记证字号', from: ['djzh'], values: null });
    const key = DEMO_AGENCY_CREDENTIALS.minzheng.apiKey;
    expect(res.body).not.toContain(key);
    expect((await call('conn_zj', { method: 'GET', url: `${API}/${body.id}` })).body).not.toContain(key);
    const { rows } = await sql<{ secret_sealed: Buffer }>`select secret_sealed from conn_connectors where id = ${body.id}`.execute(tp.database.db);
    expect(rows[0]?.secret_sealed.includes(Buffer.from(key))).toBe(false);
    const audit = await sql<{ changes: unknown }>`select changes from audit_events where action = 'connectors.create' and target_id = ${String(body.id)}`.execute(tp.database.db);
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows)).not.toContain(key);
  });

  it('refuses an unknown library, an incomplete mapping, a bad address and a code in use, naming the problem', async () => {
    expectError(await call('conn_zj', { method: 'POST', url: API, payload: input('mz-bad', { libraryId: 'no-such-library' }) }), 400, 'CONN_CONFIG_INVALID');
    const incomplete = input('mz-bad', { mapping: [{ fields: [{ field: 'idNumber', from: ['nanf.zjhm'], values: null }] }] });
    const res = await call('conn_zj', { method: 'POST', url: API, payload: incomplete });
    expectError(res, 400, 'CONN_MAPPING_INVALID');
    expect((res.json() as { message: string }).message).toContain('必填字段“当事人姓名”（name）没有映射来源');
    expectError(await call('conn_zj', { method: 'POST', url: API, payload: input('mz-bad', { baseUrl: 'http://user:pw@example.org' }) }), 400, 'VALIDATION_FAILED');
    expectError(await call('conn_zj', { method: 'POST', url: API, payload: { ...input('mz-bad'), secret: "'; drop table users; --" } }), 400, 'VALIDATION_FAILED');
    expectError(await call('conn_zj', { method: 'POST', url: API, payload: input('mz-routes') }), 409, 'CONN_CODE_TAKEN');
    // A source system registered by other means holds the code too.
    expectError(await call('conn_zj', { method: 'POST', url: API, payload: input('zj-lawyer') }), 409, 'CONN_CODE_TAKEN');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from conn_connectors where code = 'mz-bad'`.execute(tp.database.db);
    expect(rows[0]?.n).toBe(0);
  });

  it('changes one; the secret stays unless a new one is given', async () => {
    const id = (await m.connectors.byCode(null, 'mz-routes')).id;
    const { code: _code, libraryId: _lib, secret: _secret, ...rest } = input('mz-routes');
    const res = await call('conn_zj', { method: 'PUT', url: `${API}/${id}`, payload: { ...rest, name: '民政婚姻登记（改）', schedule: 'daily', status: 'active' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '民政婚姻登记（改）', schedule: 'daily' });
    const run = await m.pull('mz-routes');
    expect(run).toMatchObject({ status: 'completed' });
    const audit = await sql<{ changes: { secretChanged: boolean; changed: string[] } }>`select changes from audit_events where action = 'connectors.update' and target_id = ${String(id)}`.execute(tp.database.db);
    expect(audit.rows[0]?.changes).toMatchObject({ secretChanged: false, changed: ['name', 'schedule'] });
  });

  it('needs connectors:manage to register and connectors:run to pull; a reader reads', async () => {
    expectError(await call('conn_reader', { method: 'POST', url: API, payload: input('mz-reader') }), 403, 'AUTHZ_FORBIDDEN');
    const id = (await m.connectors.byCode(null, 'mz-routes')).id;
    expectError(await call('conn_reader', { method: 'POST', url: `${API}/${id}/runs` }), 403, 'AUTHZ_FORBIDDEN');
    expect((await call('conn_reader', { method: 'GET', url: `${API}/${id}` })).statusCode).toBe(200);
    // 三员分立: no administrator holds a business permission.
    expectError(await call('sysadmin', { method: 'GET', url: API }), 403, 'AUTHZ_FORBIDDEN');
  });

  it('keeps a connector within its org: a city sees its own, not the province\'s', async () => {
    const hz = await call('conn_hz', { method: 'POST', url: API, payload: input('mz-hz') });
    expect(hz.statusCode, hz.body).toBe(200);
    const provinceId = (await m.connectors.byCode(null, 'mz-routes')).id;
    const list = (await call('conn_hz', { method: 'GET', url: API })).json() as { items: { code: string }[]; total: number };
    expect(list).toMatchObject({ total: 1, items: [{ code: 'mz-hz' }] });
    expectError(await call('conn_hz', { method: 'GET', url: `${API}/${provinceId}` }), 404, 'CONN_NOT_FOUND');
    expectError(await call('conn_hz', { method: 'PUT', url: `${API}/${provinceId}`, payload: { ...input('x'), code: undefined, libraryId: undefined, status: 'active' } }), 404, 'CONN_NOT_FOUND');
    expectError(await call('conn_hz', { method: 'POST', url: `${API}/${provinceId}/runs` }), 404, 'CONN_NOT_FOUND');
    const zj = (await call('conn_zj', { method: 'GET', url: `${API}?pageSize=500` })).json() as { items: { code: string }[]; total: number };
    expect(zj.items.map((c) => c.code).filter((c) => c.startsWith('mz-')).sort()).toEqual(['mz-hz', 'mz-routes']);
    const first = (await call('conn_zj', { method: 'GET', url: `${API}?pageSize=1` })).json() as { items: unknown[]; total: number };
    expect(first).toMatchObject({ total: zj.total, items: [zj.items[0]] });
  });
});

describe('running a pull from the console', () => {
  it('answers 202 with the run, which goes on in the background and lands the records', async () => {
    // 自然资源's second page is slow (800 ms): the run is surely still going when asked again.
    const zrzy = demoConnectorInputs(sim.url).find((c) => c.code === 'zrzy-real-estate') as ConnectorCreateInput;
    const created = (await call('conn_zj', { method: 'POST', url: API, payload: { ...zrzy, code: 'zrzy-run' } })).json() as { id: number };
    const res = await call('conn_zj', { method: 'POST', url: `${API}/${created.id}/runs` });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ connectorId: created.id, status: 'running', trigger: 'manual', interrupted: false });
    expectError(await call('conn_zj', { method: 'POST', url: `${API}/${created.id}/runs` }), 409, 'CONN_RUN_IN_PROGRESS');
    const body = await finished('conn_zj', created.id);
    expect((body as { runs: { status: string; pagesFetched: number }[] }).runs[0]).toMatchObject({ status: 'completed', pagesFetched: 4 });
    const { rows } = await sql<{ actor_username: string }>`select actor_username from audit_events where action = 'connectors.run.start' and target_id = ${String((res.json() as { id: number }).id)}`.execute(tp.database.db);
    expect(rows).toEqual([{ actor_username: 'conn_zj' }]);
  });

  it('refuses to pull a paused connector', async () => {
    const id = ((await call('conn_zj', { method: 'POST', url: API, payload: input('mz-run') })).json() as { id: number }).id;
    const { code: _code, libraryId: _lib, secret: _secret, ...rest } = input('mz-run');
    expect((await call('conn_zj', { method: 'PUT', url: `${API}/${id}`, payload: { ...rest, status: 'paused' } })).statusCode).toBe(200);
    expectError(await call('conn_zj', { method: 'POST', url: `${API}/${id}/runs` }), 409, 'CONN_PAUSED');
  });

  it('wrong credentials: the run fails with a Chinese message saying which agency refused what, and stays on record', async () => {
    const wrongKey = (await call('conn_zj', { method: 'POST', url: API, payload: input('mz-wrong-key', { secret: 'not-the-key-2026' }) })).json() as { id: number };
    expect((await call('conn_zj', { method: 'POST', url: `${API}/${wrongKey.id}/runs` })).statusCode).toBe(202);
    const failed = (await finished('conn_zj', wrongKey.id)) as { runs: { status: string; errorCode: string; errorMessage: string; pagesFetched: number; retries: number }[] };
    expect(failed.runs[0]).toMatchObject({ status: 'failed', errorCode: 'CONN_REMOTE_AUTH', pagesFetched: 0, retries: 0 });
    expect(failed.runs[0]?.errorMessage).toBe('浙江省民政厅接口拒绝了本系统的凭据（HTTP 401：API Key 无效或已停用），请核对连接器的 API Key');

    // 公安's gateway says it inside an HTTP 200, in its own result code.
    const gongan = demoConnectorInputs(sim.url).find((c) => c.code === 'gongan-death');
    const wrongSecret = await m.connectors.create({ system: 'test' }, null, { ...(gongan as ConnectorCreateInput), code: 'ga-wrong-secret', secret: 'not-the-secret-2026', schedule: 'manual' });
    const run = await m.pull('ga-wrong-secret');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'CONN_REMOTE_REFUSED', errorMessage: '浙江省公安厅接口返回错误（代码 4010）：签名校验失败（X-Ca-Signature 不匹配）' });
    expect((await m.connectors.get(null, wrongSecret.id)).runs).toHaveLength(1);
    const { rows } = await sql<{ result: string; changes: { error: string } }>`select result, changes from audit_events where action = 'connectors.run.finish' and target_id = ${String(run.id)}`.execute(tp.database.db);
    expect(rows).toEqual([{ result: 'failure', changes: expect.objectContaining({ error: 'CONN_REMOTE_REFUSED' }) }]);
  });

  it('an agency that cannot be reached: retried, then failed as unavailable', async () => {
    // A port that was free a moment ago: nothing listens there.
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    await m.connectors.create({ system: 'test' }, null, input('mz-nowhere', { baseUrl: `http://127.0.0.1:${port}` }));
    const run = await m.pull('mz-nowhere');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'CONN_REMOTE_UNAVAILABLE', retries: 2 });
    expect(run.errorMessage).toBe('浙江省民政厅接口连续 3 次请求失败（最后一次：无法连接（连接被拒绝，ECONNREFUSED）），稍后再试');
  });

  it('a failure that asking again cannot mend (a port fetch refuses, a redirect) fails at once, without retries', async () => {
    await m.connectors.create({ system: 'test' }, null, input('mz-bad-port', { baseUrl: 'http://127.0.0.1:9' }));
    const run = await m.pull('mz-bad-port');
    expect(run).toMatchObject({ status: 'failed', errorCode: 'CONN_REMOTE_UNAVAILABLE', retries: 0 });
    expect(run.errorMessage).toBe('无法连接浙江省民政厅接口（端口被 fetch 标准禁用（如 9、25、6000），请改用其他端口）');
    // A redirect is not followed: the key in X-Api-Key would go along to wherever it points.
    const redirecting = http.createServer((_req, res) => res.writeHead(302, { location: 'http://example.org/' }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      await m.connectors.create({ system: 'test' }, null, input('mz-redirect', { baseUrl: `http://127.0.0.1:${(redirecting.address() as net.AddressInfo).port}` }));
      expect(await m.pull('mz-redirect')).toMatchObject({ status: 'failed', errorCode: 'CONN_REMOTE_UNAVAILABLE', retries: 0, errorMessage: '无法连接浙江省民政厅接口（对方接口要求重定向，请把基础地址改为重定向后的地址）' });
    } finally {
      await new Promise((resolve) => redirecting.close(resolve));
    }
  });
});

describe('the schedule', () => {
  it('pulls a scheduled connector when due, and not again until its period has passed', async () => {
    let now = new Date();
    const timed = connectorsOf(tp, dir, { clock: () => now });
    try {
      const zuzhi = demoConnectorInputs(sim.url).find((c) => c.code === 'zuzhi-civil-servant') as ConnectorCreateInput;
      const c = await timed.connectors.create({ system: 'test' }, null, { ...zuzhi, code: 'zz-daily', schedule: 'daily' });
      const routes = await timed.connectors.byCode(null, 'mz-routes'); // made daily above
      const runsOf = async (id: number) => (await timed.connectors.get(null, id)).runs;
      expect(await timed.tick()).toBeGreaterThanOrEqual(1);
      expect(await runsOf(c.id)).toMatchObject([{ trigger: 'schedule', status: 'completed' }]);
      expect(await runsOf(routes.id)).toHaveLength(1); // its manual pull above, within the day
      now = new Date(now.getTime() + 23 * 3_600_000);
      await timed.tick();
      expect(await runsOf(c.id)).toHaveLength(1);
      now = new Date(now.getTime() + 2 * 3_600_000);
      await timed.tick();
      expect(await runsOf(c.id)).toMatchObject([{ trigger: 'schedule' }, { trigger: 'schedule' }]);
      expect(await runsOf(routes.id)).toMatchObject([{ trigger: 'schedule', status: 'completed' }, { trigger: 'cli' }]);
    } finally {
      await timed.stop();
    }
  });
});
