/**
 * SEC-12 (8.1.4.1 a) "身份鉴别信息…定期更换" and SEC-13 (GB/T 22239-2019 8.1.4.1 b): "限制非法登录次数和当登录连接超时自动退出". The standard gives
 * no numbers; the baseline we apply: 5 consecutive failures lock the account for 15 minutes, a
 * session idle for 30 minutes ends, and a password older than 90 days must be changed.
 */
export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  idleMinutes: number;
  passwordMaxAgeDays: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMinutes: 15, idleMinutes: 30, passwordMaxAgeDays: 90 };

/** A password is due for its periodic change (SEC-12) once it is older than the policy allows. */
export function isPasswordExpired(changedAt: Date, now: Date, policy: LoginPolicy): boolean {
  return now.getTime() - changedAt.getTime() > policy.passwordMaxAgeDays * 86_400_000;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * An attempt is counted before its password is checked (see auth.service `login`), so parallel
 * guesses each get their own number: only the first `maxFailures` are checked at all.
 */
export function attemptAllowed(attempt: number, policy: LoginPolicy): boolean {
  return attempt <= policy.maxFailures;
}

/** When the attempt that failed was the last one allowed, the end of the lock it starts. */
export function lockAfterFailure(attempt: number, now: Date, policy: LoginPolicy): Date | null {
  return attempt >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
}

export function isIdleExpired(lastSeenAt: Date, now: Date, policy: LoginPolicy): boolean {
  return now.getTime() - lastSeenAt.getTime() > policy.idleMinutes * 60_000;
}
