import type { Problem, VerifyReport } from './verify.ts';

type AuditCheck = { checkedRows: number; deleted: number[]; edited: number[] } | null;

const say: { [K in Problem['kind']]: (p: Extract<Problem, { kind: K }>) => string } = {
  'entry-missing': (p) => `序号 ${p.index} 的记录被删除了`,
  'entry-altered': (p) => `序号 ${p.index} 的记录内容与签名时不一致，记录被改动过`,
  'entry-fields-altered': (p) => `序号 ${p.index} 的记录的类型或提交者与其内容不一致`,
  'leaf-mismatch': (p) => `序号 ${p.index} 的记录与存储的哈希不一致（它晚于最新的签名检查点，无法判断改动的是记录还是哈希）`,
  'hash-altered': (p) => `存储的哈希被改动过（第 ${p.level} 层，覆盖从序号 ${p.index} 开始的记录）`,
  'checkpoint-mismatch': (p) => `用全部记录重新计算的根哈希与大小为 ${p.size} 的签名检查点不一致`,
  'checkpoint-signature': (p) => `大小为 ${p.size} 的检查点签名无效或与存储的根哈希不符`,
  'size-mismatch': (p) => `日志登记了 ${p.size} 条记录，实际只有 ${p.index} 条`,
};

/** The verdict in words for someone who is not an engineer (the console's "校验" button). */
export function verifySummary(r: VerifyReport, audit: AuditCheck): string {
  const parts: string[] = [];
  const auditTouched = audit !== null && audit.deleted.length + audit.edited.length > 0;
  if (r.intact && auditTouched) {
    parts.push(`存证日志本身完整（${r.size} 条记录与 ${r.checkpointsChecked} 个已签名检查点一致），但审计记录被删改过：`);
  } else if (r.intact) {
    parts.push(`日志完整：共 ${r.size} 条记录，逐条重新计算后与 ${r.checkpointsChecked} 个已签名检查点一致，未发现任何改动。`);
  } else {
    const first = r.problems[0]!;
    parts.push(`发现篡改：${(say[first.kind] as (p: Problem) => string)(first)}。共发现 ${r.problems.length} 处问题。`);
  }
  if (audit) {
    if (audit.deleted.length === 0 && audit.edited.length === 0) parts.push(`已锚定的 ${audit.checkedRows} 条审计记录与存证指纹一致。`);
    else {
      if (audit.deleted.length) parts.push(`审计记录被删除：#${audit.deleted.slice(0, 10).join('、#')}${audit.deleted.length > 10 ? ` 等 ${audit.deleted.length} 条` : ''}。`);
      if (audit.edited.length) parts.push(`审计记录被修改：#${audit.edited.slice(0, 10).join('、#')}${audit.edited.length > 10 ? ` 等 ${audit.edited.length} 条` : ''}。`);
    }
  }
  return parts.join('');
}
