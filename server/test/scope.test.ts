import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { API, expectError, makeUser, orgId, userId } from './helpers.ts';

/**
 * Data scope (DESIGN §4): what lies outside the caller's scope is absent from lists and "not
 * found" by id — never "forbidden" — on every org-scoped read route.
 */

/** GET routes this file proves to be scoped. */
const SCOPED_READS = [
  'GET /api/v1/users',
  'GET /api/v1/users/:id',
  'GET /api/v1/users/:id/personal',
  'GET /api/v1/orgs',
  'GET /api/v1/orgs/tree',
  'GET /api/v1/orgs/:id',
  'GET /api/v1/aggregation/sources',
  'GET /api/v1/aggregation/sources/:id',
  'GET /api/v1/aggregation/batches',
  'GET /api/v1/aggregation/batches/:id',
  'GET /api/v1/aggregation/batches/:id/error-report',
  'GET /api/v1/aggregation/coverage',
  'GET /api/v1/aggregation/records',
  'GET /api/v1/aggregation/records/:library/:ref',
  'GET /api/v1/sharing/requests',
  'GET /api/v1/sharing/grants',
  'GET /api/v1/connectors',
  'GET /api/v1/connectors/:id',
  'GET /api/v1/enforcement/subjects',
  'GET /api/v1/enforcement/subjects/:id',
  'GET /api/v1/enforcement/officers',
  'GET /api/v1/enforcement/officers/:id',
  'GET /api/v1/enforcement/cases',
  'GET /api/v1/enforcement/cases/:id',
  'GET /api/v1/enforcement/supervision/alerts',
  'GET /api/v1/enforcement/supervision/summary',
] as const;

/**
 * GET routes that hold no org-scoped data, each with the reason. A new GET route must be added to
 * SCOPED_READS (with cases below) or here — the coverage test fails until it is.
 */
const NOT_ORG_SCOPED: Record<string, string> = {
  'GET /api/v1/health': 'public liveness probe; returns no data',
  'GET /api/v1/auth/me': "the caller's own session and nothing else",
  'GET /api/v1/roles': 'roles are global configuration of the one platform, the same for every org',
  'GET /api/v1/roles/:id': 'as GET /roles',
  'GET /api/v1/permissions': 'the permission catalog is code, the same for every org',
  'GET /api/v1/login-events': 'security log of the whole platform, read only by auditadmin (SEC-17/18; separation.test.ts)',
  'GET /api/v1/audit-events': 'audit trail of the whole platform, read only by auditadmin (SEC-17/18; separation.test.ts)',
  'GET /api/v1/code-sets': 'dictionary: national/industry code sets, the same for every org',
  'GET /api/v1/code-sets/:code': 'dictionary: as GET /code-sets',
  'GET /api/v1/code-sets/:code/items': 'dictionary: as GET /code-sets',
  'GET /api/v1/calendar/years': "work calendar: the State Council's national holiday notices, the same for every org",
  'GET /api/v1/calendar/years/:year': 'work calendar: as GET /calendar/years',
  'GET /api/v1/calendar/deadline': 'work calendar: a computation over the national calendar, no stored org data',
  'GET /api/v1/calendar/days': 'work calendar: as GET /calendar/years',
  'GET /api/v1/data-elements': 'data standards: definitions in code, the same for every org',
  'GET /api/v1/standard-libraries': 'data standards: as GET /data-elements',
  'GET /api/v1/standard-libraries/:id': 'data standards: as GET /data-elements',
  'GET /api/v1/sharing/stats': "sharing: counts of the installation's gateway calls per consumer, resource and day; no records, no subjects",
  'GET /api/v1/sharing/subject-log': "sharing: the data subject's own view (PIPL 第四十五条), asked by ID number with sharing:subject-log; each reading is audited",
  'GET /api/v1/share/:resource': "sharing gateway: an agency's signed call, bounded by its grant, not by an org scope",
  'GET /api/v1/share/:resource/changes': 'sharing gateway: as GET /share/:resource',
  'GET /api/v1/sharing/resources': 'sharing: the resource catalog (政务信息资源目录), one for the installation, published to every unit',
  'GET /api/v1/sharing/resources/:code': 'sharing: as GET /sharing/resources',
  'GET /api/v1/sharing/consumers': "sharing: the registry of other agencies' systems (names and key ids; secrets are never returned), one for the installation",
  'GET /api/v1/laws': 'regulation library: published laws, the same for every org',
  'GET /api/v1/laws/levels': 'regulation library: as GET /laws',
  'GET /api/v1/laws/version': 'regulation library: as GET /laws',
  'GET /api/v1/laws/element': 'regulation library: as GET /laws',
  'GET /api/v1/laws/search': 'regulation library: as GET /laws',
  'GET /api/v1/power-list/items': 'power list: the catalogue of enforcement items and their legal basis, one for the installation (published, 行政处罚法 第三十九条), not org data',
  'GET /api/v1/power-list/items/:id': 'power list: as GET /power-list/items',
  'GET /api/v1/power-list/export': 'power list: as GET /power-list/items, as a workbook',
  'GET /api/v1/power-list/template': 'power list: an empty workbook and the allowed values',
  'GET /api/v1/power-list/reviews': 'power list: catalogue bases against law versions, no org data',
  'GET /api/v1/enforcement/officers/template': 'enforcement: an empty workbook and the allowed values',
  'GET /api/v1/ledger/logs': 'ledger: platform logs of hashes and ids, no org data; read by the system and audit posts',
  'GET /api/v1/ledger/logs/:name': 'ledger: as GET /ledger/logs',
  'GET /api/v1/ledger/logs/:name/checkpoints': 'ledger: as GET /ledger/logs',
  'GET /api/v1/ledger/logs/:name/entries': 'ledger: entries are hashes and ids (personal data is refused on append)',
  'GET /api/v1/ledger/logs/:name/entries/:index': 'ledger: as GET /ledger/logs/:name/entries',
  'GET /api/v1/ledger/logs/:name/entries/:index/receipt': 'ledger: as GET /ledger/logs/:name/entries',
  'GET /api/v1/ledger/logs/:name/verification': 'ledger: a recomputation of the log, no org data',
  'GET /api/v1/ledger/witness': "ledger: this node's witness key and the logs it follows",
  'GET /api/v1/ledger/logs/:name/checkpoint': 'public: a signed tree head (hashes only)',
  'GET /api/v1/ledger/logs/:name/checkpoints/:size': 'public: as GET /checkpoint',
  'GET /api/v1/ledger/logs/:name/keys': 'public: verifier keys',
  'GET /api/v1/ledger/logs/:name/proofs/inclusion': 'public: Merkle proof hashes',
  'GET /api/v1/ledger/logs/:name/proofs/consistency': 'public: Merkle proof hashes',
};

let tp: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};
let orgPaths: { id: number; path: string }[];

/** Ids of the orgs below (and including) an org, from the database itself. */
function subtreeOf(orgIdValue: number | undefined): number[] {
  const root = orgPaths.find((o) => o.id === orgIdValue);
  if (!root) throw new Error(`no org ${orgIdValue}`);
  return orgPaths.filter((o) => o.path.startsWith(root.path)).map((o) => o.id).sort((a, b) => a - b);
}

async function get(username: string, url: string) {
  const token = tokens[username];
  if (!token) throw new Error(`no token for ${username}`);
  return tp.as(token, { method: 'GET', url: `${API}${url}` });
}

async function visibleUsers(viewer: string): Promise<string[]> {
  const res = await get(viewer, '/users?pageSize=500');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { username: string }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((u) => u.username).sort();
}

async function visibleOrgs(viewer: string): Promise<number[]> {
  const res = await get(viewer, '/orgs?pageSize=500');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { items: { id: number }[]; total: number };
  expect(body.total).toBe(body.items.length);
  return body.items.map((o) => o.id).sort((a, b) => a - b);
}

async function treeOrgs(viewer: string): Promise<number[]> {
  const res = await get(viewer, '/orgs/tree');
  expect(res.statusCode, res.body).toBe(200);
  type Node = { id: number; children: Node[] };
  const flat: number[] = [];
  const walk = (n: Node) => {
    flat.push(n.id);
    n.children.forEach(walk);
  };
  (res.json() as { items: Node[] }).items.forEach(walk);
  return flat.sort((a, b) => a - b);
}

beforeAll(async () => {
  tp = await createTestApp();
  ids.province = await orgId(tp, '330000', 'province_dept');
  ids.hangzhou = await orgId(tp, '330100', 'city_bureau');
  ids.xihu = await orgId(tp, '330106', 'county_bureau');
  ids.ningbo = await orgId(tp, '330200', 'city_bureau');
  ids.yinzhou = await orgId(tp, '330212', 'county_bureau');
  const { rows } = await sql<{ id: number; path: string }>`select id, path from orgs`.execute(tp.database.db);
  orgPaths = rows.map((r) => ({ id: Number(r.id), path: r.path }));
  const office = await sql<{ id: number }>`select id from orgs where parent_id = ${ids.xihu} and type = 'justice_office' order by id limit 1`.execute(tp.database.db);
  ids.xihuOffice = Number(office.rows[0]?.id);

  // Users of known scope in and below 西湖区司法局; the demo provides the others.
  await makeUser(tp, 'office_clerk', ids.xihuOffice);
  await makeUser(tp, 'xihu_org', ids.xihu, { dataScope: 'org' });
  await makeUser(tp, 'xihu_self', ids.xihu, { dataScope: 'self' });
  // A business role that may read full personal data, to reach /users/:id/personal in scope.
  const sec = await tp.login('secadmin');
  const role = await tp.as(sec, {
    method: 'POST',
    url: `${API}/roles`,
    payload: { code: 'personal_reader', name: '个人信息查阅', permissions: ['org:read', 'user:read', 'user:read-personal'], dataScope: 'subtree' },
  });
  expect(role.statusCode, role.body).toBe(200);
  await makeUser(tp, 'xihu_personal', ids.xihu, { roles: ['personal_reader'], phone: '13812345678' });

  for (const u of ['xihu_staff', 'hz_leader', 'zj_leader', 'yinzhou_staff', 'office_clerk', 'xihu_org', 'xihu_self', 'xihu_personal']) {
    tokens[u] = await tp.login(u);
    ids[u] = await userId(tp, u);
  }
  ids.sysadmin = await userId(tp, 'sysadmin');
});

afterAll(async () => {
  await tp?.destroy();
});

describe('every GET route is either proven scoped or listed as not org-scoped', () => {
  it('has no GET route outside both lists, and no stale entry in them', () => {
    const gets = tp.routes.filter((r) => r.method === 'GET').map((r) => `GET ${r.url}`);
    const uncovered = gets.filter((k) => !(SCOPED_READS as readonly string[]).includes(k) && !(k in NOT_ORG_SCOPED));
    expect(uncovered, 'add these GET routes to the scope test (SCOPED_READS with cases) or to NOT_ORG_SCOPED with a reason').toEqual([]);
    const stale = [...SCOPED_READS, ...Object.keys(NOT_ORG_SCOPED)].filter((k) => !gets.includes(k));
    expect(stale, 'entries for routes that no longer exist').toEqual([]);
  });
});

describe('subtree scope: a county bureau sees only its own subtree', () => {
  it('GET /users lists only users of 西湖区司法局 and its 司法所', async () => {
    expect(await visibleUsers('xihu_staff')).toEqual(['office_clerk', 'xihu_org', 'xihu_personal', 'xihu_self', 'xihu_staff']);
  });

  it.each(['yinzhou_staff', 'hz_leader', 'zj_leader', 'sysadmin'])('GET /users/:id of %s (outside) → 404 USER_NOT_FOUND', async (other) => {
    expectError(await get('xihu_staff', `/users/${ids[other]}`), 404, 'USER_NOT_FOUND');
  });

  it('GET /users/:id of a user in its 司法所 → 200', async () => {
    const res = await get('xihu_staff', `/users/${ids.office_clerk}`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('filters cannot reach outside the scope', async () => {
    for (const url of [`/users?orgId=${ids.ningbo}&includeSubtree=true`, `/users?orgId=${ids.yinzhou}`, '/users?q=yinzhou']) {
      const res = await get('xihu_staff', url);
      expect(res.statusCode, url).toBe(200);
      expect((res.json() as { total: number }).total, url).toBe(0);
    }
    const orgs = await get('xihu_staff', `/orgs?parentId=${ids.ningbo}`);
    expect((orgs.json() as { total: number }).total).toBe(0);
  });

  it('GET /orgs and /orgs/tree hold exactly the subtree of 西湖区司法局', async () => {
    const expected = subtreeOf(ids.xihu);
    expect(expected.length).toBeGreaterThan(1);
    expect(await visibleOrgs('xihu_staff')).toEqual(expected);
    expect(await treeOrgs('xihu_staff')).toEqual(expected);
  });

  it.each(['province', 'hangzhou', 'ningbo', 'yinzhou'])('GET /orgs/:id of %s (outside) → 404 ORG_NOT_FOUND', async (org) => {
    expectError(await get('xihu_staff', `/orgs/${ids[org]}`), 404, 'ORG_NOT_FOUND');
  });

  it('GET /users/:id/personal (with user:read-personal): outside → 404, inside → 200 with the full phone', async () => {
    expectError(await get('xihu_personal', `/users/${ids.yinzhou_staff}/personal`), 404, 'USER_NOT_FOUND');
    expectError(await get('xihu_personal', `/users/${ids.hz_leader}/personal`), 404, 'USER_NOT_FOUND');
    const inside = await get('xihu_personal', `/users/${ids.xihu_personal}/personal`);
    expect(inside.statusCode, inside.body).toBe(200);
    expect((inside.json() as { phone: string }).phone).toBe('13812345678');
    const masked = await get('xihu_personal', `/users/${ids.xihu_personal}`);
    expect((masked.json() as { phone: string }).phone).toBe('138****5678');
  });

  it('GET /users/:id/personal without user:read-personal → 403 (permission, before any look-up)', async () => {
    expectError(await get('xihu_staff', `/users/${ids.xihu_staff}/personal`), 403, 'AUTHZ_FORBIDDEN');
  });
});

describe('a city bureau leader sees its counties, not another city', () => {
  it('hz_leader sees 西湖 users and orgs but nothing of 宁波', async () => {
    const users = await visibleUsers('hz_leader');
    expect(users).toEqual(expect.arrayContaining(['hz_leader', 'xihu_staff', 'office_clerk']));
    expect(users).not.toContain('yinzhou_staff');
    expect(users).not.toContain('zj_leader');
    const orgs = await visibleOrgs('hz_leader');
    expect(orgs).toEqual(subtreeOf(ids.hangzhou));
    expect(orgs).toContain(ids.xihu);
    expect(orgs).not.toContain(ids.ningbo);
    expect(orgs).not.toContain(ids.yinzhou);
    expect(await treeOrgs('hz_leader')).toEqual(subtreeOf(ids.hangzhou));
    expect((await get('hz_leader', `/orgs/${ids.xihu}`)).statusCode).toBe(200);
    expect((await get('hz_leader', `/users/${ids.xihu_staff}`)).statusCode).toBe(200);
    expectError(await get('hz_leader', `/orgs/${ids.yinzhou}`), 404, 'ORG_NOT_FOUND');
    expectError(await get('hz_leader', `/users/${ids.yinzhou_staff}`), 404, 'USER_NOT_FOUND');
  });

  it('and yinzhou_staff, the other way round, sees nothing of 杭州', async () => {
    expect(await visibleUsers('yinzhou_staff')).toEqual(['yinzhou_staff']);
    expect(await visibleOrgs('yinzhou_staff')).toEqual(subtreeOf(ids.yinzhou));
    expectError(await get('yinzhou_staff', `/users/${ids.xihu_staff}`), 404, 'USER_NOT_FOUND');
    expectError(await get('yinzhou_staff', `/orgs/${ids.xihu}`), 404, 'ORG_NOT_FOUND');
  });

  it('the province leader sees both cities', async () => {
    const users = await visibleUsers('zj_leader');
    expect(users).toEqual(expect.arrayContaining(['hz_leader', 'xihu_staff', 'yinzhou_staff']));
  });
});

describe('a per-user dataScope overrides the role default', () => {
  it("'org': only its own org — its users, not those of the 司法所 below", async () => {
    expect(await visibleUsers('xihu_org')).toEqual(['xihu_org', 'xihu_personal', 'xihu_self', 'xihu_staff']);
    expect(await visibleOrgs('xihu_org')).toEqual([ids.xihu]);
    expect(await treeOrgs('xihu_org')).toEqual([ids.xihu]);
    expectError(await get('xihu_org', `/users/${ids.office_clerk}`), 404, 'USER_NOT_FOUND');
    expectError(await get('xihu_org', `/orgs/${ids.xihuOffice}`), 404, 'ORG_NOT_FOUND');
  });

  it("'self': only itself", async () => {
    expect(await visibleUsers('xihu_self')).toEqual(['xihu_self']);
    expect((await get('xihu_self', `/users/${ids.xihu_self}`)).statusCode).toBe(200);
    expectError(await get('xihu_self', `/users/${ids.xihu_staff}`), 404, 'USER_NOT_FOUND');
    expectError(await get('xihu_self', `/users/${ids.office_clerk}`), 404, 'USER_NOT_FOUND');
    expect(await visibleOrgs('xihu_self')).toEqual([ids.xihu]);
    expectError(await get('xihu_self', `/orgs/${ids.xihuOffice}`), 404, 'ORG_NOT_FOUND');
  });

  it('GET /auth/me reports the effective scope', async () => {
    for (const [u, scope] of [['xihu_org', 'org'], ['xihu_self', 'self'], ['xihu_staff', 'subtree']] as const) {
      const res = await get(u, '/auth/me');
      expect((res.json() as { user: { dataScope: string } }).user.dataScope, u).toBe(scope);
    }
  });
});

describe('aggregation: sources, batches and coverage belong to the source system\'s org', () => {
  async function json<T>(viewer: string, url: string): Promise<T> {
    const res = await get(viewer, url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  }

  it('hz_leader sees only 杭州\'s source, zj_leader all of them', async () => {
    const hz = await json<{ items: { code: string }[] }>('hz_leader', '/aggregation/sources');
    expect(hz.items.map((s) => s.code)).toEqual(['hz-mediation']);
    const zj = await json<{ items: { code: string }[] }>('zj_leader', '/aggregation/sources');
    expect(zj.items.map((s) => s.code)).toContain('zj-lawyer');
    expect(zj.items.map((s) => s.code)).toContain('hz-mediation');
    expect((await json<{ rows: { sourceCode: string }[] }>('hz_leader', '/aggregation/coverage')).rows.map((r) => r.sourceCode)).toEqual(['hz-mediation']);
  });

  it('a province batch is absent for hz_leader: not listed, and 404 by id and for its error report', async () => {
    const zj = await json<{ items: { id: string; sourceCode: string }[]; total: number }>('zj_leader', '/aggregation/batches?pageSize=100');
    const batch = zj.items.find((b) => b.sourceCode === 'zj-lawyer');
    expect(batch).toBeDefined();
    const hz = await json<{ items: unknown[]; total: number }>('hz_leader', '/aggregation/batches?pageSize=100');
    expect(hz.total).toBe(0);
    expectError(await get('hz_leader', `/aggregation/batches/${batch?.id}`), 404, 'AGG_BATCH_NOT_FOUND');
    expectError(await get('hz_leader', `/aggregation/batches/${batch?.id}/error-report`), 404, 'AGG_BATCH_NOT_FOUND');
    expect((await get('zj_leader', `/aggregation/batches/${batch?.id}/error-report`)).statusCode).toBe(200);
    const sources = await json<{ items: { id: number; code: string }[] }>('zj_leader', '/aggregation/sources');
    const lawyerSource = sources.items.find((s) => s.code === 'zj-lawyer');
    expectError(await get('hz_leader', `/aggregation/sources/${lawyerSource?.id}`), 404, 'AGG_SOURCE_NOT_FOUND');
  });

  it('records of a province source: listed for zj_leader, absent for hz_leader (list and by key)', async () => {
    const zj = await json<{ items: { ref: string }[]; total: number }>('zj_leader', '/aggregation/records?library=lawyer');
    expect(zj.total).toBeGreaterThan(0);
    const hz = await json<{ total: number }>('hz_leader', '/aggregation/records?library=lawyer');
    expect(hz.total).toBe(0);
    const key = zj.items[0]?.ref ?? '';
    expect((await get('zj_leader', `/aggregation/records/lawyer/${key}`)).statusCode).toBe(200);
    expectError(await get('hz_leader', `/aggregation/records/lawyer/${key}`), 404, 'AGG_RECORD_NOT_FOUND');
  });
});

describe("sharing: requests and grants belong to the asking consumer's org and the resource owner's", () => {
  it('yinzhou sees none of xihu\'s requests and grants; the province (owner) and xihu (asker) see them', async () => {
    await sql`update share_resources set owner_org_id = ${ids.province} where code = 'lawyer'`.execute(tp.database.db);
    const c = await tp.sharing.consumers.create({ system: 'test' }, { name: '西湖区法院系统', agency: '', orgId: ids.xihu as number, alg: 'hmac-sha256' });
    const asked = await tp.as(tokens.xihu_staff ?? '', { method: 'POST', url: `${API}/sharing/requests`, payload: { consumerId: c.consumerId, resourceCode: 'lawyer', fields: ['name'], purpose: '范围测试', legalBasis: '测试' } });
    expect(asked.statusCode, asked.body).toBe(200);
    await tp.sharing.grants.createGrant({ system: 'test' }, { consumerId: c.consumerId, resourceCode: 'lawyer', fields: ['name'], plainFields: [], purpose: '范围测试', legalBasis: '', ratePerSecond: 1, quotaPerDay: 1 });
    const count = async (user: string, url: string) => ((await get(user, url)).json() as { total: number }).total;
    for (const url of ['/sharing/requests?resourceCode=lawyer', `/sharing/grants?consumerId=${c.consumerId}`]) {
      expect(await count('yinzhou_staff', url), url).toBe(0);
      expect(await count('xihu_staff', url), url).toBe(1);
      expect(await count('zj_leader', url), url).toBe(1);
    }
  });
});

describe('connectors: a connector and its runs belong to the org that registered it', () => {
  it('the province sees the city\'s and its own; the city only its own; one outside the scope is not found', async () => {
    const { demoConnectorInputs } = await import('../src/modules/connectors/index.ts');
    const input = (code: string) => ({ ...demoConnectorInputs('http://127.0.0.1:9')[1]!, code, schedule: 'manual' as const });
    const province = await tp.connectors.connectors.create({ system: 'test' }, null, input('scope-zj'), ids.province as number);
    const city = await tp.connectors.connectors.create({ system: 'test' }, null, input('scope-hz'), ids.hangzhou as number);
    const codes = async (user: string) => ((await get(user, '/connectors?pageSize=500')).json() as { items: { code: string }[] }).items.map((c) => c.code).filter((c) => c.startsWith('scope-')).sort();
    expect(await codes('zj_leader')).toEqual(['scope-hz', 'scope-zj']);
    expect(await codes('hz_leader')).toEqual(['scope-hz']);
    expect((await get('hz_leader', `/connectors/${city.id}`)).statusCode).toBe(200);
    expectError(await get('hz_leader', `/connectors/${province.id}`), 404, 'CONN_NOT_FOUND');
  });
});

describe('enforcement: subjects and officers belong to their org', () => {
  it('a county sees its own subtree only; the city sees its counties; one outside the scope is not found', async () => {
    type Page = { items: { id: number; orgId: number }[]; total: number };
    const list = async (user: string, url: string) => {
      const res = await get(user, url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Page;
    };
    for (const path of ['/enforcement/subjects', '/enforcement/officers']) {
      const xihu = await list('xihu_staff', `${path}?pageSize=500`);
      expect(xihu.total, path).toBeGreaterThan(0);
      expect(xihu.items.every((r) => subtreeOf(ids.xihu).includes(r.orgId)), path).toBe(true);
      const hz = await list('hz_leader', `${path}?pageSize=500`);
      expect(hz.items.every((r) => subtreeOf(ids.hangzhou).includes(r.orgId)), path).toBe(true);
      expect(hz.items.some((r) => r.orgId === ids.xihu), path).toBe(true);
      const yz = await list('yinzhou_staff', `${path}?pageSize=500`);
      const other = yz.items[0];
      expect(other, path).toBeDefined();
      expect((await list('xihu_staff', `${path}?orgId=${ids.yinzhou}`)).total, path).toBe(0);
      expectError(await get('xihu_staff', `${path}/${other?.id}`), 404, path.endsWith('subjects') ? 'ENF_SUBJECT_NOT_FOUND' : 'ENF_OFFICER_NOT_FOUND');
      expect((await get('zj_leader', `${path}/${other?.id}`)).statusCode, path).toBe(200);
    }
  });
});

describe('enforcement: cases belong to the org that handles them', () => {
  it('a county sees its own cases; the city sees its counties; a case outside the scope is not found', async () => {
    const caseOf = async (orgIdValue: number) =>
      (await tp.enforcement.cases.create({ system: 'test' }, {
        orgId: orgIdValue, cause: '范围测试案件', itemId: null, party: { kind: 'organisation', name: '范围测试律师事务所', idNumber: null }, actEndDate: '2026-01-05', discoveredDate: null, lifeHealthOrFinancialHarm: false, officerIds: [],
      })).id;
    const [mine, theirs] = [await caseOf(ids.xihu ?? 0), await caseOf(ids.yinzhou ?? 0)];
    type Page = { items: { id: number; orgId: number }[]; total: number };
    const list = async (user: string, url: string) => {
      const res = await get(user, url);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Page;
    };
    const xihu = await list('xihu_staff', '/enforcement/cases?pageSize=500');
    expect(xihu.items.map((c) => c.id)).toContain(mine);
    expect(xihu.items.every((c) => subtreeOf(ids.xihu).includes(c.orgId))).toBe(true);
    const hz = await list('hz_leader', '/enforcement/cases?pageSize=500');
    expect(hz.items.map((c) => c.id)).toContain(mine);
    expect(hz.items.every((c) => subtreeOf(ids.hangzhou).includes(c.orgId))).toBe(true);
    expect((await list('xihu_staff', `/enforcement/cases?orgId=${ids.yinzhou}`)).total).toBe(0);
    expectError(await get('xihu_staff', `/enforcement/cases/${theirs}`), 404, 'CASE_NOT_FOUND');
    expect((await get('zj_leader', `/enforcement/cases/${theirs}`)).statusCode).toBe(200);

    // 执法监督 lists and counts the alerting cases of the scope only.
    await sql`update enforcement_cases set alerts = '{SUPERVISION_CERTIFICATE_INVALID}' where id in (${mine}, ${theirs})`.execute(tp.database.db);
    const alerts = await list('xihu_staff', '/enforcement/supervision/alerts?pageSize=500');
    expect(alerts.items.map((c) => c.id)).toContain(mine);
    expect(alerts.items.every((c) => subtreeOf(ids.xihu).includes(c.orgId))).toBe(true);
    const summary = (await get('xihu_staff', '/enforcement/supervision/summary')).json() as { items: { orgId: number }[] };
    expect(summary.items.length).toBeGreaterThan(0);
    expect(summary.items.every((i) => subtreeOf(ids.xihu).includes(i.orgId))).toBe(true);
    const province = (await get('zj_leader', '/enforcement/supervision/summary')).json() as { items: { orgId: number }[] };
    expect(province.items.map((i) => i.orgId)).toEqual(expect.arrayContaining([ids.xihu, ids.yinzhou]));
  });
});
