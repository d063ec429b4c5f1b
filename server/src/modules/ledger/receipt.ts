import { z } from 'zod';
import { HASH_ALGS, treeHasher } from './merkle.ts';
import { checkInclusion, ProofInputError } from './offline.ts';
import { checkWitnessed } from './witness.service.ts';

/**
 * A receipt (存证凭证): everything a third party needs to check one entry with no database and no
 * trust in us — the entry's bytes, its inclusion proof, and the signed checkpoint the proof leads
 * to. The verifier brings the log's public key (and its witnesses') from elsewhere: a receipt
 * never vouches for the key that checks it.
 */
export const receiptSchema = z.strictObject({
  format: z.literal('tianping-ledger-receipt/v1'),
  origin: z.string(),
  hashAlg: z.enum(['sha256', 'sm3']),
  index: z.number().int().min(0),
  entry: z.string().describe('记录字节（小写十六进制）'),
  proof: z.array(z.string()),
  checkpoint: z.string().describe('签名检查点（含见证联署）'),
});
export type Receipt = z.infer<typeof receiptSchema>;

export interface ReceiptVerdict {
  valid: boolean;
  origin: string;
  size: number;
  witnesses: string[];
  reason: string;
}

/**
 * Checks a receipt: the checkpoint is signed by `logKeys` (and cosigned by `minWitnesses` of
 * `witnessKeys`), names the receipt's origin, and the entry's leaf is included in its tree.
 * Malformed input throws ProofInputError; a receipt that does not hold returns valid: false.
 */
export function checkReceipt(json: string, logKeys: string[], witnessKeys: string[] = [], minWitnesses = 0): ReceiptVerdict {
  let receipt: Receipt;
  try {
    receipt = receiptSchema.parse(JSON.parse(json));
  } catch (err) {
    throw new ProofInputError('RECEIPT_MALFORMED', 'receipt', `存证凭证格式不正确：${(err as Error).message.slice(0, 200)}`);
  }
  if (!/^(?:[0-9a-f]{2})*$/.test(receipt.entry)) throw new ProofInputError('PROOF_NOT_HEX', 'entry', '记录字节应为偶数位小写十六进制');
  if (!HASH_ALGS.includes(receipt.hashAlg)) throw new ProofInputError('PROOF_UNKNOWN_HASH', 'hashAlg', `未知的哈希算法 ${receipt.hashAlg}`);
  let signed;
  try {
    signed = checkWitnessed(receipt.checkpoint, logKeys, witnessKeys, minWitnesses);
  } catch (err) {
    return { valid: false, origin: receipt.origin, size: 0, witnesses: [], reason: `检查点签名不成立：${(err as Error).message}` };
  }
  const { checkpoint, witnesses } = signed;
  const verdict = (valid: boolean, reason: string) => ({ valid, origin: checkpoint.origin, size: checkpoint.size, witnesses, reason });
  if (checkpoint.origin !== receipt.origin) return verdict(false, `检查点属于 ${checkpoint.origin}，不是凭证所称的 ${receipt.origin}`);
  if (!signed.enough) return verdict(false, `见证联署不足：需要 ${minWitnesses} 个，只有 ${witnesses.length} 个`);
  const leafHash = treeHasher(receipt.hashAlg).leaf(Buffer.from(receipt.entry, 'hex')).toString('hex');
  const included = checkInclusion({
    hash: receipt.hashAlg,
    leafHash,
    index: String(receipt.index),
    size: String(checkpoint.size),
    root: checkpoint.root.toString('hex'),
    proof: receipt.proof.join(','),
  });
  return included
    ? verdict(true, `记录 ${receipt.index} 包含在 ${checkpoint.origin} 大小为 ${checkpoint.size} 的签名检查点中`)
    : verdict(false, `记录 ${receipt.index} 的包含证明与签名检查点不符（记录或证明被改动）`);
}
