import { Descriptions, Drawer, Empty, Space, Spin, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { LibraryRecord, LibraryRecordDetail, RecordLineage, StandardLibraryDetail } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import type { CodeLabels } from '../dictionary/useCodeLabels';
import { BatchDrawer } from './BatchDrawer';
import { changes, cleansedFrom, fieldText, recordTitle } from './recordValues';

/** A batch id that opens the batch (its file, counts and error report) over this drawer. */
function BatchLink({ id, short, onOpen }: { id: string; short?: boolean; onOpen: (id: string) => void }) {
  return (
    <Tooltip title={short ? `批次号 ${id}，点击查看批次` : '点击查看批次'}>
      <Typography.Link onClick={() => onOpen(id)} style={short ? undefined : { wordBreak: 'break-all' }}>
        {short ? id.slice(0, 8) : id}
      </Typography.Link>
    </Tooltip>
  );
}

function Fields({ library, record, codes }: { library: StandardLibraryDetail; record: LibraryRecord; codes: CodeLabels }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 204 } }}
      items={library.fields.map((f) => {
        const original = cleansedFrom(record, f.key);
        return {
          key: f.key,
          label: f.label,
          children: (
            <>
              {fieldText(f, record.data[f.key], codes)}
              {f.businessKey && (
                <Tag color="gold" style={{ marginInlineStart: 8 }}>
                  业务主键
                </Tag>
              )}
              {original !== undefined && (
                <div>
                  <Tag color="cyan" variant="filled" style={{ marginInlineEnd: 4 }}>
                    已清洗
                  </Tag>
                  <Typography.Text type="secondary">
                    原值 <Typography.Text code>{original}</Typography.Text>
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        };
      })}
    />
  );
}

function Lineage({ library, lineage: l, onBatch }: { library: StandardLibraryDetail; lineage: RecordLineage; onBatch: (id: string) => void }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 204 } }}
      items={[
        { key: 'source', label: '来源系统', children: `${l.sourceName}（${l.sourceCode}）` },
        { key: 'batch', label: '批次', children: <BatchLink id={l.batchId} onOpen={onBatch} /> },
        { key: 'row', label: '行号 / 工作表', children: `第 ${l.rowNo} 行${l.sheet ? `，工作表「${l.sheet}」` : ''}` },
        { key: 'received', label: '接收时间', children: formatDateTime(l.receivedAt) },
        {
          key: 'hash',
          label: '内容摘要（SHA-256）',
          children: (
            <Typography.Text code copyable={{ text: l.contentHash }}>
              <Tooltip title={<span style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{l.contentHash}</span>}>
                <span>{l.contentHash.slice(0, 16)}…</span>
              </Tooltip>
            </Typography.Text>
          ),
        },
        {
          key: 'version',
          label: '标准版本',
          children: (
            <>
              {library.name}标准库第 {l.libraryVersion} 版
              {l.libraryVersion !== library.version && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  现行第 {library.version} 版
                </Tag>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

function source(l: RecordLineage, onBatch: (id: string) => void) {
  return (
    <Typography.Text type="secondary">
      {l.sourceName} · 批次 <BatchLink id={l.batchId} short onOpen={onBatch} /> · 第 {l.rowNo} 行
    </Typography.Text>
  );
}

/** The record now and before: each earlier version with what the next one changed, when and by which batch. */
function History({ library, record, codes, onBatch }: { library: StandardLibraryDetail; record: LibraryRecordDetail; codes: CodeLabels; onBatch: (id: string) => void }) {
  if (record.history.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无历史版本：该记录自首次归集以来没有被更新过" />;
  }
  return (
    <Timeline
      items={[
        {
          key: 'current',
          color: 'blue',
          content: (
            <>
              <Typography.Text strong>当前版本</Typography.Text>
              <Typography.Text type="secondary">（{formatDateTime(record.lineage.receivedAt)} 接收）</Typography.Text>
              <br />
              {source(record.lineage, onBatch)}
            </>
          ),
        },
        ...record.history.map((h, i) => {
          const next = i === 0 ? record : record.history[i - 1];
          const changed = next ? changes(library.fields, h.data, next.data, codes) : [];
          return {
            key: `${h.supersededAt}-${i}`,
            color: 'gray',
            content: (
              <>
                <Typography.Text strong>{formatDateTime(h.lineage.receivedAt)} 接收的版本</Typography.Text>
                <br />
                {source(h.lineage, onBatch)}
                <div style={{ marginTop: 4 }}>
                  {formatDateTime(h.supersededAt)} 被批次 <BatchLink id={h.supersededBy} short onOpen={onBatch} /> 更新
                  {changed.length > 0 ? '：' : ''}
                </div>
                {changed.length > 0 ? (
                  <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                    {changed.map((c) => (
                      <li key={c.key}>
                        {c.label}：<Typography.Text delete type="secondary">{c.from}</Typography.Text> → {c.to}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Typography.Text type="secondary">（变化在已脱敏的身份证号或电话中，此处不显示）</Typography.Text>
                )}
              </>
            ),
          };
        }),
      ]}
    />
  );
}

/**
 * One record: every field (with what cleansing changed), its lineage — source system, batch, row,
 * time received, content digest, standard version — and its earlier versions.
 */
export function RecordDrawer(props: { library: StandardLibraryDetail; codes: CodeLabels; initial: LibraryRecord; onClose: () => void }) {
  const { library, codes, initial, onClose } = props;
  const report = useApiError();
  const [detail, setDetail] = useState<LibraryRecordDetail>();
  const [batch, setBatch] = useState<string>();

  useEffect(() => {
    let current = true;
    api
      .get<LibraryRecordDetail>(`/aggregation/records/${library.id}/${initial.ref}`)
      .then((r) => current && setDetail(r))
      .catch((e: unknown) => current && report(e));
    return () => {
      current = false;
    };
  }, [library.id, initial.ref, report]);

  const record = detail ?? initial;

  return (
    <Drawer open size={640} title={`${library.name}记录：${recordTitle(library, record, codes)}`} onClose={onClose}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <div>
          <Typography.Title level={5}>记录内容</Typography.Title>
          <Fields library={library} record={record} codes={codes} />
        </div>
        <div>
          <Typography.Title level={5}>数据血缘</Typography.Title>
          <Lineage library={library} lineage={record.lineage} onBatch={setBatch} />
        </div>
        <div>
          <Typography.Title level={5}>历史版本</Typography.Title>
          {detail ? <History library={library} record={detail} codes={codes} onBatch={setBatch} /> : <Spin style={{ display: 'block', margin: '24px 0' }} />}
        </div>
      </Space>
      {batch && <BatchDrawer key={batch} batchId={batch} onClose={() => setBatch(undefined)} />}
    </Drawer>
  );
}
