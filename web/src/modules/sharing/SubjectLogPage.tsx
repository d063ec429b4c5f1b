import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Form, Input, Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Page, SubjectLogItem } from '../../api/types';
import { formatCount, formatDateTime } from '../../app/format';
import { serviceLabels } from './labels';
import { useGet } from '../../api/useGet';

/** 公民身份号码: 17 digits and a check character (0–9 or X), or the legacy 15 digits. */
const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;

const columns: TableColumnsType<SubjectLogItem & { key: string }> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
  {
    title: '调用方',
    dataIndex: 'consumerName',
    width: 240,
    render: (_, r) => (
      <>
        {r.consumerName ?? <Typography.Text type="secondary">（已删除的调用方）</Typography.Text>}
        {r.agency && (
          <>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.agency}
            </Typography.Text>
          </>
        )}
      </>
    ),
  },
  { title: '资源', dataIndex: 'resourceName', width: 150, render: (_, r) => r.resourceName ?? r.resourceCode ?? '—' },
  { title: '方式', dataIndex: 'service', width: 80, render: (v: string) => serviceLabels[v] ?? v },
  { title: '用途', dataIndex: 'purpose', render: (v: string | null) => v || <Typography.Text type="secondary">未声明</Typography.Text> },
  {
    title: '结果',
    dataIndex: 'status',
    width: 130,
    render: (_, r) =>
      r.status >= 400 ? (
        <Tag color="error">拒绝（{r.status}）</Tag>
      ) : r.service === 'verify' ? (
        <Tag color="blue">已核验</Tag>
      ) : r.resultCount > 0 ? (
        <Tag color="success">返回 {formatCount(r.resultCount)} 条</Tag>
      ) : (
        <Tag>未查到</Tag>
      ),
  },
];

/**
 * 数据主体查询: for one person (by 公民身份号码), every lookup and verification of their data
 * through the sharing gateway — who, when, which resource, for what declared purpose, and with
 * what result (个人信息保护法 第四十四条、第四十五条: the right to know and consult).
 */
export default function SubjectLogPage() {
  const [form] = Form.useForm<{ idNumber: string }>();
  const [idNumber, setIdNumber] = useState<string>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, failed } = useGet<Page<SubjectLogItem>>(idNumber ? '/sharing/subject-log' : undefined, { idNumber, page, pageSize });

  async function search() {
    const v = await form.validateFields();
    setIdNumber(v.idNumber.trim().toUpperCase());
    setPage(1);
  }

  return (
    <Card title="数据主体查询">
      <Typography.Paragraph type="secondary">
        输入公民身份号码，查看该人的数据经共享接口被哪些部门、何时、为何查询或核验。调用日志只保存身份号码的密文指纹，不保存号码本身和返回的数据；本次查询本身也会记入审计日志。
      </Typography.Paragraph>
      <Form form={form} name="subjectLog" layout="inline" onFinish={() => void search()} style={{ marginBottom: 16 }}>
        <Form.Item
          name="idNumber"
          label="公民身份号码"
          rules={[
            { required: true, whitespace: true, message: '请输入公民身份号码' },
            { pattern: ID_NUMBER, message: '应为 18 位（末位可为 X）或 15 位数字' },
          ]}
        >
          <Input allowClear maxLength={18} placeholder="18 位或 15 位公民身份号码" style={{ width: 260, fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            查询
          </Button>
        </Form.Item>
      </Form>
      {idNumber && data && (
        <Alert
          type={data.total > 0 ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={data.total > 0 ? `该人的数据共被查询或核验 ${formatCount(data.total)} 次` : '没有查询到该人的数据被调用的记录'}
        />
      )}
      {idNumber ? (
        <Table<SubjectLogItem & { key: string }>
          rowKey="key"
          size="middle"
          columns={columns}
          // Calls have no id in this view, and two may share a time: rows are keyed by their place.
          dataSource={data?.items.map((r, i) => ({ ...r, key: `${page}-${i}` }))}
          loading={!data && !failed}
          scroll={{ x: 1000 }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            hideOnSinglePage: true,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          locale={{ emptyText: <Empty description={failed ? '查询失败，请稍后重试' : '没有记录'} /> }}
        />
      ) : (
        <Empty description="输入公民身份号码后点击“查询”" />
      )}
    </Card>
  );
}
