import { Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { formatCount, formatDateTime } from '../../app/format';
import { EntryDrawer } from './EntryDrawer';
import { HashText } from './HashText';
import { EntryType } from './EntryType';
import type { LedgerEntry } from '../../api/types';
import { useLedgerList } from './useLedgerList';

const columns: TableColumnsType<LedgerEntry> = [
  { title: '序号', dataIndex: 'index', width: 90, render: (_, e) => formatCount(e.index) },
  { title: '类型', dataIndex: 'type', render: (_, e) => <EntryType type={e.type} /> },
  { title: '提交者', dataIndex: 'submitter', width: 140, render: (_, e) => e.submitter ?? '—' },
  { title: '时间', dataIndex: 'appendedAt', width: 170, render: (_, e) => formatDateTime(e.appendedAt) },
  { title: '叶哈希', dataIndex: 'leafHash', width: 230, render: (_, e) => <HashText hash={e.leafHash} /> },
];

/**
 * 记录: the log's entries, newest first; one opens with its content and inclusion proof. `version`
 * changes when the log has grown (a verify, a key rotation), so the list is read again.
 */
export function EntriesTab({ log, version, emptyText }: { log: string; version: number; emptyText: string }) {
  const list = useLedgerList<LedgerEntry>(log, 'entries', version);
  const [open, setOpen] = useState<LedgerEntry>();

  return (
    <>
      <Table<LedgerEntry>
        rowKey="index"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        locale={{ emptyText: <Typography.Text type="secondary">{emptyText}</Typography.Text> }}
        onRow={(e) => ({ onClick: () => setOpen(e), style: { cursor: 'pointer' } })}
      />
      {open && <EntryDrawer key={open.index} log={log} entry={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
