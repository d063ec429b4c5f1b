import { Descriptions, Drawer, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Batch } from '../../api/types';
import { formatBytes, formatDateTime, formatDuration } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { useOrgTree } from '../identity/useOrgTree';
import { BatchOutcome } from './BatchOutcome';
import { batchModeHelp, batchModeLabels, batchStatusTags, formatLabels, orgLabel } from './labels';
import { useLiveBatch } from './useLiveBatch';

function elapsed(b: Batch): string {
  if (!b.finishedAt) return '—';
  return formatDuration((new Date(b.finishedAt).getTime() - new Date(b.createdAt).getTime()) / 1000);
}

function Lineage({ batch: b }: { batch: Batch }) {
  const { index } = useOrgTree({ quiet: true });
  const status = batchStatusTags[b.status];
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 130 } }}
      items={[
        { key: 'id', label: '批次号', children: <Typography.Text copyable>{b.id}</Typography.Text> },
        { key: 'status', label: '状态', children: <Tag color={status.color}>{status.label}</Tag> },
        { key: 'library', label: '标准库', children: `${b.libraryName}（${b.libraryId}），第 ${b.libraryVersion} 版` },
        { key: 'source', label: '来源系统', children: `${b.sourceName}（${b.sourceCode}）` },
        { key: 'org', label: '所属机构', children: orgLabel(b.orgId, (id) => index.get(id)?.node.name) },
        b.kind === 'file'
          ? { key: 'file', label: '文件', children: `${b.fileName ?? '—'}（${formatBytes(b.fileSize)}）` }
          : { key: 'push', label: '接口推送批次号', children: b.externalId ?? '—' },
        { key: 'format', label: '格式', children: b.format ? (formatLabels[b.format] ?? b.format) : b.kind === 'push' ? '接口推送（JSON）' : '—' },
        { key: 'mode', label: '入库方式', children: `${batchModeLabels[b.mode]}：${batchModeHelp[b.mode]}` },
        { key: 'created', label: '开始时间', children: formatDateTime(b.createdAt) },
        { key: 'finished', label: '结束时间', children: `${formatDateTime(b.finishedAt)}${b.finishedAt ? `（用时 ${elapsed(b)}）` : ''}` },
        ...(b.errorCode ? [{ key: 'error', label: '错误代码', children: <Typography.Text code>{b.errorCode}</Typography.Text> }] : []),
      ]}
    />
  );
}

/**
 * One batch: how it went (live while it runs), and its lineage — which library version, source
 * system, org and file every record of it came from — with the error report to download.
 */
export function BatchDrawer(props: { batchId: string; initial?: Batch; onClose: () => void; onEnded?: () => void }) {
  const { batchId, initial, onClose, onEnded } = props;
  const report = useApiError();
  const [loaded, setLoaded] = useState<Batch | undefined>(initial);

  useEffect(() => {
    if (initial) return;
    let current = true;
    api
      .get<Batch>(`/aggregation/batches/${batchId}`)
      .then((b) => current && setLoaded(b))
      .catch((e: unknown) => current && report(e));
    return () => {
      current = false;
    };
  }, [batchId, initial, report]);

  const batch = useLiveBatch(loaded, onEnded);

  return (
    <Drawer open size={640} title={batch ? `归集批次：${batch.libraryName}` : '归集批次'} onClose={onClose}>
      {batch ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <div>
            <BatchOutcome batch={batch} />
          </div>
          <div>
            <Typography.Title level={5}>数据血缘</Typography.Title>
            <Lineage batch={batch} />
          </div>
        </Space>
      ) : (
        <Spin style={{ display: 'block', marginTop: 80 }} />
      )}
    </Drawer>
  );
}
