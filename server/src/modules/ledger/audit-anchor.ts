import crypto from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { AuditEventsTable, AuditTables } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { canonicalJson } from './canonical-json.ts';
import { decodeTyped, encodeEntry } from './entry.ts';
import { appendEntries } from './log-store.ts';
import { hasherOf, type LogService } from './logs.service.ts';
import type { LedgerTables } from './ledger.tables.ts';

export const AUDIT_LOG = 'audit';
export const AUDIT_ENTRY_TYPE = 'audit.batch';
const ROWS_PER_ENTRY = 1000;
/** How far back the job looks for rows that committed after higher ids were anchored. */
const LOOKBACK_IDS = 10_000;

type AuditRow = Selectable<AuditEventsTable>;

/** A row's fingerprint: SHA-256 of its canonical JSON, 16 bytes kept — hashes only on the log. */
export function auditRowHash(r: AuditRow): string {
  const canonical = canonicalJson({ ...r, at: r.at.toISOString() });
  return crypto.createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

interface AnchorPayload {
  ids: number[];
  rows: string[];
}

/**
 * Anchors the audit trail (SEC-17) on the ledger: every audit row's fingerprint goes into an
 * `audit.batch` entry of the `audit` log, so deleting or editing a row is detectable and located.
 * Rows are picked by "not anchored yet" rather than "id above the last one": a long transaction
 * can commit its audit row after rows with higher ids were anchored.
 */
export function createAuditAnchor(base: BaseDb, logs: LogService, clock?: () => Date) {
  const db = base.withTables<LedgerTables & AuditTables>();

  return {
    /** Anchors every new audit row; returns how many. One transaction per entry, so two servers cannot anchor a row twice. */
    async anchor(): Promise<number> {
      const log = await logs.logOf(AUDIT_LOG);
      let total = 0;
      for (;;) {
        const n = await db.transaction().execute(async (trx) => {
          const high = await trx.selectFrom('ledger_audit_anchors').select((eb) => eb.fn.max('audit_id').as('m')).executeTakeFirst();
          const low = Math.max(0, Number(high?.m ?? 0) - LOOKBACK_IDS);
          const rows = await trx
            .selectFrom('audit_events as e')
            .selectAll('e')
            .where('e.id', '>', low)
            .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ledger_audit_anchors as a').select(sql`1`.as('one')).whereRef('a.audit_id', '=', 'e.id'))))
            .orderBy('e.id')
            .limit(ROWS_PER_ENTRY)
            .execute();
          if (rows.length === 0) return 0;
          const payload: AnchorPayload = { ids: rows.map((r) => r.id), rows: rows.map(auditRowHash) };
          const h = hasherOf(log.hash_alg);
          const entry = encodeEntry(h, { type: AUDIT_ENTRY_TYPE, submitter: 'tianping', payload }, clock?.() ?? new Date(), 'entries', { trusted: true });
          const idx = await appendEntries(trx, log.id, h, [entry]);
          await trx.insertInto('ledger_audit_anchors').values(rows.map((r) => ({ audit_id: r.id, entry_idx: idx }))).execute();
          return rows.length;
        });
        total += n;
        if (n < ROWS_PER_ENTRY) return total;
      }
    },

    /** Audit rows that were deleted or edited after they were anchored. */
    async check(): Promise<{ checkedRows: number; deleted: number[]; edited: number[] }> {
      const log = await logs.logOf(AUDIT_LOG);
      const deleted: number[] = [];
      const edited: number[] = [];
      let checkedRows = 0;
      let after = -1;
      for (;;) {
        const entries = await db.selectFrom('ledger_entries').select(['idx', 'body']).where('log_id', '=', log.id).where('entry_type', '=', AUDIT_ENTRY_TYPE).where('idx', '>', after).orderBy('idx').limit(50).execute();
        if (entries.length === 0) break;
        after = entries.at(-1)!.idx;
        for (const e of entries) {
          const p = decodeTyped(e.body)?.payload as AnchorPayload | undefined;
          if (!p || !Array.isArray(p.ids) || !Array.isArray(p.rows)) continue; // an altered entry: `verify` reports it
          const rows = await db.selectFrom('audit_events').selectAll().where('id', 'in', p.ids.length ? p.ids : [-1]).execute();
          const byId = new Map(rows.map((r) => [r.id, r]));
          p.ids.forEach((id, i) => {
            const r = byId.get(id);
            if (!r) deleted.push(id);
            else if (auditRowHash(r) !== p.rows[i]) edited.push(id);
          });
          checkedRows += p.ids.length;
        }
      }
      return { checkedRows, deleted, edited };
    },
  };
}

export type AuditAnchor = ReturnType<typeof createAuditAnchor>;
