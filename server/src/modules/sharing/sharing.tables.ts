import type { ColumnType, Generated } from 'kysely';

export const SHARING_TYPES = ['unconditional', 'conditional', 'none'] as const;
export type SharingType = (typeof SHARING_TYPES)[number];
export const OPEN_TYPES = ['open', 'conditional', 'closed'] as const;
export type OpenType = (typeof OPEN_TYPES)[number];
export const CONSUMER_ALGS = ['hmac-sha256', 'ed25519', 'sm2-sm3'] as const;
export type ConsumerAlg = (typeof CONSUMER_ALGS)[number];
export const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

type DateCol = ColumnType<string, string, string>;

export interface ShareResourcesTable {
  code: string;
  name: string;
  library_id: string;
  owner_org_id: number | null;
  fields: string[];
  lookup_keys: string[];
  update_cycle: (typeof UPDATE_CYCLES)[number];
  sharing_type: SharingType;
  sharing_basis: Generated<string>;
  open_type: OpenType;
  description: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ShareConsumersTable {
  id: Generated<number>;
  name: string;
  agency: Generated<string>;
  org_id: number | null;
  key_id: string;
  alg: ConsumerAlg;
  secret_sealed: Buffer | null;
  public_key: string | null;
  status: Generated<'active' | 'suspended'>;
  created_at: Generated<Date>;
}

export interface ShareRequestsTable {
  id: Generated<number>;
  consumer_id: number;
  resource_code: string;
  fields: string[];
  purpose: string;
  legal_basis: string;
  status: Generated<RequestStatus>;
  requested_at: Generated<Date>;
  due_on: DateCol;
  decided_at: Date | null;
  decided_by: number | null;
  decision_note: Generated<string>;
  grant_id: number | null;
}

export interface ShareGrantsTable {
  id: Generated<number>;
  consumer_id: number;
  resource_code: string;
  fields: string[];
  plain_fields: string[];
  purpose: string;
  legal_basis: Generated<string>;
  rate_per_second: number;
  quota_per_day: number;
  expires_at: Date;
  request_id: number | null;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface ShareNoncesTable {
  key_id: string;
  nonce: string;
  created_at: Date;
}

export interface ShareCallsTable {
  id: Generated<number>;
  at: Generated<Date>;
  consumer_id: number | null;
  grant_id: number | null;
  resource_code: string | null;
  service: string;
  purpose: string | null;
  result_count: number;
  status: number;
  code: string | null;
  latency_ms: number;
}

export interface ShareCallSubjectsTable {
  call_id: number;
  subject: Buffer;
}

export interface ShareQuotaDaysTable {
  grant_id: number;
  day: DateCol;
  used: number;
}

export type SharingTables = {
  share_resources: ShareResourcesTable;
  share_consumers: ShareConsumersTable;
  share_requests: ShareRequestsTable;
  share_grants: ShareGrantsTable;
  share_nonces: ShareNoncesTable;
  share_calls: ShareCallsTable;
  share_call_subjects: ShareCallSubjectsTable;
  share_quota_days: ShareQuotaDaysTable;
};
