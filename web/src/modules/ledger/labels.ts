import { formatCount } from '../../app/format';
import type { HashAlg, KeyKind, VerifyProblem } from '../../api/types';

export const hashAlgLabels: Record<HashAlg, string> = {
  sha256: 'SHA-256',
  sm3: 'SM3 国密',
};

export const hashAlgOptions = [
  { value: 'sha256' as const, label: 'SHA-256（通用）' },
  { value: 'sm3' as const, label: 'SM3 国密（另加 SM2 签名）' },
];

export const keyKindLabels: Record<KeyKind, string> = {
  ed25519: 'Ed25519 签名',
  sm2: 'SM2 国密签名',
  'cosignature/v1': '见证联署',
};

/** What the entry types tianping writes mean; any other type is shown as it is. */
export const entryTypeLabels: Record<string, string> = {
  'audit.batch': '审计记录指纹',
  'ledger.key-rotated': '签名密钥轮换',
};

export function entryTypeLabel(type: string | null): string {
  if (type === null) return '原始数据';
  return entryTypeLabels[type] ?? type;
}

/** A problem the verifier found: a short name for the table, and the sentence the summary uses. */
const problems: Record<string, { label: string; say: (p: VerifyProblem) => string }> = {
  'entry-missing': { label: '记录被删除', say: () => '这条记录已不在日志中' },
  'entry-altered': { label: '记录被改动', say: () => '记录内容与签名时不一致' },
  'entry-fields-altered': { label: '记录字段与内容不符', say: () => '记录的类型或提交者与其内容不一致' },
  'leaf-mismatch': {
    label: '记录与存储哈希不符',
    say: () => '记录晚于最新的签名检查点，无法判断改动的是记录还是哈希',
  },
  'hash-altered': {
    label: '存储的哈希被改动',
    say: (p) => `第 ${p.level ?? 0} 层的哈希被改动，涉及从序号 ${p.index} 开始的记录`,
  },
  'checkpoint-mismatch': {
    label: '与签名检查点不符',
    say: (p) => `用全部记录重新计算的根哈希与第 ${formatCount(p.size)} 条时签发的检查点不一致`,
  },
  'checkpoint-signature': {
    label: '检查点签名无效',
    say: (p) => `第 ${formatCount(p.size)} 条时签发的检查点签名无效，或与存储的根哈希不符`,
  },
  'size-mismatch': {
    label: '记录数不符',
    say: (p) => `日志登记了 ${formatCount(p.size)} 条记录，实际只有 ${formatCount(p.index)} 条`,
  },
};

export function problemLabel(p: VerifyProblem): string {
  return problems[p.kind]?.label ?? '其他问题';
}

export function problemSentence(p: VerifyProblem): string {
  return problems[p.kind]?.say(p) ?? `问题代码 ${p.kind}`;
}
