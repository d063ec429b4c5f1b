/**
 * The log of every gateway call, refused ones included (issue 5 point 6): who called, under which
 * grant, which resource and service, for what declared purpose, how many records, the status and
 * code, and the latency — never the data returned. People looked up are kept as keyed hashes
 * (HMAC-SM3 of the ID number) in share_call_subjects, so the log does not hold their numbers yet
 * "who looked me up" stays answerable (PIPL 第四十四条、第四十五条: the right to know and consult).
 * Logs are kept at least six months (网络安全法 第二十一条第（三）项).
 *
 * Calls are buffered and written in batches (every 200 ms or 500 calls), so logging does not cost
 * a transaction per call; a batch and its subjects are one statement, so they commit together. If the database cannot take
 * the log, the buffer grows to a bound and then the gateway refuses calls (`overloaded`): no call
 * goes unrecorded.
 */
import { sql } from 'kysely';
import type { Sealer } from '../../../platform/crypto/seal.ts';
import type { BaseDb } from '../../../platform/db/database.ts';
import type { SharingTables } from '../sharing.tables.ts';
import { normalizeIdNumber } from './gateway.rules.ts';

const FLUSH_EVERY_MS = 200;
const FLUSH_AT_ROWS = 500;
/** Beyond this many unwritten calls the gateway stops serving until the log catches up. */
export const MAX_PENDING_CALLS = 50_000;
/** The fingerprint purpose of a looked-up person: one key per use (seal.ts derives it). */
export const SUBJECT_PURPOSE = 'subject';

export type ShareService = 'lookup' | 'verify' | 'changes';

export interface CallEntry {
  at: Date;
  consumerId: number | null;
  grantId: number | null;
  resourceCode: string | null;
  service: ShareService;
  purpose: string | null;
  resultCount: number;
  status: number;
  code: string | null;
  latencyMs: number;
  /** 公民身份号码 of the people the call looked up or verified. */
  subjects: readonly string[];
}

interface Pending extends Omit<CallEntry, 'subjects'> {
  subjects: Buffer[];
}

export interface SubjectLogItem {
  at: Date;
  consumerId: number | null;
  consumerName: string | null;
  agency: string | null;
  resourceCode: string | null;
  resourceName: string | null;
  service: string;
  purpose: string | null;
  status: number;
  resultCount: number;
}

export interface StatsRow {
  /** Consumer id, resource code or day (YYYY-MM-DD, Asia/Shanghai). */
  key: string;
  /** Consumer name, resource name or the day again. */
  label: string;
  calls: number;
  /** Calls answered with 4xx or 5xx. */
  refused: number;
  /** Records returned or verified, summed. */
  records: number;
  avgLatencyMs: number;
}

export function createCallLog(base: BaseDb, deps: { sealer: Sealer; maxPending?: number | undefined; onError?: ((err: unknown) => void) | undefined }) {
  const db = base.withTables<SharingTables>();
  const maxPending = deps.maxPending ?? MAX_PENDING_CALLS;
  // Refusals are logged too, but memory is not endless: past twice the bound, records are dropped
  // and counted (reported through onError) — and nothing is being served meanwhile.
  const hardLimit = 2 * maxPending;
  let buffer: Pending[] = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let next: Promise<void> | null = null;

  const subjectOf = (idNumber: string) => deps.sealer.fingerprint(SUBJECT_PURPOSE, normalizeIdNumber(idNumber));

  /**
   * One statement per batch, so its calls and their subjects commit together without a
   * transaction's four extra round trips. Each call takes its id from the sequence beside its
   * position in the batch (`n`), and its subjects name it through that position: nothing depends
   * on the order of RETURNING.
   */
  async function write(rows: Pending[]): Promise<void> {
    const subjectCall = rows.flatMap((r, i) => r.subjects.map(() => i + 1));
    const subjects = rows.flatMap((r) => r.subjects);
    await sql`
      with v as (
        select nextval(pg_get_serial_sequence('share_calls', 'id')) as id, v.*
        from unnest(${rows.map((r) => r.at.getTime())}::float8[], ${rows.map((r) => r.consumerId)}::bigint[], ${rows.map((r) => r.grantId)}::bigint[],
          ${rows.map((r) => r.resourceCode)}::text[], ${rows.map((r) => r.service)}::text[], ${rows.map((r) => r.purpose)}::text[],
          ${rows.map((r) => r.resultCount)}::int[], ${rows.map((r) => r.status)}::int[], ${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.latencyMs)}::real[])
          with ordinality as v(at_ms, consumer_id, grant_id, resource_code, service, purpose, result_count, status, code, latency_ms, n)
      ), calls as (
        insert into share_calls (id, at, consumer_id, grant_id, resource_code, service, purpose, result_count, status, code, latency_ms)
        overriding system value
        select id, to_timestamp(at_ms / 1000), consumer_id, grant_id, resource_code, service, purpose, result_count, status, code, latency_ms from v
      )
      insert into share_call_subjects (call_id, subject)
      select v.id, s.subject from unnest(${subjectCall}::bigint[], ${subjects}::bytea[]) as s(n, subject) join v on v.n = s.n`.execute(db);
  }

  /**
   * Writes what is buffered when it starts, in batches. Calls logged meanwhile wait for the next
   * tick or the next full batch: chasing them would turn the writer into a statement per handful
   * of calls under steady load.
   */
  async function flushOnce(): Promise<void> {
    if (dropped > 0) {
      deps.onError?.(new Error(`调用日志无法写入，已丢弃 ${dropped} 条（期间服务已暂停）`));
      dropped = 0;
    }
    let due = buffer.length;
    while (due > 0) {
      const batch = buffer.slice(0, Math.min(due, FLUSH_AT_ROWS));
      await write(batch);
      // Only what was written leaves the buffer; calls logged meanwhile stay for the next batch.
      buffer = buffer.slice(batch.length);
      due -= batch.length;
    }
  }

  /**
   * Writes everything buffered so far. Flushes never overlap (one would write the other's rows
   * twice), and asks made while one waits to start share it: it will take their calls too.
   */
  function flush(): Promise<void> {
    if (next) return next;
    const run = () => {
      next = null;
      return flushOnce();
    };
    next = writing.then(run, run);
    writing = next;
    return next;
  }

  return {
    /** Buffers a call; its subjects are fingerprinted at once, so no ID number waits in memory. */
    record(entry: CallEntry): void {
      if (buffer.length >= hardLimit) {
        dropped++;
        return;
      }
      const subjects = [...new Set(entry.subjects.map(normalizeIdNumber))].map(subjectOf);
      buffer.push({ ...entry, subjects });
      if (buffer.length >= FLUSH_AT_ROWS) void flush().catch((err: unknown) => deps.onError?.(err));
    },

    /** True while the log cannot keep up (the database refuses it): calls are then refused. */
    overloaded: () => buffer.length >= maxPending,
    pending: () => buffer.length,
    flush,

    /**
     * The data-subject view (issue 5 point 6): every lookup or verification that touched this
     * person, newest first — who (the consumer), when, which resource, for what declared purpose,
     * and how it was answered. Refused calls never read anyone's data, so they are not here.
     */
    async subjectLog(idNumber: string, page: { page?: number; pageSize?: number } = {}): Promise<{ items: SubjectLogItem[]; total: number }> {
      await flush();
      const pageSize = Math.min(500, Math.max(1, page.pageSize ?? 50));
      const offset = (Math.max(1, page.page ?? 1) - 1) * pageSize;
      const subject = subjectOf(idNumber);
      const calls = db.selectFrom('share_call_subjects as s').innerJoin('share_calls as c', 'c.id', 's.call_id').where('s.subject', '=', subject);
      const [items, total] = await Promise.all([
        calls
          .leftJoin('share_consumers as k', 'k.id', 'c.consumer_id')
          .leftJoin('share_resources as r', 'r.code', 'c.resource_code')
          .select(['c.at', 'c.consumer_id as consumerId', 'k.name as consumerName', 'k.agency', 'c.resource_code as resourceCode', 'r.name as resourceName', 'c.service', 'c.purpose', 'c.status', 'c.result_count as resultCount'])
          .orderBy('c.at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(pageSize)
          .offset(offset)
          .execute(),
        calls.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(total.n) };
    },

    /** Calls per consumer, resource or Beijing-time day within [from, to), for the console's charts. */
    async stats(q: { from: Date; to: Date; groupBy: 'consumer' | 'resource' | 'day' }): Promise<StatsRow[]> {
      await flush();
      // bigint (read as a number, database.ts): a year of a province's calls passes 2^31 records.
      const measures = sql`count(*) as calls, count(*) filter (where c.status >= 400) as refused,
        coalesce(sum(c.result_count), 0)::bigint as records, coalesce(avg(c.latency_ms), 0)::float8 as "avgLatencyMs"`;
      const range = sql`c.at >= ${q.from} and c.at < ${q.to}`;
      switch (q.groupBy) {
        case 'consumer': {
          const r = await sql<StatsRow>`select coalesce(c.consumer_id::text, '') as key, coalesce(k.name, '（未识别的调用方）') as label, ${measures}
            from share_calls c left join share_consumers k on k.id = c.consumer_id where ${range} group by 1, 2 order by calls desc, key`.execute(db);
          return r.rows;
        }
        case 'resource': {
          const r = await sql<StatsRow>`select coalesce(c.resource_code, '') as key, coalesce(s.name, c.resource_code, '（未识别的资源）') as label, ${measures}
            from share_calls c left join share_resources s on s.code = c.resource_code where ${range} group by 1, 2 order by calls desc, key`.execute(db);
          return r.rows;
        }
        case 'day': {
          const r = await sql<StatsRow>`select to_char(c.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as key, to_char(c.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as label, ${measures}
            from share_calls c where ${range} group by 1, 2 order by key`.execute(db);
          return r.rows;
        }
        default: {
          const never: never = q.groupBy;
          throw new Error(`unknown grouping ${String(never)}`);
        }
      }
    },

    start() {
      if (timer) return;
      timer = setInterval(() => void flush().catch((err: unknown) => deps.onError?.(err)), FLUSH_EVERY_MS);
      timer.unref();
    },
    /** Stops the timer and writes what is buffered: a shutdown loses no call. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}

export type CallLog = ReturnType<typeof createCallLog>;
