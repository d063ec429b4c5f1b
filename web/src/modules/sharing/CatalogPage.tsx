import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Page, ShareResource, SharingType } from '../../api/types';
import { useAuth } from '../../app/auth';
import { DemandModal } from './DemandModal';
import { cycleLabel, lookupLabel, openTypeTags, sharingTypeTags } from './labels';
import { ResourceDrawer } from './ResourceDrawer';
import { ResourceModal } from './ResourceModal';
import { useGet } from '../../api/useGet';
import { useSharingRefs } from './useSharingRefs';

type TypeFilter = SharingType | 'all';

/** 资源目录 (政务信息资源目录): what the platform shares, on what terms; open one to see its fields or ask for it. */
export default function CatalogPage() {
  const { can } = useAuth();
  const refs = useSharingRefs();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [type, setType] = useState<TypeFilter>('all');
  const { data, failed, reload } = useGet<Page<ShareResource>>('/sharing/resources', { q: q || undefined, sharingType: type === 'all' ? undefined : type });
  const [open, setOpen] = useState<string>();
  const [editing, setEditing] = useState<{ resource?: ShareResource }>();
  const [asking, setAsking] = useState<string>();
  // Moves on after an edit, so an open drawer reads its resource again.
  const [version, setVersion] = useState(0);
  const canManage = can('sharing:manage');

  const columns: TableColumnsType<ShareResource> = [
    {
      title: '资源',
      dataIndex: 'name',
      width: 220,
      render: (_, r) => (
        <>
          <Typography.Link strong>{r.name}</Typography.Link>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '共享类型',
      dataIndex: 'sharingType',
      width: 120,
      render: (_, r) => (
        <Tooltip title={r.sharingBasis ? `依据：${r.sharingBasis}` : undefined}>
          <Tag color={sharingTypeTags[r.sharingType].color}>{sharingTypeTags[r.sharingType].label}</Tag>
        </Tooltip>
      ),
    },
    { title: '开放类型', dataIndex: 'openType', width: 110, render: (_, r) => <Tag color={openTypeTags[r.openType].color}>{openTypeTags[r.openType].label}</Tag> },
    {
      title: '信息项',
      dataIndex: 'fields',
      ellipsis: { showTitle: false },
      render: (_, r) => (
        <Tooltip title={r.fields.map((f) => f.name).join('、')} placement="topLeft">
          {r.fields.length} 项：{r.fields.map((f) => f.name).join('、')}
        </Tooltip>
      ),
    },
    { title: '查询条件', dataIndex: 'lookupKeys', width: 170, render: (_, r) => lookupLabel(r) },
    { title: '更新周期', dataIndex: 'updateCycle', width: 90, render: (_, r) => cycleLabel(r.updateCycle) },
    { title: '提供单位', dataIndex: 'ownerOrgId', width: 170, render: (_, r) => refs.orgName(r.ownerOrgId) },
  ];

  return (
    <Card
      title="资源目录"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              登记资源
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        政务信息资源目录：本平台向其他部门提供的数据资源、所含信息项与共享条件。无条件共享的资源提交申请即自动授权；有条件共享的由提供单位在 10 个工作日内审批。点击资源查看信息项或提出申请。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="按名称或编码搜索" style={{ width: 260 }} onSearch={(v) => setQ(v.trim())} />
        <Segmented<TypeFilter>
          value={type}
          onChange={setType}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unconditional', label: '无条件共享' },
            { value: 'conditional', label: '有条件共享' },
            { value: 'none', label: '不予共享' },
          ]}
        />
      </Space>
      <Table<ShareResource>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={!data && !failed}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={failed ? '资源目录读取失败，请点击“刷新”重试' : q || type !== 'all' ? '没有符合条件的资源' : '资源目录为空'} /> }}
        onRow={(r) => ({ onClick: () => setOpen(r.code), style: { cursor: 'pointer' } })}
      />
      {open && (
        <ResourceDrawer
          code={open}
          version={version}
          refs={refs}
          onClose={() => setOpen(undefined)}
          onEdit={(resource) => setEditing({ resource })}
          onAsk={(code) => setAsking(code)}
        />
      )}
      {editing && (
        <ResourceModal
          resource={editing.resource}
          refs={refs}
          onClose={() => setEditing(undefined)}
          onSaved={(saved) => {
            setEditing(undefined);
            reload();
            refs.reloadResources();
            setVersion((v) => v + 1);
            setOpen(saved.code);
          }}
        />
      )}
      {asking && (
        <DemandModal
          refs={refs}
          resourceCode={asking}
          onClose={() => setAsking(undefined)}
          // To the request just made: its status and due date are what the user looks for next.
          onSaved={() => void navigate('/sharing/requests')}
        />
      )}
    </Card>
  );
}
