import type { DataScopeKind } from './scope.ts';

export type AdminKind = 'system' | 'security' | 'audit';

/** Who is acting: resolved from the session on every request and passed to services. */
export interface Actor {
  userId: number;
  username: string;
  orgId: number;
  /** Materialized path of the actor's org, e.g. '/1/4/27/'. */
  orgPath: string;
  roleCodes: string[];
  adminKind: AdminKind | null;
  permissions: ReadonlySet<string>;
  scope: DataScopeKind;
}

/** Request facts every audited change records alongside the actor. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}
