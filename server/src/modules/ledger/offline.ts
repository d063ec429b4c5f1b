import { consistencyRanges, HASH_ALGS, HASH_SIZE, inclusionRanges, treeHasher, verifyConsistency, verifyInclusion, type HashAlg } from './merkle.ts';

/**
 * Input checking for the offline verifier (`tianping ledger verify-inclusion` /
 * `verify-consistency`): the raw command-line strings in, a verdict out. Malformed input throws
 * ProofInputError (exit 2) before any hashing, so "invalid" (exit 1) always means a well-formed
 * proof that does not hold — never a typo.
 */

export class ProofInputError extends Error {
  constructor(
    readonly code: string,
    /** The option at fault, as typed on the command line: '--index', '--proof', … */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ProofInputError';
  }
}

export interface InclusionInput {
  hash?: string;
  leafHash: string;
  index: string;
  size: string;
  root: string;
  proof: string;
}

export interface ConsistencyInput {
  hash?: string;
  from: string;
  to: string;
  oldRoot: string;
  newRoot: string;
  proof: string;
}

const HEX_CHARS = HASH_SIZE * 2;

function parseAlg(hash: string | undefined): HashAlg {
  if (hash === undefined) return 'sha256';
  const alg = HASH_ALGS.find((a) => a === hash);
  if (!alg) throw new ProofInputError('PROOF_UNKNOWN_HASH', '--hash', `--hash 只能是 ${HASH_ALGS.join(' 或 ')}，收到「${hash}」`);
  return alg;
}

/** A non-negative decimal integer: digits only (no sign, space, exponent or fraction), ≤ 2^53 − 1. */
function parseCount(field: string, raw: string): number {
  if (!/^[0-9]+$/.test(raw)) throw new ProofInputError('PROOF_BAD_NUMBER', field, `${field} 应为非负十进制整数（只含数字 0-9），收到「${raw}」`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new ProofInputError('PROOF_BAD_NUMBER', field, `${field} 超出可处理的范围（最大 ${Number.MAX_SAFE_INTEGER}），收到 ${raw}`);
  return n;
}

/** One hash: exactly 64 lower-case hex characters. `what` names it in messages (e.g. '--proof 第 2 个哈希'). */
function parseHash(field: string, raw: string, what = field): Buffer {
  if (/[^0-9a-fA-F]/.test(raw)) throw new ProofInputError('PROOF_NOT_HEX', field, `${what} 不是十六进制：只能含 0-9 和 a-f`);
  if (/[A-F]/.test(raw)) throw new ProofInputError('PROOF_NOT_HEX', field, `${what} 含大写字母：十六进制须为小写（0-9、a-f）`);
  if (raw.length !== HEX_CHARS) {
    throw new ProofInputError('PROOF_BAD_HASH_LENGTH', field, `${what} 应为 ${HEX_CHARS} 个十六进制字符（${HASH_SIZE} 字节），实为 ${raw.length} 个`);
  }
  return Buffer.from(raw, 'hex');
}

/** Comma-separated hashes; the empty string is the empty list. */
function parseProof(raw: string, expected: number, context: string): Buffer[] {
  const proof = raw === '' ? [] : raw.split(',').map((p, i) => parseHash('--proof', p, `--proof 第 ${i + 1} 个哈希`));
  if (proof.length !== expected) {
    throw new ProofInputError('PROOF_BAD_LENGTH', '--proof', `${context}的证明应有 ${expected} 个哈希，收到 ${proof.length} 个`);
  }
  return proof;
}

/** Checks an inclusion proof given as command-line strings; throws ProofInputError when malformed. */
export function checkInclusion(input: InclusionInput): boolean {
  const alg = parseAlg(input.hash);
  const index = parseCount('--index', input.index);
  const size = parseCount('--size', input.size);
  if (size === 0) throw new ProofInputError('PROOF_SIZE_ZERO', '--size', '--size 不能为 0：空树不含任何条目');
  if (index >= size) throw new ProofInputError('PROOF_INDEX_OUT_OF_RANGE', '--index', `--index 应小于 --size（条目从 0 编号）：${index} ≥ ${size}`);
  const leafHash = parseHash('--leaf-hash', input.leafHash);
  const root = parseHash('--root', input.root);
  const proof = parseProof(input.proof, inclusionRanges(index, size).length, `第 ${index} 条在 ${size} 条的树中`);
  return verifyInclusion(treeHasher(alg), leafHash, index, size, proof, root);
}

/** Checks a consistency proof given as command-line strings; throws ProofInputError when malformed. */
export function checkConsistency(input: ConsistencyInput): boolean {
  const alg = parseAlg(input.hash);
  const from = parseCount('--from', input.from);
  const to = parseCount('--to', input.to);
  if (from === 0) throw new ProofInputError('PROOF_SIZE_ZERO', '--from', '--from 不能为 0：空树与任何树都一致，无需证明');
  if (from > to) throw new ProofInputError('PROOF_FROM_AFTER_TO', '--from', `--from 不能大于 --to：${from} > ${to}`);
  const oldRoot = parseHash('--old-root', input.oldRoot);
  const newRoot = parseHash('--new-root', input.newRoot);
  const proof = parseProof(input.proof, consistencyRanges(from, to).length, `从 ${from} 条到 ${to} 条`);
  return verifyConsistency(treeHasher(alg), from, to, proof, oldRoot, newRoot);
}
