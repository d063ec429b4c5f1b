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
