import type { ColumnType, Generated } from 'kysely';

/** A jsonb column: read as the parsed value, written as JSON text (pg would turn an array into a PG array). */
type Json<T> = ColumnType<T, string, string>;

export const SCHEDULES = ['manual', 'hourly', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];
export type RunTrigger = 'manual' | 'schedule' | 'cli';
export type RunStatus = 'running' | 'completed' | 'failed';

/** How requests prove who we are. The secret (API key or HMAC secret) is stored apart, sealed. */
export type AuthConfig =
  | { kind: 'api-key'; header: string; prefix: string }
  // X-Ca-* headers with an HMAC-SHA256 signature over method, path and sorted query (signing.ts).
  | { kind: 'hmac-sha256'; accessKey: string };

/** How the agency pages its list: numbered pages or an opaque cursor it hands back. */
export type PagingConfig =
  | { kind: 'page'; pageParam: string; sizeParam: string; firstPage: number; size: number; itemsPath: string; totalPath: string | null }
  | { kind: 'cursor'; cursorParam: string; sizeParam: string; size: number; itemsPath: string; nextPath: string };

/** Agencies that answer errors inside an HTTP 200: where the result code and message are. */
export interface EnvelopeConfig {
  codePath: string;
  okValues: string[];
  messagePath: string | null;
}

/** One library field from the remote record: the first of `from` present wins; `values` maps codes. */
export interface FieldMap {
  field: string;
  from: string[];
  values: Record<string, string> | null;
}

/** Each entry makes one library record of a remote record (婚姻登记: one per party). */
export type MappingConfig = { fields: FieldMap[] }[];

export interface ConnConnectorsTable {
  id: Generated<number>;
  code: string;
  name: string;
  agency: string;
  org_id: number | null;
  source_id: number;
  library_id: string;
  base_url: string;
  endpoint: string;
  auth: Json<AuthConfig>;
  secret_sealed: Buffer;
  paging: Json<PagingConfig>;
  envelope: ColumnType<EnvelopeConfig | null, string | null, string | null>;
  mapping: Json<MappingConfig>;
  schedule: Schedule;
  timeout_ms: number;
  status: Generated<'active' | 'paused'>;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface ConnRunsTable {
  id: Generated<number>;
  connector_id: number;
  trigger: RunTrigger;
  status: RunStatus;
  next_cursor: string | null;
  pages_fetched: Generated<number>;
  pages_landed: Generated<number>;
  pages_skipped: Generated<number>;
  items_read: Generated<number>;
  accepted_rows: Generated<number>;
  rejected_rows: Generated<number>;
  inserted_rows: Generated<number>;
  updated_rows: Generated<number>;
  unchanged_rows: Generated<number>;
  retries: Generated<number>;
  last_batch_id: string | null;
  error_code: string | null;
  error_message: string | null;
  started_by: number | null;
  started_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
}

export interface ConnPagesTable {
  connector_id: number;
  external_id: string;
  batch_id: string;
  run_id: number;
  records: number;
  landed_at: Date;
}

export type ConnectorTables = {
  conn_connectors: ConnConnectorsTable;
  conn_runs: ConnRunsTable;
  conn_pages: ConnPagesTable;
};
