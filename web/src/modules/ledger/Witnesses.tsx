import { UsergroupAddOutlined } from '@ant-design/icons';
import { Button, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { AddWitnessModal } from './AddWitnessModal';
import { HashText } from './HashText';
import type { LedgerLogDetail, Witness } from '../../api/types';

const columns: TableColumnsType<Witness> = [
  { title: '见证方', dataIndex: 'name', width: 220 },
  { title: '见证公钥', dataIndex: 'vkey', render: (_, w) => <HashText hash={w.vkey} full /> },
  { title: '登记时间', dataIndex: 'addedAt', width: 180, render: (_, w) => formatDateTime(w.addedAt) },
];

/** The witnesses whose cosignatures this log accepts: other parties vouching that it only ever grew. */
export function Witnesses({ log, onChanged }: { log: LedgerLogDetail; onChanged: () => void }) {
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          见证方
        </Typography.Title>
        {can('ledger:manage') && (
          <Button icon={<UsergroupAddOutlined />} onClick={() => setAdding(true)}>
            登记见证方
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        见证方是另一台服务器（通常在另一单位），定期取本日志的检查点，核对日志只增不改后联署签名。有了见证，服务器本身也无法悄悄改写历史。
      </Typography.Paragraph>
      <Table<Witness>
        rowKey="name"
        size="small"
        columns={columns}
        dataSource={log.witnesses}
        pagination={false}
        locale={{ emptyText: '尚未登记见证方' }}
      />
      {adding && (
        <AddWitnessModal
          log={log.name}
          onClose={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
