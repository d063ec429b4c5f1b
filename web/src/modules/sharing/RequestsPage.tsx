import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Select, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Page, ShareRequest } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateTime } from '../../app/format';
import { DecisionModal } from './DecisionModal';
import { DemandModal } from './DemandModal';
import { consumerColumn, resourceColumn } from './columns';
import { requestStatusOptions, requestStatusTags } from './labels';
import { useGet } from '../../api/useGet';
import { useSharingRefs, type SharingRefs } from './useSharingRefs';

type TabKey = 'mine' | 'approvals';

function DueCell({ q }: { q: ShareRequest }) {
  if (q.status !== 'pending') {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDate(q.dueOn)}
        <br />
        {q.decidedAt ? `${formatDate(q.decidedAt)} 已处理` : ''}
      </Typography.Text>
    );
  }
  return q.overdue ? (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="danger" strong>
        {formatDate(q.dueOn)}
      </Typography.Text>
      <Tag color="red">已超期</Tag>
    </Space>
  ) : (
    <Typography.Text>{formatDate(q.dueOn)}</Typography.Text>
  );
}

function StatusCell({ q }: { q: ShareRequest }) {
  const tag = requestStatusTags[q.status] ?? { label: q.status, color: 'default' };
  return (
    <Space orientation="vertical" size={2}>
      <Tooltip title={q.decisionNote ? `意见：${q.decisionNote}` : undefined}>
        <Tag color={tag.color}>{tag.label}</Tag>
      </Tooltip>
      {q.grantId !== null && (
        <Link to={`/sharing/grants?consumerId=${q.consumerId}`} style={{ fontSize: 12 }}>
          授权 #{q.grantId}
        </Link>
      )}
    </Space>
  );
}

function columnsFor(tab: TabKey, refs: SharingRefs, canApprove: boolean, onDecide: (q: ShareRequest) => void): TableColumnsType<ShareRequest> {
  const columns: TableColumnsType<ShareRequest> = [
    {
      title: '申请',
      dataIndex: 'id',
      width: 130,
      render: (_, q) => (
        <>
          <Typography.Text strong>#{q.id}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(q.requestedAt)}
          </Typography.Text>
        </>
      ),
    },
    consumerColumn(refs),
    resourceColumn(refs),
    {
      title: '用途与依据',
      dataIndex: 'purpose',
      render: (_, q) => (
        <>
          <Typography.Text>{q.purpose}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: q.legalBasis }}>
            依据：{q.legalBasis}
          </Typography.Text>
        </>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, q) => <StatusCell q={q} /> },
    { title: '答复期限', dataIndex: 'dueOn', width: 100, render: (_, q) => <DueCell q={q} /> },
  ];
  if (tab === 'approvals' && canApprove) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_, q) =>
        q.status === 'pending' ? (
          <Button type="primary" size="small" onClick={() => onDecide(q)}>
            审批
          </Button>
        ) : null,
    });
  }
  return columns;
}

/**
 * 共享申请: my unit's demands (its consumers asking for others' resources) and the approvals it owes
 * (others asking for resources it provides), each with its 10-working-day due date.
 */
export default function RequestsPage() {
  const { can } = useAuth();
  const refs = useSharingRefs();
  const canAsk = can('sharing:request') || can('sharing:manage');
  const canApprove = can('sharing:approve');
  const [tab, setTab] = useState<TabKey>(canAsk || !canApprove ? 'mine' : 'approvals');
  const [status, setStatus] = useState<string>();
  const [resourceCode, setResourceCode] = useState<string>();
  const { data, failed, reload } = useGet<Page<ShareRequest>>('/sharing/requests', { status, resourceCode });
  const [asking, setAsking] = useState(false);
  const [deciding, setDeciding] = useState<ShareRequest>();

  const items = data?.items ?? [];
  const mine = items.filter((q) => refs.inScope(refs.consumerById.get(q.consumerId)?.orgId ?? null));
  const approvals = items.filter((q) => refs.inScope(refs.resourceByCode.get(q.resourceCode)?.ownerOrgId ?? null));
  const pendingApprovals = approvals.filter((q) => q.status === 'pending').length;
  const loading = (!data && !failed) || !refs.loaded;

  const table = (key: TabKey, rows: ShareRequest[], empty: string) => (
    <Table<ShareRequest>
      rowKey="id"
      size="middle"
      columns={columnsFor(key, refs, canApprove, setDeciding)}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
      scroll={{ x: 1040 }}
      locale={{ emptyText: <Empty description={failed ? '共享申请读取失败，请点击“刷新”重试' : status || resourceCode ? '没有符合条件的申请' : empty} /> }}
    />
  );

  return (
    <Card
      title="共享申请"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          {canAsk && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAsking(true)}>
              提出申请
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={setStatus} options={requestStatusOptions} />
        <Select
          allowClear
          placeholder="全部资源"
          style={{ width: 220 }}
          value={resourceCode}
          onChange={setResourceCode}
          options={refs.resources.map((r) => ({ value: r.code, label: r.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          {
            key: 'mine',
            label: `我的申请（${mine.length}）`,
            children: table('mine', mine, canAsk ? '本单位还没有提出共享申请。在“资源目录”中选择资源后点击“申请使用”。' : '本单位还没有提出共享申请'),
          },
          {
            key: 'approvals',
            label: (
              <Badge count={pendingApprovals} size="small" offset={[8, -2]}>
                待我审批（{approvals.length}）
              </Badge>
            ),
            children: table('approvals', approvals, '没有申请本单位资源的共享申请'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
        “我的申请”是本单位（含下级）调用方提出的申请；“待我审批”是其他部门申请本单位（含下级）提供的资源，须在答复期限（提出后 10 个工作日）内审批，超期的以红色标出。
      </Typography.Paragraph>
      {asking && (
        <DemandModal
          refs={refs}
          onClose={() => setAsking(false)}
          onSaved={() => {
            setAsking(false);
            setTab('mine');
            reload();
          }}
        />
      )}
      {deciding && (
        <DecisionModal
          request={deciding}
          refs={refs}
          onClose={() => setDeciding(undefined)}
          onDone={() => {
            setDeciding(undefined);
            reload();
          }}
        />
      )}
    </Card>
  );
}
