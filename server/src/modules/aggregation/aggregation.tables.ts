import type { Generated } from 'kysely';

export type BatchStatus = 'running' | 'completed' | 'failed' | 'rejected';
export type IngestMode = 'atomic' | 'partial';
export type BatchKind = 'file' | 'push';
export type UpdateCycle = 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export interface AggSourcesTable {
  id: Generated<number>;
  code: string;
  name: string;
  org_id: number | null;
  description: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AggSourceLibrariesTable {
  source_id: number;
  library_id: string;
  cycle: UpdateCycle;
  expected_records: number | null;
}

export interface AggBatchesTable {
  id: string;
  library_id: string;
  library_version: number;
  source_id: number;
  org_id: number | null;
  kind: BatchKind;
  mode: IngestMode;
  status: BatchStatus;
  file_name: string | null;
  file_size: number | null;
  file_hash: string | null;
  format: string | null;
  external_id: string | null;
  read_rows: Generated<number>;
  accepted_rows: Generated<number>;
  cleansed_rows: Generated<number>;
  rejected_rows: Generated<number>;
  inserted_rows: Generated<number>;
  updated_rows: Generated<number>;
  unchanged_rows: Generated<number>;
  checkpoint_seq: Generated<number>;
  bytes_read: Generated<number>;
  unmapped_headers: Generated<unknown>;
  error_code: string | null;
  error_message: string | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

export interface AggRecordsTable {
  library_id: string;
  business_key: string;
  data: unknown;
  cleansed: unknown;
  content_hash: string;
  library_version: number;
  org_id: number | null;
  source_id: number;
  batch_id: string;
  row_no: number;
  sheet: string | null;
  received_at: Date;
}

export interface AggRecordHistoryTable extends AggRecordsTable {
  superseded_at: Date;
  superseded_by: string;
}

export interface AggRowErrorsTable {
  batch_id: string;
  seq: number;
  row_no: number;
  sheet: string | null;
  headers: unknown;
  cells: unknown;
  reasons: unknown;
}

export type AggregationTables = {
  agg_sources: AggSourcesTable;
  agg_source_libraries: AggSourceLibrariesTable;
  agg_batches: AggBatchesTable;
  agg_records: AggRecordsTable;
  agg_record_history: AggRecordHistoryTable;
  agg_row_errors: AggRowErrorsTable;
};
