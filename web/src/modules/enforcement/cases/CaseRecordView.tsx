import { Descriptions, Table, Tag, Typography } from 'antd';
import { formatYuan } from './labels';
import type { CaseAct, StoredRecord } from './types';

const none = <Typography.Text type="secondary">暂无</Typography.Text>;

/** 案件记录, read only: 承办人员, 调查取证, 告知书 and 决定书 as recorded. */
export function CaseRecordView({ record, nameOf, penaltyLabel }: { record: StoredRecord; nameOf: (id: number) => string; penaltyLabel: (code: string) => string }) {
  const names = (ids: number[]) => (ids.length ? ids.map(nameOf).join('、') : '—');
  const penalty = (p: { kinds: string[]; fine?: number | null }) => `${p.kinds.map(penaltyLabel).join('、') || '—'}${p.fine === null || p.fine === undefined ? '' : `，罚款 ${formatYuan(p.fine)}`}`;
  const { notice, decision } = record;
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="承办人员">{record.officerIds.length ? names(record.officerIds) : none}</Descriptions.Item>
        <Descriptions.Item label="告知书">
          {notice ? (
            <>
              {notice.servedDate} 送达，陈述申辩期限至 {notice.statementDeadline}；拟{penalty(notice.proposed)}
              {notice.includesHearingRight && <Tag style={{ marginLeft: 8 }}>已告知听证权利</Tag>}
            </>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label="决定书">
          {decision ? (
            <>
              {decision.date}：{penalty(decision.penalty)}
              {decision.benchmarkLevel && <Tag style={{ marginLeft: 8 }}>裁量基准：{decision.benchmarkLevel}</Tag>}
            </>
          ) : (
            none
          )}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
        调查取证
      </Typography.Text>
      <Table<CaseAct & { n: number }>
        rowKey="n"
        size="small"
        pagination={false}
        dataSource={record.acts.map((a, n) => ({ ...a, n }))}
        locale={{ emptyText: '暂无调查取证记录' }}
        columns={[
          { title: '种类', dataIndex: 'kind', width: 100 },
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '执法人员', dataIndex: 'officerIds', render: (_, a) => names(a.officerIds) },
          { title: '笔录', dataIndex: 'recordAttached', width: 70, render: (_, a) => (a.recordAttached ? '附' : '无') },
          { title: '说明', dataIndex: 'note', ellipsis: true },
        ]}
      />
    </>
  );
}
