/**
 * Which version of a record the data center held at an instant, for 核验 "on date D" (issue 5
 * point 4b): the current version if it had arrived by then, otherwise the superseded version in
 * force then (agg_record_history: from its received_at until its superseded_at).
 *
 * This is the one read of aggregation's tables outside aggregation: RecordReader (record-reader.ts)
 * has no history method yet. It has RecordReader's shape so it can move there as `heldAt`
 * unchanged, and createGateway takes a `history` dependency so the composition root can hand over
 * the reader's own.
 */
import { sql } from 'kysely';
import type { BaseDb } from '../../../platform/db/database.ts';
import type { SharedRecord } from '../../aggregation/record-reader.ts';

export type RecordMatch = { key: string } | { idNumber: string };

export interface HistoryReader {
  heldAt(library: string, match: RecordMatch, at: Date, limit?: number): Promise<SharedRecord[]>;
}

export function createHistoryReader(base: BaseDb): HistoryReader {
  return {
    async heldAt(library, match, at, limit = 20) {
      // The shape of the partial index agg_records_id_number; the same index on history would serve both.
      const where = 'key' in match ? sql`business_key = ${match.key}` : sql`data ? 'idNumber' and data ->> 'idNumber' = ${match.idNumber}`;
      const { rows } = await sql<SharedRecord>`
        select "businessKey", data, "receivedAt" from (
          select business_key as "businessKey", data, received_at as "receivedAt"
          from agg_records where library_id = ${library} and ${where} and received_at <= ${at}
          union all
          select business_key, data, received_at
          from agg_record_history where library_id = ${library} and ${where} and received_at <= ${at} and superseded_at > ${at}
        ) v order by "businessKey" limit ${limit}`.execute(base);
      return rows;
    },
  };
}
