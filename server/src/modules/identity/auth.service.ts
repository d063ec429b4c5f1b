import type { Actor, RequestMeta } from '../../platform/authz/actor.ts';
import { widestScope } from '../../platform/authz/scope.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../platform/crypto/password.ts';
import { newToken, sha256Hex } from '../../platform/crypto/token.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { httpErrors } from '../../platform/http/errors.ts';
import { identityErrors as E } from './identity.errors.ts';
import type { IdentityTables, LoginResult } from './identity.tables.ts';
import { attemptAllowed, isIdleExpired, isLocked, isPasswordExpired, lockAfterFailure, type LoginPolicy } from './lockout.rules.ts';
import { passwordWeakness } from './password.rules.ts';
import { countAttempt, currentLock, findActorRow, findSessionActorRow, type ActorRow } from './auth.queries.ts';
import { findLoginUser } from './users.queries.ts';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
  dataScope: Actor['scope'];
}

// Only the last-seen time of an active session is refreshed, and at most once a minute, so a busy
// console does not write on every request.
const TOUCH_EVERY_MS = 60_000;

export function createAuthService(base: BaseDb, policy: LoginPolicy, clock: () => Date = () => new Date()) {
  const db = base.withTables<IdentityTables>();

  async function logLogin(username: string, userId: number | null, orgId: number | null, meta: RequestMeta, result: LoginResult) {
    await db
      .insertInto('login_events')
      .values({ username: username.slice(0, 100), user_id: userId, org_id: orgId, ip: meta.ip, user_agent: meta.userAgent, result })
      .execute();
  }

  async function loadActor(userId: number): Promise<{ actor: Actor; user: SessionUser }> {
    const row = await findActorRow(db, userId);
    if (!row) throw httpErrors.AUTH_REQUIRED();
    return toActor(row, clock(), policy);
  }

  return {
    /**
     * SEC-13: five consecutive failures lock the account for 15 minutes; a locked account is
     * refused without checking the password. Every attempt goes to the login log; a lockout is
     * also an audit event. Failure bookkeeping commits before the error is returned.
     */
    async login(username: string, password: string, meta: RequestMeta): Promise<{ token: string; user: SessionUser }> {
      const now = clock();
      const found = await findLoginUser(db, username);
      if (!found) {
        await verifyPassword(password, DUMMY_HASH); // same time as a real check: no user-name probing
        await logLogin(username, null, null, meta, 'unknown_user');
        throw E.AUTH_INVALID_CREDENTIALS();
      }
      // Count the attempt in one statement before the (slow) password check, so parallel guesses
      // cannot all read the same count: each gets its own number, and past the limit none is checked.
      const attempt = isLocked(found.locked_until, now) ? null : await countAttempt(db, found.id, now);
      if (attempt === null || !attemptAllowed(attempt, policy)) {
        await logLogin(found.username, found.id, found.org_id, meta, 'locked');
        const until = (await currentLock(db, found.id)) ?? new Date(now.getTime() + policy.lockMinutes * 60_000);
        throw lockedError(until, now);
      }
      if (!(await verifyPassword(password, found.password_hash))) {
        const lockedUntil = lockAfterFailure(attempt, now, policy);
        if (lockedUntil) {
          await db.transaction().execute(async (trx) => {
            await trx.updateTable('users').set({ failed_attempts: 0, locked_until: lockedUntil }).where('id', '=', found.id).execute();
            await recordAudit(trx, { system: 'auth', meta }, {
              action: 'auth.lockout',
              targetType: 'user',
              targetId: found.id,
              changes: { username: found.username, lockedUntil: lockedUntil.toISOString(), failures: policy.maxFailures },
              result: 'failure',
            });
          });
        }
        await logLogin(found.username, found.id, found.org_id, meta, 'bad_password');
        if (lockedUntil) throw lockedError(lockedUntil, now);
        throw E.AUTH_INVALID_CREDENTIALS(`用户名或密码错误，再失败 ${policy.maxFailures - attempt} 次账号将被锁定 ${policy.lockMinutes} 分钟`);
      }
      if (found.status === 'disabled') {
        await logLogin(found.username, found.id, found.org_id, meta, 'disabled');
        throw E.AUTH_ACCOUNT_DISABLED();
      }
      const token = newToken();
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ failed_attempts: 0, locked_until: null, last_login_at: now }).where('id', '=', found.id).execute();
        await trx.insertInto('sessions').values({ token_hash: sha256Hex(token), user_id: found.id, last_seen_at: now, ip: meta.ip, user_agent: meta.userAgent, ended_at: null, end_reason: null }).execute();
      });
      await logLogin(found.username, found.id, found.org_id, meta, 'success');
      const { user } = await loadActor(found.id);
      return { token, user };
    },

    /** SEC-13: a session idle longer than the policy ends on the server, not only in the browser. */
    async resolveSession(token: string, meta: RequestMeta): Promise<{ actor: Actor; mustChangePassword: boolean }> {
      const hash = sha256Hex(token);
      const s = await findSessionActorRow(db, hash);
      if (!s || s.ended_at !== null || s.status !== 'active') throw httpErrors.AUTH_REQUIRED();
      const now = clock();
      if (isIdleExpired(s.last_seen_at, now, policy)) {
        await db.updateTable('sessions').set({ ended_at: now, end_reason: 'timeout' }).where('token_hash', '=', hash).execute();
        await logLogin(s.username, s.id, s.org_id, meta, 'timeout');
        throw httpErrors.AUTH_SESSION_EXPIRED();
      }
      if (now.getTime() - s.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
      }
      return { actor: toActor(s, now, policy).actor, mustChangePassword: mustChange(s, now, policy) };
    },

    async me(actor: Actor): Promise<SessionUser> {
      return (await loadActor(actor.userId)).user;
    },

    async logout(token: string, actor: Actor, meta: RequestMeta): Promise<void> {
      await db.updateTable('sessions').set({ ended_at: clock(), end_reason: 'logout' }).where('token_hash', '=', sha256Hex(token)).where('ended_at', 'is', null).execute();
      await logLogin(actor.username, actor.userId, actor.orgId, meta, 'logout');
    },

    /** Ends every other session of the user too: changing the password is how one shuts out a thief. */
    async changePassword(actor: Actor, meta: RequestMeta, token: string, oldPassword: string, newPassword: string): Promise<SessionUser> {
      const found = await findLoginUser(db, actor.username);
      if (!found || !(await verifyPassword(oldPassword, found.password_hash))) {
        throw E.AUTH_PASSWORD_MISMATCH(undefined, [{ field: 'oldPassword', message: '原密码不正确' }]);
      }
      if (oldPassword === newPassword) throw E.AUTH_PASSWORD_REUSED(undefined, [{ field: 'newPassword', message: '新密码不能与原密码相同' }]);
      const why = passwordWeakness(newPassword, actor.username);
      if (why) throw E.AUTH_PASSWORD_WEAK(why, [{ field: 'newPassword', message: why }]);
      const hash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ password_hash: hash, must_change_password: false, password_changed_at: clock(), updated_at: clock() }).where('id', '=', actor.userId).execute();
        await trx
          .updateTable('sessions')
          .set({ ended_at: clock(), end_reason: 'password-changed' })
          .where('user_id', '=', actor.userId)
          .where('token_hash', '!=', sha256Hex(token))
          .where('ended_at', 'is', null)
          .execute();
        await recordAudit(trx, { actor, meta }, { action: 'user.change-password', targetType: 'user', targetId: actor.userId });
      });
      return (await loadActor(actor.userId)).user;
    },
  };
}

/** Forced by an operator-issued password, or due for the periodic change (SEC-12). */
function mustChange(u: ActorRow, now: Date, policy: LoginPolicy): boolean {
  return u.must_change_password || isPasswordExpired(u.password_changed_at, now, policy);
}

function toActor(u: ActorRow, now: Date, policy: LoginPolicy): { actor: Actor; user: SessionUser } {
  const permissions = new Set(u.roles.flatMap((r) => r.permissions));
  const scope = u.data_scope ?? widestScope(u.roles.map((r) => r.data_scope));
  const roleCodes = u.roles.map((r) => r.code);
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    orgId: u.org_id,
    orgPath: u.org_path,
    roleCodes,
    adminKind: u.roles.find((r) => r.admin_kind !== null)?.admin_kind ?? null,
    permissions,
    scope,
  };
  const user: SessionUser = {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    orgId: u.org_id,
    orgName: u.org_name,
    roles: roleCodes,
    permissions: [...permissions].sort(),
    mustChangePassword: mustChange(u, now, policy),
    dataScope: scope,
  };
  return { actor, user };
}

function lockedError(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return E.AUTH_ACCOUNT_LOCKED(`连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`, [
    { field: 'lockedUntil', message: until.toISOString() },
  ]);
}

export type AuthService = ReturnType<typeof createAuthService>;
