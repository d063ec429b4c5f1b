import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';
import { createTestApp, injectFetch, type TestApp } from './harness.ts';
import { formatVerifierKey, generateEd25519 } from '../src/modules/ledger/note.ts';
import { API, makeUser, orgId, roleId, snapshot, userId } from './helpers.ts';
import { bodySchemaOf, queryParamsOf, setAt, valueNodes, wrongTypeFor } from './openapi-walk.ts';
import { LAWYER_HEADERS, lawyerRow } from '../src/modules/aggregation/test-fixtures.ts';
import { insertLaw, TEST_LAW } from '../src/modules/power-list/test-fixtures.ts';
import { idCheckDigit } from '../src/modules/standards/index.ts';

/**
 * DESIGN §4 "bad input never crashes the process and never leaves a partial write": every route
 * that takes a body gets malformed JSON, unknown fields, 10 MB, wrong types, over-long strings and
 * SQL/HTML metacharacters in every field of its OpenAPI body schema, and must answer 4xx with a
 * code — then the database must be exactly as before.
 */

let tp: TestApp;
const tokens: Record<string, string> = {};
const ctx: Record<string, number> = {};
const keys: Record<string, string> = {};
let before: Record<string, string>;
const permissionsOf: Record<string, string[]> = {};

/** A signed-in test user who holds the permission (any user for a signedIn route). */
function userFor(permission: string | null): string {
  const found = Object.keys(permissionsOf).find((u) => permission === null || permissionsOf[u]?.includes(permission));
  if (!found) throw new Error(`no test user holds ${permission}`);
  return found;
}

async function actorFor(username: string) {
  const token = await tp.login(username);
  const { actor } = await tp.identity.auth.resolveSession(token, { requestId: 'setup', ip: null, userAgent: null });
  return actor;
}

interface BodyRoute {
  user: string;
  url: () => string;
  /** A body the route accepts; each case spoils one thing in it. Undefined: the route takes none. */
  valid?: () => Record<string, unknown>;
  /** When `valid` is deliberately refused by the service (login of an unknown user), the body that succeeds. */
  accepted?: () => Record<string, unknown>;
  /** The success status when not 200 (a started background job answers 202). */
  status?: number;
}

/** Every POST/PUT/PATCH route taking JSON; the inventory test fails when one is missing. */
const BODY_ROUTES: Record<string, BodyRoute> = {
  // An unknown user, so spoilt passwords cannot lock a real account (that would write rows).
  'POST /api/v1/auth/login': { user: 'sysadmin', url: () => '/auth/login', valid: () => ({ username: 'nobody_here', password: 'Any#Pass2026' }), accepted: () => ({ username: 'bi_staff', password: DEMO_PASSWORD }) },
  'POST /api/v1/auth/logout': { user: 'bi_staff', url: () => '/auth/logout' },
  'POST /api/v1/auth/password': { user: 'bi_changer', url: () => '/auth/password', valid: () => ({ oldPassword: DEMO_PASSWORD, newPassword: 'Brand#New2027' }) },
  'POST /api/v1/orgs': {
    user: 'sysadmin', url: () => '/orgs',
    valid: () => ({ parentId: ctx.xihu, name: '坏输入测试所', type: 'justice_office', regionCode: '330106', creditCode: null, sort: 5 }),
  },
  'PATCH /api/v1/orgs/:id': { user: 'sysadmin', url: () => `/orgs/${ctx.office}`, valid: () => ({ name: '坏输入测试所（更名）', sort: 3 }) },
  'POST /api/v1/users': {
    user: 'sysadmin', url: () => '/users',
    valid: () => ({ username: 'bi_new', displayName: '新人', orgId: ctx.xihu, password: 'Valid#Pass2026', phone: '13800001111', idNumber: '33010619900101123X' }),
  },
  'PATCH /api/v1/users/:id': { user: 'sysadmin', url: () => `/users/${ctx.target}`, valid: () => ({ displayName: '改名', status: 'active', phone: '13900002222', orgId: ctx.xihu }) },
  'PUT /api/v1/users/:id/roles': { user: 'secadmin', url: () => `/users/${ctx.target}/roles`, valid: () => ({ roleCodes: ['leader'] }) },
  'POST /api/v1/users/:id/unlock': { user: 'secadmin', url: () => `/users/${ctx.target}/unlock` },
  'POST /api/v1/users/:id/reset-password': { user: 'secadmin', url: () => `/users/${ctx.target}/reset-password`, valid: () => ({ password: 'Reset#Pass2026' }) },
  'POST /api/v1/roles': { user: 'secadmin', url: () => '/roles', valid: () => ({ code: 'bi_role', name: '测试角色', description: '说明', permissions: ['org:read'], dataScope: 'org' }) },
  'PATCH /api/v1/roles/:id': { user: 'secadmin', url: () => `/roles/${ctx.staffRole}`, valid: () => ({ name: '工作人员', description: '说明', permissions: ['org:read', 'user:read'], dataScope: 'subtree' }) },
  'POST /api/v1/code-sets': { user: 'sysadmin', url: () => '/code-sets', valid: () => ({ code: 'bi_set', name: '测试代码集', standard: '自定义', description: '说明' }) },
  'POST /api/v1/code-sets/:code/items': { user: 'sysadmin', url: () => '/code-sets/bi_base/items', valid: () => ({ code: '02', label: '乙', sort: 2, enabled: true, parentCode: '01' }) },
  'PATCH /api/v1/code-sets/:code/items/:itemCode': { user: 'sysadmin', url: () => '/code-sets/bi_base/items/01', valid: () => ({ label: '甲（改）', sort: 1, enabled: false }) },
  'POST /api/v1/aggregation/sources': {
    user: 'bi_agg', url: () => '/aggregation/sources',
    valid: () => ({ code: 'bi-src2', name: '坏输入来源', description: '说明', libraries: [{ libraryId: 'lawyer', cycle: 'monthly', expectedRecords: 10 }] }),
  },
  'PATCH /api/v1/aggregation/sources/:id': {
    user: 'bi_agg', url: () => `/aggregation/sources/${ctx.biSource}`,
    valid: () => ({ name: '坏输入来源（改）', description: '说明', libraries: [{ libraryId: 'notary', cycle: 'weekly', expectedRecords: null }] }),
  },
  'POST /api/v1/aggregation/push': {
    user: 'bi_pusher', url: () => '/aggregation/push',
    valid: () => ({ library: 'lawyer', source: 'bi-src', batchId: 'bi-1', mode: 'partial', records: [Object.fromEntries(LAWYER_HEADERS.map((h, i) => [h, lawyerRow(7)[i]]))] }),
  },
  'POST /api/v1/ledger/logs': { user: 'sysadmin', url: () => '/ledger/logs', valid: () => ({ name: 'bi-log', hash: 'sm3', description: '说明' }) },
  'POST /api/v1/ledger/logs/:name/entries': { user: 'bi_pusher', url: () => '/ledger/logs/bi-w/entries', valid: () => ({ entries: [{ type: 'bi.evidence', payload: { caseId: 'BI-1' } }] }) },
  'POST /api/v1/ledger/logs/:name/rotate-key': { user: 'sysadmin', url: () => '/ledger/logs/bi-w/rotate-key', valid: () => ({ kind: 'ed25519' }) },
  'POST /api/v1/ledger/logs/:name/witnesses': { user: 'sysadmin', url: () => '/ledger/logs/bi-w/witnesses', valid: () => ({ vkey: keys.other }) },
  'POST /api/v1/ledger/witness/follow': { user: 'sysadmin', url: () => '/ledger/witness/follow', valid: () => ({ url: 'http://tianping.test/api/v1/ledger/logs/bi-w', logKey: keys.log }) },
  'POST /api/v1/power-list/items': { user: 'bi_pl', url: () => '/power-list/items', valid: () => plBody('BI-PL-2') },
  'PUT /api/v1/power-list/items/:id': { user: 'bi_pl', url: () => `/power-list/items/${ctx.plItem}`, valid: () => plBody('BI-PL-1') },
  'POST /api/v1/power-list/reviews/confirm': { user: 'bi_pl', url: () => '/power-list/reviews/confirm', valid: () => ({ itemId: ctx.plItem, oldElementId: PL_BASIS, newElementId: `${TEST_LAW.id}/art3/p2` }) },
  'DELETE /api/v1/power-list/items/:id': { user: 'bi_pl', url: () => `/power-list/items/${ctx.plDel}` },
  'POST /api/v1/enforcement/subjects': {
    user: 'bi_enf', url: () => '/enforcement/subjects',
    valid: () => ({ orgId: ctx.office, kind: '法律法规授权组织', legalBasis: '某条例第三条', domains: ['01'], itemIds: [], entrustment: null }),
  },
  'PUT /api/v1/enforcement/subjects/:id': {
    user: 'bi_enf', url: () => `/enforcement/subjects/${ctx.biSubject}`,
    valid: () => ({ orgId: ctx.xihu, kind: '法定行政机关', legalBasis: '行政处罚法第十七条', domains: ['01'], itemIds: [], entrustment: null }),
  },
  'POST /api/v1/enforcement/officers': {
    user: 'bi_enf', url: () => '/enforcement/officers',
    valid: () => ({ name: '坏输入', idNumber: BI_ID_NUMBER, orgId: ctx.xihu, certificateNo: '浙BI-0002', domains: ['01'], issuedOn: '2024-01-01', expiresOn: '2029-12-31', legalQualification: false }),
  },
  'PUT /api/v1/enforcement/officers/:id': {
    user: 'bi_enf', url: () => `/enforcement/officers/${ctx.biOfficer}`,
    valid: () => ({ name: '坏输入（改）', orgId: ctx.xihu, certificateNo: '浙BI-0001', domains: ['01'], issuedOn: '2024-01-01', expiresOn: '2030-12-31', legalQualification: true }),
  },
  'POST /api/v1/enforcement/officers/:id/status': { user: 'bi_enf', url: () => `/enforcement/officers/${ctx.biOfficer}/status`, valid: () => ({ action: 'suspend', reason: '测试暂扣', effectiveOn: '2025-01-01' }) },
  'POST /api/v1/enforcement/cases': {
    user: 'bi_enf', url: () => '/enforcement/cases',
    valid: () => ({ orgId: ctx.xihu, cause: '坏输入案由', itemId: null, party: { kind: 'citizen', name: '坏输入', idNumber: BI_ID_NUMBER }, actEndDate: '2026-01-05', discoveredDate: '2026-01-06', lifeHealthOrFinancialHarm: false, officerIds: [ctx.biOfficer] }),
  },
  'PATCH /api/v1/enforcement/cases/:id/record': {
    user: 'bi_enf', url: () => `/enforcement/cases/${ctx.biCase}/record`,
    valid: () => ({
      acts: [{ kind: '询问', date: '2026-01-07', officerIds: [ctx.biOfficer], recordAttached: true, note: '' }],
      notice: { servedDate: '2026-01-20', statementDeadline: '2026-01-23', proposed: { kinds: ['03'], fine: 500, confiscation: null }, states: { facts: true, reasons: true, basis: true, rights: true }, includesHearingRight: false, waiverSigned: false, defenceFiled: false },
      decision: {
        date: '2026-01-28', officerIds: [ctx.biOfficer], penalty: { kinds: ['03'], fine: 500, confiscation: null }, minorMitigation: null, benchmarkLevel: null, outsideBenchmarkReason: null,
        content: { party: true, factsAndEvidence: true, kindAndBasis: true, performance: true, remedies: true, agencyAndDate: true, sealed: true, surchargeStandard: true },
      },
      pauses: [{ from: '2026-01-10', to: '2026-01-12', reason: '鉴定' }],
      paidDate: null,
    }),
  },
  'POST /api/v1/enforcement/cases/:id/moves': { user: 'bi_enf', url: () => `/enforcement/cases/${ctx.biCase}/moves`, valid: () => ({ to: 'not-filed', date: '2026-01-08', opinion: '不予立案' }) },
  'POST /api/v1/sharing/resources': {
    user: 'bi_share', url: () => '/sharing/resources',
    valid: () => ({ code: 'bi-res', name: '坏输入资源', libraryId: 'lawyer', fields: ['name', 'licenceNo'], lookupKeys: ['licenceNo'], updateCycle: 'daily', sharingType: 'conditional', sharingBasis: '律师法 第二条', openType: 'closed', description: '说明' }),
  },
  'PUT /api/v1/sharing/resources/:code': {
    user: 'bi_share', url: () => '/sharing/resources/law-firm',
    valid: () => ({ name: '律师事务所信息', libraryId: 'law-firm', ownerOrgId: ctx.xihu, fields: ['name', 'creditCode'], lookupKeys: ['creditCode'], updateCycle: 'weekly', sharingType: 'unconditional', openType: 'open' }),
  },
  'POST /api/v1/sharing/consumers': { user: 'bi_share', url: () => '/sharing/consumers', valid: () => ({ name: '坏输入调用方', agency: '某部门', orgId: ctx.xihu, alg: 'hmac-sha256' }) },
  'PATCH /api/v1/sharing/consumers/:id': { user: 'bi_share', url: () => `/sharing/consumers/${ctx.biConsumer}`, valid: () => ({ status: 'suspended' }) },
  'POST /api/v1/sharing/requests': {
    user: 'bi_share', url: () => '/sharing/requests', valid: () => ({ consumerId: ctx.biConsumer, resourceCode: 'lawyer', fields: ['name'], purpose: '测试', legalBasis: '测试依据' }),
  },
  'POST /api/v1/sharing/requests/:id/decision': { user: 'bi_share', url: () => `/sharing/requests/${ctx.biRequest}/decision`, valid: () => ({ approve: false, note: '不同意' }) },
  'POST /api/v1/sharing/grants': {
    user: 'bi_share', url: () => '/sharing/grants',
    valid: () => ({ consumerId: ctx.biConsumer, resourceCode: 'lawyer', fields: ['name', 'idNumber'], plainFields: ['name'], purpose: '测试', ratePerSecond: 5, quotaPerDay: 100 }),
  },
  'POST /api/v1/sharing/grants/:id/revoke': { user: 'bi_share', url: () => `/sharing/grants/${ctx.biGrant}/revoke` },
  'POST /api/v1/connectors': { user: 'bi_conn', url: () => '/connectors', valid: () => biConnector('bi-conn') },
  'PUT /api/v1/connectors/:id': {
    user: 'bi_conn', url: () => `/connectors/${ctx.biConnector}`,
    valid: () => {
      const { code: _code, libraryId: _library, ...rest } = biConnector('bi-conn-base');
      return { ...rest, status: 'active' };
    },
  },
  // 202: the pull goes on in the background (here against nothing, failing harmlessly).
  'POST /api/v1/connectors/:id/runs': { user: 'bi_conn', url: () => `/connectors/${ctx.biConnector}/runs`, status: 202 },
  'PUT /api/v1/calendar/years/:year': {
    user: 'sysadmin', url: () => '/calendar/years/2027',
    valid: () => ({ source: '国办发明电〔2026〕9号', amendedBy: ['国办发明电〔2026〕10号'], days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
  },
};

/** A connector with every part filled: paging by page with a total, an envelope, a value map. */
function biConnector(code: string) {
  return {
    code, name: '坏输入连接器', agency: '某部门', libraryId: 'marriage-record', baseUrl: 'http://127.0.0.1:9/gateway', endpoint: '/mz/records',
    auth: { kind: 'api-key', header: 'X-Api-Key', prefix: '' }, secret: 'bad-input-secret-0001',
    paging: { kind: 'page', pageParam: 'pageNo', sizeParam: 'pageSize', firstPage: 1, size: 40, itemsPath: 'result.records', totalPath: 'result.total' },
    envelope: { codePath: 'success', okValues: ['true'], messagePath: 'message' },
    mapping: [{
      fields: [
        { field: 'registrationNo', from: ['djzh'] }, { field: 'idNumber', from: ['nanf.zjhm'] }, { field: 'name', from: ['nanf.xm'] }, { field: 'spouseName', from: ['nvf.xm'] },
        { field: 'registrationType', from: ['ywlx'], values: { IA: '结婚', IB: '离婚' } }, { field: 'registrationDate', from: ['djrq'] }, { field: 'authority', from: ['djjg'] },
      ],
    }],
    schedule: 'manual', timeoutMs: 30_000,
  };
}

/** A power-list item resting on an element of TEST_LAW (written into the library in beforeAll). */
const PL_BASIS = `${TEST_LAW.id}/art3/p1/i2`;
function plBody(code: string) {
  return {
    code, name: '坏输入事项', kind: '行政处罚', orgTypes: ['city_bureau'], description: '说明', bases: [{ elementId: PL_BASIS, role: 'penalty' }],
    benchmarks: [{ level: '一般', circumstances: '情形', penalties: ['03'], amountMin: 0, amountMax: 100, note: '说明' }],
  };
}

/** A checksum-valid 公民身份号码 (GB 11643-1999) for the officer cases. */
const BI_ID_NUMBER = `33010619800101123${idCheckDigit('33010619800101123')}`;

/** Routes taking a file instead of JSON, with their own cases below. */
const UPLOAD_ROUTES = [
  'POST /api/v1/orgs/import-divisions',
  'POST /api/v1/aggregation/batches',
  'POST /api/v1/laws/import',
  // Signed by the calling agency: an unsigned body gets 401 before it is read; signed bad bodies
  // are tested in modules/sharing/gateway.
  'POST /api/v1/share/:resource/verify',
  // raw XLSX bytes (garbage, JSON, oversized: power-list/power-list.api.test.ts)
  'POST /api/v1/power-list/import',
  // raw XLSX bytes (garbage, JSON, oversized: enforcement/enforcement.api.test.ts)
  'POST /api/v1/enforcement/officers/import',
  // text/plain: one signature line (malformed, unknown and forged lines: ledger/witness.test.ts)
  'POST /api/v1/ledger/logs/:name/checkpoints/:size/cosignatures',
];

/**
 * Fields where quotes, semicolons or markup are legitimate data, with why. They still get the
 * over-long and wrong-type cases; for metacharacters they must never answer 5xx (tested below).
 */
const FREE_TEXT: Record<string, string> = {
  password: 'SEC-12 wants symbols in passwords; only a salted hash is stored, never echoed',
  oldPassword: 'as password',
  newPassword: 'as password',
  description: "prose: descriptionText allows quotes and ';' (refuses < > ` \\); stored through parameters only",
  legalBasis: 'prose citing statutes, as description',
  matters: 'prose of a 委托书, as description',
  note: 'what an investigation act found, prose as description',
  opinion: '办理意见 of a case step, prose as description',
};

const INJECTIONS = ["'; drop table users; --", '<script>alert(1)</script>', '" onmouseover='];
const TEN_MB = `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}`;

function send(route: BodyRoute, method: string, payload: string, headers: Record<string, string> = {}, url = `${API}${route.url()}`) {
  const token = tokens[route.user];
  if (!token) throw new Error(`no token for ${route.user}`);
  return tp.as(token, { method: method as 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } });
}

/** '' when the response is a 4xx with a code (and the given status), else what is wrong. */
function verdict(res: LightMyRequestResponse, status?: number): string {
  let code: unknown;
  try {
    code = (res.json() as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  if (res.statusCode < 400 || res.statusCode >= 500 || typeof code !== 'string') return `${res.statusCode} ${res.body.slice(0, 160)}`;
  if (status !== undefined && res.statusCode !== status) return `${res.statusCode} ${String(code)} (expected ${status})`;
  return '';
}

beforeAll(async () => {
  tp = await createTestApp({ fetch: injectFetch(() => tp.app) });
  await tp.ledger.logs.create({ system: 'test' }, { name: 'bi-w', hash: 'sha256' });
  await tp.ledger.logs.append('bi-w', [{ raw: Buffer.from('e0') }]);
  await tp.ledger.logs.checkpoint('bi-w');
  keys.log = (await tp.ledger.logs.keysOf('bi-w'))[0]!.vkey;
  await tp.ledger.witnesses.addWitness({ system: 'test' }, 'bi-w', await tp.ledger.witnesses.witnessKey());
  keys.other = formatVerifierKey({ name: 'bi.example/witness', kind: 'cosignature/v1', publicKey: generateEd25519().publicKey });
  ctx.xihu = await orgId(tp, '330106', 'county_bureau');
  ctx.target = await makeUser(tp, 'bi_target', ctx.xihu);
  // Sharing: Xihu owns the lawyer roll here, so its staff decide the pending demand of its system.
  await sql`update share_resources set owner_org_id = ${ctx.xihu} where code in ('lawyer', 'law-firm')`.execute(tp.database.db);
  ctx.biConsumer = (await tp.sharing.consumers.create({ system: 'test' }, { name: '坏输入基础调用方', agency: '', orgId: ctx.xihu, alg: 'hmac-sha256' })).consumerId;
  ctx.biRequest = await tp.sharing.grants.demand({ system: 'test' }, null, { consumerId: ctx.biConsumer, resourceCode: 'lawyer', fields: ['name'], purpose: '基础', legalBasis: '测试' });
  ctx.biGrant = await tp.sharing.grants.createGrant({ system: 'test' }, { consumerId: ctx.biConsumer, resourceCode: 'lawyer', fields: ['name'], plainFields: [], purpose: '基础', legalBasis: '', ratePerSecond: 1, quotaPerDay: 1 });
  ctx.staffRole = await roleId(tp, 'staff');
  await makeUser(tp, 'bi_changer', ctx.xihu);
  await makeUser(tp, 'bi_staff', ctx.xihu);
  // Sharing: a role of its own (the staff role is edited by the PATCH /roles case below).
  const shareRole = await tp.identity.roles.create(await actorFor('secadmin'), { requestId: 'setup', ip: null, userAgent: null }, {
    code: 'bi_share', name: '共享交换', permissions: ['sharing:read', 'sharing:manage', 'sharing:request', 'sharing:approve'], dataScope: 'subtree',
  });
  await makeUser(tp, 'bi_share', ctx.xihu, { roles: [shareRole.code] });
  const role = await tp.identity.roles.create(await actorFor('secadmin'), { requestId: 'setup', ip: null, userAgent: null }, {
    code: 'bi_reader', name: '个人信息查阅', permissions: ['user:read', 'user:read-personal'], dataScope: 'all',
  });
  await makeUser(tp, 'bi_reader', ctx.xihu, { roles: [role.code] });
  await makeUser(tp, 'bi_pusher', ctx.xihu, { roles: ['source_system'] });
  // Its own role: the staff role is edited by the PATCH /roles case below.
  const aggRole = await tp.identity.roles.create(await actorFor('secadmin'), { requestId: 'setup', ip: null, userAgent: null }, {
    code: 'bi_agg', name: '归集', permissions: ['aggregation:read', 'aggregation:ingest', 'aggregation:manage-sources'], dataScope: 'subtree',
  });
  await makeUser(tp, 'bi_agg', ctx.xihu, { roles: [aggRole.code] });
  const staff = await actorFor('bi_agg');
  ctx.biSource = (await tp.aggregation.sources.create({ system: 'test' }, staff, { code: 'bi-src', name: '坏输入基础来源', libraries: [] })).id;
  // Connectors: a role of their own, and one connector for the PUT and run cases.
  const connRole = await tp.identity.roles.create(await actorFor('secadmin'), { requestId: 'setup', ip: null, userAgent: null }, {
    code: 'bi_conn', name: '接口连接器', permissions: ['connectors:read', 'connectors:manage', 'connectors:run'], dataScope: 'subtree',
  });
  await makeUser(tp, 'bi_conn', ctx.xihu, { roles: [connRole.code] });
  const made = await tp.as(await tp.login('bi_conn'), { method: 'POST', url: `${API}/connectors`, payload: biConnector('bi-conn-base') });
  expect(made.statusCode, made.body).toBe(200);
  ctx.biConnector = Number((made.json() as { id: number }).id);
  // Enforcement: a role of its own, the demo's 西湖区司法局 subject and one officer for the PUT and status cases.
  const enfRole = await tp.identity.roles.create(await actorFor('secadmin'), { requestId: 'setup', ip: null, userAgent: null }, {
    code: 'bi_enf', name: '执法主体与人员', permissions: ['enforcement:read', 'enforcement:manage', 'case:read', 'case:handle'], dataScope: 'subtree',
  });
  await makeUser(tp, 'bi_enf', ctx.xihu, { roles: [enfRole.code] });
  ctx.biSubject = (await tp.enforcement.service.subjects.list(await actorFor('bi_enf'), { orgId: ctx.xihu, kind: '法定行政机关' }, { page: 1, pageSize: 1 })).items[0]?.id ?? 0;
  ctx.biOfficer = (await tp.enforcement.service.officers.create({ system: 'test' }, {
    name: '坏输入基础', idNumber: `33010619800202123${idCheckDigit('33010619800202123')}`, orgId: ctx.xihu, certificateNo: '浙BI-0001', domains: ['01'], issuedOn: '2024-01-01', expiresOn: '2029-12-31', legalQualification: false,
  })).id;
  ctx.biCase = (await tp.enforcement.cases.create({ system: 'test' }, {
    orgId: ctx.xihu, cause: '坏输入基础案件', itemId: null, party: { kind: 'citizen', name: '坏输入', idNumber: BI_ID_NUMBER }, actEndDate: '2026-01-05', discoveredDate: null, lifeHealthOrFinancialHarm: false, officerIds: [],
  })).id;
  for (const u of ['sysadmin', 'secadmin', 'bi_changer', 'bi_staff', 'bi_share', 'bi_reader', 'bi_pusher', 'bi_agg', 'bi_conn', 'bi_enf', 'auditadmin']) {
    tokens[u] = await tp.login(u);
    const me = await tp.as(tokens[u] ?? '', { method: 'GET', url: `${API}/auth/me` });
    permissionsOf[u] = (me.json() as { user: { permissions: string[] } }).user.permissions;
  }
  const org = await tp.as(tokens.sysadmin ?? '', { method: 'POST', url: `${API}/orgs`, payload: { parentId: ctx.xihu, name: '坏输入基础所', type: 'justice_office', regionCode: '330106' } });
  ctx.office = Number((org.json() as { id: number }).id);
  for (const [url, payload] of [['/code-sets', { code: 'bi_base', name: '基础代码集' }], ['/code-sets/bi_base/items', { code: '01', label: '甲' }]] as const) {
    const res = await tp.as(tokens.sysadmin ?? '', { method: 'POST', url: `${API}${url}`, payload });
    expect(res.statusCode, res.body).toBe(200);
  }
  // The power list: a role of its own as well, and items resting on TEST_LAW.
  const plRole = await tp.identity.roles.create(await actorFor('secadmin'), { requestId: 'setup', ip: null, userAgent: null }, {
    code: 'bi_pl', name: '权责清单', permissions: ['power-list:read', 'power-list:manage'], dataScope: 'subtree',
  });
  await makeUser(tp, 'bi_pl', ctx.xihu, { roles: [plRole.code] });
  tokens.bi_pl = await tp.login('bi_pl');
  await insertLaw(tp.database.db, TEST_LAW);
  for (const [k, code] of [['plItem', 'BI-PL-1'], ['plDel', 'BI-PL-DEL']] as const) {
    const res = await tp.as(tokens.bi_pl, { method: 'POST', url: `${API}/power-list/items`, payload: plBody(code) });
    expect(res.statusCode, res.body).toBe(200);
    ctx[k] = Number((res.json() as { id: number }).id);
  }
  before = await snapshot(tp); // after every login: a login stamps users.last_login_at
});

afterAll(async () => {
  await tp?.destroy();
});

describe('bad request bodies → 4xx with a code, never 5xx', () => {
  it('every POST/PUT/PATCH/DELETE route is covered here', () => {
    const withBody = tp.routes.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(withBody.filter((k) => !(k in BODY_ROUTES) && !UPLOAD_ROUTES.includes(k)), 'add to BODY_ROUTES in bad-input.test.ts').toEqual([]);
    expect([...Object.keys(BODY_ROUTES), ...UPLOAD_ROUTES].filter((k) => !withBody.includes(k)), 'stale entries').toEqual([]);
  });

  it.each(Object.keys(BODY_ROUTES))('%s', async (key) => {
    const route = BODY_ROUTES[key] as BodyRoute;
    const method = key.split(' ')[0] as string;
    const problems: string[] = [];
    const check = async (label: string, res: Promise<LightMyRequestResponse>, status?: number) => {
      const v = verdict(await res, status);
      if (v) problems.push(`${label}: ${v}`);
    };
    const valid = route.valid?.() ?? {};
    await check('malformed JSON', send(route, method, '{"username": '), 400);
    await check('JSON of the wrong shape (array)', send(route, method, '[1,2,3]'), 400);
    await check('unknown field', send(route, method, JSON.stringify({ ...valid, isAdmin: true })), 400);
    await check('10 MB body', send(route, method, TEN_MB), 413);
    await check('text/plain body', send(route, method, 'hello', { 'content-type': 'text/plain' }));

    const schema = bodySchemaOf(tp, key);
    if (route.valid) expect(schema, `${key} has a body in BODY_ROUTES but none in OpenAPI`).toBeDefined();
    else expect(schema, `${key} takes a body: give it a valid body in BODY_ROUTES`).toBeUndefined();
    for (const node of schema ? valueNodes(schema) : []) {
      const at = node.path.join('.');
      await check(`${at} wrong type`, send(route, method, JSON.stringify(setAt(valid, node.path, wrongTypeFor(node.type)))), 400);
      if (node.type === 'integer' || node.type === 'number') {
        for (const n of [-1, 1.5, 1e20]) await check(`${at} = ${n}`, send(route, method, JSON.stringify(setAt(valid, node.path, n))));
      }
      if (node.type !== 'string') continue;
      await check(`${at} 5,000 characters`, send(route, method, JSON.stringify(setAt(valid, node.path, '甲'.repeat(5000)))));
      if (String(node.path.at(-1)) in FREE_TEXT || (typeof node.path.at(-1) === 'number' && String(node.path.at(-2)) in FREE_TEXT)) continue;
      for (const s of INJECTIONS) await check(`${at} = ${s}`, send(route, method, JSON.stringify(setAt(valid, node.path, s))));
    }
    expect(problems).toEqual([]);
  });

  it('the division upload (text/csv) refuses garbage, JSON, markup and 10 MB with 4xx', async () => {
    const route: BodyRoute = { user: 'sysadmin', url: () => '/orgs/import-divisions' };
    const csv = { 'content-type': 'text/csv' };
    const problems: string[] = [];
    for (const [label, body, headers, status] of [
      ['binary garbage', '\u0000\u0001\u0002\uFFFD\uFFFD', csv, 400],
      ['no header', '330000,浙江省,\n', csv, 400],
      ['markup in a name', 'code,name,parentCode\n330000,<script>alert(1)</script>,\n', csv, 400],
      ['SQL in a code', "code,name,parentCode\n330000'; drop table orgs; --,浙江省,\n", csv, 400],
      ['a JSON body', '{"code":"330000"}', {}, 415],
      ['10 MB', `code,name,parentCode\n${'330000,浙江省,\n'.repeat(10 * 1024 * 1024 / 14)}`, csv, 413],
    ] as const) {
      const v = verdict(await send(route, 'POST', body, headers), status);
      if (v) problems.push(`${label}: ${v}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the aggregation upload (raw file bytes) refuses what it cannot import before starting a job', () => {
  it.each([
    ['binary garbage', '?library=lawyer&source=bi-src&fileName=a.csv', Buffer.from([0, 1, 2, 0, 255, 254, 0, 3]), 'application/octet-stream', 400],
    ['an old .xls', '?library=lawyer&source=bi-src&fileName=a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'application/octet-stream', 400],
    ['an empty file', '?library=lawyer&source=bi-src&fileName=a.csv', Buffer.alloc(0), 'application/octet-stream', 400],
    ['an unknown library', '?library=no-such-lib&source=bi-src&fileName=a.csv', Buffer.from('姓名\n张三\n'), 'application/octet-stream', 400],
    ['a source outside the scope', '?library=lawyer&source=zj-lawyer&fileName=a.csv', Buffer.from('姓名\n张三\n'), 'application/octet-stream', 404],
    ['a bad mode', '?library=lawyer&source=bi-src&mode=all&fileName=a.csv', Buffer.from('姓名\n张三\n'), 'application/octet-stream', 400],
    ['markup in the file name', '?library=lawyer&source=bi-src&fileName=%3Cscript%3E.csv', Buffer.from('姓名\n张三\n'), 'application/octet-stream', 400],
    ['a JSON body', '?library=lawyer&source=bi-src&fileName=a.csv', Buffer.from('{"a":1}'), 'application/json', 415],
  ] as const)('%s → %i', async (_, query, body, contentType, status) => {
    const res = await tp.as(tokens.bi_agg ?? '', { method: 'POST', url: `${API}/aggregation/batches${query}`, payload: body, headers: { 'content-type': contentType } });
    expect(verdict(res, status)).toBe('');
  });
});

describe('the law upload refuses what is not a law text, naming why', () => {
  it.each([
    ['binary garbage', '?filename=a.md', Buffer.from([0x50, 0x4b, 3, 4, 0, 1, 2, 0]), 'application/octet-stream', 400],
    ['a file name that is not .md or .txt', '?filename=a.exe', Buffer.from('# 甲条例\n第一条 甲。\n'), 'text/markdown', 400],
    ['markup in the folder', '?filename=a.md&folder=%3Cscript%3E', Buffer.from('# 甲条例\n第一条 甲。\n'), 'text/markdown', 400],
    ['a JSON body', '?filename=a.md', Buffer.from('{"a":1}'), 'application/json', 415],
    ['25 MB', '?filename=a.md', Buffer.alloc(25 * 1024 * 1024, 0x61), 'text/markdown', 413],
  ] as const)('%s → %i', async (_, query, body, contentType, status) => {
    const res = await tp.as(tokens.bi_staff ?? '', { method: 'POST', url: `${API}/laws/import${query}`, payload: body, headers: { 'content-type': contentType } });
    expect(verdict(res, status)).toBe('');
  });
});

describe('bad paths and query strings → 4xx with a code', () => {
  it('every route with a path parameter refuses negative, huge, non-numeric and injected values', async () => {
    const problems: string[] = [];
    for (const r of tp.routes.filter((x) => x.url.includes('/:'))) {
      const key = `${r.method} ${r.url}`;
      const route = BODY_ROUTES[key] ?? { user: userFor(r.permission), url: () => '' };
      const payload = r.method === 'GET' ? undefined : JSON.stringify(route.valid?.() ?? {});
      for (const bad of ['-1', '0', '99999999999999999999', 'abc', '1.5', '%00', "'%20or%201=1", '%3Cscript%3E']) {
        const url = `${r.url.replace(/:[A-Za-z]+/g, bad)}`;
        const token = tokens[route.user] ?? '';
        const res = await tp.as(token, { method: r.method as 'GET', url, ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/json' } }) });
        const v = verdict(res);
        if (v) problems.push(`${key} with ${bad}: ${v}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('/users/-1, /users/99999999999999999999 and /users/abc → 400 VALIDATION_FAILED', async () => {
    for (const id of ['-1', '99999999999999999999', 'abc']) {
      const res = await tp.as(tokens.sysadmin ?? '', { method: 'GET', url: `${API}/users/${id}` });
      expect({ id, status: res.statusCode, code: (res.json() as { code: string }).code }).toEqual({ id, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('every GET route with a query schema refuses unknown, over-long and wrong-typed parameters', async () => {
    const problems: string[] = [];
    // Gateway routes authenticate by signature first (an unsigned call learns nothing, not even
    // which parameters are wrong); their signed bad queries are tested in modules/sharing/gateway.
    for (const r of tp.routes.filter((x) => x.method === 'GET' && !x.url.startsWith('/api/v1/share/'))) {
      const params = queryParamsOf(tp, `${r.method} ${r.url}`);
      if (params.length === 0) continue;
      const base = r.url.replace(/:[A-Za-z]+/g, (m) => (m === ':year' ? '2026' : m === ':code' ? 'bi_base' : '1'));
      const token = tokens[userFor(r.permission)] ?? '';
      const get = (qs: string) => tp.as(token, { method: 'GET', url: `${base}?${qs}` });
      const note = (label: string, v: string) => v && problems.push(`${r.url} ${label}: ${v}`);
      note('unknown parameter', verdict(await get('isAdmin=true'), 400));
      for (const p of params) {
        note(`${p.name} 5,000 characters`, verdict(await get(`${p.name}=${'9'.repeat(5000)}`)));
        if (p.type === 'integer' || p.type === 'number') note(`${p.name}=abc`, verdict(await get(`${p.name}=abc`), 400));
        if (p.enum) note(`${p.name} outside its enum`, verdict(await get(`${p.name}=nope`), 400));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('and nothing changed', () => {
  it('every table (but the login log and sessions) is exactly as before the bad requests', async () => {
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['users', 'orgs', 'roles', 'audit_events']));
    expect(await snapshot(tp)).toEqual(before);
  });
});

describe('the bodies above were valid: each bad case failed for its own reason', () => {
  it.each(Object.keys(BODY_ROUTES))('%s accepts its valid body', async (key) => {
    const route = BODY_ROUTES[key] as BodyRoute;
    const body = route.accepted?.() ?? route.valid?.();
    const method = key.split(' ')[0] as 'POST';
    const res = body === undefined
      ? await tp.as(tokens[route.user] ?? '', { method, url: `${API}${route.url()}` })
      : await send(route, method, JSON.stringify(body));
    expect(res.statusCode, res.body).toBe(route.status ?? 200);
  });
});

describe('free text keeps metacharacters as data', () => {
  it('a role description stores quotes and semicolons verbatim and refuses markup', async () => {
    const url = `${API}/roles/${ctx.staffRole}`;
    for (const s of ["'; drop table users; --", '" onmouseover=']) {
      const res = await tp.as(tokens.secadmin ?? '', { method: 'PATCH', url, payload: { description: s } });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { description: string }).description).toBe(s);
    }
    const markup = await tp.as(tokens.secadmin ?? '', { method: 'PATCH', url, payload: { description: '<script>alert(1)</script>' } });
    expect(verdict(markup, 400)).toBe('');
  });

  it('SEC-12 a password with SQL or markup characters is just a password', async () => {
    const id = await userId(tp, 'bi_target');
    for (const password of ["'; DROP table users; --1", '<script>alert(1)</script>']) {
      const reset = await tp.as(tokens.secadmin ?? '', { method: 'POST', url: `${API}/users/${id}/reset-password`, payload: { password } });
      expect(reset.statusCode, reset.body).toBe(200);
      const login = await tp.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: 'bi_target', password } });
      expect(login.statusCode, login.body).toBe(200);
    }
  });

  it.each(Object.keys(FREE_TEXT))('metacharacters in any "%s" field never cause a 5xx', async (field) => {
    for (const [key, route] of Object.entries(BODY_ROUTES)) {
      const schema = bodySchemaOf(tp, key);
      if (!schema || !route.valid) continue;
      for (const node of valueNodes(schema).filter((n) => n.path.at(-1) === field)) {
        for (const s of INJECTIONS) {
          const res = await send(route, key.split(' ')[0] as string, JSON.stringify(setAt(route.valid(), node.path, s)));
          expect(res.statusCode, `${key} ${field}=${s}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expect(verdict(res)).toBe('');
        }
      }
    }
  });
});
