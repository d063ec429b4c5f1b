import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { EnforcementSubject, EnforcementSubjectDetail, SubjectKind } from '../../api/types';
import { useAuth } from '../../app/auth';
import { usePagedList } from '../../app/usePagedList';
import { OrgTreeSelect } from '../identity/OrgTreeSelect';
import { useOrgTree } from '../identity/useOrgTree';
import { subjectKindColors, subjectKindOptions } from './labels';
import { SubjectDrawer } from './SubjectDrawer';
import { SubjectFormModal } from './SubjectFormModal';

type Filters = { kind?: SubjectKind; orgId?: number };

/**
 * 执法主体: the orgs with standing to enforce in the user's scope (ADP-31), the power-list items
 * each may exercise, and the 委托书 of entrusted organisations (ADP-30). Published per ADP-05.
 */
export default function SubjectsPage() {
  const { can } = useAuth();
  const manage = can('enforcement:manage');
  const { tree, index } = useOrgTree();
  const orgName = (id: number) => index.get(id)?.node.name ?? `机构 ${id}`;
  const list = usePagedList<EnforcementSubject, Filters>('/enforcement/subjects', {});
  const { filters, setFilters } = list;
  const [open, setOpen] = useState<number>();
  const [editing, setEditing] = useState<{ subject?: EnforcementSubjectDetail }>();
  const [saves, setSaves] = useState(0);

  const columns: TableColumnsType<EnforcementSubject> = [
    { title: '机构', dataIndex: 'orgId', render: (_, s) => <Typography.Link>{orgName(s.orgId)}</Typography.Link> },
    { title: '主体类别', dataIndex: 'kind', width: 150, render: (_, s) => <Tag color={subjectKindColors[s.kind]}>{s.kind}</Tag> },
    { title: '执法领域', dataIndex: 'domainLabels', width: 140, render: (_, s) => s.domainLabels.join('、') },
    { title: '可实施事项', dataIndex: 'itemCount', width: 100, align: 'right' },
    { title: '在岗人员', dataIndex: 'officerCount', width: 90, align: 'right' },
    {
      title: '委托书',
      key: 'entrustment',
      width: 280,
      render: (_, s) =>
        s.entrustment ? (
          <>
            {orgName(s.entrustment.entrusting.orgId)} 委托，{s.entrustment.from} 至 {s.entrustment.to}
          </>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      title="执法主体"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              登记主体
            </Button>
          )}
        </Space>
      }
    >
      <Form name="subjectFilter" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="主体类别" htmlFor="subjectKind">
          <Select<SubjectKind> id="subjectKind" allowClear placeholder="全部" options={subjectKindOptions} value={filters.kind} style={{ width: 180 }} onChange={(kind) => setFilters({ ...filters, kind })} />
        </Form.Item>
        <Form.Item label="机构" htmlFor="subjectOrg">
          <OrgTreeSelect id="subjectOrg" tree={tree} allowClear placeholder="全部（含下级）" value={filters.orgId} style={{ width: 240 }} onChange={(orgId) => setFilters({ ...filters, orgId })} />
        </Form.Item>
      </Form>
      <Table<EnforcementSubject>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={filters.kind || filters.orgId ? '没有符合条件的执法主体' : '还没有执法主体'} /> }}
        onRow={(s) => ({ onClick: () => setOpen(s.id), style: { cursor: 'pointer' } })}
      />
      {open !== undefined && <SubjectDrawer key={`${open}:${saves}`} id={open} orgName={orgName} onEdit={manage ? (subject) => setEditing({ subject }) : undefined} onClose={() => setOpen(undefined)} />}
      {editing && (
        <SubjectFormModal
          subject={editing.subject}
          tree={tree}
          orgName={orgName}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            list.reload();
            setSaves((n) => n + 1);
            setOpen(saved.id);
          }}
        />
      )}
    </Card>
  );
}
