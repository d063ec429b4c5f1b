import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Actor } from '../../platform/authz/actor.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import type { IdentityTables } from './identity.tables.ts';
import { escapeLike } from '../../platform/db/like.ts';
import { userRowInScope } from './scope.queries.ts';

type Db = Kysely<IdentityTables> | Transaction<IdentityTables>;

/** A user's roles as a JSON array inside the user's own row: one query for a page of users. */
function rolesJson(eb: ExpressionBuilder<IdentityTables & { users: IdentityTables['users'] }, 'users'>) {
  return jsonArrayFrom(
    eb
      .selectFrom('user_roles')
      .innerJoin('roles', 'roles.id', 'user_roles.role_id')
      .whereRef('user_roles.user_id', '=', 'users.id')
      .select(['roles.code', 'roles.name', 'roles.data_scope', 'roles.admin_kind'])
      .orderBy('roles.id'),
  ).as('roles');
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.org_id',
  'orgs.name as org_name',
  'users.phone',
  'users.id_number',
  'users.status',
  'users.locked_until',
  'users.must_change_password',
  'users.data_scope',
  'users.last_login_at',
  'users.created_at',
] as const;

export interface UserFilter {
  orgId?: number | undefined;
  includeSubtree?: boolean | undefined;
  q?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
}

function scoped(db: Db, actor: Actor | null) {
  const q = db.selectFrom('users').innerJoin('orgs', 'orgs.id', 'users.org_id');
  return actor ? q.where(userRowInScope(actor, 'users.id', 'users.org_id')) : q;
}

export async function listUsers(db: Db, actor: Actor, filter: UserFilter, page: Page) {
  let q = scoped(db, actor);
  if (filter.orgId !== undefined) {
    const orgId = filter.orgId;
    q = filter.includeSubtree
      ? q.where('orgs.path', 'like', sql<string>`(select path from orgs o where o.id = ${orgId}) || '%'`)
      : q.where('users.org_id', '=', orgId);
  }
  if (filter.status) q = q.where('users.status', '=', filter.status);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('users.username', 'ilike', like), eb('users.display_name', 'like', like)]));
  }
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select(userColumns).select(rolesJson).orderBy('orgs.region_code').orderBy('orgs.depth').orderBy('users.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>['items'][number];

/** A user by id, within the actor's scope; `null` actor = the system itself (CLI, seed). */
export function findUser(db: Db, actor: Actor | null, id: number) {
  return scoped(db, actor).where('users.id', '=', id).select(userColumns).select(rolesJson).executeTakeFirst();
}

export function findLoginUser(db: Db, username: string) {
  return db
    .selectFrom('users')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .select(['id', 'username', 'org_id', 'password_hash', 'status', 'failed_attempts', 'locked_until', 'must_change_password'])
    .executeTakeFirst();
}

export function usernameTaken(db: Db, username: string) {
  return db.selectFrom('users').where(sql`lower(username)`, '=', username.toLowerCase()).select('id').executeTakeFirst();
}

export function rolesOfUsers(db: Db, userIds: readonly number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_roles')
    .innerJoin('roles', 'roles.id', 'user_roles.role_id')
    .where('user_roles.user_id', 'in', userIds)
    .select(['user_roles.user_id', 'roles.id', 'roles.code', 'roles.name', 'roles.permissions', 'roles.data_scope', 'roles.admin_kind'])
    .orderBy('roles.id')
    .execute();
}


export function rolesByCodes(db: Db, codes: readonly string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('roles').where('code', 'in', codes).select(['id', 'code', 'name', 'admin_kind', 'permissions']).execute();
}

export async function replaceUserRoles(trx: Transaction<IdentityTables>, userId: number, roleIds: readonly number[]) {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roleIds.length > 0) {
    await trx.insertInto('user_roles').values(roleIds.map((role_id) => ({ user_id: userId, role_id }))).execute();
  }
}
