import type { Transaction } from 'kysely';
import type { Actor, RequestMeta } from '../../platform/authz/actor.ts';
import type { DataScopeKind } from '../../platform/authz/scope.ts';
import { widestScope } from '../../platform/authz/scope.ts';
import { diff, recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/crypto/password.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.ts';
import { identityErrors as E } from './identity.errors.ts';
import type { IdentityTables } from './identity.tables.ts';
import { P } from './identity.permissions.ts';
import { passwordWeakness } from './password.rules.ts';
import { adminRolesConflict } from './roles.rules.ts';
import { findOrg, findOrgInScope } from './orgs.queries.ts';
import * as q from './users.queries.ts';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: { code: string; name: string }[];
  status: 'active' | 'disabled';
  locked: boolean;
  lockedUntil: string | null;
  phone: string | null;
  idNumber: string | null;
  mustChangePassword: boolean;
  dataScope: DataScopeKind;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserInput {
  username: string;
  displayName: string;
  orgId: number;
  roleCodes?: string[] | undefined;
  password: string;
  phone?: string | null | undefined;
  idNumber?: string | null | undefined;
  dataScope?: DataScopeKind | undefined;
}

export interface UserPatch {
  displayName?: string | undefined;
  orgId?: number | undefined;
  status?: 'active' | 'disabled' | undefined;
  phone?: string | null | undefined;
}

function toView(u: q.UserRow, now: Date, unmasked: boolean): UserView {
  const roles = u.roles;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    orgId: u.org_id,
    orgName: u.org_name,
    roles: roles.map((r) => ({ code: r.code, name: r.name })),
    status: u.status,
    locked: u.locked_until !== null && u.locked_until > now,
    lockedUntil: u.locked_until && u.locked_until > now ? u.locked_until.toISOString() : null,
    phone: unmasked ? u.phone : maskPhone(u.phone),
    idNumber: unmasked ? u.id_number : maskIdNumber(u.id_number),
    mustChangePassword: u.must_change_password,
    dataScope: u.data_scope ?? widestScope(roles.map((r) => r.data_scope)),
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    createdAt: u.created_at.toISOString(),
  };
}

function checkPassword(password: string, username: string): void {
  const why = passwordWeakness(password, username);
  if (why) throw E.AUTH_PASSWORD_WEAK(why, [{ field: 'password', message: why }]);
}

/**
 * SEC-18 三员分立: the three administrator accounts are managed by the operator on the server
 * (`tianping user …`), never from the console. Otherwise one administrator could take over
 * another's post — a security administrator resetting the audit administrator's password, or
 * giving the audit role to an account whose password it has just reset — and read the trail
 * meant to watch it.
 */
function adminRoleFromConsole() {
  return E.ROLE_ASSIGN_FORBIDDEN('三员角色只能由运维人员在服务器上通过 tianping 命令分配', [{ field: 'roleCodes', message: '三员角色不能在控制台分配' }]);
}

async function refuseAdminAccount(trx: Transaction<IdentityTables>, userId: number): Promise<void> {
  const roles = await q.rolesOfUsers(trx, [userId]);
  if (roles.some((r) => r.admin_kind !== null)) throw E.USER_ADMIN_ACCOUNT_PROTECTED();
}

export function createUserService(base: BaseDb, clock: () => Date = () => new Date()) {
  const db = base.withTables<IdentityTables>();

  function views(rows: q.UserRow[], unmasked = false): UserView[] {
    const now = clock();
    return rows.map((u) => toView(u, now, unmasked));
  }

  async function loadInScope(actor: Actor | null, id: number) {
    const row = await q.findUser(db, actor, id);
    if (!row) throw E.USER_NOT_FOUND();
    return row;
  }

  /** Roles by code; unknown codes and SEC-18 conflicts are rejected with the field at fault. */
  async function resolveRoles(codes: string[]) {
    const unique = [...new Set(codes)];
    const roles = await q.rolesByCodes(db, unique);
    const missing = unique.filter((c) => !roles.some((r) => r.code === c));
    if (missing.length > 0) throw E.ROLE_NOT_FOUND(`角色不存在：${missing.join('、')}`, [{ field: 'roleCodes', message: `角色不存在：${missing.join('、')}` }]);
    if (adminRolesConflict(roles)) throw E.ROLE_ADMIN_EXCLUSIVE(undefined, [{ field: 'roleCodes', message: '三员角色互斥' }]);
    return roles;
  }

  return {
    async list(actor: Actor, filter: q.UserFilter, page: Page) {
      const { items, total } = await q.listUsers(db, actor, filter, page);
      return { items: views(items), total };
    },

    async get(actor: Actor, id: number): Promise<UserView> {
      const [view] = views([await loadInScope(actor, id)]);
      return view as UserView;
    },

    /** Full phone and ID number: only with user:read-personal, and the read itself is audited. */
    async getPersonal(actor: Actor, meta: RequestMeta, id: number): Promise<UserView> {
      const row = await db.transaction().execute(async (trx) => {
        const found = await q.findUser(trx, actor, id);
        if (!found) throw E.USER_NOT_FOUND();
        await recordAudit(trx, { actor, meta }, { action: 'user.read-personal', targetType: 'user', targetId: id });
        return found;
      });
      const [view] = views([row], true);
      return view as UserView;
    },

    /**
     * Creates an account. From the console (`forceChange`), the operator knows the initial
     * password, so the user must change it at first login (SEC-12); an operator's CLI account is not
     * forced. Administrator accounts are created by the operator only (see `refuseAdminAccount`).
     */
    async create(who: AuditWho, input: UserInput, opts: { forceChange: boolean }): Promise<UserView> {
      const actor = 'actor' in who ? who.actor : null;
      checkPassword(input.password, input.username);
      const roles = await resolveRoles(input.roleCodes ?? []);
      if (actor && roles.some((r) => r.admin_kind !== null)) throw adminRoleFromConsole();
      // SEC-18: creating an account is the system post's; giving it rights is the security post's.
      // Otherwise the one who knows the initial password could also choose what it may read.
      const grants = roles.length > 0 || input.dataScope !== undefined;
      if (actor && grants && !actor.permissions.has(P['user:assign-roles'])) {
        throw E.ROLE_ASSIGN_FORBIDDEN('新建账号不能同时授予角色或数据范围：请由安全管理员在“分配角色”中授权', [{ field: 'roleCodes', message: '角色由安全管理员分配' }]);
      }
      const passwordHash = await hashPassword(input.password);
      const id = await db.transaction().execute(async (trx) => {
        const org = actor ? await findOrgInScope(trx, actor, input.orgId) : await findOrg(trx, input.orgId);
        if (!org) throw E.ORG_NOT_FOUND(undefined, [{ field: 'orgId', message: '所属机构不存在或不在数据范围内' }]);
        if (await q.usernameTaken(trx, input.username)) throw E.USER_USERNAME_TAKEN(undefined, [{ field: 'username', message: '用户名已存在' }]);
        const { id } = await trx
          .insertInto('users')
          .values({
            username: input.username,
            display_name: input.displayName,
            org_id: input.orgId,
            phone: input.phone ?? null,
            id_number: input.idNumber ?? null,
            password_hash: passwordHash,
            must_change_password: opts.forceChange,
            password_changed_at: clock(),
            data_scope: input.dataScope ?? null,
            updated_at: clock(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await q.replaceUserRoles(trx, id, roles.map((r) => r.id));
        await recordAudit(trx, who, {
          action: 'user.create',
          targetType: 'user',
          targetId: id,
          changes: { username: input.username, displayName: input.displayName, orgId: input.orgId, roles: roles.map((r) => r.code), dataScope: input.dataScope ?? null },
        });
        return id;
      });
      return this.getAsSystem(id);
    },

    async getAsSystem(id: number): Promise<UserView> {
      const [view] = views([await loadInScope(null, id)]);
      return view as UserView;
    },

    async update(actor: Actor, meta: RequestMeta, id: number, patch: UserPatch): Promise<UserView> {
      const changesAccess = patch.status !== undefined || patch.orgId !== undefined;
      if (id === actor.userId && changesAccess) throw E.USER_SELF_CHANGE_FORBIDDEN();
      await db.transaction().execute(async (trx) => {
        const user = await q.findUser(trx, actor, id);
        if (!user) throw E.USER_NOT_FOUND();
        if (changesAccess) await refuseAdminAccount(trx, id);
        if (patch.orgId !== undefined && !(await findOrgInScope(trx, actor, patch.orgId))) {
          throw E.ORG_NOT_FOUND(undefined, [{ field: 'orgId', message: '所属机构不存在或不在数据范围内' }]);
        }
        await trx
          .updateTable('users')
          .set({
            display_name: patch.displayName ?? user.display_name,
            org_id: patch.orgId ?? user.org_id,
            status: patch.status ?? user.status,
            phone: patch.phone === undefined ? user.phone : patch.phone,
            updated_at: clock(),
          })
          .where('id', '=', id)
          .execute();
        if (patch.status === 'disabled') {
          await trx.updateTable('sessions').set({ ended_at: clock(), end_reason: 'disabled' }).where('user_id', '=', id).where('ended_at', 'is', null).execute();
        }
        const changes = diff(
          { displayName: user.display_name, orgId: user.org_id, status: user.status, phone: maskPhone(user.phone) },
          { ...patch, phone: patch.phone === undefined ? undefined : maskPhone(patch.phone) },
        );
        await recordAudit(trx, { actor, meta }, { action: 'user.update', targetType: 'user', targetId: id, changes });
      });
      return this.get(actor, id);
    },

    /** SEC-16/18: only the security administrator assigns roles, and never to itself. */
    async assignRoles(actor: Actor, meta: RequestMeta, id: number, roleCodes: string[]): Promise<UserView> {
      if (id === actor.userId) throw E.USER_SELF_CHANGE_FORBIDDEN();
      const roles = await resolveRoles(roleCodes);
      if (roles.some((r) => r.admin_kind !== null)) throw adminRoleFromConsole();
      await db.transaction().execute(async (trx) => {
        const user = await q.findUser(trx, actor, id);
        if (!user) throw E.USER_NOT_FOUND();
        await refuseAdminAccount(trx, id);
        const before = (await q.rolesOfUsers(trx, [id])).map((r) => r.code);
        await q.replaceUserRoles(trx, id, roles.map((r) => r.id));
        // A change of rights takes effect now: end the user's sessions.
        await trx.updateTable('sessions').set({ ended_at: clock(), end_reason: 'roles-changed' }).where('user_id', '=', id).where('ended_at', 'is', null).execute();
        await recordAudit(trx, { actor, meta }, { action: 'user.assign-roles', targetType: 'user', targetId: id, changes: { roles: [before, roles.map((r) => r.code)] } });
      });
      return this.get(actor, id);
    },

    async unlock(actor: Actor, meta: RequestMeta, id: number): Promise<UserView> {
      await db.transaction().execute(async (trx) => {
        const user = await q.findUser(trx, actor, id);
        if (!user) throw E.USER_NOT_FOUND();
        await trx.updateTable('users').set({ locked_until: null, failed_attempts: 0, updated_at: clock() }).where('id', '=', id).execute();
        await recordAudit(trx, { actor, meta }, { action: 'user.unlock', targetType: 'user', targetId: id });
      });
      return this.get(actor, id);
    },

    /**
     * A password reset in the console is known to the one who set it, so the user must change it
     * at next login; the operator's reset from the CLI (`who.system`) is not forced. Also unlocks.
     */
    async resetPassword(who: AuditWho, id: number, password: string): Promise<UserView> {
      const actor = 'actor' in who ? who.actor : null;
      if (actor && id === actor.userId) throw E.USER_SELF_CHANGE_FORBIDDEN();
      const user = await loadInScope(actor, id);
      checkPassword(password, user.username);
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        if (actor) await refuseAdminAccount(trx, id);
        await trx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: actor !== null, failed_attempts: 0, locked_until: null, password_changed_at: clock(), updated_at: clock() })
          .where('id', '=', id)
          .execute();
        await trx.updateTable('sessions').set({ ended_at: clock(), end_reason: 'password-reset' }).where('user_id', '=', id).where('ended_at', 'is', null).execute();
        await recordAudit(trx, who, { action: 'user.reset-password', targetType: 'user', targetId: id });
      });
      return actor ? this.get(actor, id) : this.getAsSystem(id);
    },

    /** The id of an account by its login name, for the operator's CLI. */
    async idOf(username: string): Promise<number> {
      const found = await q.findLoginUser(db, username);
      if (!found) throw E.USER_NOT_FOUND(`用户 ${username} 不存在`);
      return found.id;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
