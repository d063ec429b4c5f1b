import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Page, ShareGrant } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatCount, formatDate, formatDateTime } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { consumerColumn, resourceColumn } from './columns';
import { GrantModal } from './GrantModal';
import { useGet } from '../../api/useGet';
import { useSharingRefs } from './useSharingRefs';

function grantState(g: ShareGrant): { label: string; color: string } {
  if (g.revokedAt) return { label: '已撤销', color: 'default' };
  if (dayjs(g.expiresAt).isBefore(dayjs())) return { label: '已过期', color: 'warning' };
  return { label: '有效', color: 'success' };
}

/**
 * 授权: what each consumer may receive — fields (plain or masked), purpose, rate limit, daily
 * quota, expiry — whether approved from a demand or granted directly; revoking one.
 */
export default function GrantsPage() {
  const { can } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const refs = useSharingRefs();
  const [params, setParams] = useSearchParams();
  const consumerId = Number(params.get('consumerId')) || undefined;
  const resourceCode = params.get('resourceCode') ?? undefined;
  const { data, failed, reload } = useGet<Page<ShareGrant>>('/sharing/grants', { consumerId, resourceCode });
  const [granting, setGranting] = useState(false);

  function setFilter(key: 'consumerId' | 'resourceCode', value: string | number | undefined) {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  }

  async function revoke(g: ShareGrant) {
    try {
      await api.post(`/sharing/grants/${g.id}/revoke`);
      void message.success(`已撤销授权 #${g.id}，「${g.consumerName}」的调用将被拒绝`);
      reload();
    } catch (e) {
      report(e);
    }
  }

  const columns: TableColumnsType<ShareGrant> = [
    {
      title: '授权',
      dataIndex: 'id',
      width: 130,
      render: (_, g) => (
        <>
          <Typography.Text strong>#{g.id}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {g.requestId === null ? '直接授权' : `申请 #${g.requestId} 通过`}
            <br />
            {formatDateTime(g.createdAt)}
          </Typography.Text>
        </>
      ),
    },
    consumerColumn(refs),
    resourceColumn(refs, (g) => g.plainFields),
    {
      title: '用途与依据',
      dataIndex: 'purpose',
      render: (_, g) => (
        <>
          {g.purpose}
          {g.legalBasis && (
            <>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: g.legalBasis }}>
                依据：{g.legalBasis}
              </Typography.Text>
            </>
          )}
        </>
      ),
    },
    {
      title: '限流 / 日配额',
      dataIndex: 'ratePerSecond',
      width: 110,
      render: (_, g) => (
        <>
          {formatCount(g.ratePerSecond)} 次/秒
          <br />
          {formatCount(g.quotaPerDay)} 次/日
        </>
      ),
    },
    {
      title: '状态与期限',
      key: 'state',
      width: 120,
      render: (_, g) => {
        const s = grantState(g);
        const soon = s.label === '有效' && dayjs(g.expiresAt).diff(dayjs(), 'day') < 30;
        return (
          <>
            <Tag color={s.color}>{s.label}</Tag>
            <Typography.Text type={soon ? 'danger' : 'secondary'} style={{ fontSize: 12, display: 'block', marginTop: 2 }}>
              {g.revokedAt ? `${formatDate(g.revokedAt)} 撤销` : `至 ${formatDate(g.expiresAt)}`}
            </Typography.Text>
          </>
        );
      },
    },
  ];
  if (can('sharing:approve')) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 70,
      fixed: 'right',
      render: (_, g) =>
        grantState(g).label === '有效' ? (
          <Popconfirm
            title={`撤销授权 #${g.id}？`}
            description={`「${g.consumerName}」将立即不能再调用「${g.resourceName}」，撤销后不能恢复，须重新申请。`}
            okText="撤销"
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(g)}
          >
            <Button type="link" size="small" danger>
              撤销
            </Button>
          </Popconfirm>
        ) : null,
    });
  }

  return (
    <Card
      title="授权"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
          {can('sharing:manage') && refs.resources.some((r) => r.sharingType !== 'none' && refs.inScope(r.ownerOrgId)) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)}>
              直接授权
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        授权决定调用方能取得什么：只返回授权的信息项，未授权明文的身份证号、手机号脱敏返回；超过限流或日配额的调用被拒绝（HTTP 429）。这里列出本单位调用方得到的授权和本单位资源给出的授权。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部调用方"
          style={{ width: 280 }}
          value={consumerId}
          onChange={(v: number | undefined) => setFilter('consumerId', v)}
          options={refs.consumers.map((c) => ({ value: c.id, label: c.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Select
          allowClear
          placeholder="全部资源"
          style={{ width: 220 }}
          value={resourceCode}
          onChange={(v: string | undefined) => setFilter('resourceCode', v)}
          options={refs.resources.map((r) => ({ value: r.code, label: r.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Space>
      <Table<ShareGrant>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={!data && !failed}
        pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条`, hideOnSinglePage: true }}
        scroll={{ x: 1060 }}
        locale={{ emptyText: <Empty description={failed ? '授权读取失败，请点击“刷新”重试' : consumerId || resourceCode ? '没有符合条件的授权' : '暂无授权：共享申请通过后会在这里生成授权'} /> }}
      />
      {granting && (
        <GrantModal
          refs={refs}
          consumerId={consumerId}
          onClose={() => setGranting(false)}
          onSaved={() => {
            setGranting(false);
            reload();
          }}
        />
      )}
    </Card>
  );
}
