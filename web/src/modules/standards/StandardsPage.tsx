import { Card, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { StandardLibrary } from '../../api/types';
import { DataElementsTable } from './DataElementsTable';
import { LibraryDetail } from './LibraryDetail';
import { useLibraries } from './useLibraries';

const columns: TableColumnsType<StandardLibrary> = [
  {
    title: '标准库',
    dataIndex: 'name',
    render: (_, l) => (
      <Tooltip title={l.description} placement="right">
        <Typography.Text strong>{l.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
          v{l.version}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {l.id}
        </Typography.Text>
      </Tooltip>
    ),
  },
  { title: '字段数', dataIndex: 'fieldCount', width: 64, align: 'right' },
  {
    title: '业务主键',
    dataIndex: 'businessKey',
    width: 140,
    render: (_, l) => <Tooltip title={`字段标识：${l.businessKey.join(' + ')}`}>{l.businessKeyLabels.join(' + ')}</Tooltip>,
  },
];

/** 标准库: the business standard libraries with their fields, and the data elements they are built from. */
export default function StandardsPage() {
  const { libraries, loading } = useLibraries();
  const [tab, setTab] = useState('libraries');
  const [selected, setSelected] = useState<StandardLibrary>();

  return (
    <Card
      title="标准库"
      activeTabKey={tab}
      onTabChange={setTab}
      tabList={[
        { key: 'libraries', label: `业务标准库（${libraries.length}）` },
        { key: 'elements', label: '数据元' },
      ]}
    >
      {tab === 'libraries' ? (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <Table<StandardLibrary>
            style={{ width: 340, flexShrink: 0 }}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={libraries}
            loading={loading}
            pagination={false}
            rowClassName={(l) => (l.id === selected?.id ? 'ant-table-row-selected' : '')}
            onRow={(l) => ({ onClick: () => setSelected(l), style: { cursor: 'pointer' } })}
          />
          {selected ? (
            <LibraryDetail key={selected.id} library={selected} />
          ) : (
            <Card type="inner" style={{ flex: 1 }}>
              请在左侧选择标准库，查看字段、导入模板与校验规则
            </Card>
          )}
        </div>
      ) : (
        <DataElementsTable />
      )}
    </Card>
  );
}
