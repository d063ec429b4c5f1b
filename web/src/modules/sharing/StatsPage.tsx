import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Statistic, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { ShareStats, ShareStatsRow } from '../../api/types';
import { formatCount, formatRate } from '../../app/format';
import { EChart, type ChartOption } from './EChart';
import { useGet } from '../../api/useGet';

type Range = [Dayjs, Dayjs];

const OK_COLOR = '#52c41a';
const REFUSED_COLOR = '#ff4d4f';

const count = (v: number | string): string => (typeof v === 'number' ? formatCount(v) : v);

/** Every day of the range, so a day without calls shows as 0 rather than vanishing from the line. */
function daysOf([from, to]: Range): string[] {
  const days: string[] = [];
  for (let d = from.startOf('day'); !d.isAfter(to, 'day'); d = d.add(1, 'day')) days.push(d.format('YYYY-MM-DD'));
  return days;
}

function dailyOption(range: Range, rows: ShareStatsRow[]): ChartOption {
  const byDay = new Map(rows.map((r) => [r.key, r]));
  const days = daysOf(range);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['成功', '拒绝'], top: 0 },
    grid: { left: 56, right: 24, top: 36, bottom: 32 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '成功', type: 'line', smooth: true, areaStyle: { opacity: 0.15 }, color: OK_COLOR, data: days.map((d) => (byDay.get(d)?.calls ?? 0) - (byDay.get(d)?.refused ?? 0)) },
      { name: '拒绝', type: 'line', smooth: true, color: REFUSED_COLOR, data: days.map((d) => byDay.get(d)?.refused ?? 0) },
    ],
  };
}

/** Horizontal stacked bars, the busiest at the top: 成功 and 拒绝 per consumer or resource. */
function barsOption(rows: ShareStatsRow[]): ChartOption {
  const top = rows.slice(0, 15).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: ['成功', '拒绝'], top: 0 },
    grid: { left: 8, right: 32, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((r) => (r.label.length > 16 ? `${r.label.slice(0, 15)}…` : r.label)) },
    series: [
      { name: '成功', type: 'bar', stack: 'calls', color: OK_COLOR, barMaxWidth: 24, data: top.map((r) => r.calls - r.refused) },
      { name: '拒绝', type: 'bar', stack: 'calls', color: REFUSED_COLOR, barMaxWidth: 24, data: top.map((r) => r.refused) },
    ],
  };
}

function breakdownColumns(title: string): TableColumnsType<ShareStatsRow> {
  return [
    { title, dataIndex: 'label' },
    { title: '调用次数', dataIndex: 'calls', width: 110, align: 'right', render: (v: number) => formatCount(v) },
    { title: '拒绝', dataIndex: 'refused', width: 90, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{formatCount(v)}</Typography.Text> : '0') },
    { title: '拒绝率', key: 'rate', width: 90, align: 'right', render: (_, r) => formatRate(r.calls === 0 ? 0 : r.refused / r.calls) },
    { title: '返回记录', dataIndex: 'records', width: 110, align: 'right', render: (v: number) => formatCount(v) },
    { title: '平均耗时', dataIndex: 'avgLatencyMs', width: 100, align: 'right', render: (v: number) => `${v.toFixed(1)} ms` },
  ];
}

function Breakdown({ rows, title }: { rows: ShareStatsRow[]; title: string }) {
  const option = useMemo(() => barsOption(rows), [rows]);
  if (rows.length === 0) return <Empty description="所选期间没有调用记录" />;
  return (
    <>
      <EChart label={`按${title}的调用次数`} option={option} height={Math.max(200, Math.min(15, rows.length) * 36 + 60)} />
      <Table<ShareStatsRow> rowKey="key" size="small" columns={breakdownColumns(title)} dataSource={rows} pagination={{ pageSize: 10, hideOnSinglePage: true }} style={{ marginTop: 8 }} />
    </>
  );
}

/** 调用统计: calls through the sharing gateway per day, per consumer and per resource, successful and refused. */
export default function StatsPage() {
  const [range, setRange] = useState<Range>(() => [dayjs().subtract(29, 'day').startOf('day'), dayjs().startOf('day')]);
  // Beijing days, both ends included.
  const query = useMemo(() => ({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }), [range]);
  const byDay = useGet<ShareStats>('/sharing/stats', { ...query, groupBy: 'day' });
  const byConsumer = useGet<ShareStats>('/sharing/stats', { ...query, groupBy: 'consumer' });
  const byResource = useGet<ShareStats>('/sharing/stats', { ...query, groupBy: 'resource' });
  const days = byDay.data?.items;
  const loading = !days && !byDay.failed;

  const totals = useMemo(() => {
    const t = { calls: 0, refused: 0, records: 0, latency: 0 };
    for (const r of days ?? []) {
      t.calls += r.calls;
      t.refused += r.refused;
      t.records += r.records;
      t.latency += r.avgLatencyMs * r.calls;
    }
    return { ...t, avgLatency: t.calls === 0 ? 0 : t.latency / t.calls };
  }, [days]);

  /** A total, or — when the figures could not be read (not a misleading 0). */
  const shown = (n: number): number | string => (byDay.failed ? '—' : n);
  const daily = useMemo(() => dailyOption(range, days ?? []), [range, days]);

  function reload() {
    byDay.reload();
    byConsumer.reload();
    byResource.reload();
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="调用统计"
        extra={
          <Space>
            <DatePicker.RangePicker
              allowClear={false}
              value={range}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              presets={[
                { label: '近 7 天', value: [dayjs().subtract(6, 'day'), dayjs()] },
                { label: '近 30 天', value: [dayjs().subtract(29, 'day'), dayjs()] },
                { label: '本月', value: [dayjs().startOf('month'), dayjs()] },
                { label: '近 90 天', value: [dayjs().subtract(89, 'day'), dayjs()] },
              ]}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          共享接口的每次调用都记入调用日志（调用方、资源、用途、结果数、状态、耗时，不含返回的数据本身）。“拒绝”包括签名无效、未授权、超过限流或日配额等被拒绝的调用。
        </Typography.Paragraph>
        <Row gutter={24}>
          <Col span={5}>
            <Statistic title="调用次数" value={shown(totals.calls)} loading={loading} formatter={count} />
          </Col>
          <Col span={5}>
            <Statistic title="成功" value={shown(totals.calls - totals.refused)} loading={loading} styles={{ content: { color: OK_COLOR } }} formatter={count} />
          </Col>
          <Col span={5}>
            <Statistic
              title="拒绝"
              value={shown(totals.refused)}
              loading={loading}
              styles={{ content: { color: totals.refused > 0 ? REFUSED_COLOR : undefined } }}
              formatter={count}
              suffix={totals.calls > 0 ? <Typography.Text type="secondary" style={{ fontSize: 14 }}>（{formatRate(totals.refused / totals.calls)}）</Typography.Text> : undefined}
            />
          </Col>
          <Col span={5}>
            <Statistic title="返回记录" value={shown(totals.records)} loading={loading} formatter={count} />
          </Col>
          <Col span={4}>
            <Statistic title="平均耗时" value={byDay.failed ? '—' : totals.avgLatency.toFixed(1)} suffix="ms" loading={loading} />
          </Col>
        </Row>
      </Card>
      {loading ? (
        <Spin style={{ display: 'block', marginTop: 40 }} />
      ) : totals.calls === 0 ? (
        <Card>
          <Empty description={byDay.failed ? '调用统计读取失败，请刷新重试' : '所选期间没有调用记录'} />
        </Card>
      ) : (
        <>
          <Card title="每日调用" size="small">
            <EChart label="每日调用次数" option={daily} height={280} />
          </Card>
          <Card size="small" styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={[
                { key: 'consumer', label: '按调用方', children: <Breakdown title="调用方" rows={byConsumer.data?.items ?? []} /> },
                { key: 'resource', label: '按资源', children: <Breakdown title="资源" rows={byResource.data?.items ?? []} /> },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
