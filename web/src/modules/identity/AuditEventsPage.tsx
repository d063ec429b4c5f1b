import { AutoComplete, Button, Card, DatePicker, Form, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { AuditEvent } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { usePagedList } from '../../app/usePagedList';
import { AuditChanges } from './AuditChanges';
import { auditActionLabels } from './labels';
import { useOrgTree } from './useOrgTree';

type AuditFilters = { action?: string; actor?: string; targetType?: string; from?: string; to?: string };

interface FilterForm {
  action?: string;
  actor?: string;
  targetType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const actionOptions = Object.entries(auditActionLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` }));

const hasChanges = (e: AuditEvent) => e.changes !== null && e.changes !== undefined;

/** 审计日志 (SEC-17): every state change with who, where, what and the request it came from. */
export default function AuditEventsPage() {
  const list = usePagedList<AuditEvent, AuditFilters>('/audit-events', {});
  const { index } = useOrgTree({ quiet: true });

  function search(values: FilterForm) {
    list.setFilters({
      action: values.action?.trim() || undefined,
      actor: values.actor?.trim() || undefined,
      targetType: values.targetType?.trim() || undefined,
      from: values.range?.[0]?.startOf('day').toISOString(),
      to: values.range?.[1]?.endOf('day').toISOString(),
    });
  }

  const columns: TableColumnsType<AuditEvent> = [
    { title: '时间', dataIndex: 'at', width: 170, render: (_, e) => formatDateTime(e.at) },
    { title: '操作人', dataIndex: 'actorUsername', width: 120, render: (_, e) => e.actorUsername ?? '—' },
    {
      title: '机构',
      dataIndex: 'actorOrgId',
      width: 160,
      ellipsis: true,
      render: (_, e) => (e.actorOrgId === null ? '—' : (index.get(e.actorOrgId)?.node.name ?? `#${e.actorOrgId}`)),
    },
    {
      title: '操作',
      dataIndex: 'action',
      width: 250,
      render: (_, e) => (
        <>
          {auditActionLabels[e.action] ?? ''} <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {e.action}
          </Typography.Text>
          {e.result === 'failure' && <Tag color="error">失败</Tag>}
        </>
      ),
    },
    { title: '对象类型', dataIndex: 'targetType', width: 100 },
    { title: '对象ID', dataIndex: 'targetId', width: 90, render: (_, e) => e.targetId ?? '—' },
    { title: '请求编号', dataIndex: 'requestId', width: 150, ellipsis: true, render: (_, e) => e.requestId ?? '—' },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (_, e) => e.ip ?? '—' },
  ];

  return (
    <Card title="审计日志">
      <Form<FilterForm> name="auditFilter" layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action" label="操作">
          <AutoComplete
            allowClear
            options={actionOptions}
            showSearch={{ filterOption: (input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase()) }}
            placeholder="如 user.create"
            style={{ width: 200 }}
            popupMatchSelectWidth={260}
          />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input allowClear placeholder="用户名" style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="targetType" label="对象类型">
          <Input allowClear placeholder="如 user" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
        scroll={{ x: 1150 }}
        expandable={{
          rowExpandable: hasChanges,
          expandedRowRender: (e) => <AuditChanges changes={e.changes} orgName={(id) => index.get(id)?.node.name} />,
          columnTitle: '变更',
          columnWidth: 56,
        }}
      />
    </Card>
  );
}
