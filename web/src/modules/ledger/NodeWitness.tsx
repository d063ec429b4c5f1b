import { Table, Typography, type TableColumnsType } from 'antd';
import { formatCount } from '../../app/format';
import { Ago } from './Ago';
import { HashText } from './HashText';
import type { NodeWitness as NodeWitnessData } from '../../api/types';
import { useLedgerGet } from './useLedgerGet';

type Followed = NodeWitnessData['followed'][number];

const columns: TableColumnsType<Followed> = [
  { title: '日志标识', dataIndex: 'origin', render: (_, f) => <Typography.Text style={{ fontFamily: 'monospace' }}>{f.origin}</Typography.Text> },
  { title: '地址', dataIndex: 'url', render: (_, f) => <Typography.Text style={{ wordBreak: 'break-all' }}>{f.url}</Typography.Text> },
  { title: '已见证到', dataIndex: 'size', width: 120, align: 'right', render: (_, f) => `第 ${formatCount(f.size)} 条` },
  { title: '最近见证', dataIndex: 'updatedAt', width: 120, render: (_, f) => <Ago at={f.updatedAt} /> },
];

/** This node as a witness of other logs: the key others register, and the logs it follows. */
export function NodeWitness() {
  const { data, failed } = useLedgerGet<NodeWitnessData>('/ledger/witness');
  return (
    <div>
      <Typography.Title level={5}>本节点的见证公钥</Typography.Title>
      <Typography.Paragraph type="secondary">本节点也可以为其他单位的存证日志做见证：把下面的公钥交给对方，由对方登记为见证方。</Typography.Paragraph>
      <div style={{ marginBottom: 16 }}>{data ? <HashText hash={data.vkey} full /> : failed ? '读取失败' : '读取中…'}</div>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        本节点见证的日志
      </Typography.Paragraph>
      <Table<Followed>
        rowKey="origin"
        size="small"
        columns={columns}
        dataSource={data?.followed}
        loading={!data && !failed}
        pagination={false}
        locale={{ emptyText: '本节点尚未见证其他日志' }}
      />
    </div>
  );
}
