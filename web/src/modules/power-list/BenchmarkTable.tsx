import { Table, Tag, Typography } from 'antd';
import type { PowerBenchmark } from '../../api/types';
import { benchmarkLevelColors, fineRange } from './labels';

/** 裁量基准: the tiers by severity, each with its circumstances, kinds of penalty and fine. */
export function BenchmarkTable({ tiers }: { tiers: PowerBenchmark[] }) {
  return (
    <Table<PowerBenchmark>
      rowKey="level"
      size="small"
      pagination={false}
      dataSource={tiers}
      locale={{ emptyText: '未设裁量基准' }}
      columns={[
        { title: '阶次', dataIndex: 'level', width: 72, render: (_, t) => <Tag color={benchmarkLevelColors[t.level]}>{t.level}</Tag> },
        { title: '情形', dataIndex: 'circumstances', render: (_, t) => t.circumstances || <Typography.Text type="secondary">—</Typography.Text> },
        {
          title: '处罚种类',
          dataIndex: 'penalties',
          width: 150,
          render: (_, t) =>
            t.penaltyLabels.length === 0 ? (
              <Typography.Text type="secondary">不予处罚</Typography.Text>
            ) : (
              t.penaltyLabels.map((l) => (
                <Tag key={l} style={{ marginBottom: 2 }}>
                  {l}
                </Tag>
              ))
            ),
        },
        { title: '罚款', key: 'fine', width: 140, render: (_, t) => fineRange(t.amountMin, t.amountMax) },
        { title: '说明', dataIndex: 'note', width: 180, render: (_, t) => t.note || <Typography.Text type="secondary">—</Typography.Text> },
      ]}
    />
  );
}
