import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/identity/index.ts';
import { createTestApp, type TestApp } from './harness.ts';
import { API, expectError, fakeClock, makeUser, orgId, tableJson, userId } from './helpers.ts';

/**
 * SEC-12 (password complexity, forced change of an operator-known password) and SEC-13 (lockout
 * after failed logins, idle timeout, the login log), with a fake clock instead of waiting.
 */

const clock = fakeClock();
let tp: TestApp;
let xihu: number;
/** Every password typed in this file: none may appear in any log or audit row. */
const typed = new Set<string>([DEMO_PASSWORD]);

function login(username: string, password: string) {
  typed.add(password);
  return tp.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username, password } });
}

/** A request as a demo user, with a fresh session (the fake clock may have expired older ones). */
async function as(username: string, opts: InjectOptions) {
  return tp.as(await tp.login(username), opts);
}

async function loginEvents(username: string): Promise<{ result: string; userId: number | null }[]> {
  const res = await as('auditadmin', { method: 'GET', url: `${API}/login-events?username=${username}&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: number; result: string; userId: number | null }[] }).items.sort((a, b) => a.id - b.id);
}

async function auditEvents(query: string): Promise<{ action: string; targetId: string | null; result: string }[]> {
  const res = await as('auditadmin', { method: 'GET', url: `${API}/audit-events?${query}&pageSize=100` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { action: string; targetId: string | null; result: string }[] }).items;
}

beforeAll(async () => {
  tp = await createTestApp({ clock: clock.now });
  xihu = await orgId(tp, '330106', 'county_bureau');
});

afterAll(async () => {
  await tp?.destroy();
});

/** SEC-12: ≥ 8 characters, ≤ 64, 3 of 4 classes, not containing the user name. */
const PASSWORDS = (username: string): [string, string, boolean][] => [
  ['too short (7)', 'Ab1!xyz', false],
  ['two classes only', 'abcdefgh1234', false],
  ['contains the user name', `Zz9!${username.toUpperCase()}`, false],
  ['too long (65)', `Aa1!${'x'.repeat(61)}`, false],
  ['8 characters, 3 classes', 'Str0ng!P', true],
];

describe('SEC-12 password complexity', () => {
  it.each(PASSWORDS('pw_created'))('SEC-12 create user (console): %s', async (_name, password, ok) => {
    typed.add(password);
    const res = await as('sysadmin', {
      method: 'POST',
      url: `${API}/users`,
      payload: { username: 'pw_created', displayName: '密码测试', orgId: xihu, password },
    });
    if (ok) expect(res.statusCode, res.body).toBe(200);
    else {
      expectError(res, 400, 'AUTH_PASSWORD_WEAK');
      expect(res.json()).toMatchObject({ details: [{ field: 'password' }] });
    }
  });

  it.each(PASSWORDS('pw_reset'))('SEC-12 reset password (secadmin): %s', async (_name, password, ok) => {
    typed.add(password);
    const target = await userIdOrMake('pw_reset');
    const res = await as('secadmin', { method: 'POST', url: `${API}/users/${target}/reset-password`, payload: { password } });
    if (ok) {
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    } else expectError(res, 400, 'AUTH_PASSWORD_WEAK');
  });

  it.each(PASSWORDS('pw_changer'))('SEC-12 change own password: %s', async (_name, password, ok) => {
    typed.add(password);
    await userIdOrMake('pw_changer');
    const res = await as('pw_changer', { method: 'POST', url: `${API}/auth/password`, payload: { oldPassword: DEMO_PASSWORD, newPassword: password } });
    if (ok) expect(res.statusCode, res.body).toBe(200);
    else {
      expectError(res, 400, 'AUTH_PASSWORD_WEAK');
      expect(res.json()).toMatchObject({ details: [{ field: 'newPassword' }] });
    }
  });

  it('SEC-12 change own password: a wrong old password or the same password again is refused', async () => {
    await userIdOrMake('pw_other');
    const wrongOld = await as('pw_other', { method: 'POST', url: `${API}/auth/password`, payload: { oldPassword: 'Wrong#Old1', newPassword: 'New#Pass2027' } });
    expectError(wrongOld, 400, 'AUTH_PASSWORD_MISMATCH');
    const same = await as('pw_other', { method: 'POST', url: `${API}/auth/password`, payload: { oldPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } });
    expectError(same, 400, 'AUTH_PASSWORD_REUSED');
    typed.add('Wrong#Old1').add('New#Pass2027');
  });

  it('SEC-12 a user created at the console must change the password before using any other API', async () => {
    const initial = 'Init!Pass2026';
    typed.add(initial).add('Mine!Own2027');
    const created = await as('sysadmin', {
      method: 'POST',
      url: `${API}/users`,
      payload: { username: 'fresh_user', displayName: '新用户', orgId: xihu, password: initial },
    });
    expect(created.statusCode, created.body).toBe(200);
    expect((created.json() as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const id = (created.json() as { id: number }).id;
    const granted = await as('secadmin', { method: 'PUT', url: `${API}/users/${id}/roles`, payload: { roleCodes: ['staff'] } });
    expect(granted.statusCode, granted.body).toBe(200);

    const res = await login('fresh_user', initial);
    expect(res.statusCode, res.body).toBe(200);
    const { token, user } = res.json() as { token: string; user: { mustChangePassword: boolean } };
    expect(user.mustChangePassword).toBe(true);

    const allowed = ['GET /api/v1/auth/me', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/password'];
    for (const r of tp.routes.filter((x) => !x.public && !allowed.includes(`${x.method} ${x.url}`))) {
      const blocked = await tp.as(token, { method: r.method as 'GET', url: r.url.replace(/:[A-Za-z]+/g, '1') });
      expect({ route: `${r.method} ${r.url}`, status: blocked.statusCode, code: (blocked.json() as { code: string }).code }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 403,
        code: 'AUTH_PASSWORD_CHANGE_REQUIRED',
      });
    }
    expect((await tp.as(token, { method: 'GET', url: `${API}/auth/me` })).statusCode).toBe(200);

    const changed = await tp.as(token, { method: 'POST', url: `${API}/auth/password`, payload: { oldPassword: initial, newPassword: 'Mine!Own2027' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
    const after = await tp.as(token, { method: 'GET', url: `${API}/users` });
    expect(after.statusCode, after.body).toBe(200);
  });

  it('SEC-12 a password reset by the security administrator must be changed at the next login', async () => {
    const target = await userIdOrMake('reset_me');
    typed.add('Reset!Pass2026');
    const reset = await as('secadmin', { method: 'POST', url: `${API}/users/${target}/reset-password`, payload: { password: 'Reset!Pass2026' } });
    expect(reset.statusCode, reset.body).toBe(200);
    const res = await login('reset_me', 'Reset!Pass2026');
    expect(res.statusCode).toBe(200);
    const { token } = res.json() as { token: string };
    expectError(await tp.as(token, { method: 'GET', url: `${API}/users` }), 403, 'AUTH_PASSWORD_CHANGE_REQUIRED');
  });

  it('SEC-12 an account created by an operator at the server console (CLI) is not forced to change', async () => {
    await tp.identity.users.create(
      { system: 'cli' },
      { username: 'cli_made', displayName: '命令行用户', orgId: xihu, roleCodes: ['staff'], password: DEMO_PASSWORD },
      { forceChange: false },
    );
    const res = await login('cli_made', DEMO_PASSWORD);
    expect((res.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
    const { token } = res.json() as { token: string };
    expect((await tp.as(token, { method: 'GET', url: `${API}/users` })).statusCode).toBe(200);
  });
});

describe('SEC-13 login failure handling', () => {
  it('SEC-13 five wrong passwords lock the account (423), also for the right password', async () => {
    const id = await makeUser(tp, 'lock_a', xihu);
    for (let i = 1; i <= 4; i++) expectError(await login('lock_a', `Wrong#Pass${i}`), 401, 'AUTH_INVALID_CREDENTIALS');
    expectError(await login('lock_a', 'Wrong#Pass5'), 423, 'AUTH_ACCOUNT_LOCKED');
    expectError(await login('lock_a', DEMO_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');

    const events = await loginEvents('lock_a');
    expect(events.map((e) => e.result)).toEqual(['bad_password', 'bad_password', 'bad_password', 'bad_password', 'bad_password', 'locked']);
    expect(events.every((e) => e.userId === id)).toBe(true);
    const lockouts = await auditEvents(`action=auth.lockout&targetId=${id}`);
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ action: 'auth.lockout', targetId: String(id), result: 'failure' });

    const shown = await as('sysadmin', { method: 'GET', url: `${API}/users/${id}` });
    expect(shown.json()).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
  });

  it('SEC-13 twenty wrong passwords sent at once check at most five, and lock the account', async () => {
    await makeUser(tp, 'lock_par', xihu);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('lock_par', `Wrong#Par${i}`)));
    const codes = answers.map((r) => (r.json() as { code: string }).code);
    expect(codes.filter((c) => c === 'AUTH_INVALID_CREDENTIALS').length).toBeLessThanOrEqual(4);
    expect(codes.filter((c) => c === 'AUTH_ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(16);
    const results = (await loginEvents('lock_par')).map((e) => e.result);
    expect(results.filter((r) => r === 'bad_password')).toHaveLength(5);
    expectError(await login('lock_par', DEMO_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
  });

  it('SEC-13 the lock ends after 15 minutes', async () => {
    clock.advanceMinutes(14);
    expectError(await login('lock_a', DEMO_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
    clock.advanceMinutes(1.5);
    const res = await login('lock_a', DEMO_PASSWORD);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('SEC-13 only consecutive failures count: a success resets the counter', async () => {
    await makeUser(tp, 'lock_c', xihu);
    for (let i = 1; i <= 4; i++) expectError(await login('lock_c', `Wrong#Pass${i}`), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login('lock_c', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) expectError(await login('lock_c', `Wrong#Pass${i}`), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await login('lock_c', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('SEC-13 the security administrator unlocks early (POST /users/:id/unlock), audited', async () => {
    const id = await makeUser(tp, 'lock_b', xihu);
    for (let i = 1; i <= 5; i++) await login('lock_b', `Wrong#Pass${i}`);
    expectError(await login('lock_b', DEMO_PASSWORD), 423, 'AUTH_ACCOUNT_LOCKED');
    const unlocked = await as('secadmin', { method: 'POST', url: `${API}/users/${id}/unlock` });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json()).toMatchObject({ locked: false, lockedUntil: null });
    expect((await login('lock_b', DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await auditEvents(`action=user.unlock&targetId=${id}`)).toHaveLength(1);
  });

  it('SEC-13 a session idle 31 minutes ends (401 AUTH_SESSION_EXPIRED, logged as timeout); 29 is fine', async () => {
    await makeUser(tp, 'idle_a', xihu);
    const token = await tp.login('idle_a');
    const me = () => tp.as(token, { method: 'GET', url: `${API}/auth/me` });
    clock.advanceMinutes(29);
    expect((await me()).statusCode).toBe(200);
    clock.advanceMinutes(29); // activity keeps it alive: 58 minutes after login, 29 idle
    expect((await me()).statusCode).toBe(200);
    clock.advanceMinutes(31);
    expectError(await me(), 401, 'AUTH_SESSION_EXPIRED');
    expectError(await me(), 401, 'AUTH_REQUIRED'); // ended on the server, not merely refused once
    expect((await loginEvents('idle_a')).map((e) => e.result)).toEqual(['success', 'timeout']);
  });

  it('SEC-13 an unknown user name → 401 AUTH_INVALID_CREDENTIALS, logged as unknown_user', async () => {
    expectError(await login('ghost_user', 'Any#Pass2026'), 401, 'AUTH_INVALID_CREDENTIALS');
    expect(await loginEvents('ghost_user')).toEqual([expect.objectContaining({ result: 'unknown_user', userId: null })]);
  });

  it('SEC-13 a disabled account cannot log in (403), logged as disabled', async () => {
    const id = await makeUser(tp, 'gone_user', xihu);
    const token = await tp.login('gone_user');
    const off = await as('sysadmin', { method: 'PATCH', url: `${API}/users/${id}`, payload: { status: 'disabled' } });
    expect(off.statusCode, off.body).toBe(200);
    expectError(await tp.as(token, { method: 'GET', url: `${API}/auth/me` }), 401, 'AUTH_REQUIRED');
    expectError(await login('gone_user', DEMO_PASSWORD), 403, 'AUTH_ACCOUNT_DISABLED');
    expect((await loginEvents('gone_user')).map((e) => e.result)).toEqual(['success', 'disabled']);
  });

  it('SEC-13/SEC-17 no login-log, audit or session row contains any password typed in this file', async () => {
    expect(typed.size).toBeGreaterThan(15);
    for (const table of ['login_events', 'audit_events', 'sessions', 'users']) {
      const text = await tableJson(tp, table);
      expect(text.length).toBeGreaterThan(10);
      const leaked = [...typed].filter((p) => text.includes(p));
      expect(leaked, table).toEqual([]);
    }
  });
});

/** The id of a test user, made on first use (the password tables reuse one user per verb). */
async function userIdOrMake(username: string): Promise<number> {
  try {
    return await userId(tp, username);
  } catch {
    return makeUser(tp, username, xihu);
  }
}

describe('SEC-13 sessions end with the password and the client cannot choose its IP', () => {
  it('SEC-13 changing the password ends the user’s other sessions, not the current one', async () => {
    await makeUser(tp, 'two_sessions', xihu);
    const here = await tp.login('two_sessions');
    const elsewhere = await tp.login('two_sessions');
    typed.add('Other#Place2026');
    const changed = await tp.as(here, { method: 'POST', url: `${API}/auth/password`, payload: { oldPassword: DEMO_PASSWORD, newPassword: 'Other#Place2026' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await tp.as(here, { method: 'GET', url: `${API}/auth/me` })).statusCode).toBe(200);
    expectError(await tp.as(elsewhere, { method: 'GET', url: `${API}/auth/me` }), 401, 'AUTH_REQUIRED');
  });

  it('SEC-17 X-Forwarded-For from a client is not trusted by default: the login log keeps the real address', async () => {
    await makeUser(tp, 'spoofer', xihu);
    await tp.app.inject({ method: 'POST', url: `${API}/auth/login`, payload: { username: 'spoofer', password: DEMO_PASSWORD }, headers: { 'x-forwarded-for': '10.9.9.9' } });
    const res = await as('auditadmin', { method: 'GET', url: `${API}/login-events?username=spoofer` });
    expect((res.json() as { items: { ip: string }[] }).items[0]?.ip).toBe('127.0.0.1');
  });
});
