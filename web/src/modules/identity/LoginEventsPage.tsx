import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import type { LoginEvent, LoginResult } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { usePagedList } from '../../app/usePagedList';
import { loginResultTags } from './labels';

type LoginEventFilters = { username?: string; result?: LoginResult; from?: string; to?: string };

interface FilterForm {
  username?: string;
  result?: LoginResult;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const resultOptions = Object.entries(loginResultTags).map(([value, t]) => ({ value, label: t.label }));

const columns: TableColumnsType<LoginEvent> = [
  { title: '时间', dataIndex: 'at', width: 180, render: (_, e) => formatDateTime(e.at) },
  { title: '用户名', dataIndex: 'username', width: 140 },
  { title: 'IP', dataIndex: 'ip', width: 140, render: (_, e) => e.ip ?? '—' },
  {
    title: '终端',
    dataIndex: 'userAgent',
    ellipsis: { showTitle: false },
    render: (_, e) => (
      <Tooltip title={e.userAgent} placement="topLeft">
        {e.userAgent ?? '—'}
      </Tooltip>
    ),
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 110,
    render: (_, e) => {
      const tag = loginResultTags[e.result];
      return <Tag color={tag.color}>{tag.label}</Tag>;
    },
  },
];

/** 登录日志 (SEC-13/SEC-17): every login attempt, logout and timeout. */
export default function LoginEventsPage() {
  const list = usePagedList<LoginEvent, LoginEventFilters>('/login-events', {});

  function search(values: FilterForm) {
    list.setFilters({
      username: values.username?.trim() || undefined,
      result: values.result,
      from: values.range?.[0]?.startOf('day').toISOString(),
      to: values.range?.[1]?.endOf('day').toISOString(),
    });
  }

  return (
    <Card title="登录日志">
      <Form<FilterForm> name="loginEventFilter" layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="username" label="用户名">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select allowClear options={resultOptions} style={{ width: 140 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      <Table<LoginEvent> rowKey="id" size="middle" columns={columns} dataSource={list.items} loading={list.loading} pagination={list.pagination} />
    </Card>
  );
}
