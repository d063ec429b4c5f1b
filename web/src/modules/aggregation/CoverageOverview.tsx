import { Card, Col, Row, Statistic, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { Coverage, CoverageOrg, CoverageRow } from '../../api/types';
import { formatCount, formatDateTime, formatRate } from '../../app/format';
import { BatchDrawer } from './BatchDrawer';
import { orgLabel } from './labels';
import { RateBar } from './RateBar';

function totals(c: Coverage) {
  const held = c.orgs.reduce((n, o) => n + o.held, 0);
  const expected = c.orgs.reduce((n, o) => n + o.expected, 0);
  return {
    obligations: c.rows.length,
    stale: c.rows.filter((r) => r.stale).length,
    rate: expected > 0 ? held / expected : null,
  };
}

/** 归集情况: headline numbers, 归集率 per org, and every obligation with its last delivery. */
export function CoverageOverview(props: { coverage: Coverage | undefined; loading: boolean; sourceCount: number; orgName: (id: number) => string | undefined }) {
  const { coverage, loading, sourceCount, orgName } = props;
  const [batchId, setBatchId] = useState<string>();
  const t = coverage ? totals(coverage) : undefined;
  // What needs chasing first: stale obligations, then the lowest 归集率.
  const rows = [...(coverage?.rows ?? [])].sort((a, b) => Number(b.stale) - Number(a.stale) || (a.rate ?? 2) - (b.rate ?? 2));

  const orgColumns: TableColumnsType<CoverageOrg> = [
    { title: '机构', dataIndex: 'orgId', render: (_, o) => orgLabel(o.orgId, orgName) },
    { title: '归集责任', dataIndex: 'obligations', width: 90, align: 'right' },
    {
      title: '超期未归集',
      dataIndex: 'stale',
      width: 100,
      align: 'right',
      render: (_, o) => (o.stale > 0 ? <Typography.Text type="danger">{o.stale}</Typography.Text> : 0),
    },
    { title: '已归集 / 应归集', dataIndex: 'held', width: 150, align: 'right', render: (_, o) => `${formatCount(o.held)} / ${formatCount(o.expected)}` },
    { title: '归集率', dataIndex: 'rate', width: 220, render: (_, o) => <RateBar rate={o.rate} width={160} missing="—" /> },
  ];

  const rowColumns: TableColumnsType<CoverageRow> = [
    {
      title: '来源系统',
      dataIndex: 'sourceName',
      width: 220,
      render: (_, r) => (
        <>
          {r.sourceName}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.sourceCode} · {orgLabel(r.orgId, orgName)}
          </Typography.Text>
        </>
      ),
    },
    { title: '标准库', dataIndex: 'libraryName', width: 120 },
    { title: '更新周期', dataIndex: 'cycleLabel', width: 86 },
    { title: '应归集记录数', dataIndex: 'expectedRecords', width: 110, align: 'right', render: (_, r) => formatCount(r.expectedRecords) },
    { title: '已归集', dataIndex: 'heldRecords', width: 90, align: 'right', render: (_, r) => formatCount(r.heldRecords) },
    { title: '归集率', dataIndex: 'rate', width: 190, render: (_, r) => <RateBar rate={r.rate} /> },
    {
      title: '最近归集时间',
      dataIndex: 'lastDeliveryAt',
      width: 170,
      render: (_, r) =>
        r.lastBatchId ? (
          <Tooltip title="查看该批次">
            <Typography.Link onClick={() => setBatchId(r.lastBatchId ?? undefined)}>{formatDateTime(r.lastDeliveryAt)}</Typography.Link>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">从未归集</Typography.Text>
        ),
    },
    {
      title: '状态',
      dataIndex: 'stale',
      width: 110,
      fixed: 'right',
      render: (_, r) =>
        r.stale ? (
          <Tooltip title={`${r.cycleLabel}更新的数据超过一个周期未归集`}>
            <Tag color="red">超期未归集</Tag>
          </Tooltip>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
  ];

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          { title: '来源系统数', value: t ? sourceCount : '—', suffix: '个' },
          { title: '归集责任数', value: t?.obligations ?? '—', suffix: '项' },
          { title: '超期未归集', value: t?.stale ?? '—', suffix: '项', danger: (t?.stale ?? 0) > 0 },
          { title: '总体归集率', value: t ? formatRate(t.rate) : '—' },
        ].map((s) => (
          <Col key={s.title} xs={12} lg={6}>
            <Card size="small" loading={loading && !coverage}>
              <Statistic title={s.title} value={s.value} suffix={s.value === '—' ? undefined : s.suffix} styles={{ content: s.danger ? { color: '#cf1322' } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title="各机构归集率" style={{ marginBottom: 16 }}>
        <Table<CoverageOrg>
          rowKey={(o) => String(o.orgId)}
          size="small"
          columns={orgColumns}
          dataSource={coverage?.orgs ?? []}
          loading={loading}
          pagination={false}
          locale={{ emptyText: '暂无归集责任：请先在“来源系统”中登记来源系统及其负责的标准库' }}
        />
      </Card>
      <Card
        size="small"
        title="各来源系统归集情况"
        extra={coverage && <Typography.Text type="secondary">统计时间 {formatDateTime(coverage.generatedAt)}</Typography.Text>}
      >
        <Table<CoverageRow>
          rowKey={(r) => `${r.sourceId}:${r.libraryId}`}
          size="small"
          columns={rowColumns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: '暂无归集责任' }}
        />
      </Card>
      {batchId && <BatchDrawer key={batchId} batchId={batchId} onClose={() => setBatchId(undefined)} />}
    </>
  );
}
