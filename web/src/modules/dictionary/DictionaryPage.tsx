import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Switch, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { CodeItem, CodeSet } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { usePagedList } from '../../app/usePagedList';
import { CodeItemModal } from './CodeItemModal';

const setColumns: TableColumnsType<CodeSet> = [
  { title: '编码', dataIndex: 'code', width: 150, ellipsis: true },
  {
    title: '名称',
    dataIndex: 'name',
    render: (_, s) => <Tooltip title={s.description || undefined}>{s.name}</Tooltip>,
  },
  { title: '标准', dataIndex: 'standard', width: 130, ellipsis: true, render: (_, s) => s.standard ?? '自定义' },
  { title: '项数', dataIndex: 'itemCount', width: 60 },
  { title: '维护', dataIndex: 'editable', width: 80, render: (_, s) => (s.editable ? <Tag color="blue">可编辑</Tag> : <Tag>只读</Tag>) },
];

/**
 * The items of one code set. A standard (national) set's items can only be switched on or off;
 * an editable set's items can also be added and renamed.
 */
function CodeItems({ set }: { set: CodeSet }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const list = usePagedList<CodeItem>(`/code-sets/${set.code}/items`, {});
  const [editing, setEditing] = useState<{ item?: CodeItem }>();
  const canEdit = can('dictionary:edit');
  const editable = set.editable && canEdit;

  async function toggle(item: CodeItem, enabled: boolean) {
    try {
      await api.patch(`/code-sets/${set.code}/items/${encodeURIComponent(item.code)}`, { enabled });
      void message.success(`已${enabled ? '启用' : '停用'}「${item.label}」`);
      list.reload();
    } catch (e) {
      report(e);
    }
  }

  const columns: TableColumnsType<CodeItem> = [
    { title: '代码', dataIndex: 'code', width: 120 },
    { title: '名称', dataIndex: 'label' },
    { title: '排序', dataIndex: 'sort', width: 70 },
    {
      title: '启用',
      dataIndex: 'enabled',
      width: 80,
      render: (_, item) =>
        canEdit ? (
          <Switch size="small" checked={item.enabled} onChange={(on) => void toggle(item, on)} />
        ) : item.enabled ? (
          <Tag color="success">启用</Tag>
        ) : (
          <Tag>停用</Tag>
        ),
    },
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
      {!set.editable && (
        <p style={{ marginTop: 0, color: '#8c8c8c' }}>
          {set.standard ? `依据 ${set.standard}` : '系统内置代码集'}，代码与名称不可修改{canEdit ? '，只能启用或停用' : ''}。
        </p>
      )}
      <Table<CodeItem> rowKey="code" size="small" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} />
      {editing && (
        <CodeItemModal
          setCode={set.code}
          item={editing.item}
          nextSort={Math.max(0, ...list.items.map((i) => i.sort)) + 1}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      )}
    </Card>
  );
}

/** 数据字典: the code sets (national standards and our own) and the items of the selected one. */
export default function DictionaryPage() {
  const sets = usePagedList<CodeSet>('/code-sets', {});
  const [selected, setSelected] = useState<CodeSet>();

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card title="数据字典" style={{ width: 640, flexShrink: 0 }}>
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
