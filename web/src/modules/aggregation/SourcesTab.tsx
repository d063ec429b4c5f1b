import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { SourceSystem } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatCount } from '../../app/format';
import { cycleLabels, orgLabel } from './labels';
import { SourceModal } from './SourceModal';

/** 来源系统: the business systems data comes from, with their obligations; registering and editing them. */
export function SourcesTab(props: {
  sources: SourceSystem[];
  loading: boolean;
  libraries: { value: string; label: string }[];
  libraryName: (id: string) => string;
  orgName: (id: number) => string | undefined;
  onSaved: () => void;
}) {
  const { sources, loading, libraries, libraryName, orgName, onSaved } = props;
  const { can } = useAuth();
  const canManage = can('aggregation:manage-sources');
  const [editing, setEditing] = useState<{ source?: SourceSystem }>();

  const columns: TableColumnsType<SourceSystem> = [
    {
      title: '来源系统',
      dataIndex: 'name',
      width: 240,
      render: (_, s) => (
        <>
          {s.name}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.code}
          </Typography.Text>
        </>
      ),
    },
    { title: '所属机构', dataIndex: 'orgId', width: 180, render: (_, s) => orgLabel(s.orgId, orgName) },
    {
      title: '归集责任（标准库 · 更新周期 · 应归集记录数）',
      dataIndex: 'libraries',
      render: (_, s) =>
        s.libraries.length === 0 ? (
          <Typography.Text type="secondary">未登记</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {s.libraries.map((l) => (
              <Tag key={l.libraryId}>
                {libraryName(l.libraryId)} · {cycleLabels[l.cycle]} · {l.expectedRecords === null ? '未申报' : `${formatCount(l.expectedRecords)} 条`}
              </Tag>
            ))}
          </Space>
        ),
    },
    { title: '说明', dataIndex: 'description', width: 200, ellipsis: true },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, s) => (
        <Button type="link" size="small" onClick={() => setEditing({ source: s })}>
          编辑
        </Button>
      ),
    });
  }

  return (
    <>
      {canManage && (
        <div style={{ marginBottom: 16, textAlign: 'right' }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            登记来源系统
          </Button>
        </div>
      )}
      <Table<SourceSystem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sources}
        loading={loading}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{
          emptyText: <Empty description={canManage ? '尚未登记来源系统。每批数据都要记明来自哪个业务系统，请先登记。' : '您的数据范围内没有来源系统'} />,
        }}
      />
      {editing && (
        <SourceModal
          source={editing.source}
          libraries={libraries}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            onSaved();
          }}
        />
      )}
    </>
  );
}
