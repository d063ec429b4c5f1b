/**
 * Reading aggregated records on behalf of other modules (the sharing gateway): one record by its
 * business key or by ID number, and the change feed. Other modules never query agg_records
 * directly; what they may read is here, with the indexes it needs (migration 0007).
 */
import { sql } from 'kysely';
import type { BaseDb } from '../../platform/db/database.ts';

export interface SharedRecord {
  businessKey: string;
  data: Record<string, unknown>;
  receivedAt: Date;
}

/** A position in a library's change feed: after the record `key` changed by transaction `xid`. */
export interface ChangeCursor {
  xid: string;
  key: string;
}

export interface ChangePage {
  records: (SharedRecord & { cursor: ChangeCursor })[];
  /** Where the next page starts: the last record's cursor, or the one given when nothing changed. */
  next: ChangeCursor;
}

export function createRecordReader(base: BaseDb) {
  return {
    async byKey(library: string, key: string): Promise<SharedRecord[]> {
      const { rows } = await sql<SharedRecord>`
        select business_key as "businessKey", data, received_at as "receivedAt"
        from agg_records where library_id = ${library} and business_key = ${key}`.execute(base);
      return rows;
    },

    /** By 公民身份号码 (partial index agg_records_id_number); several when a person holds several records. */
    async byIdNumber(library: string, idNumber: string, limit = 20): Promise<SharedRecord[]> {
      const { rows } = await sql<SharedRecord>`
        select business_key as "businessKey", data, received_at as "receivedAt"
        from agg_records where library_id = ${library} and data ? 'idNumber' and data ->> 'idNumber' = ${idNumber}
        order by business_key limit ${limit}`.execute(base);
      return rows;
    },

    /**
     * Records changed after `cursor`, in (transaction, key) order. Only transactions older than
     * every one still running are read (pg_snapshot_xmin): a batch committing after a later one
     * would otherwise slip behind a cursor already handed out, and its changes would never be
     * delivered. A record changed again moves to its new position: it is delivered again.
     */
    async changes(library: string, cursor: ChangeCursor | null, limit: number): Promise<ChangePage> {
      const from = cursor ?? { xid: '0', key: '' };
      const { rows } = await sql<SharedRecord & { xid: string }>`
        select business_key as "businessKey", data, received_at as "receivedAt", change_xid::text as xid
        from agg_records
        where library_id = ${library}
          and (change_xid, business_key) > (${from.xid}::xid8, ${from.key})
          and change_xid < pg_snapshot_xmin(pg_current_snapshot())
        order by change_xid, business_key
        limit ${limit}`.execute(base);
      const records = rows.map(({ xid, ...r }) => ({ ...r, cursor: { xid, key: r.businessKey } }));
      return { records, next: records.at(-1)?.cursor ?? from };
    },
  };
}

export type RecordReader = ReturnType<typeof createRecordReader>;
