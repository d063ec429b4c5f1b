import type { Actor, RequestMeta } from '../../platform/authz/actor.ts';
import { isBusinessPermission, isKnownPermission } from '../../platform/authz/permissions.ts';
import type { DataScopeKind } from '../../platform/authz/scope.ts';
import { diff, recordAudit } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { identityErrors as E } from './identity.errors.ts';
import { ADMIN_POST_PERMISSIONS, BUILTIN_ROLES } from './identity.permissions.ts';
import type { IdentityTables, RolesTable } from './identity.tables.ts';
import { businessPermissionsOf } from './roles.rules.ts';
import type { Selectable } from 'kysely';

export interface RoleView {
  id: number;
  code: string;
  name: string;
  description: string;
  permissions: string[];
  dataScope: DataScopeKind;
  adminKind: 'system' | 'security' | 'audit' | null;
  builtin: boolean;
}

export interface RoleInput {
  code: string;
  name: string;
  description?: string | undefined;
  permissions: string[];
  dataScope: DataScopeKind;
}

export type RolePatch = Partial<Omit<RoleInput, 'code'>>;

function toView(r: Selectable<RolesTable>): RoleView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    description: r.description,
    permissions: [...r.permissions].sort(),
    dataScope: r.data_scope,
    adminKind: r.admin_kind,
    builtin: r.builtin,
  };
}

function checkPermissions(permissions: string[], adminKind: RoleView['adminKind']): void {
  const unknown = permissions.filter((p) => !isKnownPermission(p));
  if (unknown.length > 0) throw E.ROLE_PERMISSION_UNKNOWN(`权限编码不存在：${unknown.join('、')}`, [{ field: 'permissions', message: unknown.join('、') }]);
  if (adminKind !== null) {
    const business = businessPermissionsOf(permissions, isBusinessPermission);
    if (business.length > 0) throw E.ROLE_ADMIN_BUSINESS_FORBIDDEN(undefined, [{ field: 'permissions', message: business.join('、') }]);
  } else {
    const reserved = permissions.filter((p) => ADMIN_POST_PERMISSIONS.has(p));
    if (reserved.length > 0) throw E.ROLE_PERMISSION_RESERVED(undefined, [{ field: 'permissions', message: reserved.join('、') }]);
  }
}

export function createRoleService(base: BaseDb, clock: () => Date = () => new Date()) {
  const db = base.withTables<IdentityTables>();

  return {
    async list(): Promise<{ items: RoleView[]; total: number }> {
      const rows = await db.selectFrom('roles').selectAll().orderBy('id').execute();
      return { items: rows.map(toView), total: rows.length };
    },

    async get(id: number): Promise<RoleView> {
      const row = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw E.ROLE_NOT_FOUND();
      return toView(row);
    },

    /** New roles are business roles; the three administrator roles are built in (SEC-18). */
    async create(actor: Actor, meta: RequestMeta, input: RoleInput): Promise<RoleView> {
      checkPermissions(input.permissions, null);
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('roles').where('code', '=', input.code).select('id').executeTakeFirst();
        if (taken) throw E.ROLE_CODE_TAKEN(undefined, [{ field: 'code', message: '角色编码已存在' }]);
        const row = await trx
          .insertInto('roles')
          .values({ code: input.code, name: input.name, description: input.description ?? '', permissions: [...new Set(input.permissions)], data_scope: input.dataScope, admin_kind: null, updated_at: clock() })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, { actor, meta }, { action: 'role.create', targetType: 'role', targetId: row.id, changes: { code: input.code, permissions: row.permissions, dataScope: input.dataScope } });
        return toView(row);
      });
    },

    /**
     * SEC-18: no administrator widens its own rights — a role the actor holds cannot be edited by
     * that actor, and the built-in administrator roles' permissions are fixed.
     */
    async update(actor: Actor, meta: RequestMeta, id: number, patch: RolePatch): Promise<RoleView> {
      return db.transaction().execute(async (trx) => {
        const role = await trx.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
        if (!role) throw E.ROLE_NOT_FOUND();
        if (actor.roleCodes.includes(role.code)) throw E.USER_SELF_CHANGE_FORBIDDEN('不能修改自己所持有角色的权限');
        if (role.admin_kind !== null && (patch.permissions !== undefined || patch.dataScope !== undefined)) throw E.ROLE_BUILTIN_ADMIN_LOCKED();
        if (patch.permissions) checkPermissions(patch.permissions, role.admin_kind);
        const row = await trx
          .updateTable('roles')
          .set({
            name: patch.name ?? role.name,
            description: patch.description ?? role.description,
            permissions: patch.permissions ? [...new Set(patch.permissions)] : role.permissions,
            data_scope: patch.dataScope ?? role.data_scope,
            updated_at: clock(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const changes = diff({ name: role.name, description: role.description, permissions: [...role.permissions].sort(), dataScope: role.data_scope }, { ...patch, permissions: patch.permissions ? [...new Set(patch.permissions)].sort() : undefined });
        await recordAudit(trx, { actor, meta }, { action: 'role.update', targetType: 'role', targetId: id, changes });
        return toView(row);
      });
    },

    /**
     * Creates the built-in roles that are missing. The three administrator roles are fixed by code
     * (SEC-18; nobody may edit them), so an upgrade that adds a permission to them — a new module's
     * menu for the system administrator — takes effect here. An edited business role is kept.
     */
    async ensureBuiltinRoles(): Promise<void> {
      // Built-in roles name other modules' permissions by code; a typo would silently grant nothing.
      const unknown = BUILTIN_ROLES.flatMap((r) => r.permissions).filter((p) => !isKnownPermission(p));
      if (unknown.length > 0) throw new Error(`built-in roles name unknown permissions: ${unknown.join(', ')}`);
      await db.transaction().execute(async (trx) => {
        for (const r of BUILTIN_ROLES) {
          await trx
            .insertInto('roles')
            .values({ code: r.code, name: r.name, description: r.description, permissions: r.permissions, data_scope: r.dataScope, admin_kind: r.adminKind, builtin: true, updated_at: clock() })
            .onConflict((oc) =>
              r.adminKind === null
                ? oc.column('code').doNothing()
                : oc.column('code').doUpdateSet({ permissions: r.permissions, data_scope: r.dataScope, admin_kind: r.adminKind, description: r.description }),
            )
            .execute();
        }
      });
    },
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
