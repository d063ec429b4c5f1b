import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { fakeClock } from '../../../test/helpers.ts';
import { DEFAULT_LOGIN_POLICY, isPasswordExpired } from './lockout.rules.ts';

// SEC-12 (GB/T 22239-2019 8.1.4.1 a) "身份鉴别信息…定期更换": a password older than 90 days must be
// changed before anything else. Own app and clock: the 91 days would age every other test's data.
const DAY = 86_400_000;

describe('SEC-12 periodic password change', () => {
  it.each([
    [89, false],
    [90, false],
    [91, true],
  ])('SEC-12 a password %i days old is expired: %s', (days, expired) => {
    const changed = new Date('2026-01-01T00:00:00Z');
    expect(isPasswordExpired(changed, new Date(changed.getTime() + days * DAY), DEFAULT_LOGIN_POLICY)).toBe(expired);
  });

  describe('through the API', () => {
    const clock = fakeClock();
    let tp: TestApp;
    beforeAll(async () => {
      tp = await createTestApp({ clock: clock.now });
    });
    afterAll(async () => tp?.destroy());

    it('SEC-12 after 91 days the user may sign in but must change the password first', async () => {
      clock.advanceMinutes(91 * 24 * 60);
      const token = await tp.login('xihu_staff');
      const me = await tp.as(token, { method: 'GET', url: '/api/v1/auth/me' });
      expect(me.json()).toMatchObject({ user: { mustChangePassword: true } });
      const users = await tp.as(token, { method: 'GET', url: '/api/v1/users' });
      expect(users.statusCode).toBe(403);
      expect(users.json()).toMatchObject({ code: 'AUTH_PASSWORD_CHANGE_REQUIRED' });
      const change = await tp.as(token, { method: 'POST', url: '/api/v1/auth/password', payload: { oldPassword: 'Tianping@2026', newPassword: 'Renewed#2027' } });
      expect(change.statusCode, change.body).toBe(200);
      expect((await tp.as(token, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    });
  });
});
