import { Descriptions, Typography } from 'antd';
import { formatCount, formatDateTime } from '../../app/format';
import { CheckpointCell } from './CheckpointCell';
import { HashAlgTag } from './HashAlgTag';
import type { LedgerLogDetail } from '../../api/types';

/** What a log is: its purpose, size, latest checkpoint and how it is signed and witnessed. */
export function LogFacts({ log }: { log: LedgerLogDetail }) {
  const activeKeys = log.keys.filter((k) => k.retiredAt === null).length;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'description', label: '用途', children: log.description || '—' },
        { key: 'size', label: '记录数', children: formatCount(log.size) },
        { key: 'checkpoint', label: '最新检查点', children: <CheckpointCell size={log.checkpointSize} at={log.checkpointAt} /> },
        { key: 'hash', label: '哈希算法', children: <HashAlgTag alg={log.hashAlg} /> },
        { key: 'keys', label: '签名', children: `${activeKeys} 把密钥在用，见证方 ${log.witnesses.length} 个` },
        { key: 'created', label: '建立时间', children: formatDateTime(log.createdAt) },
        {
          key: 'origin',
          label: '日志标识',
          children: (
            <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace' }}>
              {log.origin}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
