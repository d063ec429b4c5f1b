import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { KeyStore } from './key-store.ts';
import { ledgerErrors } from './ledger.errors.ts';
import { ledgerDb } from './log-store.ts';
import type { LogService } from './logs.service.ts';
import { hasherOf } from './logs.service.ts';
import { HASH_ALGS, verifyConsistency, type HashAlg } from './merkle.ts';
import { formatSignatureLine, NoteError, parseCheckpointText, parseNote, parseSignatureLine, parseVerifierKey, verifyNote, type Verifier } from './note.ts';

/**
 * Witnessing (c2sp.org/tlog-cosignature): this node fetches another log's checkpoint, checks it is
 * consistent with the largest one it saw before, and cosigns it — so the log cannot show one
 * history to us and another to someone else. The log side accepts cosignatures from the
 * witnesses it has registered, and serves them under its checkpoint.
 */
export function createWitnessService(base: BaseDb, logs: LogService, deps: { nodeName: string; keys: KeyStore; clock?: (() => Date) | undefined; fetch?: typeof fetch }) {
  const db = ledgerDb(base);
  const now = () => deps.clock?.() ?? new Date();
  const http = deps.fetch ?? fetch;
  const witnessName = `${deps.nodeName}/witness`;

  /** This node's cosigning key (created on first use). */
  async function witnessKey(): Promise<string> {
    const found = await db.selectFrom('ledger_keys').select('vkey').where('log_id', 'is', null).where('kind', '=', 'cosignature/v1').where('retired_at', 'is', null).executeTakeFirst();
    if (found) return found.vkey;
    const vkey = deps.keys.create(witnessName, 'cosignature/v1');
    await db.insertInto('ledger_keys').values({ log_id: null, kind: 'cosignature/v1', vkey }).onConflict((oc) => oc.doNothing()).execute();
    return (await witnessKey());
  }

  async function getText(url: string): Promise<string> {
    const res = await http(url, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`${url} 返回 ${res.status}`);
    return res.text();
  }

  /** Fetch, check, cosign, post back. `logKey` is needed the first time a log is followed. */
  async function witness(logUrl: string, logKey?: string, who?: AuditWho): Promise<{ origin: string; size: number; previous: number | null }> {
    try {
      const done = await witnessOnce(logUrl, logKey);
      if (who && done.previous === null) {
        await db.transaction().execute((trx) => recordAudit(trx, who, { action: 'ledger.follow', targetType: 'ledger_witnessed', targetId: done.origin, changes: { url: logUrl, size: done.size } }));
      }
      return done;
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw ledgerErrors.LEDGER_WITNESS_REFUSED(`拒绝联署 ${logUrl}：${(err as Error).message}`, [{ field: 'url', message: logUrl }]);
    }
  }

  async function witnessOnce(logUrl: string, logKey?: string): Promise<{ origin: string; size: number; previous: number | null }> {
    const url = logUrl.replace(/\/+$/, '');
    const seen = await db.selectFrom('ledger_witnessed').selectAll().where('url', '=', url).executeTakeFirst();
    const vkey = seen?.log_vkey ?? logKey;
    if (!vkey) throw ledgerErrors.LEDGER_VKEY_INVALID('首次见证一个日志须提供它的验证公钥', [{ field: 'logKey', message: '请填写该日志的验证公钥' }]);
    const logVerifier = parseVerifierKey(vkey);
    const note = await getText(`${url}/checkpoint`);
    const { text } = verifyNote(note, [logVerifier]);
    const cp = parseCheckpointText(text);
    const alg = (await getJson<{ hashAlg: HashAlg }>(`${url}/keys`)).hashAlg;
    if (!HASH_ALGS.includes(alg)) throw new Error(`未知的哈希算法 ${alg}`);
    if (seen) {
      if (seen.origin !== cp.origin) throw new Error(`日志标识变了：${seen.origin} → ${cp.origin}`);
      if (cp.size < seen.size) throw new Error(`日志变短了：见过 ${seen.size}，现在 ${cp.size}——拒绝联署`);
      if (cp.size === seen.size && !cp.root.equals(seen.root)) throw new Error(`同一大小 ${cp.size} 出现两个不同的根哈希——日志分叉，拒绝联署`);
      if (cp.size > seen.size && seen.size > 0) {
        const p = await getJson<{ proof: string[] }>(`${url}/proofs/consistency?from=${seen.size}&to=${cp.size}`);
        const proof = p.proof.map((x) => Buffer.from(x, 'hex'));
        if (!verifyConsistency(hasherOf(alg), seen.size, cp.size, proof, seen.root, cp.root)) throw new Error(`大小 ${seen.size} → ${cp.size} 的一致性证明不成立——拒绝联署`);
      }
    }
    const signer = deps.keys.signer(witnessName, 'cosignature/v1', await witnessKey());
    const line = formatSignatureLine({ name: signer.name, keyId: signer.keyId, signature: signer.sign(Buffer.from(text), now()) });
    const res = await http(`${url}/checkpoints/${cp.size}/cosignatures`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: line, signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`提交联署失败：${res.status} ${await res.text()}`);
    await db
      .insertInto('ledger_witnessed')
      .values({ origin: cp.origin, url, log_vkey: vkey, size: cp.size, root: cp.root })
      .onConflict((oc) => oc.column('origin').doUpdateSet({ url, size: cp.size, root: cp.root, updated_at: now() }))
      .execute();
    return { origin: cp.origin, size: cp.size, previous: seen ? seen.size : null };

    async function getJson<T>(u: string): Promise<T> {
      return JSON.parse(await getText(u)) as T;
    }
  }

  return {
    witnessName,
    witnessKey,
    witness,

    /** One pass over every log this node follows (the scheduler's job); failures are reported, not thrown. */
    async witnessAll(report: (origin: string, err: unknown) => void) {
      const followed = await db.selectFrom('ledger_witnessed').select(['origin', 'url']).execute();
      for (const f of followed) {
        try {
          await witnessOnce(f.url);
        } catch (err) {
          report(f.origin, err);
        }
      }
    },

    followed: () => db.selectFrom('ledger_witnessed').select(['origin', 'url', 'size', 'updated_at']).orderBy('origin').execute(),

    witnessesOf: async (name: string) => {
      const log = await logs.logOf(name);
      return db.selectFrom('ledger_witnesses').select(['name', 'vkey', 'added_at']).where('log_id', '=', log.id).orderBy('name').execute();
    },

    /** Registers a witness whose cosignatures this log accepts. */
    async addWitness(who: AuditWho, name: string, vkey: string) {
      const log = await logs.logOf(name);
      let v: Verifier;
      try {
        v = parseVerifierKey(vkey);
      } catch (err) {
        throw ledgerErrors.LEDGER_VKEY_INVALID(undefined, [{ field: 'vkey', message: `${(err as Error).message}；请向见证方重新复制它的公钥` }]);
      }
      if (v.kind !== 'cosignature/v1') throw ledgerErrors.LEDGER_VKEY_INVALID(undefined, [{ field: 'vkey', message: `这是 ${v.kind} 签名公钥，见证方公钥应为 cosignature/v1（Ed25519 联署）类型` }]);
      await db.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('ledger_witnesses').select('name').where('log_id', '=', log.id).where('name', '=', v.name).executeTakeFirst();
        if (taken) throw ledgerErrors.LEDGER_WITNESS_EXISTS(`见证方 ${v.name} 已登记`, [{ field: 'vkey', message: '该见证方已经登记过了' }]);
        await trx.insertInto('ledger_witnesses').values({ log_id: log.id, name: v.name, vkey }).execute();
        await recordAudit(trx, who, { action: 'ledger.add-witness', targetType: 'ledger_log', targetId: name, changes: { witness: v.name, vkey } });
      });
      return { name: v.name, vkey };
    },

    /** A witness's cosignature of checkpoint `size`, checked against its registered key. */
    async acceptCosignature(meta: { ip: string; requestId: string }, name: string, size: number, lineText: string) {
      const log = await logs.logOf(name);
      let line;
      try {
        line = parseSignatureLine(lineText.trim());
      } catch (err) {
        throw ledgerErrors.LEDGER_COSIGNATURE_INVALID(`联署签名行格式不正确：${(err as Error).message}`, [{ field: 'body', message: '应为“— 名称 签名”一行' }]);
      }
      const w = await db.selectFrom('ledger_witnesses').select('vkey').where('log_id', '=', log.id).where('name', '=', line.name).executeTakeFirst();
      if (!w) throw ledgerErrors.LEDGER_WITNESS_UNKNOWN(`${line.name} 不是日志 ${name} 登记的见证方`, [{ field: 'body', message: line.name }]);
      const cp = await logs.latestCheckpoint(name, size);
      const text = parseNote(cp.note).text;
      const v = parseVerifierKey(w.vkey);
      if (!v.keyId.equals(line.keyId) || !v.verify(Buffer.from(text), line.signature)) throw ledgerErrors.LEDGER_COSIGNATURE_INVALID(`${line.name} 对大小 ${size} 的检查点的联署签名验证不通过`);
      const cosignedAt = new Date(Number(line.signature.readBigUInt64BE(0)) * 1000);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('ledger_cosignatures')
          .values({ log_id: log.id, size, witness: line.name, line: formatSignatureLine(line), cosigned_at: cosignedAt })
          .onConflict((oc) => oc.columns(['log_id', 'size', 'witness']).doUpdateSet({ line: formatSignatureLine(line), cosigned_at: cosignedAt, received_at: now() }))
          .execute();
        // No session: the witness is known by its signature, so that is what the event names.
        await recordAudit(trx, { system: `witness ${line.name}`, meta }, { action: 'ledger.cosign', targetType: 'ledger_log', targetId: name, changes: { size, witness: line.name } });
      });
      return { witness: line.name, size, cosignedAt };
    },
  };
}

export type WitnessService = ReturnType<typeof createWitnessService>;

/**
 * What a relying party checks before trusting a checkpoint: the log's own signature and at least
 * `minWitnesses` cosignatures from the witnesses it trusts.
 */
export function checkWitnessed(note: string, logKeys: string[], witnessKeys: string[], minWitnesses: number) {
  const log = logKeys.map(parseVerifierKey);
  const witnesses = witnessKeys.map(parseVerifierKey);
  const { text, verifiedBy } = verifyNote(note, [...log, ...witnesses]);
  const byLog = verifiedBy.filter((v) => log.includes(v));
  const byWitness = verifiedBy.filter((v) => witnesses.includes(v));
  if (byLog.length === 0) throw new NoteError('NOTE_UNSIGNED', '检查点没有日志本身的有效签名');
  return { checkpoint: parseCheckpointText(text), witnesses: byWitness.map((v) => v.name), enough: byWitness.length >= minWitnesses };
}
