import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { formatCount, formatDateTime } from '../../app/format';
import { HashText } from './HashText';
import { NoteBlock } from './NoteBlock';
import type { Checkpoint } from '../../api/types';
import { useLedgerList } from './useLedgerList';

const columns: TableColumnsType<Checkpoint> = [
  { title: '大小', dataIndex: 'size', width: 140, render: (_, c) => `前 ${formatCount(c.size)} 条` },
  { title: '根哈希', dataIndex: 'root', render: (_, c) => <HashText hash={c.root} /> },
  { title: '签发时间', dataIndex: 'createdAt', width: 180, render: (_, c) => formatDateTime(c.createdAt) },
  {
    title: '见证联署数',
    dataIndex: 'cosignatures',
    width: 110,
    align: 'right',
    render: (_, c) =>
      c.cosignatures.length === 0 ? (
        <Typography.Text type="secondary">0</Typography.Text>
      ) : (
        <Tooltip title={c.cosignatures.map((x) => `${x.witness}（${formatDateTime(x.cosignedAt)}）`).join('；')}>{c.cosignatures.length}</Tooltip>
      ),
  },
];

/**
 * 检查点: every signed tree head, newest first. A checkpoint commits the server to the first N
 * entries for good; its signed note (expand a row) is what a third party keeps to check later.
 */
export function CheckpointsTab({ log, version }: { log: string; version: number }) {
  const list = useLedgerList<Checkpoint>(log, 'checkpoints', version);

  return (
    <Table<Checkpoint>
      rowKey="size"
      size="middle"
      columns={columns}
      dataSource={list.items}
      loading={list.loading}
      pagination={list.pagination}
      expandable={{
        expandRowByClick: true,
        expandedRowRender: (c) => (
          <div style={{ maxWidth: 900 }}>
            <Typography.Text type="secondary">签名检查点原文（c2sp.org/tlog-checkpoint 格式；以“—”开头的行是日志与见证方的签名）：</Typography.Text>
            <NoteBlock text={c.note} />
          </div>
        ),
      }}
      locale={{ emptyText: <Typography.Text type="secondary">尚未签发检查点：日志有新记录后，服务器约 1 秒内自动签发</Typography.Text> }}
    />
  );
}
