import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import { createAppender } from './appender.ts';
import { encodeEntry, type AppendItem } from './entry.ts';
import type { KeyStore } from './key-store.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { appendEntries, ledgerDb, tileReader, type LedgerDb } from './log-store.ts';
import { treeHasher, type HashAlg, type TreeHasher } from './merkle.ts';
import { createTileCache } from './tile-cache.ts';
import { addSignatures, checkpointText, parseSignatureLine, signNote, type SignatureKind, type Signer } from './note.ts';
import { consistencyProof, inclusionProof, rootAt, type TileReader } from './proofs.ts';
import type { LedgerLogsTable } from './ledger.tables.ts';

export interface LogRow {
  id: number;
  name: string;
  origin: string;
  hash_alg: HashAlg;
  description: string;
  size: number;
  created_at: Date;
}

export interface LedgerDeps {
  /** Prefix of every log's origin line: names this installation wherever its checkpoints go. */
  nodeName: string;
  keys: KeyStore;
  clock?: (() => Date) | undefined;
}

const hashers = new Map<HashAlg, TreeHasher>();
export const hasherOf = (alg: HashAlg) => hashers.get(alg) ?? hashers.set(alg, treeHasher(alg)).get(alg)!;

/** The signature kinds a log's checkpoints carry: Ed25519 always, SM2 too on an SM3 (国密) log. */
export const logKeyKinds = (alg: HashAlg): SignatureKind[] => (alg === 'sm3' ? ['ed25519', 'sm2'] : ['ed25519']);

export function createLogService(base: BaseDb, deps: LedgerDeps) {
  const db: LedgerDb = ledgerDb(base);
  const now = () => deps.clock?.() ?? new Date();
  // A log's id and hash never change and logs are never deleted: appends look them up once.
  const known = new Map<string, { id: number; h: TreeHasher }>();
  const hasherOfLog = new Map<number, TreeHasher>();
  const appender = createAppender((logId, entries) => db.transaction().execute((trx) => appendEntries(trx, logId, hasherOfLog.get(logId)!, entries)));
  const tiles = createTileCache();
  const readerOf = (logId: number) => tiles.reader(logId, tileReader(db, logId));

  async function logOf(name: string): Promise<LogRow> {
    const log = await db.selectFrom('ledger_logs').selectAll().where('name', '=', name).executeTakeFirst();
    if (!log) throw ledgerErrors.LEDGER_LOG_NOT_FOUND(`存证日志 ${name} 不存在`);
    return log;
  }

  async function identityOf(name: string): Promise<{ id: number; h: TreeHasher }> {
    let found = known.get(name);
    if (!found) {
      const log = await logOf(name);
      found = { id: log.id, h: hasherOf(log.hash_alg) };
      known.set(name, found);
      hasherOfLog.set(log.id, found.h);
    }
    return found;
  }

  function checkSize(log: LogRow, size: number | undefined): number {
    const n = size ?? log.size;
    if (!Number.isSafeInteger(n) || n < 0 || n > log.size) throw ledgerErrors.LEDGER_SIZE_OUT_OF_RANGE(`树大小应在 0–${log.size} 之间，收到 ${n}`, [{ field: 'size', message: String(n) }]);
    return n;
  }

  /**
   * Computes a proof for a tree of `size` leaves (default: the log's size). With the size given,
   * the log's row and the tiles are read at once — one round trip of latency instead of two; the
   * size is still checked against the log before the result is used.
   */
  async function atSize<T>(name: string, size: number | undefined, check: (n: number) => void, compute: (n: number, h: TreeHasher, read: TileReader) => Promise<T>) {
    if (size === undefined) {
      const log = await logOf(name);
      const n = checkSize(log, undefined);
      check(n);
      return { n, value: await compute(n, hasherOf(log.hash_alg), readerOf(log.id)) };
    }
    const known = await identityOf(name);
    if (!Number.isSafeInteger(size) || size < 0) throw ledgerErrors.LEDGER_SIZE_OUT_OF_RANGE(`树大小应为非负整数，收到 ${size}`, [{ field: 'size', message: String(size) }]);
    check(size);
    const [log, value] = await Promise.allSettled([logOf(name), compute(size, known.h, readerOf(known.id))]);
    if (log.status === 'rejected') throw log.reason;
    checkSize(log.value, size); // a size past the log also failed in the tiles: this is the error to report
    if (value.status === 'rejected') throw value.reason;
    return { n: size, value: value.value };
  }

  /** Signs and stores a checkpoint of the log's size; a server that lost the race keeps the winner's. */
  async function signCheckpoint(log: LogRow, signers: Signer[]) {
    const root = await rootAt(hasherOf(log.hash_alg), log.size, readerOf(log.id));
    const note = signNote(checkpointText({ origin: log.origin, size: log.size, root, extensions: [] }), signers, now());
    await db.insertInto('ledger_checkpoints').values({ log_id: log.id, size: log.size, root, note }).onConflict((oc) => oc.doNothing()).execute();
  }

  async function activeSigners(log: LogRow): Promise<Signer[]> {
    const keys = await db.selectFrom('ledger_keys').select(['kind', 'vkey']).where('log_id', '=', log.id).where('retired_at', 'is', null).orderBy('kind').execute();
    return keys.map((k) => deps.keys.signer(log.origin, k.kind, k.vkey));
  }

  async function newKeys(trx: LedgerDb, log: Pick<LedgerLogsTable, 'origin'> & { id: number }, kinds: SignatureKind[], entryIdx: number | null) {
    const made = kinds.map((kind) => ({ kind, vkey: deps.keys.create(log.origin, kind) }));
    await trx.insertInto('ledger_keys').values(made.map((k) => ({ log_id: log.id, kind: k.kind, vkey: k.vkey, entry_idx: entryIdx }))).execute();
    return made;
  }

  const service = {
    logOf,

    /** Every log (or the one named) with its latest checkpoint's size and time. */
    async list(name?: string) {
      let q = db.selectFrom('ledger_logs').selectAll().orderBy('name');
      if (name !== undefined) q = q.where('name', '=', name);
      const logs = await q.execute();
      if (logs.length === 0) return [];
      const latest = await db
        .selectFrom('ledger_checkpoints')
        .select(['log_id', (eb) => eb.fn.max('size').as('size'), (eb) => eb.fn.max('created_at').as('at')])
        .where('log_id', 'in', logs.map((l) => l.id))
        .groupBy('log_id')
        .execute();
      return logs.map((l) => {
        const c = latest.find((x) => x.log_id === l.id);
        return { ...l, checkpointSize: c ? Number(c.size) : null, checkpointAt: c ? new Date(c.at as unknown as string) : null };
      });
    },

    async create(who: AuditWho, input: { name: string; hash: HashAlg; description?: string }) {
      const origin = `${deps.nodeName}/${input.name}`;
      return db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('ledger_logs').select('id').where((eb) => eb.or([eb('name', '=', input.name), eb('origin', '=', origin)])).executeTakeFirst();
        if (taken) throw ledgerErrors.LEDGER_LOG_EXISTS(`存证日志 ${input.name} 已存在`, [{ field: 'name', message: '已有同名的存证日志，请换一个名称' }]);
        const log = await trx
          .insertInto('ledger_logs')
          .values({ name: input.name, origin, hash_alg: input.hash, description: input.description ?? '' })
          .returningAll()
          .executeTakeFirstOrThrow();
        const keys = await newKeys(trx, log, logKeyKinds(input.hash), null);
        await recordAudit(trx, who, { action: 'ledger.create', targetType: 'ledger_log', targetId: log.name, changes: { hash: input.hash, origin, keys: keys.map((k) => k.vkey) } });
        return log;
      });
    },

    /** Appends in order; returns each item's index and the log's size after the append. */
    async append(name: string, items: AppendItem[]) {
      const log = await identityOf(name);
      const at = now();
      const entries = items.map((item, i) => encodeEntry(log.h, item, at, `entries[${i}]`));
      const first = await appender.append(log.id, entries);
      return { indexes: entries.map((_, i) => first + i), size: first + entries.length };
    },

    /**
     * An append by a signed-in caller (the API): written with its audit event in one transaction,
     * past the coalescing queue. Appends of tianping's own modules are not audited: the entry is
     * the record, and auditing the audit anchoring would feed itself.
     */
    async appendAudited(who: AuditWho, name: string, items: AppendItem[]) {
      const log = await identityOf(name);
      const entries = items.map((item, i) => encodeEntry(log.h, item, now(), `entries[${i}]`));
      return db.transaction().execute(async (trx) => {
        const first = await appendEntries(trx, log.id, log.h, entries);
        const indexes = entries.map((_, i) => first + i);
        await recordAudit(trx, who, { action: 'ledger.append', targetType: 'ledger_log', targetId: name, changes: { indexes: [first, first + entries.length - 1] } });
        return { indexes, size: first + entries.length };
      });
    },

    async root(name: string, size?: number) {
      const log = await logOf(name);
      const n = checkSize(log, size);
      return { size: n, root: await rootAt(hasherOf(log.hash_alg), n, readerOf(log.id)) };
    },

    async proveInclusion(name: string, index: number, size?: number) {
      const check = (n: number) => {
        if (!Number.isSafeInteger(index) || index < 0 || index >= n) throw ledgerErrors.LEDGER_INDEX_OUT_OF_RANGE(`记录序号应在 0–${n - 1} 之间，收到 ${index}`, [{ field: 'index', message: String(index) }]);
      };
      const { n, value } = await atSize(name, size, check, (n, h, read) => inclusionProof(h, index, n, read));
      return { index, size: n, proof: value };
    },

    async proveConsistency(name: string, from: number, to?: number) {
      const check = (n: number) => {
        if (!Number.isSafeInteger(from) || from < 1 || from > n) throw ledgerErrors.LEDGER_RANGE_INVALID(`起始大小应在 1–${n} 之间，收到 ${from}`, [{ field: 'from', message: String(from) }]);
      };
      const { n, value } = await atSize(name, to, check, (n, h, read) => consistencyProof(h, from, n, read));
      return { from, to: n, proof: value };
    },

    /**
     * Signs a checkpoint of the log's current size if it has grown since the last one. Several
     * servers may race here: the first insert wins, the others keep its note.
     */
    async checkpoint(name: string) {
      const log = await logOf(name);
      const last = await db.selectFrom('ledger_checkpoints').select('size').where('log_id', '=', log.id).orderBy('size', 'desc').executeTakeFirst();
      if (last && last.size >= log.size) return;
      await signCheckpoint(log, await activeSigners(log));
    },

    /** Checkpoints every log that grew; the scheduler calls this every second. */
    async checkpointAll() {
      const grown = await db
        .selectFrom('ledger_logs as l')
        .select('l.name')
        .where((eb) => eb('l.size', '>', eb.selectFrom('ledger_checkpoints as c').select((e) => e.fn.coalesce(e.fn.max('c.size'), e.lit(0)).as('m')).whereRef('c.log_id', '=', 'l.id')))
        .execute();
      for (const l of grown) await service.checkpoint(l.name);
    },

    /** The latest signed checkpoint with every cosignature received for it. */
    async latestCheckpoint(name: string, size?: number) {
      const log = await logOf(name);
      let q = db.selectFrom('ledger_checkpoints').selectAll().where('log_id', '=', log.id);
      q = size === undefined ? q.orderBy('size', 'desc') : q.where('size', '=', size);
      const c = await q.executeTakeFirst();
      if (!c) throw ledgerErrors.LEDGER_NO_CHECKPOINT(size === undefined ? `存证日志 ${name} 尚无已签名的检查点` : `存证日志 ${name} 没有大小为 ${size} 的检查点`);
      const cos = await db.selectFrom('ledger_cosignatures').select(['witness', 'line', 'cosigned_at']).where('log_id', '=', log.id).where('size', '=', c.size).orderBy('witness').execute();
      return { log, size: c.size, root: c.root, createdAt: c.created_at, note: addSignatures(c.note, cos.map((x) => parseSignatureLine(x.line))), cosignatures: cos };
    },

    async checkpoints(name: string, page: Page) {
      const log = await logOf(name);
      const { limit, offset } = pageOffset(page);
      const [rows, total] = await Promise.all([
        db.selectFrom('ledger_checkpoints').selectAll().where('log_id', '=', log.id).orderBy('size', 'desc').limit(limit).offset(offset).execute(),
        db.selectFrom('ledger_checkpoints').select((eb) => eb.fn.countAll<number>().as('n')).where('log_id', '=', log.id).executeTakeFirstOrThrow(),
      ]);
      const sizes = rows.map((c) => c.size);
      const cos = sizes.length === 0 ? [] : await db.selectFrom('ledger_cosignatures').select(['size', 'witness', 'line', 'cosigned_at']).where('log_id', '=', log.id).where('size', 'in', sizes).execute();
      return {
        items: rows.map((c) => {
          const mine = cos.filter((x) => x.size === c.size);
          return { size: c.size, root: c.root, createdAt: c.created_at, note: addSignatures(c.note, mine.map((x) => parseSignatureLine(x.line))), cosignatures: mine.map((x) => ({ witness: x.witness, cosignedAt: x.cosigned_at })) };
        }),
        total: Number(total.n),
      };
    },

    /**
     * Rotates a log's signing key: the new verifier key goes on the log itself, and a checkpoint
     * covering that entry is signed by the old and the new key, so a verifier who trusted the old
     * key can follow the chain to the new one.
     */
    async rotateKey(who: AuditWho, name: string, kind: SignatureKind = 'ed25519') {
      const log = await logOf(name);
      if (!logKeyKinds(log.hash_alg).includes(kind)) throw ledgerErrors.LEDGER_KEY_KIND_UNUSED(`日志 ${name} 不使用 ${kind} 签名`, [{ field: 'kind', message: 'SM2 签名只用于 SM3 日志' }]);
      const old = await db.selectFrom('ledger_keys').select(['id', 'vkey']).where('log_id', '=', log.id).where('kind', '=', kind).where('retired_at', 'is', null).executeTakeFirstOrThrow();
      const oldSigners = await activeSigners(log);
      const fresh = deps.keys.create(log.origin, kind);
      const { indexes } = await service.append(name, [{ type: 'ledger.key-rotated', submitter: 'tianping', payload: { kind, retired: old.vkey, active: fresh } }]);
      const entryIdx = indexes[0]!;
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('ledger_keys').set({ retired_at: now() }).where('id', '=', old.id).execute();
        await trx.insertInto('ledger_keys').values({ log_id: log.id, kind, vkey: fresh, entry_idx: entryIdx }).execute();
        await recordAudit(trx, who, { action: 'ledger.rotate-key', targetType: 'ledger_log', targetId: name, changes: { kind, retired: old.vkey, active: fresh, entry: entryIdx } });
      });
      // The handover checkpoint: everyone up to the rotation entry, signed by both generations.
      await signCheckpoint(await logOf(name), [...oldSigners, deps.keys.signer(log.origin, kind, fresh)]);
      return { retired: old.vkey, active: fresh, entry: entryIdx };
    },

    /** The log's verifier keys, active and retired (a checkpoint is trusted against these). */
    async keysOf(name: string) {
      const log = await logOf(name);
      return db.selectFrom('ledger_keys').select(['kind', 'vkey', 'created_at', 'retired_at', 'entry_idx']).where('log_id', '=', log.id).orderBy('id').execute();
    },

    settled: () => appender.settled(),
  };
  return service;
}

export type LogService = ReturnType<typeof createLogService>;
