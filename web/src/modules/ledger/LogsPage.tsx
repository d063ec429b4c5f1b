import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Page } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatCount } from '../../app/format';
import { CheckpointCell } from './CheckpointCell';
import { CreateLogModal } from './CreateLogModal';
import { HashAlgTag } from './HashAlgTag';
import type { LedgerLog } from '../../api/types';
import { useLedgerGet } from './useLedgerGet';

const columns: TableColumnsType<LedgerLog> = [
  {
    title: '名称',
    dataIndex: 'name',
    width: 180,
    render: (_, l) => <Typography.Link strong>{l.name}</Typography.Link>,
  },
  { title: '用途', dataIndex: 'description', render: (_, l) => l.description || <Typography.Text type="secondary">—</Typography.Text> },
  {
    title: '哈希算法',
    dataIndex: 'hashAlg',
    width: 120,
    render: (_, l) => <HashAlgTag alg={l.hashAlg} />,
  },
  { title: '记录数', dataIndex: 'size', width: 100, align: 'right', render: (_, l) => formatCount(l.size) },
  { title: '最新检查点', dataIndex: 'checkpointSize', width: 200, render: (_, l) => <CheckpointCell size={l.checkpointSize} at={l.checkpointAt} /> },
];

/** 存证日志: the tamper-evident logs, each a chain of signed checkpoints anyone can check. */
export default function LogsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const { data, failed, reload } = useLedgerGet<Page<LedgerLog>>('/ledger/logs');
  const [creating, setCreating] = useState(false);

  return (
    <Card
      title="存证日志"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          {can('ledger:manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建日志
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        存证日志只能追加、不能修改：每条记录都计入哈希树，服务器定时对树根签名（检查点）。任何删改都会在“校验”时被发现并定位到具体记录。
      </Typography.Paragraph>
      <Table<LedgerLog>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={!data && !failed}
        pagination={false}
        locale={{ emptyText: failed ? '存证日志读取失败，请点击“刷新”重试' : '暂无存证日志' }}
        onRow={(l) => ({ onClick: () => void navigate(`/ledger/${encodeURIComponent(l.name)}`), style: { cursor: 'pointer' } })}
      />
      {creating && (
        <CreateLogModal
          onClose={() => setCreating(false)}
          onCreated={(log) => {
            setCreating(false);
            void navigate(`/ledger/${encodeURIComponent(log.name)}`);
          }}
        />
      )}
    </Card>
  );
}
