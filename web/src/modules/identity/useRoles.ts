import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page, Role, User } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** All roles (there are a handful), for pickers and the roles table. */
export function useRoles(enabled = true) {
  const report = useApiError();
  const [roles, setRoles] = useState<Role[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setLoading(true);
    api
      .get<Page<Role>>('/roles')
      .then((r) => current && setRoles(r.items))
      .catch((e: unknown) => current && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [enabled, version, report]);

  return { roles, loading, reload: useCallback(() => setVersion((v) => v + 1), []) };
}

export function roleOptions(roles: Role[]): { value: string; label: string }[] {
  return roles.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
}

/**
 * The built-in 三员 roles. They stand in for `adminKind` while the roles are loading, or for a
 * user who may not read them, so an administrator account never briefly looks like an ordinary one.
 */
const BUILTIN_ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditadmin'];

/** Codes of the 三员 roles: those with an `adminKind`. */
export function adminRoleCodes(roles: Role[]): Set<string> {
  return new Set([...BUILTIN_ADMIN_ROLES, ...roles.filter((r) => r.adminKind !== null).map((r) => r.code)]);
}

/**
 * SEC-18: an account holding a 三员 role is managed by the operator on the server (`tianping user …`);
 * from the console only its name and phone may change (USER_ADMIN_ACCOUNT_PROTECTED otherwise).
 */
export function isAdminAccount(user: User, adminCodes: Set<string>): boolean {
  return user.roles.some((r) => adminCodes.has(r.code));
}

/** The roles the console may assign: 三员 roles are assigned by the operator only (ROLE_ASSIGN_FORBIDDEN). */
export function assignableRoles(roles: Role[]): Role[] {
  return roles.filter((r) => r.adminKind === null);
}

export const ADMIN_ACCOUNT_NOTE = '三员账号，其状态、所属机构、角色和密码由运维人员在服务器上通过 tianping 命令管理';
export const ADMIN_ROLES_NOTE = '三员角色（系统管理员、安全管理员、审计管理员）由运维人员在服务器上分配，此处不可选';
