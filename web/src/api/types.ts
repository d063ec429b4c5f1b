/** Hand-written types of the /api/v1 contract; replaced by the generated schema.d.ts later. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

export type DataScope = 'all' | 'subtree' | 'org' | 'self';
export type AdminKind = 'system' | 'security' | 'audit';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
  orgName: string;
  roles: string[];
  permissions: string[];
  mustChangePassword: boolean;
  dataScope: DataScope;
}

export interface Org {
  id: number;
  name: string;
  type: string;
  typeLabel: string;
  regionCode: string;
  creditCode: string | null;
  parentId: number | null;
  depth: number;
}

export interface OrgTreeNode {
  id: number;
  name: string;
  type: string;
  typeLabel: string;
  regionCode: string;
  children: OrgTreeNode[];
}

export interface User {
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
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Role {
  id: number;
  code: string;
  name: string;
  description: string;
  permissions: string[];
  dataScope: DataScope;
  adminKind: AdminKind | null;
  builtin: boolean;
}

export interface Permission {
  code: string;
  label: string;
  kind: 'menu' | 'button' | 'api';
  group: string;
  business: boolean;
}

export type LoginResult = 'success' | 'bad_password' | 'locked' | 'unknown_user' | 'disabled' | 'logout' | 'timeout';

export interface LoginEvent {
  id: number;
  at: string;
  username: string;
  userId: number | null;
  ip: string | null;
  userAgent: string | null;
  result: LoginResult;
}

export interface AuditEvent {
  id: number;
  at: string;
  actorId: number | null;
  actorUsername: string | null;
  actorOrgId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  changes: unknown;
  requestId: string | null;
  ip: string | null;
  result: 'success' | 'failure';
}

export interface CodeSet {
  code: string;
  name: string;
  standard: string | null;
  editable: boolean;
}

export interface CodeItem {
  code: string;
  label: string;
  enabled: boolean;
  sort: number;
}

export interface CalendarYear {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
}

export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}
