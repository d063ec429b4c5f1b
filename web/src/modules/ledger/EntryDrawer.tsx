import { Descriptions, Drawer, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatCount, formatDateTime } from '../../app/format';
import { EntryBody } from './EntryBody';
import { EntryType } from './EntryType';
import { HashText } from './HashText';
import { ProofSection } from './ProofSection';
import { ReceiptLink } from './ReceiptLink';
import type { LedgerEntry, LedgerEntryDetail } from '../../api/types';
import { useLedgerGet } from './useLedgerGet';

/** How long the drawer keeps asking for a proof of an entry newer than the latest checkpoint. */
const PROOF_TRIES = 20;

/** One entry: what it holds, and the proof that it is part of the signed history. */
export function EntryDrawer({ log, entry, onClose }: { log: string; entry: LedgerEntry; onClose: () => void }) {
  const { data, reload } = useLedgerGet<LedgerEntryDetail>(`/ledger/logs/${encodeURIComponent(log)}/entries/${entry.index}`);
  const [tries, setTries] = useState(0);
  const waiting = data !== undefined && data.proof === null && tries < PROOF_TRIES;

  // Checkpoints are signed every second: ask again until one covers this entry.
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => {
      setTries((t) => t + 1);
      reload();
    }, 1000);
    return () => clearTimeout(timer);
  }, [waiting, data, reload]);

  return (
    <Drawer open size={720} title={`存证记录：序号 ${formatCount(entry.index)}`} onClose={onClose}>
      {data ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 110 } }}
            items={[
              { key: 'type', label: '类型', children: <EntryType type={data.type} /> },
              { key: 'submitter', label: '提交者', children: data.submitter ?? '—' },
              { key: 'at', label: '写入时间', children: formatDateTime(data.appendedAt) },
              { key: 'leaf', label: '叶哈希', children: <HashText hash={data.leafHash} full /> },
            ]}
          />
          <div>
            <Typography.Title level={5}>记录内容</Typography.Title>
            <EntryBody entry={data} />
          </div>
          <div>
            <Typography.Title level={5}>包含证明</Typography.Title>
            <ProofSection proof={data.proof} waiting={waiting} />
            {data.proof && <ReceiptLink log={log} index={entry.index} />}
          </div>
        </Space>
      ) : (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      )}
    </Drawer>
  );
}
