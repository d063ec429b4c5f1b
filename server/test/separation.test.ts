import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/modules/identity/index.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { API, expectError, makeUser, orgId, roleId, userId } from './helpers.ts';

/**
 * SEC-16/SEC-18 三员分立: the system, security and audit administrators are separate posts with
 * separate rights; none holds a business permission, none widens its own rights, and only the
 * audit administrator reads the logs.
 */

let tp: TestApp;
const tokens: Record<string, string> = {};
let xihu: number;
let target: number;
let staffRole: number;
let leaderRole: number;

async function as(username: string, opts: InjectOptions) {
  const token = tokens[username];
  if (!token) throw new Error(`no token for ${username}`);
  return tp.as(token, opts);
}

async function permissionsOf(roleCode: string): Promise<string[]> {
  const { rows } = await sql<{ permissions: string[] }>`select permissions from roles where code = ${roleCode}`.execute(tp.database.db);
  return [...(rows[0]?.permissions ?? [])].sort();
}

beforeAll(async () => {
  tp = await createTestApp();
  xihu = await orgId(tp, '330106', 'county_bureau');
  target = await makeUser(tp, 'sep_target', xihu);
  staffRole = await roleId(tp, 'staff');
  leaderRole = await roleId(tp, 'leader');
  for (const u of DEMO_USERS) tokens[u.username] = await tp.login(u.username);
});

afterAll(async () => {
  await tp?.destroy();
});

describe('SEC-18 the audit administrator only reads', () => {
  it('SEC-18 auditadmin gets 403 AUTHZ_FORBIDDEN on every state-changing route', async () => {
    const own = ['POST /api/v1/auth/logout', 'POST /api/v1/auth/password', 'POST /api/v1/auth/login'];
    // Public routes (a witness's cosignature) are nobody's right: they authenticate by signature.
    const changes = tp.routes.filter((r) => r.method !== 'GET' && !r.public && !own.includes(`${r.method} ${r.url}`));
    expect(changes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/v1/users', 'PATCH /api/v1/users/:id']));
    for (const r of changes) {
      const res = await as('auditadmin', { method: r.method as 'POST', url: r.url.replace(/:[A-Za-z]+/g, String(target)), payload: {} });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode, code: (res.json() as { code: string }).code }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 403,
        code: 'AUTHZ_FORBIDDEN',
      });
    }
  });

  it('SEC-18 auditadmin cannot create or change a user even with a valid body', async () => {
    const create = await as('auditadmin', {
      method: 'POST',
      url: `${API}/users`,
      payload: { username: 'by_auditor', displayName: '审计建的', orgId: xihu, roleCodes: ['staff'], password: 'Valid#Pass2026' },
    });
    expectError(create, 403, 'AUTHZ_FORBIDDEN');
    expectError(await as('auditadmin', { method: 'PATCH', url: `${API}/users/${target}`, payload: { displayName: '改名' } }), 403, 'AUTHZ_FORBIDDEN');
  });
});

describe('SEC-17/SEC-18 only the audit administrator reads the logs', () => {
  it.each(DEMO_USERS.map((u) => u.username))('SEC-18 %s on /audit-events and /login-events', async (username) => {
    for (const url of [`${API}/audit-events`, `${API}/login-events`]) {
      const res = await as(username, { method: 'GET', url });
      if (username === 'auditadmin') expect(res.statusCode, res.body).toBe(200);
      else expectError(res, 403, 'AUTHZ_FORBIDDEN');
    }
  });

  it('SEC-18 only the auditadmin role carries the log permissions', async () => {
    const { rows } = await sql<{ code: string }>`
      select code from roles where permissions && array['audit:read', 'login-event:read']::text[] order by code`.execute(tp.database.db);
    expect(rows.map((r) => r.code)).toEqual(['auditadmin']);
  });

  it.each([
    ['a new business role with audit:read', 'POST', (): string => '/roles', { code: 'log_reader', name: '日志查看', permissions: ['audit:read'], dataScope: 'all' }],
    ['a new business role with login-event:read', 'POST', (): string => '/roles', { code: 'log_reader2', name: '日志查看', permissions: ['login-event:read'], dataScope: 'all' }],
    ['a new business role with user:assign-roles', 'POST', (): string => '/roles', { code: 'granter', name: '授权员', permissions: ['user:read', 'user:assign-roles'], dataScope: 'all' }],
    ['the staff role with audit:read added', 'PATCH', (): string => `/roles/${staffRole}`, { permissions: ['org:read', 'user:read', 'audit:read'] }],
    ['the leader role with role:manage added', 'PATCH', (): string => `/roles/${leaderRole}`, { permissions: ['org:read', 'role:manage'] }],
  ] as const)('SEC-18 secadmin cannot make a second auditor or security admin: %s → 400 ROLE_PERMISSION_RESERVED', async (_name, method, url, payload) => {
    const before = await sql<{ n: number }>`select count(*) as n from roles`.execute(tp.database.db);
    const staffBefore = await permissionsOf('staff');
    expectError(await as('secadmin', { method, url: `${API}${url()}`, payload }), 400, 'ROLE_PERMISSION_RESERVED');
    const after = await sql<{ n: number }>`select count(*) as n from roles`.execute(tp.database.db);
    expect(Number(after.rows[0]?.n)).toBe(Number(before.rows[0]?.n));
    expect(await permissionsOf('staff')).toEqual(staffBefore);
  });
});

describe('SEC-18 the system administrator runs the system, without data or logs', () => {
  it('SEC-18 sysadmin cannot read the audit log or the login log (403)', async () => {
    expectError(await as('sysadmin', { method: 'GET', url: `${API}/audit-events` }), 403, 'AUTHZ_FORBIDDEN');
    expectError(await as('sysadmin', { method: 'GET', url: `${API}/login-events` }), 403, 'AUTHZ_FORBIDDEN');
  });

  it('SEC-18 sysadmin cannot read full personal data (business permission)', async () => {
    expectError(await as('sysadmin', { method: 'GET', url: `${API}/users/${target}/personal` }), 403, 'AUTHZ_FORBIDDEN');
  });

  it.each([['secadmin'], ['auditadmin'], ['sysadmin']])('SEC-18 sysadmin creating a user with the %s role → 403 ROLE_ASSIGN_FORBIDDEN', async (role) => {
    const res = await as('sysadmin', {
      method: 'POST',
      url: `${API}/users`,
      payload: { username: `new_${role}`, displayName: '新管理员', orgId: xihu, roleCodes: [role], password: 'Valid#Pass2026' },
    });
    expectError(res, 403, 'ROLE_ASSIGN_FORBIDDEN');
    const { rows } = await sql`select 1 from users where username = ${`new_${role}`}`.execute(tp.database.db);
    expect(rows).toHaveLength(0);
  });

  it('SEC-18 sysadmin creates an account without rights; secadmin grants them', async () => {
    const res = await as('sysadmin', {
      method: 'POST',
      url: `${API}/users`,
      payload: { username: 'new_staff', displayName: '新科员', orgId: xihu, password: 'Valid#Pass2026' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ roles: [] });
    const id = (res.json() as { id: number }).id;
    const granted = await as('secadmin', { method: 'PUT', url: `${API}/users/${id}/roles`, payload: { roleCodes: ['staff'] } });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ roles: [{ code: 'staff' }] });
  });

  it.each([
    [{ roleCodes: ['staff'] }],
    [{ dataScope: 'all' }],
  ])('SEC-18 sysadmin cannot grant while creating (%j → 403 ROLE_ASSIGN_FORBIDDEN)', async (grant) => {
    const res = await as('sysadmin', {
      method: 'POST',
      url: `${API}/users`,
      payload: { username: 'sys_puppet', displayName: '傀儡', orgId: xihu, password: 'Valid#Pass2026', ...grant },
    });
    expectError(res, 403, 'ROLE_ASSIGN_FORBIDDEN');
  });

  it.each([['user:create'], ['org:import'], ['calendar:edit'], ['dictionary:edit']])('SEC-18 a business role cannot carry the system post’s %s (ROLE_PERMISSION_RESERVED)', async (permission) => {
    const res = await as('secadmin', { method: 'POST', url: `${API}/roles`, payload: { code: 'shadow_sys', name: '影子系统管理', permissions: [permission], dataScope: 'org' } });
    expectError(res, 400, 'ROLE_PERMISSION_RESERVED');
  });

  it('SEC-18 sysadmin cannot assign roles at all (that is the security post)', async () => {
    expectError(await as('sysadmin', { method: 'PUT', url: `${API}/users/${target}/roles`, payload: { roleCodes: ['leader'] } }), 403, 'AUTHZ_FORBIDDEN');
  });
});

describe('SEC-18 the security administrator grants, but not to itself', () => {
  it.each([
    [['sysadmin', 'auditadmin']],
    [['sysadmin', 'secadmin']],
    [['secadmin', 'auditadmin']],
    [['secadmin', 'staff']],
    [['auditadmin', 'leader']],
    [['sysadmin', 'staff']],
  ])('SEC-18 assigning %j → 400 ROLE_ADMIN_EXCLUSIVE', async (roleCodes) => {
    expectError(await as('secadmin', { method: 'PUT', url: `${API}/users/${target}/roles`, payload: { roleCodes } }), 400, 'ROLE_ADMIN_EXCLUSIVE');
    const { rows } = await sql<{ code: string }>`
      select r.code from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ${target}`.execute(tp.database.db);
    expect(rows.map((r) => r.code)).toEqual(['staff']);
  });

  it('SEC-18 business roles may be combined', async () => {
    const res = await as('secadmin', { method: 'PUT', url: `${API}/users/${target}/roles`, payload: { roleCodes: ['leader', 'staff'] } });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('SEC-18 no demo account holds two roles when one is an administrator role', async () => {
    const { rows } = await sql<{ username: string }>`
      select u.username from users u join user_roles ur on ur.user_id = u.id join roles r on r.id = ur.role_id
      group by u.username having count(*) > 1 and bool_or(r.admin_kind is not null)`.execute(tp.database.db);
    expect(rows).toEqual([]);
  });

  it('SEC-18 secadmin cannot assign roles to itself, reset its own password or edit its own role (USER_SELF_CHANGE_FORBIDDEN)', async () => {
    const self = await userId(tp, 'secadmin');
    for (const roleCodes of [['secadmin'], ['secadmin', 'auditadmin'], ['staff']]) {
      expectError(await as('secadmin', { method: 'PUT', url: `${API}/users/${self}/roles`, payload: { roleCodes } }), 403, 'USER_SELF_CHANGE_FORBIDDEN');
    }
    expectError(
      await as('secadmin', { method: 'POST', url: `${API}/users/${self}/reset-password`, payload: { password: 'Valid#Pass2026' } }),
      403,
      'USER_SELF_CHANGE_FORBIDDEN',
    );
    const ownRole = await roleId(tp, 'secadmin');
    const before = await permissionsOf('secadmin');
    for (const payload of [{ name: '超级管理员' }, { permissions: [...before, 'audit:read'] }]) {
      expectError(await as('secadmin', { method: 'PATCH', url: `${API}/roles/${ownRole}`, payload }), 403, 'USER_SELF_CHANGE_FORBIDDEN');
    }
    expect(await permissionsOf('secadmin')).toEqual(before);
  });

  it.each([['sysadmin'], ['auditadmin']])('SEC-18 the built-in %s role: permissions and data scope are locked (ROLE_BUILTIN_ADMIN_LOCKED)', async (code) => {
    const id = await roleId(tp, code);
    const before = await permissionsOf(code);
    for (const payload of [{ permissions: before.slice(1) }, { permissions: [...before, 'user:read-personal'] }, { dataScope: 'org' }]) {
      expectError(await as('secadmin', { method: 'PATCH', url: `${API}/roles/${id}`, payload }), 403, 'ROLE_BUILTIN_ADMIN_LOCKED');
    }
    expect(await permissionsOf(code)).toEqual(before);
    expect(before).not.toContain('user:read-personal');
  });

  it('SEC-18 no administrator role holds a business permission', async () => {
    const catalog = await as('secadmin', { method: 'GET', url: `${API}/permissions` });
    const business = new Set((catalog.json() as { items: { code: string; business: boolean }[] }).items.filter((p) => p.business).map((p) => p.code));
    expect(business.has('user:read-personal')).toBe(true);
    for (const code of ['sysadmin', 'secadmin', 'auditadmin']) {
      expect((await permissionsOf(code)).filter((p) => business.has(p)), code).toEqual([]);
    }
  });

  it('SEC-16 a change of roles ends the user’s sessions at once', async () => {
    const id = await makeUser(tp, 'sep_session', xihu);
    const token = await tp.login('sep_session');
    expect((await tp.as(token, { method: 'GET', url: `${API}/auth/me` })).statusCode).toBe(200);
    const res = await as('secadmin', { method: 'PUT', url: `${API}/users/${id}/roles`, payload: { roleCodes: ['leader'] } });
    expect(res.statusCode, res.body).toBe(200);
    expectError(await tp.as(token, { method: 'GET', url: `${API}/auth/me` }), 401, 'AUTH_REQUIRED');
  });
});

describe('SEC-18 administrator accounts are the operator’s, not the console’s', () => {
  it('SEC-18 secadmin cannot give an administrator role to anyone from the console (ROLE_ASSIGN_FORBIDDEN)', async () => {
    for (const role of ['auditadmin', 'secadmin', 'sysadmin']) {
      expectError(await as('secadmin', { method: 'PUT', url: `${API}/users/${target}/roles`, payload: { roleCodes: [role] } }), 403, 'ROLE_ASSIGN_FORBIDDEN');
    }
  });

  it('SEC-18 secadmin cannot reset, re-role or move another administrator; sysadmin cannot disable one (USER_ADMIN_ACCOUNT_PROTECTED)', async () => {
    const audit = await userId(tp, 'auditadmin');
    const system = await userId(tp, 'sysadmin');
    const before = await sql`select password_hash, status, org_id from users where id in (${audit}, ${system}) order by id`.execute(tp.database.db);
    expectError(await as('secadmin', { method: 'POST', url: `${API}/users/${audit}/reset-password`, payload: { password: 'Taken#Over2026' } }), 403, 'USER_ADMIN_ACCOUNT_PROTECTED');
    expectError(await as('secadmin', { method: 'PUT', url: `${API}/users/${audit}/roles`, payload: { roleCodes: ['staff'] } }), 403, 'USER_ADMIN_ACCOUNT_PROTECTED');
    expectError(await as('sysadmin', { method: 'PATCH', url: `${API}/users/${audit}`, payload: { status: 'disabled' } }), 403, 'USER_ADMIN_ACCOUNT_PROTECTED');
    expectError(await as('sysadmin', { method: 'PATCH', url: `${API}/users/${audit}`, payload: { orgId: xihu } }), 403, 'USER_ADMIN_ACCOUNT_PROTECTED');
    const after = await sql`select password_hash, status, org_id from users where id in (${audit}, ${system}) order by id`.execute(tp.database.db);
    expect(after.rows).toEqual(before.rows);
  });

  it('SEC-18 the operator resets an administrator from the server (CLI path), unforced and audited as system:cli', async () => {
    const audit = await userId(tp, 'auditadmin');
    await tp.identity.users.resetPassword({ system: 'cli' }, audit, 'Operator#Set2026');
    const token = await tp.login('auditadmin', 'Operator#Set2026');
    const me = await tp.as(token, { method: 'GET', url: `${API}/auth/me` });
    expect(me.json()).toMatchObject({ user: { mustChangePassword: false } });
    const events = await tp.as(token, { method: 'GET', url: `${API}/audit-events?action=user.reset-password&targetId=${audit}` });
    expect(events.json()).toMatchObject({ items: [{ actorUsername: 'system:cli', targetId: String(audit) }] });
    tokens.auditadmin = token;
  });
});
