import type { BaseDb } from '../../platform/db/database.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { ledgerDb } from './log-store.ts';
import { hasherOf, type LogService } from './logs.service.ts';
import { verifyInclusion } from './merkle.ts';
import type { Receipt } from './receipt.ts';

/** Reading entries for the console: newest first, and one entry with its proof. */
export function createEntryService(base: BaseDb, logs: LogService) {
  const db = ledgerDb(base);

  return {
    async list(name: string, f: { type?: string | undefined }, page: Page) {
      const log = await logs.logOf(name);
      let q = db.selectFrom('ledger_entries').where('log_id', '=', log.id);
      if (f.type) q = q.where('entry_type', '=', f.type);
      const { limit, offset } = pageOffset(page);
      const h = hasherOf(log.hash_alg);
      const [rows, total] = await Promise.all([
        q.select(['idx', 'entry_type', 'submitter', 'appended_at', 'body']).orderBy('idx', 'desc').limit(limit).offset(offset).execute(),
        f.type ? q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)) : Promise.resolve(log.size),
      ]);
      return {
        items: rows.map((r) => ({
          index: r.idx,
          kind: r.entry_type === null ? ('raw' as const) : ('typed' as const),
          type: r.entry_type,
          submitter: r.submitter,
          appendedAt: r.appended_at.toISOString(),
          leafHash: h.leaf(r.body).toString('hex'),
          size: r.body.length,
        })),
        total,
      };
    },

    /** A receipt (receipt.ts) for an entry the latest checkpoint covers. */
    async receipt(name: string, index: number): Promise<Receipt> {
      const log = await logs.logOf(name);
      const r = await db.selectFrom('ledger_entries').select('body').where('log_id', '=', log.id).where('idx', '=', index).executeTakeFirst();
      if (!r) throw ledgerErrors.LEDGER_ENTRY_NOT_FOUND(`日志 ${name} 没有序号为 ${index} 的记录`);
      const cp = await logs.latestCheckpoint(name);
      if (index >= cp.size) throw ledgerErrors.LEDGER_NO_CHECKPOINT(`序号 ${index} 的记录晚于最新检查点（大小 ${cp.size}），约 1 秒后可取得凭证`);
      const p = await logs.proveInclusion(name, index, cp.size);
      return {
        format: 'tianping-ledger-receipt/v1',
        origin: log.origin,
        hashAlg: log.hash_alg,
        index,
        entry: r.body.toString('hex'),
        proof: p.proof.map((x) => x.toString('hex')),
        checkpoint: cp.note,
      };
    },

    /** The entry, and its inclusion proof against the latest checkpoint, checked here as a client would. */
    async get(name: string, index: number) {
      const log = await logs.logOf(name);
      const r = await db.selectFrom('ledger_entries').selectAll().where('log_id', '=', log.id).where('idx', '=', index).executeTakeFirst();
      if (!r) throw ledgerErrors.LEDGER_ENTRY_NOT_FOUND(`日志 ${name} 没有序号为 ${index} 的记录`);
      const h = hasherOf(log.hash_alg);
      const leaf = h.leaf(r.body);
      let proof = null;
      const cp = await logs.latestCheckpoint(name).catch(() => null);
      if (cp && index < cp.size) {
        const p = await logs.proveInclusion(name, index, cp.size);
        proof = {
          size: cp.size,
          root: cp.root.toString('hex'),
          proof: p.proof.map((x) => x.toString('hex')),
          verified: verifyInclusion(h, leaf, index, cp.size, p.proof, cp.root),
          checkpoint: cp.note,
        };
      }
      return {
        index: r.idx,
        kind: r.entry_type === null ? ('raw' as const) : ('typed' as const),
        type: r.entry_type,
        submitter: r.submitter,
        appendedAt: r.appended_at.toISOString(),
        leafHash: leaf.toString('hex'),
        size: r.body.length,
        body: r.entry_type === null ? r.body.toString('hex') : r.body.toString('utf8'),
        proof,
      };
    },
  };
}

export type EntryService = ReturnType<typeof createEntryService>;
