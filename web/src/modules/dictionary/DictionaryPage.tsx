import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { CodeItem, CodeSet } from '../../api/types';
import { useAuth } from '../../app/auth';
import { usePagedList } from '../../app/usePagedList';
import { CodeItemModal } from './CodeItemModal';

const setColumns: TableColumnsType<CodeSet> = [
  { title: '编码', dataIndex: 'code', width: 150 },
  { title: '名称', dataIndex: 'name' },
  { title: '标准', dataIndex: 'standard', width: 150, render: (_, s) => s.standard ?? '—' },
  { title: '可编辑', dataIndex: 'editable', width: 80, render: (_, s) => (s.editable ? <Tag color="blue">可编辑</Tag> : <Tag>只读</Tag>) },
];

function CodeItems({ set }: { set: CodeSet }) {
  const { can } = useAuth();
  const list = usePagedList<CodeItem>(`/code-sets/${encodeURIComponent(set.code)}/items`, {});
  const [editing, setEditing] = useState<{ item?: CodeItem }>();
  const editable = set.editable && can('dictionary:edit');

  const columns: TableColumnsType<CodeItem> = [
    { title: '代码', dataIndex: 'code', width: 120 },
    { title: '名称', dataIndex: 'label' },
    { title: '排序', dataIndex: 'sort', width: 70 },
    { title: '状态', dataIndex: 'enabled', width: 80, render: (_, i) => (i.enabled ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>) },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, item) => (
        <Button type="link" size="small" onClick={() => setEditing({ item })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <Card
      title={`${set.name}（${set.code}）`}
      style={{ flex: 1, minWidth: 0 }}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            新增代码项
          </Button>
        )
      }
    >
      <Table<CodeItem> rowKey="code" size="small" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} />
      <CodeItemModal
        open={editing !== undefined}
        setCode={set.code}
        item={editing?.item}
        nextSort={Math.max(0, ...list.items.map((i) => i.sort)) + 1}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </Card>
  );
}

/** 数据字典: the code sets (national standards and our own) and the items of the selected one. */
export default function DictionaryPage() {
  const sets = usePagedList<CodeSet>('/code-sets', {});
  const [selected, setSelected] = useState<CodeSet>();

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card title="数据字典" style={{ width: 560, flexShrink: 0 }}>
        <Table<CodeSet>
          rowKey="code"
          size="small"
          columns={setColumns}
          dataSource={sets.items}
          loading={sets.loading}
          pagination={sets.pagination}
          rowSelection={{ type: 'radio', selectedRowKeys: selected ? [selected.code] : [], onChange: (_, rows) => setSelected(rows[0]) }}
          onRow={(s) => ({ onClick: () => setSelected(s), style: { cursor: 'pointer' } })}
        />
      </Card>
      {selected ? <CodeItems key={selected.code} set={selected} /> : <Card style={{ flex: 1 }}>请在左侧选择代码集</Card>}
    </div>
  );
}
