import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, Result, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { LibraryField, LibraryRecord, StandardLibraryDetail } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { usePagedList } from '../../app/usePagedList';
import { useCodeLabels, type CodeLabels } from '../dictionary/useCodeLabels';
import { useLibraries } from '../standards/useLibraries';
import { useLibraryDetail } from '../standards/useLibraryDetail';
import { cleansedFrom, fieldText, tableFields } from './recordValues';
import { RecordDrawer } from './RecordDrawer';

type RecordFilters = { library: string; key?: string };

const DEFAULT_LIBRARY = 'lawyer';

/** A value in a cell, with a small 已清洗 mark whose tooltip holds what the source sent. */
function FieldValue({ field, record, codes }: { field: LibraryField; record: LibraryRecord; codes: CodeLabels }) {
  const original = cleansedFrom(record, field.key);
  const text = fieldText(field, record.data[field.key], codes);
  if (original === undefined) return text;
  return (
    <>
      {text}
      <Tooltip title={`已清洗：原值 ${original}`}>
        <Tag color="cyan" variant="filled" style={{ marginInlineStart: 6, paddingInline: 4, fontSize: 12, lineHeight: '18px', cursor: 'help' }}>
          已清洗
        </Tag>
      </Tooltip>
    </>
  );
}

/**
 * Widths by kind of value, for its usual content (a name, 330***********1039, a code's label);
 * text (执业机构) takes what is left. Six fields, 来源系统 and 接收时间 fit a 1440-pixel screen.
 */
const kindWidths: Record<string, number> = {
  'person-name': 96,
  code: 72,
  'id-number': 156,
  'credit-code': 160,
  identifier: 156,
  phone: 120,
  date: 104,
  integer: 96,
  decimal: 96,
};

/** Text columns share the room left over, but not below this. */
const TEXT_MIN = 130;

/**
 * Wide enough for the value and for the title: on one line up to six characters (调解员类型 must
 * not end in a lone 型), on two beyond (执业机构统一社会信用代码).
 */
function widthOf(field: LibraryField): number | undefined {
  const width = kindWidths[field.kind];
  const title = (field.label.length <= 6 ? field.label.length : Math.ceil(field.label.length / 2)) * 14 + 18;
  return width === undefined ? undefined : Math.max(width, title);
}

function columnsOf(library: StandardLibraryDetail, codes: CodeLabels): TableColumnsType<LibraryRecord> {
  return [
    ...tableFields(library).map((f) => ({
      title: f.label,
      key: f.key,
      width: widthOf(f),
      render: (_: unknown, r: LibraryRecord) => <FieldValue field={f} record={r} codes={codes} />,
    })),
    {
      title: '来源系统',
      key: 'source',
      width: 150,
      render: (_, r) => <Tooltip title={r.lineage.sourceCode}>{r.lineage.sourceName}</Tooltip>,
    },
    { title: '接收时间', key: 'receivedAt', width: 156, render: (_, r) => formatDateTime(r.lineage.receivedAt) },
  ];
}

function Records() {
  const list = usePagedList<LibraryRecord, RecordFilters>('/aggregation/records', { library: DEFAULT_LIBRARY });
  const { options, libraries } = useLibraries({ quiet: true });
  const library = useLibraryDetail(list.filters.library);
  const codes = useCodeLabels(library?.fields.flatMap((f) => (f.codeSet ? [f.codeSet] : [])) ?? []);
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<LibraryRecord>();
  const columns = useMemo(() => (library ? columnsOf(library, codes) : []), [library, codes]);

  const summary = libraries.find((l) => l.id === list.filters.library);
  // The list matches the start of the business key, so it is searched by its first field: 执业证号.
  const keyLabel = summary?.businessKeyLabels[0] ?? '业务主键';
  const libraryName = summary?.name ?? '';

  function find(value: string) {
    const key = value.trim();
    setSearch(key);
    list.setFilters({ library: list.filters.library, key: key || undefined });
  }

  const empty = list.filters.key ? (
    <Empty description={`没有${keyLabel}以“${list.filters.key}”开头的${libraryName}记录`} />
  ) : (
    <Empty description={`您的数据范围内暂无${libraryName}记录。记录经“数据归集”上传或接口推送后在此查看`} />
  );

  return (
    <Card
      title="归集记录"
      extra={
        <Button icon={<ReloadOutlined />} onClick={list.reload}>
          刷新
        </Button>
      }
    >
      <Form name="recordFilter" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="标准库" htmlFor="recordLibrary">
          <Select
            id="recordLibrary"
            value={list.filters.library}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 180 }}
            onChange={(id: string) => {
              setSearch('');
              list.setFilters({ library: id });
            }}
          />
        </Form.Item>
        <Form.Item label={keyLabel} htmlFor="recordKey">
          <Input.Search
            id="recordKey"
            allowClear
            value={search}
            placeholder={`输入${keyLabel}或其开头几位`}
            style={{ width: 320 }}
            onChange={(e) => {
              setSearch(e.target.value);
              // Cleared with the ✕: the whole library again.
              if (e.target.value === '' && list.filters.key) find('');
            }}
            onSearch={find}
          />
        </Form.Item>
        <Form.Item>
          <Typography.Text type="secondary">身份证号、电话已脱敏显示；标“已清洗”的值已按数据标准统一写法，悬停可见原值</Typography.Text>
        </Form.Item>
      </Form>
      <Table<LibraryRecord>
        // Not the business key: for some libraries it holds a full ID number (人民调解员), which the page keeps out of the DOM.
        rowKey={(r) => r.lineage.contentHash}
        size="middle"
        columns={columns}
        dataSource={library ? list.items : []}
        loading={list.loading || !library}
        pagination={list.pagination}
        scroll={{ x: columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : TEXT_MIN), 0) }}
        locale={{ emptyText: empty }}
        onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
      />
      {open && library && (
        <RecordDrawer key={open.ref} library={library} codes={codes} initial={open} onClose={() => setOpen(undefined)} />
      )}
    </Card>
  );
}

/** 归集记录: the records held in a standard library, and for each where it came from and how it changed. */
export default function RecordsPage() {
  const { can } = useAuth();
  if (!can('aggregation:read-records')) {
    return <Result status="403" title="无权查看归集记录" subTitle="查看归集记录需要“查看归集记录”权限，如需使用请联系系统管理员。" />;
  }
  return <Records />;
}
