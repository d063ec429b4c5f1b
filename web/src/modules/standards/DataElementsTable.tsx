import { Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { DataElement, Page } from '../../api/types';
import { useApiError } from '../../app/useApiError';
import { useCodeSetNames } from '../dictionary/useCodeSetNames';
import { kindLabel } from './labels';

/** 数据元: each kind of value defined once (type, length, code set, the headers that mean it). */
export function DataElementsTable() {
  const report = useApiError();
  const codeSetNames = useCodeSetNames();
  const [items, setItems] = useState<DataElement[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    api
      .get<Page<DataElement>>('/data-elements')
      .then((r) => current && setItems(r.items))
      .catch((e: unknown) => current && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [report]);

  const columns: TableColumnsType<DataElement> = [
    {
      title: '名称',
      dataIndex: 'name',
      width: 150,
      render: (_, e) => (
        <>
          <Typography.Text strong>{e.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.id}
          </Typography.Text>
        </>
      ),
    },
    { title: '类型', dataIndex: 'kind', width: 110, render: (_, e) => kindLabel(e.kind) },
    { title: '最大长度', dataIndex: 'maxLength', width: 80, align: 'right' },
    {
      title: '代码集 / 格式',
      dataIndex: 'codeSet',
      width: 130,
      render: (_, e) =>
        e.codeSet ? (
          <Tooltip title={e.codeSet}>{codeSetNames.get(e.codeSet) ?? e.codeSet}</Tooltip>
        ) : e.pattern ? (
          <Typography.Text code>{e.pattern}</Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: '同义表头',
      dataIndex: 'aliases',
      width: 240,
      render: (_, e) =>
        e.aliases.length === 0 ? (
          '—'
        ) : (
          <Space size={[0, 4]} wrap>
            {e.aliases.map((a) => (
              <Tag key={a}>{a}</Tag>
            ))}
          </Space>
        ),
    },
    { title: '依据标准', dataIndex: 'standard', width: 170 },
    { title: '说明', dataIndex: 'description' },
  ];

  return (
    <Table<DataElement>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 1080 }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个数据元` }}
    />
  );
}
