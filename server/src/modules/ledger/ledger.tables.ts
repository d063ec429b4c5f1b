import type { Generated } from 'kysely';
import type { HashAlg } from './merkle.ts';
import type { SignatureKind } from './note.ts';

export interface LedgerLogsTable {
  id: Generated<number>;
  name: string;
  origin: string;
  hash_alg: HashAlg;
  description: string;
  size: Generated<number>;
  created_at: Generated<Date>;
}

export interface LedgerEntriesTable {
  log_id: number;
  idx: number;
  entry_type: string | null;
  submitter: string | null;
  appended_at: Generated<Date>;
  body: Buffer;
}

export interface LedgerTilesTable {
  log_id: number;
  level: number;
  idx: number;
  hashes: Buffer;
}

export interface LedgerKeysTable {
  id: Generated<number>;
  log_id: number | null;
  kind: SignatureKind;
  vkey: string;
  created_at: Generated<Date>;
  retired_at: Date | null;
  entry_idx: number | null;
}

export interface LedgerCheckpointsTable {
  log_id: number;
  size: number;
  root: Buffer;
  note: string;
  created_at: Generated<Date>;
}

export interface LedgerWitnessesTable {
  log_id: number;
  name: string;
  vkey: string;
  added_at: Generated<Date>;
}

export interface LedgerCosignaturesTable {
  log_id: number;
  size: number;
  witness: string;
  line: string;
  cosigned_at: Date;
  received_at: Generated<Date>;
}

export interface LedgerWitnessedTable {
  origin: string;
  url: string;
  log_vkey: string;
  size: number;
  root: Buffer;
  updated_at: Generated<Date>;
}

export interface LedgerAuditAnchorsTable {
  audit_id: number;
  entry_idx: number;
}

export type LedgerTables = {
  ledger_logs: LedgerLogsTable;
  ledger_entries: LedgerEntriesTable;
  ledger_tiles: LedgerTilesTable;
  ledger_keys: LedgerKeysTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  ledger_witnesses: LedgerWitnessesTable;
  ledger_cosignatures: LedgerCosignaturesTable;
  ledger_witnessed: LedgerWitnessedTable;
  ledger_audit_anchors: LedgerAuditAnchorsTable;
};
