import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { buildUrl } from '../../api/client';
import type { LawVersion, Page, PowerItem, PowerItemEntry, PowerItemKind, PowerReview } from '../../api/types';
import { useAuth } from '../../app/auth';
import { QueryInput } from '../../app/QueryInput';
import { formatDateTime } from '../../app/format';
import { usePagedList } from '../../app/usePagedList';
import { useCodeOptions } from '../dictionary/useCodeOptions';
import { useGet } from '../../api/useGet';
import { ItemDrawer } from './ItemDrawer';
import { ItemFormModal } from './ItemFormModal';
import { itemKindOptions, itemKindTags } from './labels';
import { ReviewsTab } from './ReviewsTab';
import { XlsxImportModal } from './XlsxImportModal';

type ItemFilters = { q?: string; kind?: PowerItemKind; orgType?: string; law?: string };

const columns: TableColumnsType<PowerItemEntry> = [
  { title: '事项编码', dataIndex: 'code', width: 130, render: (_, i) => <Typography.Text code>{i.code}</Typography.Text> },
  { title: '事项名称', dataIndex: 'name', render: (_, i) => <Typography.Link>{i.name}</Typography.Link> },
  { title: '类别', dataIndex: 'kind', width: 100, render: (_, i) => <Tag color={itemKindTags[i.kind]}>{i.kind}</Tag> },
  {
    title: '实施主体',
    dataIndex: 'orgTypes',
    width: 230,
    render: (_, i) => (i.orgTypeLabels.length > 0 ? i.orgTypeLabels.join('、') : <Typography.Text type="secondary">未指定</Typography.Text>),
  },
  { title: '依据', dataIndex: 'basisCount', width: 64, align: 'right' },
  {
    title: '裁量阶次',
    dataIndex: 'benchmarkCount',
    width: 84,
    align: 'right',
    render: (_, i) => (i.benchmarkCount > 0 ? i.benchmarkCount : <Typography.Text type="secondary">—</Typography.Text>),
  },
  { title: '更新时间', dataIndex: 'updatedAt', width: 160, render: (_, i) => formatDateTime(i.updatedAt) },
];

/** The laws as filter choices: a short title stands for all its versions. */
function useLawOptions() {
  const { data } = useGet<Page<LawVersion>>('/laws', { pageSize: 500 }, { quiet: true });
  return useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of data?.items ?? []) if (!seen.has(v.shortTitle)) seen.set(v.shortTitle, v.title);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [data]);
}

/**
 * 权责清单: the enforcement items (执法事项) with their legal bases in the regulation library and
 * their 裁量基准; XLSX template, export and import; and 待复核, the bases whose law has a newer
 * version.
 */
export default function PowerListPage() {
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'reviews' ? 'reviews' : 'items';
  const list = usePagedList<PowerItemEntry, ItemFilters>('/power-list/items', { law: params.get('law') ?? undefined });
  const reviews = useGet<Page<PowerReview>>('/power-list/reviews', { pageSize: 1 }, { quiet: true });
  const orgTypes = useCodeOptions('org_type');
  const laws = useLawOptions();
  // The open item is in the address (?item=), so the article view of the library can link to it.
  const open = Number(params.get('item')) || undefined;
  const [editing, setEditing] = useState<{ item?: PowerItem }>();
  const [importing, setImporting] = useState(false);
  // Moves on when an item is saved, so an open drawer reads it again.
  const [saves, setSaves] = useState(0);
  const { filters, setFilters } = list;
  const pending = reviews.data?.total ?? 0;

  const reload = () => {
    list.reload();
    reviews.reload();
  };
  function setQuery(next: { tab?: string; item?: number }) {
    const q = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || (k === 'tab' && v === 'items')) q.delete(k);
      else q.set(k, String(v));
    }
    setParams(q, { replace: true });
  }
  const showTab = (key: string) => setQuery({ tab: key, item: undefined });
  const setOpen = (item: number | undefined) => setQuery({ item });

  const filtered = Boolean(filters.q || filters.kind || filters.orgType || filters.law);
  return (
    <Card
      title="权责清单"
      activeTabKey={tab}
      onTabChange={showTab}
      tabList={[
        { key: 'items', label: '执法事项' },
        {
          key: 'reviews',
          label: (
            <Badge count={pending} size="small" offset={[14, -4]}>
              待复核
            </Badge>
          ),
        },
      ]}
      tabBarExtraContent={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} href={buildUrl('/power-list/template')} download>
            下载模板
          </Button>
          <Button icon={<FileExcelOutlined />} href={buildUrl('/power-list/export')} download>
            导出
          </Button>
          {can('power-list:manage') && (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                新增事项
              </Button>
            </>
          )}
        </Space>
      }
    >
      {tab === 'items' ? (
        <>
          <Form name="powerFilter" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
            <Form.Item label="事项" htmlFor="powerQ">
              <QueryInput id="powerQ" query={filters.q} onQuery={(q) => setFilters({ ...filters, q })} placeholder="编码或名称中的文字" width={240} />
            </Form.Item>
            <Form.Item label="类别" htmlFor="powerKind">
              <Select<PowerItemKind> id="powerKind" allowClear placeholder="全部" options={itemKindOptions} value={filters.kind} style={{ width: 120 }} onChange={(kind) => setFilters({ ...filters, kind })} />
            </Form.Item>
            <Form.Item label="实施主体" htmlFor="powerOrgType">
              <Select id="powerOrgType" allowClear placeholder="全部" options={orgTypes} value={filters.orgType} style={{ width: 170 }} onChange={(orgType: string | undefined) => setFilters({ ...filters, orgType })} />
            </Form.Item>
            <Form.Item label="所引法规" htmlFor="powerLaw">
              <Select
                id="powerLaw"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部"
                options={laws}
                value={filters.law}
                style={{ width: 240 }}
                onChange={(law: string | undefined) => setFilters({ ...filters, law })}
              />
            </Form.Item>
          </Form>
          <Table<PowerItemEntry>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.items}
            loading={list.loading}
            pagination={list.pagination}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={filtered ? '没有符合条件的执法事项' : can('power-list:manage') ? '权责清单还没有事项：可“新增事项”或下载模板填写后“导入”' : '权责清单还没有事项'} /> }}
            onRow={(i) => ({ onClick: () => setOpen(i.id), style: { cursor: 'pointer' } })}
          />
        </>
      ) : (
        <ReviewsTab onOpen={setOpen} onChanged={reload} />
      )}
      {open !== undefined && (
        <ItemDrawer
          key={`${open}:${saves}`}
          id={open}
          onClose={() => setOpen(undefined)}
          onEdit={(item) => setEditing({ item })}
          onDeleted={() => {
            setOpen(undefined);
            reload();
          }}
          onReview={() => showTab('reviews')}
        />
      )}
      {editing && (
        <ItemFormModal
          item={editing.item}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            reload();
            setSaves((n) => n + 1);
            setOpen(saved.id);
          }}
        />
      )}
      {importing && <XlsxImportModal onClose={() => setImporting(false)} onImported={reload} />}
    </Card>
  );
}
