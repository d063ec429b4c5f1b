import { Alert, Typography } from 'antd';
import { formatCount } from '../../app/format';
import { HashText } from './HashText';
import { NoteBlock } from './NoteBlock';
import type { InclusionProof } from '../../api/types';

/**
 * 包含证明: the hashes that lead from the entry to a signed checkpoint's root. Verified, it shows the
 * entry is part of the history the server signed (and anyone holding the checkpoint can redo it).
 */
export function ProofSection({ proof, waiting }: { proof: InclusionProof | null; waiting: boolean }) {
  if (!proof) {
    return (
      <Alert
        type={waiting ? 'info' : 'warning'}
        showIcon
        title={waiting ? '该记录晚于最新检查点，约 1 秒后可获得证明' : '该记录晚于最新检查点，暂无证明'}
        description={waiting ? '服务器每秒为新增的记录签发检查点，签发后此处自动显示证明。' : '服务器仍未签发包含该记录的检查点，请稍后重新打开本记录。'}
      />
    );
  }
  const n = formatCount(proof.size);
  return (
    <>
      {proof.verified ? (
        <Alert type="success" showIcon title={`已验证：该记录包含在第 ${n} 条时签发的检查点中`} description="从记录的哈希出发，沿下列哈希逐层计算，得到的根哈希与已签名检查点中的一致。" />
      ) : (
        <Alert type="error" showIcon title={`证明不成立：该记录与第 ${n} 条时签发的检查点不符`} description="记录或存储的哈希可能被改动，请在日志页点击“校验”查明。" />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        证明路径（{proof.proof.length} 个哈希）
      </Typography.Title>
      {proof.proof.length === 0 ? (
        <Typography.Text type="secondary">检查点只含这一条记录：记录的哈希就是根哈希，无需中间哈希。</Typography.Text>
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 24 }}>
          {proof.proof.map((h, i) => (
            <li key={`${i}-${h}`}>
              <HashText hash={h} full />
            </li>
          ))}
        </ol>
      )}
      <div style={{ marginTop: 8 }}>
        根哈希：<HashText hash={proof.root} full />
      </div>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        签名检查点
      </Typography.Title>
      <NoteBlock text={proof.checkpoint} />
    </>
  );
}
