import type { ColumnType, Generated } from 'kysely';
import type { DataScopeKind } from '../../platform/authz/scope.ts';
import type { AdminKind } from '../../platform/authz/actor.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  type: string;
  region_code: string;
  credit_code: string | null;
  path: string;
  depth: number;
  sort: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface RolesTable {
  id: Generated<number>;
  code: string;
  name: string;
  description: Generated<string>;
  permissions: string[];
  data_scope: DataScopeKind;
  admin_kind: AdminKind | null;
  builtin: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  phone: string | null;
  id_number: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  status: Generated<'active' | 'disabled'>;
  data_scope: DataScopeKind | null;
  last_login_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  user_id: number;
  role_id: number;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  ended_at: Date | null;
  end_reason: string | null;
}

export type LoginResult = 'success' | 'bad_password' | 'locked' | 'unknown_user' | 'disabled' | 'logout' | 'timeout';

export interface LoginEventsTable {
  id: Generated<number>;
  at: Generated<Date>;
  username: string;
  user_id: number | null;
  org_id: number | null;
  ip: string | null;
  user_agent: string | null;
  result: LoginResult;
}

export type IdentityTables = {
  orgs: OrgsTable;
  roles: RolesTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  login_events: LoginEventsTable;
};
