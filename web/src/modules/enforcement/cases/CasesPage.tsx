import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { formatDate, formatDateTime } from '../../../app/format';
import { QueryInput } from '../../../app/QueryInput';
import { usePagedList } from '../../../app/usePagedList';
import { useOrgTree } from '../../identity/useOrgTree';
import { CaseDrawer } from './CaseDrawer';
import { CaseFormModal } from './CaseFormModal';
import { formatYuan, StateTag, stateOptions } from './labels';
import type { CaseItem, CaseState } from './types';

type Filters = { q?: string; state?: CaseState };

/**
 * 行政处罚案件: the cases in the user's scope by 环节, each opening the case with its progress,
 * the moves open to it and what blocks them; 登记线索 for those who handle cases.
 */
export default function CasesPage() {
  const { can } = useAuth();
  const handle = can('case:handle');
  const { tree } = useOrgTree();
  const list = usePagedList<CaseItem, Filters>('/enforcement/cases', {});
  const { filters, setFilters } = list;
  const [open, setOpen] = useState<number>();
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<CaseItem> = [
    { title: '案件编号', dataIndex: 'caseNo', width: 170, render: (_, c) => <Typography.Link>{c.caseNo}</Typography.Link> },
    { title: '案由', dataIndex: 'cause', ellipsis: true },
    { title: '当事人', dataIndex: 'partyName', width: 160, ellipsis: true },
    { title: '环节', dataIndex: 'state', width: 100, render: (_, c) => <StateTag state={c.state} /> },
    { title: '立案日期', dataIndex: 'filedDate', width: 110, render: (_, c) => formatDate(c.filedDate) },
    { title: '决定日期', dataIndex: 'decidedOn', width: 110, render: (_, c) => formatDate(c.decidedOn) },
    { title: '罚款', dataIndex: 'fine', width: 110, align: 'right', render: (_, c) => formatYuan(c.fine) },
    { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (_, c) => formatDateTime(c.updatedAt) },
  ];

  const filtered = Boolean(filters.q || filters.state);
  return (
    <Card
      title="行政处罚案件"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
          {handle && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记线索
            </Button>
          )}
        </Space>
      }
    >
      <Form name="caseFilter" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="环节" htmlFor="caseState">
          <Select id="caseState" allowClear placeholder="全部" options={stateOptions} value={filters.state} style={{ width: 160 }} onChange={(state?: CaseState) => setFilters({ ...filters, state })} />
        </Form.Item>
        <Form.Item label="案件" htmlFor="caseQ">
          <QueryInput id="caseQ" query={filters.q} onQuery={(q) => setFilters({ ...filters, q })} placeholder="案件编号、案由或当事人" width={240} />
        </Form.Item>
      </Form>
      <Table<CaseItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1100 }}
        onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的案件' : handle ? '还没有案件：可“登记线索”' : '还没有案件'} /> }}
      />
      {open !== undefined && <CaseDrawer key={open} id={open} onClose={() => setOpen(undefined)} onChanged={list.reload} />}
      {creating && (
        <CaseFormModal
          tree={tree}
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            list.reload();
            setOpen(c.id);
          }}
        />
      )}
    </Card>
  );
}
