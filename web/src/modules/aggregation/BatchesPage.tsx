import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Form, Progress, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { Batch, BatchStatus } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatBytes, formatCount, formatDateTime } from '../../app/format';
import { usePagedList } from '../../app/usePagedList';
import { useLibraries } from '../standards/useLibraries';
import { BatchDrawer } from './BatchDrawer';
import { batchModeShort, batchStatusTags } from './labels';
import { UploadModal } from './UploadModal';
import { useSources } from './useSources';

type BatchFilters = { library?: string; sourceId?: number; status?: BatchStatus };

/** A list with a running batch is read again this often, so its counts move. */
const REFRESH_MS = 3000;

const count = (title: string, key: 'read' | 'accepted' | 'rejected' | 'inserted' | 'updated' | 'unchanged', width = 60) => ({
  title,
  dataIndex: key,
  width,
  align: 'right' as const,
  render: (_: unknown, b: Batch) =>
    key === 'rejected' && b.rejected > 0 ? <Typography.Text type="danger">{formatCount(b.rejected)}</Typography.Text> : formatCount(b[key]),
});

/** Long names wrap rather than end in "…": the file name is how a user finds a batch. */
const wrap = { wordBreak: 'break-all' as const };

const columns: TableColumnsType<Batch> = [
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (_, b) => {
      const tag = batchStatusTags[b.status];
      if (b.interrupted) return <Tag color="error">已中断（重新执行同一文件可续传）</Tag>;
      if (b.status === 'running' && b.progress !== null) return <Progress percent={Math.floor(b.progress * 100)} size="small" status="active" />;
      return (
        <Tooltip title={b.errorMessage ?? undefined}>
          <Tag color={tag.color}>{tag.label}</Tag>
        </Tooltip>
      );
    },
  },
  { title: '标准库', dataIndex: 'libraryName', width: 128 },
  {
    title: '来源系统',
    dataIndex: 'sourceName',
    width: 160,
    render: (_, b) => <Tooltip title={b.sourceCode}>{b.sourceName}</Tooltip>,
  },
  {
    title: '文件',
    dataIndex: 'fileName',
    render: (_, b) =>
      b.kind === 'push' ? (
        <span style={wrap}>
          <Tag>接口推送</Tag>
          {b.externalId}
        </span>
      ) : (
        <Tooltip title={formatBytes(b.fileSize)}>
          <span style={wrap}>{b.fileName}</span>
        </Tooltip>
      ),
  },
  { title: '方式', dataIndex: 'mode', width: 60, render: (_, b) => batchModeShort[b.mode] },
  count('已读', 'read', 76),
  count('入库', 'accepted', 76),
  count('拒收', 'rejected'),
  count('新增', 'inserted'),
  count('更新', 'updated'),
  count('未变', 'unchanged'),
  { title: '开始时间', dataIndex: 'createdAt', width: 160, render: (_, b) => formatDateTime(b.createdAt) },
];

const statusOptions = Object.entries(batchStatusTags).map(([value, t]) => ({ value, label: t.label }));

/** 数据归集: the batches delivered to the standard libraries, and uploading a file as a new one. */
export default function BatchesPage() {
  const { can } = useAuth();
  const list = usePagedList<Batch, BatchFilters>('/aggregation/batches', {});
  const libraries = useLibraries({ quiet: true });
  const { sources, reload: reloadSources } = useSources();
  const [uploading, setUploading] = useState(false);
  const [open, setOpen] = useState<Batch>();
  const running = list.items.some((b) => b.status === 'running');
  const { reload } = list;

  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [running, list.items, reload]);

  return (
    <Card
      title="数据归集"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          {can('aggregation:ingest') && (
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              onClick={() => {
                reloadSources();
                setUploading(true);
              }}
            >
              上传文件
            </Button>
          )}
        </Space>
      }
    >
      <Form<BatchFilters>
        name="batchFilter"
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onValuesChange={(_, all) => list.setFilters({ library: all.library ?? undefined, sourceId: all.sourceId ?? undefined, status: all.status ?? undefined })}
      >
        <Form.Item name="library" label="标准库">
          <Select allowClear placeholder="全部" options={libraries.options} showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="sourceId" label="来源系统">
          <Select
            allowClear
            placeholder="全部"
            options={sources.map((s) => ({ value: s.id, label: s.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            popupMatchSelectWidth={320}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={statusOptions} style={{ width: 130 }} />
        </Form.Item>
      </Form>
      <Table<Batch>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        // A list re-read for a running batch's progress does not flash the loading mask.
        loading={list.loading && !running}
        pagination={list.pagination}
        scroll={{ x: 1130 }}
        locale={{ emptyText: list.filters.library || list.filters.status || list.filters.sourceId ? '没有符合条件的批次' : can('aggregation:ingest') ? '暂无归集批次，点击“上传文件”导入第一批数据' : '暂无归集批次' }}
        onRow={(b) => ({ onClick: () => setOpen(b), style: { cursor: 'pointer' } })}
      />
      {uploading && (
        <UploadModal
          libraries={libraries.options}
          sources={sources}
          defaultLibrary={list.filters.library}
          onClose={() => setUploading(false)}
          onChanged={reload}
        />
      )}
      {open && <BatchDrawer key={open.id} batchId={open.id} initial={open} onClose={() => setOpen(undefined)} onEnded={reload} />}
    </Card>
  );
}
