import { CloudUploadOutlined, FileSearchOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { LawLevelCount, LawStatus, LawVersion } from '../../api/types';
import { useAuth } from '../../app/auth';
import { QueryInput } from '../../app/QueryInput';
import { formatCount, formatDate } from '../../app/format';
import { usePagedList } from '../../app/usePagedList';
import { lawHref } from './ids';
import { ImportModal } from './ImportModal';
import { lawStatusOptions } from './labels';
import { LevelFilter } from './LevelFilter';
import { LawStatusTag } from './StatusTag';
import { useGet } from '../../api/useGet';

type LawFilters = { q?: string; level?: string; status?: LawStatus };

const columns: TableColumnsType<LawVersion> = [
  {
    title: '标题',
    dataIndex: 'title',
    render: (_, v) => <Typography.Link strong>{v.title}</Typography.Link>,
  },
  { title: '效力层级', dataIndex: 'levelLabel', width: 92 },
  { title: '制定机关', dataIndex: 'issuer', width: 216, render: (_, v) => v.issuer || '—' },
  { title: '版本日期', dataIndex: 'versionDate', width: 100, render: (_, v) => formatDate(v.versionDate) },
  {
    title: '施行日期',
    dataIndex: 'effectiveDate',
    width: 100,
    render: (_, v) => (v.effectiveDate ? formatDate(v.effectiveDate) : <Tooltip title="文本未载明施行日期">—</Tooltip>),
  },
  { title: '时效性', dataIndex: 'status', width: 80, render: (_, v) => <LawStatusTag status={v.status} /> },
  { title: '条文数', dataIndex: 'articles', width: 72, align: 'right', render: (_, v) => formatCount(v.articles) },
  {
    title: '导入警告',
    dataIndex: 'warningCount',
    width: 84,
    align: 'right',
    render: (_, v) => (v.warningCount > 0 ? <Typography.Text type="warning">{formatCount(v.warningCount)}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>),
  },
];

/**
 * 法规库: the law versions by level, title and status; one opens on its page. Full-text search is a
 * page of its own (法规检索); 导入 takes the texts people have as files.
 */
export default function LawsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = usePagedList<LawVersion, LawFilters>('/laws', {});
  const levels = useGet<{ items: LawLevelCount[] }>('/laws/levels');
  const [importing, setImporting] = useState(false);
  const { filters, setFilters } = list;

  const reload = () => {
    list.reload();
    levels.reload();
  };

  const filtered = Boolean(filters.q || filters.level || filters.status);
  const empty = filtered ? (
    <Empty description="没有符合条件的法规" />
  ) : (
    <Empty description={can('laws:import') ? '法规库还没有法规：点击“导入法规”上传法规文本（.md 或 .txt）' : '法规库还没有法规，请联系管理员导入'} />
  );

  return (
    <Card
      title="法规库"
      extra={
        <Space>
          <Button icon={<FileSearchOutlined />} onClick={() => void navigate('/laws/search')}>
            全文检索
          </Button>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          {can('laws:import') && (
            <Button type="primary" icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
              导入法规
            </Button>
          )}
        </Space>
      }
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <div style={{ width: 150, flexShrink: 0 }}>
          <Typography.Text type="secondary" style={{ display: 'block', padding: '0 0 8px 16px' }}>
            效力层级
          </Typography.Text>
          <LevelFilter levels={levels.data?.items} value={filters.level} onChange={(level) => setFilters({ ...filters, level })} />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Form name="lawFilter" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
            <Form.Item label="标题" htmlFor="lawTitle">
              <QueryInput id="lawTitle" query={filters.q} onQuery={(q) => setFilters({ ...filters, q })} placeholder="输入标题中的文字，如 行政处罚" width={300} />
            </Form.Item>
            <Form.Item label="时效性" htmlFor="lawStatus">
              <Select<LawStatus>
                id="lawStatus"
                allowClear
                placeholder="全部"
                value={filters.status}
                options={lawStatusOptions}
                style={{ width: 130 }}
                onChange={(status) => setFilters({ ...filters, status })}
              />
            </Form.Item>
          </Form>
          <Table<LawVersion>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.items}
            loading={list.loading}
            pagination={list.pagination}
            scroll={{ x: 900 }}
            locale={{ emptyText: empty }}
            onRow={(v) => ({ onClick: () => void navigate(lawHref(v.id)), style: { cursor: 'pointer' } })}
          />
        </div>
      </div>
      {importing && <ImportModal onClose={() => setImporting(false)} onImported={reload} />}
    </Card>
  );
}
