import type { AdminKind } from '../../platform/authz/actor.ts';

/**
 * SEC-18 三员分立 (GB/T 22239-2019 8.1.5, 8.1.7.1 "应设立系统管理员、审计管理员和安全管理员等岗位"):
 * the three administrator roles are separate posts. A user holding one of them holds no other
 * role, so no administrator reads business data or audits itself.
 */
export function adminRolesConflict(roles: readonly { admin_kind: AdminKind | null }[]): boolean {
  const admins = roles.filter((r) => r.admin_kind !== null).length;
  return admins > 0 && roles.length > 1;
}

/** SEC-18: an administrator role may not carry a permission over business data. */
export function businessPermissionsOf(permissions: readonly string[], isBusiness: (code: string) => boolean): string[] {
  return permissions.filter(isBusiness);
}
