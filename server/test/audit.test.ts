import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';
import { createTestApp, injectFetch, type TestApp } from './harness.ts';
import { API, count, expectError, makeUser, orgId, roleId, snapshot, userId } from './helpers.ts';
import { LAWYER_HEADERS, lawyerRow } from '../src/modules/aggregation/test-fixtures.ts';
import { insertLaw, TEST_LAW, workbookOf } from '../src/modules/power-list/test-fixtures.ts';
import { idCheckDigit } from '../src/modules/standards/index.ts';

/**
 * SEC-17: every state change writes one audit event in its transaction — who (user, org), what
 * (action, target), the request id the caller saw and the IP — and the audit and login logs are
 * append-only in the database itself.
 */

let tp: TestApp;
const ctx: Record<string, number> = {};
const keys: Record<string, string> = {};
const files: Record<string, Buffer> = {};
/** A power-list item resting on an element of TEST_LAW (written into the library in beforeAll). */
const plBasis = `${TEST_LAW.id}/art3/p1/i2`;
const plItem = (name: string) => ({ code: 'AUDIT-PL-1', name, kind: '行政处罚', orgTypes: ['city_bureau'], bases: [{ elementId: plBasis, role: 'penalty' }] });

interface Case {
  user: string;
  url: () => string;
  /** Built at run time: ids are known only once the app is up. */
  body?: () => unknown;
  headers?: Record<string, string>;
  /** The success status when not 200 (an upload answers 202: its job runs on). */
  status?: number;
  action: string;
  targetType: string;
  /** The target id the event must name, from the context or the response. */
  targetId: (res: Record<string, unknown>) => string | null;
}

const ofCtx = (k: string) => () => String(ctx[k]);
/** A connector to an agency that is not there: its audited run fails in the background, harmlessly. */
const auditConnector = () => ({
  code: 'audit-conn', name: '审计测试连接器', agency: '测试部门', libraryId: 'civil-servant', baseUrl: 'http://127.0.0.1:9', endpoint: '/persons',
  auth: { kind: 'api-key', header: 'X-Api-Key', prefix: '' }, secret: 'audit-conn-secret-0001',
  paging: { kind: 'cursor', cursorParam: 'after', sizeParam: 'size', size: 50, itemsPath: 'items', nextPath: 'next' },
  mapping: [{ fields: ['idNumber', 'name', 'employer', 'post', 'status'].map((field) => ({ field, from: [field] })) }],
});
const fromResponse = (r: Record<string, unknown>) => String(r.id);

/**
 * One successful call per state-changing route (and the audited personal-data read), in run order:
 * creates before the updates that use what they made. A new POST, PUT, PATCH or DELETE route must
 * be added here or to LOGIN_LOG — the inventory test fails until it is.
 */
const CASES: Record<string, Case> = {
  'POST /api/v1/orgs': {
    user: 'sysadmin', url: () => '/orgs', body: () => ({ parentId: ctx.xihu, name: '审计测试司法所', type: 'justice_office', regionCode: '330106' }),
    action: 'org.create', targetType: 'org', targetId: fromResponse,
  },
  'PATCH /api/v1/orgs/:id': { user: 'sysadmin', url: () => `/orgs/${ctx.newOrg}`, body: () => ({ name: '审计测试司法所（更名）' }), action: 'org.update', targetType: 'org', targetId: ofCtx('newOrg') },
  'POST /api/v1/orgs/import-divisions': {
    user: 'sysadmin', url: () => '/orgs/import-divisions', body: () => 'code,name,parentCode\n330000,浙江省,\n330100,杭州市,330000\n',
    headers: { 'content-type': 'text/csv' }, action: 'org.import-divisions', targetType: 'org', targetId: () => null,
  },
  'POST /api/v1/users': {
    user: 'sysadmin', url: () => '/users', body: () => ({ username: 'audit_new', displayName: '审计新用户', orgId: ctx.xihu, password: 'Audit#New2026' }),
    action: 'user.create', targetType: 'user', targetId: fromResponse,
  },
  'PATCH /api/v1/users/:id': { user: 'sysadmin', url: () => `/users/${ctx.target}`, body: () => ({ displayName: '改过的名字' }), action: 'user.update', targetType: 'user', targetId: ofCtx('target') },
  'PUT /api/v1/users/:id/roles': { user: 'secadmin', url: () => `/users/${ctx.target}/roles`, body: () => ({ roleCodes: ['leader'] }), action: 'user.assign-roles', targetType: 'user', targetId: ofCtx('target') },
  'POST /api/v1/users/:id/unlock': { user: 'secadmin', url: () => `/users/${ctx.target}/unlock`, action: 'user.unlock', targetType: 'user', targetId: ofCtx('target') },
  'POST /api/v1/users/:id/reset-password': { user: 'secadmin', url: () => `/users/${ctx.target}/reset-password`, body: () => ({ password: 'Reset#Audit2026' }), action: 'user.reset-password', targetType: 'user', targetId: ofCtx('target') },
  'POST /api/v1/auth/password': {
    user: 'audit_changer', url: () => '/auth/password', body: () => ({ oldPassword: DEMO_PASSWORD, newPassword: 'Changed#Audit2026' }),
    action: 'user.change-password', targetType: 'user', targetId: ofCtx('changer'),
  },
  'POST /api/v1/roles': { user: 'secadmin', url: () => '/roles', body: () => ({ code: 'audit_role', name: '审计测试角色', permissions: ['org:read'], dataScope: 'org' }), action: 'role.create', targetType: 'role', targetId: fromResponse },
  'PATCH /api/v1/roles/:id': { user: 'secadmin', url: () => `/roles/${ctx.staffRole}`, body: () => ({ description: '改过的说明' }), action: 'role.update', targetType: 'role', targetId: ofCtx('staffRole') },
  'POST /api/v1/code-sets': { user: 'sysadmin', url: () => '/code-sets', body: () => ({ code: 'audit_set', name: '审计测试代码集' }), action: 'code-set.create', targetType: 'code-set', targetId: () => 'audit_set' },
  'POST /api/v1/code-sets/:code/items': { user: 'sysadmin', url: () => '/code-sets/audit_set/items', body: () => ({ code: '01', label: '甲' }), action: 'code-item.create', targetType: 'code-item', targetId: () => 'audit_set:01' },
  'PATCH /api/v1/code-sets/:code/items/:itemCode': { user: 'sysadmin', url: () => '/code-sets/audit_set/items/01', body: () => ({ label: '乙' }), action: 'code-item.update', targetType: 'code-item', targetId: () => 'audit_set:01' },
  'PUT /api/v1/calendar/years/:year': {
    user: 'sysadmin', url: () => '/calendar/years/2027', body: () => ({ source: '国办发明电〔2026〕9号', days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] }),
    action: 'calendar.save-year', targetType: 'calendar_year', targetId: () => '2027',
  },
  'POST /api/v1/aggregation/sources': {
    user: 'xihu_staff', url: () => '/aggregation/sources', body: () => ({ code: 'audit-src', name: '审计测试来源系统', libraries: [{ libraryId: 'lawyer', cycle: 'monthly', expectedRecords: 10 }] }),
    action: 'aggregation.source.create', targetType: 'agg_source', targetId: fromResponse,
  },
  'PATCH /api/v1/aggregation/sources/:id': {
    user: 'xihu_staff', url: () => `/aggregation/sources/${ctx.source}`, body: () => ({ name: '审计测试来源系统（改）' }),
    action: 'aggregation.source.update', targetType: 'agg_source', targetId: ofCtx('source'),
  },
  'POST /api/v1/aggregation/batches': {
    user: 'xihu_staff', url: () => '/aggregation/batches?library=lawyer&source=audit-src&fileName=audit.csv', body: () => `${LAWYER_HEADERS.join(',')}\n${lawyerRow(1).join(',')}\n`,
    headers: { 'content-type': 'application/octet-stream' }, status: 202, action: 'aggregation.batch.start', targetType: 'agg_batch', targetId: (r) => String(r.id),
  },
  'POST /api/v1/aggregation/push': {
    user: 'audit_pusher', url: () => '/aggregation/push', body: () => ({ library: 'lawyer', source: 'audit-src', batchId: 'audit-1', records: [Object.fromEntries(LAWYER_HEADERS.map((h, i) => [h, lawyerRow(2)[i]]))] }),
    action: 'aggregation.batch.start', targetType: 'agg_batch', targetId: (r) => String(r.id),
  },
  'POST /api/v1/ledger/logs': { user: 'sysadmin', url: () => '/ledger/logs', body: () => ({ name: 'audit-case', hash: 'sm3' }), action: 'ledger.create', targetType: 'ledger_log', targetId: () => 'audit-case' },
  'POST /api/v1/ledger/logs/:name/entries': {
    user: 'audit_pusher', url: () => '/ledger/logs/audit-case/entries', body: () => ({ entries: [{ type: 'case.evidence', payload: { caseId: 'A-1' } }] }),
    action: 'ledger.append', targetType: 'ledger_log', targetId: () => 'audit-case',
  },
  'POST /api/v1/ledger/logs/:name/rotate-key': { user: 'sysadmin', url: () => '/ledger/logs/audit-case/rotate-key', body: () => ({ kind: 'sm2' }), action: 'ledger.rotate-key', targetType: 'ledger_log', targetId: () => 'audit-case' },
  'POST /api/v1/ledger/logs/:name/witnesses': {
    user: 'sysadmin', url: () => '/ledger/logs/audit-case/witnesses', body: () => ({ vkey: keys.witness }), action: 'ledger.add-witness', targetType: 'ledger_log', targetId: () => 'audit-case',
  },
  'POST /api/v1/ledger/witness/follow': {
    user: 'sysadmin', url: () => '/ledger/witness/follow', body: () => ({ url: 'http://tianping.test/api/v1/ledger/logs/audit-w', logKey: keys.log }),
    action: 'ledger.follow', targetType: 'ledger_witnessed', targetId: () => 'tianping.local/audit-w',
  },
  'POST /api/v1/laws/import': {
    user: 'xihu_staff', url: () => `/laws/import?filename=${encodeURIComponent('审计测试条例(2020-01-01).md')}&folder=${encodeURIComponent('行政法规')}`,
    body: () => '# 审计测试条例\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本条例。\n',
    headers: { 'content-type': 'text/markdown' }, action: 'law.import', targetType: 'law_version', targetId: () => '审计测试条例/2020-01-01',
  },
  'POST /api/v1/power-list/items': { user: 'xihu_staff', url: () => '/power-list/items', body: () => plItem('审计测试事项'), action: 'power-list.item.create', targetType: 'power_item', targetId: fromResponse },
  'PUT /api/v1/power-list/items/:id': { user: 'xihu_staff', url: () => `/power-list/items/${ctx.plItem}`, body: () => plItem('审计测试事项（改）'), action: 'power-list.item.update', targetType: 'power_item', targetId: ofCtx('plItem') },
  'POST /api/v1/power-list/reviews/confirm': {
    user: 'xihu_staff', url: () => '/power-list/reviews/confirm', body: () => ({ itemId: ctx.plItem, oldElementId: plBasis, newElementId: null }),
    action: 'power-list.review.confirm', targetType: 'power_item', targetId: ofCtx('plItem'),
  },
  'POST /api/v1/power-list/import': {
    user: 'xihu_staff', url: () => '/power-list/import', body: () => files.powerList, headers: { 'content-type': 'application/octet-stream' },
    action: 'power-list.import', targetType: 'power_item', targetId: () => null,
  },
  'DELETE /api/v1/power-list/items/:id': { user: 'xihu_staff', url: () => `/power-list/items/${ctx.plItem}`, action: 'power-list.item.delete', targetType: 'power_item', targetId: ofCtx('plItem') },
  'POST /api/v1/enforcement/subjects': {
    user: 'xihu_staff', url: () => '/enforcement/subjects', body: () => ({ orgId: ctx.enfOrg, kind: '法律法规授权组织', legalBasis: '某条例第三条', domains: ['01'] }),
    action: 'enforcement.subject.create', targetType: 'enforcement_subject', targetId: fromResponse,
  },
  'PUT /api/v1/enforcement/subjects/:id': {
    user: 'xihu_staff', url: () => `/enforcement/subjects/${ctx.enfSubject}`, body: () => ({ orgId: ctx.enfOrg, kind: '法律法规授权组织', legalBasis: '某条例第四条', domains: ['01', '02'] }),
    action: 'enforcement.subject.update', targetType: 'enforcement_subject', targetId: ofCtx('enfSubject'),
  },
  'POST /api/v1/enforcement/officers': {
    user: 'xihu_staff', url: () => '/enforcement/officers',
    body: () => ({ name: '审计员', idNumber: `33010619850505123${idCheckDigit('33010619850505123')}`, orgId: ctx.xihu, certificateNo: '浙AUDIT-0001', domains: ['01'], issuedOn: '2024-01-01', expiresOn: '2029-12-31' }),
    action: 'enforcement.officer.create', targetType: 'enforcement_officer', targetId: fromResponse,
  },
  'PUT /api/v1/enforcement/officers/:id': {
    user: 'xihu_staff', url: () => `/enforcement/officers/${ctx.enfOfficer}`,
    body: () => ({ name: '审计员', orgId: ctx.xihu, certificateNo: '浙AUDIT-0001', domains: ['01'], issuedOn: '2024-01-01', expiresOn: '2030-12-31' }),
    action: 'enforcement.officer.update', targetType: 'enforcement_officer', targetId: ofCtx('enfOfficer'),
  },
  'POST /api/v1/enforcement/officers/:id/status': {
    user: 'xihu_staff', url: () => `/enforcement/officers/${ctx.enfOfficer}/status`, body: () => ({ action: 'suspend', reason: '审计测试暂扣' }),
    action: 'enforcement.officer.suspend', targetType: 'enforcement_officer', targetId: ofCtx('enfOfficer'),
  },
  'POST /api/v1/enforcement/officers/import': {
    user: 'xihu_staff', url: () => '/enforcement/officers/import', body: () => files.officers, headers: { 'content-type': 'application/octet-stream' },
    action: 'enforcement.officer.import', targetType: 'enforcement_officer', targetId: () => null,
  },
  'POST /api/v1/sharing/resources': {
    user: 'xihu_staff', url: () => '/sharing/resources',
    body: () => ({ code: 'audit-res', name: '审计测试资源', libraryId: 'law-firm', ownerOrgId: ctx.xihu, fields: ['name', 'creditCode'], lookupKeys: ['creditCode'], updateCycle: 'daily', sharingType: 'unconditional', openType: 'open' }),
    action: 'sharing.resource.create', targetType: 'share_resource', targetId: () => 'audit-res',
  },
  'PUT /api/v1/sharing/resources/:code': {
    user: 'xihu_staff', url: () => '/sharing/resources/audit-res',
    body: () => ({ name: '审计测试资源（改）', libraryId: 'law-firm', ownerOrgId: ctx.xihu, fields: ['name'], lookupKeys: [], updateCycle: 'weekly', sharingType: 'unconditional', openType: 'open' }),
    action: 'sharing.resource.update', targetType: 'share_resource', targetId: () => 'audit-res',
  },
  'POST /api/v1/sharing/consumers': {
    user: 'xihu_staff', url: () => '/sharing/consumers', body: () => ({ name: '审计测试调用方', alg: 'hmac-sha256' }),
    action: 'sharing.consumer.create', targetType: 'share_consumer', targetId: (r) => String(r.consumerId),
  },
  'PATCH /api/v1/sharing/consumers/:id': {
    user: 'xihu_staff', url: () => `/sharing/consumers/${ctx.shareConsumer}`, body: () => ({ status: 'suspended' }),
    action: 'sharing.consumer.status', targetType: 'share_consumer', targetId: ofCtx('shareConsumer'),
  },
  'POST /api/v1/sharing/requests': {
    user: 'xihu_staff', url: () => '/sharing/requests', body: () => ({ consumerId: ctx.shareConsumer, resourceCode: 'lawyer', fields: ['name'], purpose: '审计测试', legalBasis: '测试依据' }),
    action: 'sharing.request.create', targetType: 'share_request', targetId: fromResponse,
  },
  'POST /api/v1/sharing/requests/:id/decision': {
    user: 'zj_leader', url: () => `/sharing/requests/${ctx.shareRequest}/decision`, body: () => ({ approve: false, note: '不符合最小必要原则' }),
    action: 'sharing.request.reject', targetType: 'share_request', targetId: ofCtx('shareRequest'),
  },
  'POST /api/v1/sharing/grants': {
    user: 'xihu_staff', url: () => '/sharing/grants', body: () => ({ consumerId: ctx.shareConsumer, resourceCode: 'audit-res', fields: ['name'], purpose: '审计测试' }),
    action: 'sharing.grant.create', targetType: 'share_grant', targetId: (r) => String(r.grantId),
  },
  'POST /api/v1/sharing/grants/:id/revoke': {
    user: 'xihu_staff', url: () => `/sharing/grants/${ctx.shareGrant}/revoke`,
    action: 'sharing.grant.revoke', targetType: 'share_grant', targetId: ofCtx('shareGrant'),
  },
  'GET /api/v1/sharing/subject-log': {
    user: 'xihu_staff', url: () => '/sharing/subject-log?idNumber=33010619900101123x',
    action: 'sharing.subject-log.read', targetType: 'person', targetId: () => '330***********123X',
  },
  'POST /api/v1/connectors': {
    user: 'xihu_staff', url: () => '/connectors', body: () => auditConnector(),
    action: 'connectors.create', targetType: 'conn_connector', targetId: fromResponse,
  },
  'PUT /api/v1/connectors/:id': {
    user: 'xihu_staff', url: () => `/connectors/${ctx.connector}`,
    body: () => {
      const { code: _code, libraryId: _library, secret: _secret, ...rest } = auditConnector();
      return { ...rest, name: '审计测试连接器（改）', status: 'paused' };
    },
    action: 'connectors.update', targetType: 'conn_connector', targetId: ofCtx('connector'),
  },
  'POST /api/v1/connectors/:id/runs': {
    user: 'xihu_staff', url: () => `/connectors/${ctx.runConnector}/runs`, status: 202,
    action: 'connectors.run.start', targetType: 'conn_run', targetId: fromResponse,
  },
  'POST /api/v1/enforcement/cases': {
    user: 'xihu_staff', url: () => '/enforcement/cases',
    body: () => ({ orgId: ctx.xihu, cause: '审计测试案由', party: { kind: 'organisation', name: '审计测试律师事务所' }, actEndDate: '2026-01-05', discoveredDate: '2026-01-06' }),
    action: 'enforcement.case.create', targetType: 'enforcement_case', targetId: fromResponse,
  },
  'PATCH /api/v1/enforcement/cases/:id/record': {
    user: 'xihu_staff', url: () => `/enforcement/cases/${ctx.enfCase}/record`, body: () => ({ pauses: [{ from: '2026-01-10', to: '2026-01-12', reason: '鉴定' }] }),
    action: 'enforcement.case.record', targetType: 'enforcement_case', targetId: ofCtx('enfCase'),
  },
  'POST /api/v1/enforcement/cases/:id/moves': {
    user: 'xihu_staff', url: () => `/enforcement/cases/${ctx.enfCase}/moves`, body: () => ({ to: 'filed', date: '2026-01-07', opinion: '立案' }),
    action: 'enforcement.case.move', targetType: 'enforcement_case', targetId: ofCtx('enfCase'),
  },
  'GET /api/v1/users/:id/personal': { user: 'personal_reader', url: () => `/users/${ctx.target}/personal`, action: 'user.read-personal', targetType: 'user', targetId: ofCtx('target') },
};

/** Public routes whose caller is known by a signature, not a session: audited under that name. */
const SIGNED: Record<string, string> = {
  'POST /api/v1/ledger/logs/:name/checkpoints/:size/cosignatures': 'ledger.cosign',
};

/**
 * Signed gateway calls of other agencies' systems: reads, each recorded in the call log
 * (share_calls: consumer, purpose, subjects, status) rather than the audit trail — tested in
 * modules/sharing/gateway.
 */
const GATEWAY_CALLS: Record<string, string> = {
  'POST /api/v1/share/:resource/verify': '核验: a yes/no read, logged per call in share_calls',
};

/** State changes recorded in the login log (SEC-13) rather than the audit trail. */
const LOGIN_LOG: Record<string, string> = {
  'POST /api/v1/auth/login': 'success',
  'POST /api/v1/auth/logout': 'logout',
};

beforeAll(async () => {
  tp = await createTestApp({ fetch: injectFetch(() => tp.app) });
  // A log this node witnesses itself (follow needs a signed checkpoint and a registered witness).
  await tp.ledger.logs.create({ system: 'test' }, { name: 'audit-w', hash: 'sha256' });
  await tp.ledger.logs.append('audit-w', [{ raw: Buffer.from('e0') }]);
  await tp.ledger.logs.checkpoint('audit-w');
  keys.log = (await tp.ledger.logs.keysOf('audit-w'))[0]!.vkey;
  keys.witness = await tp.ledger.witnesses.witnessKey();
  await tp.ledger.witnesses.addWitness({ system: 'test' }, 'audit-w', keys.witness);
  ctx.xihu = await orgId(tp, '330106', 'county_bureau');
  // Sharing: the province owns the lawyer roll; a Xihu system with a pending demand and a grant.
  await sql`update share_resources set owner_org_id = ${await orgId(tp, '330000', 'province_dept')} where code = 'lawyer'`.execute(tp.database.db);
  ctx.shareConsumer = (await tp.sharing.consumers.create({ system: 'test' }, { name: '审计用调用方', agency: '', orgId: ctx.xihu, alg: 'hmac-sha256' })).consumerId;
  ctx.shareRequest = await tp.sharing.grants.demand({ system: 'test' }, null, { consumerId: ctx.shareConsumer, resourceCode: 'lawyer', fields: ['name'], purpose: '审计', legalBasis: '测试' });
  ctx.shareGrant = await tp.sharing.grants.createGrant({ system: 'test' }, { consumerId: ctx.shareConsumer, resourceCode: 'lawyer', fields: ['name'], plainFields: [], purpose: '审计', legalBasis: '', ratePerSecond: 1, quotaPerDay: 1 });
  ctx.target = await makeUser(tp, 'audit_target', ctx.xihu);
  ctx.changer = await makeUser(tp, 'audit_changer', ctx.xihu);
  await makeUser(tp, 'audit_login', ctx.xihu);
  ctx.staffRole = await roleId(tp, 'staff');
  await insertLaw(tp.database.db, TEST_LAW);
  // Enforcement: a 司法所 of Xihu not yet a subject (the demo entrusts the first), and an officers workbook.
  const { rows: offices } = await sql<{ id: number }>`select id from orgs where parent_id = ${ctx.xihu} and type = 'justice_office' order by id offset 1 limit 1`.execute(tp.database.db);
  ctx.enfOrg = Number(offices[0]?.id);
  files.officers = await workbookOf([
    ['姓名', '公民身份号码', '所属机构', '执法证号', '执法领域', '发证日期', '有效期至', '法律职业资格'],
    ['审计导入', `33010619860606123${idCheckDigit('33010619860606123')}`, '杭州市西湖区司法局', '浙AUDIT-0002', '司法行政', '2024-01-01', '2029-12-31', '否'],
  ]);
  files.powerList = await workbookOf([['事项编码', '事项名称', '事项类别', '实施主体'], ['AUDIT-PL-2', '审计导入事项', '行政检查', '县级司法局']]);
  const sec = await tp.login('secadmin');
  const role = await tp.as(sec, {
    method: 'POST',
    url: `${API}/roles`,
    payload: { code: 'personal_role', name: '个人信息查阅', permissions: ['user:read', 'user:read-personal'], dataScope: 'all' },
  });
  expect(role.statusCode, role.body).toBe(200);
  await makeUser(tp, 'personal_reader', ctx.xihu, { roles: ['personal_role'] });
  await makeUser(tp, 'audit_pusher', ctx.xihu, { roles: ['source_system'] });
  // The run case needs an active connector of Xihu's (the PUT case pauses audit-conn).
  const run = await tp.as(await tp.login('xihu_staff'), { method: 'POST', url: `${API}/connectors`, payload: { ...auditConnector(), code: 'audit-run' } });
  expect(run.statusCode, run.body).toBe(200);
  ctx.runConnector = Number((run.json() as { id: number }).id);
});

afterAll(async () => {
  await tp?.destroy();
});

describe('SEC-17 every state change is audited', () => {
  it('SEC-17 every non-GET route has an audit case or a login-log case', () => {
    const changes = tp.routes.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    const missing = changes.filter((k) => !(k in CASES) && !(k in LOGIN_LOG) && !(k in SIGNED) && !(k in GATEWAY_CALLS));
    expect(missing, 'add these routes to CASES in audit.test.ts').toEqual([]);
    const stale = [...Object.keys(CASES), ...Object.keys(LOGIN_LOG), ...Object.keys(SIGNED), ...Object.keys(GATEWAY_CALLS)].filter((k) => !tp.routes.some((r) => `${r.method} ${r.url}` === k));
    expect(stale, 'cases for routes that no longer exist').toEqual([]);
  });

  it.each(Object.keys(CASES))('SEC-17 %s writes one event with actor, org, action, target, request id and IP', async (route) => {
    const c = CASES[route] as Case;
    const method = route.split(' ')[0] as 'POST';
    const token = await tp.login(c.user);
    const payload = c.body?.() as string | object | undefined;
    const res = await tp.as(token, { method, url: `${API}${c.url()}`, ...(payload === undefined ? {} : { payload }), ...(c.headers ? { headers: c.headers } : {}) });
    expect(res.statusCode, res.body).toBe(c.status ?? 200);
    const requestId = res.headers['x-request-id'] as string;
    expect(requestId).toBeTruthy();
    const body = res.json() as Record<string, unknown>;
    if (route === 'POST /api/v1/orgs') ctx.newOrg = Number(body.id);
    if (route === 'POST /api/v1/aggregation/sources') ctx.source = Number(body.id);
    if (route === 'POST /api/v1/power-list/items') ctx.plItem = Number(body.id);
    if (route === 'POST /api/v1/enforcement/subjects') ctx.enfSubject = Number(body.id);
    if (route === 'POST /api/v1/enforcement/officers') ctx.enfOfficer = Number(body.id);
    if (route === 'POST /api/v1/enforcement/cases') ctx.enfCase = Number(body.id);
    if (route === 'POST /api/v1/connectors') ctx.connector = Number(body.id);
    // The pull goes on in the background (and fails: nothing is there); later cases snapshot the tables.
    if (route === 'POST /api/v1/connectors/:id/runs') await tp.connectors.settled();

    // An aggregation batch also records its end ('aggregation.batch.finish') under the same request id.
    const { rows } = await sql<Record<string, unknown>>`select * from audit_events where request_id = ${requestId} and action = ${c.action}`.execute(tp.database.db);
    expect(rows).toHaveLength(1);
    const e = rows[0] as Record<string, unknown>;
    const actorId = await userId(tp, c.user);
    const { rows: org } = await sql<{ org_id: number }>`select org_id from users where id = ${actorId}`.execute(tp.database.db);
    expect({
      actor_id: Number(e.actor_id),
      actor_username: e.actor_username,
      actor_org_id: Number(e.actor_org_id),
      action: e.action,
      target_type: e.target_type,
      target_id: e.target_id,
      ip: e.ip,
      result: e.result,
    }).toEqual({
      actor_id: actorId,
      actor_username: c.user,
      actor_org_id: Number(org[0]?.org_id),
      action: c.action,
      target_type: c.targetType,
      target_id: c.targetId(body),
      ip: '127.0.0.1',
      result: 'success',
    });
    expect(e.at).toBeInstanceOf(Date);
    // SEC-12/17: never a secret in the trail.
    const text = JSON.stringify(e);
    for (const secret of ['Audit#New2026', 'Reset#Audit2026', 'Changed#Audit2026', DEMO_PASSWORD, 'audit-conn-secret-0001']) expect(text).not.toContain(secret);
  });

  it('SEC-17 a witness cosignature (a public route) is audited under the witness that signed it', async () => {
    await tp.ledger.logs.append('audit-w', [{ raw: Buffer.from('e1') }]);
    await tp.ledger.logs.checkpoint('audit-w');
    await tp.ledger.witnesses.witness('http://tianping.test/api/v1/ledger/logs/audit-w');
    const { rows } = await sql<Record<string, unknown>>`select * from audit_events where action = 'ledger.cosign' order by id desc limit 1`.execute(tp.database.db);
    expect(rows[0]).toMatchObject({ actor_username: 'system:witness tianping.local/witness', target_type: 'ledger_log', target_id: 'audit-w', ip: '127.0.0.1', result: 'success' });
    expect(rows[0]?.request_id).toBeTruthy();
  });

  it.each(Object.entries(LOGIN_LOG))('SEC-13 %s writes a login-log row (%s) instead', async (route, result) => {
    const before = await sql<{ n: number }>`select count(*) as n from login_events where result = ${result}`.execute(tp.database.db);
    const token = await tp.login('audit_login');
    if (route.endsWith('/logout')) await tp.as(token, { method: 'POST', url: `${API}/auth/logout` });
    const after = await sql<{ n: number }>`select count(*) as n from login_events where result = ${result}`.execute(tp.database.db);
    expect(Number(after.rows[0]?.n)).toBe(Number(before.rows[0]?.n) + 1);
  });

  it('SEC-17 the caller’s X-Request-Id is the event’s requestId, readable by auditadmin', async () => {
    const token = await tp.login('sysadmin');
    const res = await tp.as(token, { method: 'PATCH', url: `${API}/users/${ctx.target}`, payload: { displayName: '再改一次' }, headers: { 'x-request-id': 'trace-sec17-0001' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['x-request-id']).toBe('trace-sec17-0001');
    const auditor = await tp.login('auditadmin');
    const list = await tp.as(auditor, { method: 'GET', url: `${API}/audit-events?action=user.update&targetId=${ctx.target}` });
    const events = (list.json() as { items: { requestId: string; actorUsername: string; ip: string; changes: unknown }[] }).items;
    expect(events[0]).toMatchObject({ requestId: 'trace-sec17-0001', actorUsername: 'sysadmin', ip: '127.0.0.1', changes: { displayName: ['改过的名字', '再改一次'] } });
  });
});

describe('SEC-17 a failed change writes nothing', () => {
  it.each([
    ['duplicate user name → 409 USER_USERNAME_TAKEN', 'sysadmin', 'POST', '/users', () => ({ username: 'XIHU_STAFF', displayName: '重名', orgId: ctx.xihu, password: 'Valid#Pass2026' }), 409, 'USER_USERNAME_TAKEN'],
    ['duplicate role code → 409 ROLE_CODE_TAKEN', 'secadmin', 'POST', '/roles', () => ({ code: 'staff', name: '重复', permissions: [], dataScope: 'org' }), 409, 'ROLE_CODE_TAKEN'],
    ['unknown role in an assignment → 404 ROLE_NOT_FOUND', 'secadmin', 'PUT', `/users/:target/roles`, () => ({ roleCodes: ['staff', 'no_such_role'] }), 404, 'ROLE_NOT_FOUND'],
    ['org under a parent that does not exist → 400', 'sysadmin', 'POST', '/orgs', () => ({ parentId: 999999, name: '无上级', type: 'justice_office', regionCode: '330106' }), 400, 'ORG_PARENT_NOT_FOUND'],
  ] as const)('SEC-17 %s: no audit row, no data row', async (_name, user, method, url, payload, status, code) => {
    const token = await tp.login(user); // before the snapshot: a login stamps users.last_login_at
    const [audit, users, roles, all] = [await count(tp, 'audit_events'), await count(tp, 'users'), await count(tp, 'roles'), await snapshot(tp)];
    expectError(await tp.as(token, { method, url: `${API}${url.replace(':target', String(ctx.target))}`, payload: payload() }), status, code);
    expect([await count(tp, 'audit_events'), await count(tp, 'users'), await count(tp, 'roles')]).toEqual([audit, users, roles]);
    expect(await snapshot(tp)).toEqual(all);
  });
});

describe('SEC-17 the audit trail and the login log are append-only in the database', () => {
  it.each([
    ['audit_events', 'update', sql`update audit_events set action = 'forged'`],
    ['audit_events', 'delete', sql`delete from audit_events`],
    ['audit_events', 'truncate', sql`truncate audit_events`],
    ['login_events', 'update', sql`update login_events set result = 'success'`],
    ['login_events', 'delete', sql`delete from login_events`],
    ['login_events', 'truncate', sql`truncate login_events`],
  ])('SEC-17 %s: %s fails and changes nothing', async (table, _verb, statement) => {
    const before = await count(tp, table);
    expect(before).toBeGreaterThan(0); // row triggers only fire when there are rows
    const { rows: first } = await sql<{ t: string }>`select md5(string_agg(t::text, '|' order by t::text)) as t from ${sql.table(table)} t`.execute(tp.database.db);
    await expect(statement.execute(tp.database.db)).rejects.toThrow(/只追加|append/);
    expect(await count(tp, table)).toBe(before);
    const { rows: again } = await sql<{ t: string }>`select md5(string_agg(t::text, '|' order by t::text)) as t from ${sql.table(table)} t`.execute(tp.database.db);
    expect(again[0]?.t).toBe(first[0]?.t);
  });

  it('SEC-17 the trail still accepts new events after the refused statements', async () => {
    const before = await count(tp, 'audit_events');
    const token = await tp.login('sysadmin');
    expect((await tp.as(token, { method: 'PATCH', url: `${API}/users/${ctx.target}`, payload: { displayName: '最后一次' } })).statusCode).toBe(200);
    expect(await count(tp, 'audit_events')).toBe(before + 1);
  });
});
