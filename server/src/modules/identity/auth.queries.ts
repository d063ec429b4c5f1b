import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { IdentityTables } from './identity.tables.ts';

type Db = Kysely<IdentityTables>;

/**
 * Everything a request needs to know about its caller, in one round trip: the user, its org path
 * (for data scope) and its roles. Runs on every authenticated request, so it is one query.
 */
function actorQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select((eb) => [
      'users.id',
      'users.username',
      'users.display_name',
      'users.org_id',
      'users.status',
      'users.data_scope',
      'users.must_change_password',
      'users.password_changed_at',
      'orgs.name as org_name',
      'orgs.path as org_path',
      jsonArrayFrom(
        eb
          .selectFrom('user_roles')
          .innerJoin('roles', 'roles.id', 'user_roles.role_id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .select(['roles.code', 'roles.permissions', 'roles.data_scope', 'roles.admin_kind'])
          .orderBy('roles.id'),
      ).as('roles'),
    ]);
}

export type ActorRow = NonNullable<Awaited<ReturnType<typeof findActorRow>>>;

export function findActorRow(db: Db, userId: number) {
  return actorQuery(db).where('users.id', '=', userId).executeTakeFirst();
}

export function findSessionActorRow(db: Db, tokenHash: string) {
  return actorQuery(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .where('sessions.token_hash', '=', tokenHash)
    .select(['sessions.last_seen_at', 'sessions.ended_at'])
    .executeTakeFirst();
}

/**
 * Counts one login attempt atomically and returns its number, or null when the account is locked
 * (SEC-13). The increment and the lock check are one statement, so concurrent attempts serialize
 * on the row instead of overwriting each other's count.
 */
export async function countAttempt(db: Db, userId: number, now: Date): Promise<number | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? null;
}

export async function currentLock(db: Db, userId: number): Promise<Date | null> {
  const row = await db.selectFrom('users').where('id', '=', userId).select('locked_until').executeTakeFirst();
  return row?.locked_until ?? null;
}
