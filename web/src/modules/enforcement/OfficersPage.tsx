import { CloudUploadOutlined, DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { buildUrl } from '../../api/client';
import type { CertificateStanding, EnforcementOfficer } from '../../api/types';
import { useAuth } from '../../app/auth';
import { QueryInput } from '../../app/QueryInput';
import { usePagedList } from '../../app/usePagedList';
import { OrgTreeSelect } from '../identity/OrgTreeSelect';
import { useOrgTree } from '../identity/useOrgTree';
import { EXPIRING_DAYS, StandingTag, standingOptions } from './labels';
import { OfficerDrawer } from './OfficerDrawer';
import { OfficerFormModal } from './OfficerFormModal';
import { OfficerImportModal } from './OfficerImportModal';
import { ACTION_LABELS, StatusModal, type StatusAction } from './StatusModal';

type Filters = { q?: string; orgId?: number; standing?: CertificateStanding; expiringWithin?: number };

/** The status actions an officer's certificate allows (注销 is final). */
const ACTIONS: Record<EnforcementOfficer['status'], StatusAction[]> = { 在岗: ['suspend', 'revoke'], 暂扣: ['reinstate', 'revoke'], 注销: [] };

/**
 * 执法人员: officers in the user's scope with the standing of their 执法证 today — 有效, 即将到期,
 * 已过期, 暂扣, 注销 (ADP-03: only valid certificates may act) — registration, 暂扣/注销/恢复 with a
 * reason, and XLSX import.
 */
export default function OfficersPage() {
  const { can } = useAuth();
  const manage = can('enforcement:manage');
  const { tree, index } = useOrgTree();
  const orgName = (id: number) => index.get(id)?.node.name ?? `机构 ${id}`;
  const list = usePagedList<EnforcementOfficer, Filters>('/enforcement/officers', {});
  const { filters, setFilters } = list;
  const [open, setOpen] = useState<number>();
  const [editing, setEditing] = useState<{ officer?: EnforcementOfficer }>();
  const [changing, setChanging] = useState<{ officer: EnforcementOfficer; action: StatusAction }>();
  const [importing, setImporting] = useState(false);
  const standingFilter = filters.expiringWithin !== undefined ? 'expiring' : filters.standing;

  const columns: TableColumnsType<EnforcementOfficer> = [
    { title: '姓名', dataIndex: 'name', width: 100, render: (_, o) => <Typography.Link onClick={() => setOpen(o.id)}>{o.name}</Typography.Link> },
    { title: '执法证号', dataIndex: 'certificateNo', width: 190, render: (_, o) => <Typography.Text code>{o.certificateNo}</Typography.Text> },
    { title: '所属机构', dataIndex: 'orgId', width: 200, render: (_, o) => orgName(o.orgId) },
    { title: '执法领域', dataIndex: 'domainLabels', width: 140, render: (_, o) => o.domainLabels.join('、') },
    { title: '有效期至', dataIndex: 'expiresOn', width: 110 },
    { title: '证件状态', dataIndex: 'standing', width: 150, render: (_, o) => <StandingTag o={o} /> },
    { title: '法律职业资格', dataIndex: 'legalQualification', width: 110, render: (_, o) => (o.legalQualification ? <Tag color="geekblue">有</Tag> : <Typography.Text type="secondary">—</Typography.Text>) },
    ...(manage
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 190,
            render: (_: unknown, o: EnforcementOfficer) => (
              <Space size="small">
                {o.status !== '注销' && <Typography.Link onClick={() => setEditing({ officer: o })}>编辑</Typography.Link>}
                {ACTIONS[o.status].map((action) => (
                  <Typography.Link key={action} type={action === 'reinstate' ? undefined : 'danger'} onClick={() => setChanging({ officer: o, action })}>
                    {ACTION_LABELS[action]}
                  </Typography.Link>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const filtered = Boolean(filters.q || filters.orgId || filters.standing || filters.expiringWithin !== undefined);
  return (
    <Card
      title="执法人员"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} href={buildUrl('/enforcement/officers/template')} download>
            下载模板
          </Button>
          {manage && (
            <>
              <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                登记人员
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Form name="officerFilter" layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="人员" htmlFor="officerQ">
          <QueryInput id="officerQ" query={filters.q} onQuery={(q) => setFilters({ ...filters, q })} placeholder="姓名或执法证号" width={200} />
        </Form.Item>
        <Form.Item label="机构" htmlFor="officerOrg">
          <OrgTreeSelect id="officerOrg" tree={tree} allowClear placeholder="全部（含下级）" value={filters.orgId} style={{ width: 240 }} onChange={(orgId) => setFilters({ ...filters, orgId })} />
        </Form.Item>
        <Form.Item label="证件状态" htmlFor="officerStanding">
          <Select
            id="officerStanding"
            allowClear
            placeholder="全部"
            options={standingOptions}
            value={standingFilter}
            style={{ width: 190 }}
            onChange={(v: string | undefined) =>
              setFilters({ ...filters, standing: v === 'expiring' || v === undefined ? undefined : (v as CertificateStanding), expiringWithin: v === 'expiring' ? EXPIRING_DAYS : undefined })
            }
          />
        </Form.Item>
      </Form>
      <Table<EnforcementOfficer>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={filtered ? '没有符合条件的执法人员' : manage ? '还没有执法人员：可“登记人员”或下载模板填写后“导入”' : '还没有执法人员'} /> }}
      />
      {open !== undefined && <OfficerDrawer key={open} id={open} orgName={orgName} onClose={() => setOpen(undefined)} />}
      {editing && (
        <OfficerFormModal
          officer={editing.officer}
          tree={tree}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            list.reload();
          }}
        />
      )}
      {changing && (
        <StatusModal
          officer={changing.officer}
          action={changing.action}
          onClose={() => setChanging(undefined)}
          onDone={() => {
            setChanging(undefined);
            list.reload();
          }}
        />
      )}
      {importing && <OfficerImportModal onClose={() => setImporting(false)} onImported={list.reload} />}
    </Card>
  );
}
