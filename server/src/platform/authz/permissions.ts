/**
 * The permission catalog. Roles carry permission codes; a route declares the one it needs, a
 * console menu or button is shown only when the user holds its code. Modules declare theirs with
 * `definePermissions` so the catalog served to the console is complete.
 *
 * `business` marks permissions that read or change business data: SEC-18 三员分立 forbids granting
 * them to any administrator role.
 */
export type PermissionKind = 'menu' | 'button' | 'api';

export interface PermissionSpec {
  code: string;
  label: string;
  kind: PermissionKind;
  group: string;
  business: boolean;
}

const catalog = new Map<string, PermissionSpec>();

export function definePermissions<const T extends readonly PermissionSpec[]>(specs: T): { [K in T[number]['code']]: K } {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    catalog.set(spec.code, spec);
    out[spec.code] = spec.code;
  }
  return out as { [K in T[number]['code']]: K };
}

export function permissionCatalog(): PermissionSpec[] {
  return [...catalog.values()];
}

export function isKnownPermission(code: string): boolean {
  return catalog.has(code);
}

export function isBusinessPermission(code: string): boolean {
  return catalog.get(code)?.business ?? false;
}
