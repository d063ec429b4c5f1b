import { KeyOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { formatCount, formatDateTime } from '../../app/format';
import { HashText } from './HashText';
import { keyKindLabels } from './labels';
import { RotateKeyModal } from './RotateKeyModal';
import type { LedgerLogDetail, SigningKey } from '../../api/types';

const columns: TableColumnsType<SigningKey> = [
  { title: '类型', dataIndex: 'kind', width: 130, render: (_, k) => keyKindLabels[k.kind] },
  {
    title: '状态',
    dataIndex: 'retiredAt',
    width: 100,
    render: (_, k) => (k.retiredAt === null ? <Tag color="success">使用中</Tag> : <Tag>已停用</Tag>),
  },
  { title: '验证公钥', dataIndex: 'vkey', render: (_, k) => <HashText hash={k.vkey} full /> },
  {
    title: '启用 / 停用',
    dataIndex: 'createdAt',
    width: 180,
    render: (_, k) => (
      <>
        {formatDateTime(k.createdAt)}
        {k.retiredAt && (
          <>
            <br />
            <Typography.Text type="secondary">停用 {formatDateTime(k.retiredAt)}</Typography.Text>
          </>
        )}
      </>
    ),
  },
  {
    title: '来源',
    dataIndex: 'entryIndex',
    width: 150,
    render: (_, k) => (k.entryIndex === null ? '建日志时生成' : `轮换（记录序号 ${formatCount(k.entryIndex)}）`),
  },
];

/** The keys that sign the log's checkpoints; retired ones stay listed, as older checkpoints are checked against them. */
export function SigningKeys({ log, onChanged }: { log: LedgerLogDetail; onChanged: () => void }) {
  const { can } = useAuth();
  const [rotating, setRotating] = useState(false);
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          签名密钥
        </Typography.Title>
        {can('ledger:manage') && (
          <Button icon={<KeyOutlined />} onClick={() => setRotating(true)}>
            轮换密钥
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">检查点由“使用中”的密钥签名；已停用的密钥仍用来核验它停用前签发的检查点。私钥保存在服务器的密钥目录中，不在数据库里。</Typography.Paragraph>
      <Table<SigningKey> rowKey="vkey" size="small" columns={columns} dataSource={log.keys} pagination={false} />
      {rotating && (
        <RotateKeyModal
          log={log}
          onClose={() => setRotating(false)}
          onRotated={() => {
            setRotating(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
