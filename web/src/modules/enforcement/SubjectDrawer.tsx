import { Alert, Button, Descriptions, Drawer, Skeleton, Table, Tag, Typography } from 'antd';
import type { EnforcementSubjectDetail } from '../../api/types';
import { useGet } from '../../api/useGet';
import { subjectKindColors } from './labels';

/** A subject: its basis, the power-list items it may exercise, its 委托书 and who acts under its own. */
export function SubjectDrawer({ id, orgName, onEdit, onClose }: { id: number; orgName: (id: number) => string; onEdit?: (s: EnforcementSubjectDetail) => void; onClose: () => void }) {
  const { data: s } = useGet<EnforcementSubjectDetail>(`/enforcement/subjects/${id}`);
  return (
    <Drawer
      open
      size={680}
      title={s ? orgName(s.orgId) : '执法主体'}
      onClose={onClose}
      extra={s && onEdit && <Button onClick={() => onEdit(s)}>编辑</Button>}
    >
      {!s ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="主体类别">
              <Tag color={subjectKindColors[s.kind]}>{s.kind}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="职权依据">{s.legalBasis || <Typography.Text type="secondary">未填写</Typography.Text>}</Descriptions.Item>
            <Descriptions.Item label="执法领域">{s.domainLabels.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="在岗执法人员">{s.officerCount} 人</Descriptions.Item>
            {s.entrusted.length > 0 && <Descriptions.Item label="受其委托的组织">{s.entrusted.map((e) => orgName(e.orgId)).join('、')}</Descriptions.Item>}
          </Descriptions>
          {s.entrustment && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                委托书
              </Typography.Title>
              {!s.entrustment.publishedOn && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title="委托书尚未向社会公布：公布前不能以委托名义执法（行政处罚法第二十条第二款）" />}
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="委托机关">{orgName(s.entrustment.entrusting.orgId)}</Descriptions.Item>
                <Descriptions.Item label="文号">{s.entrustment.documentNo}</Descriptions.Item>
                <Descriptions.Item label="委托期限">
                  {s.entrustment.from} 至 {s.entrustment.to}
                </Descriptions.Item>
                <Descriptions.Item label="公布日期">{s.entrustment.publishedOn ?? '未公布'}</Descriptions.Item>
                <Descriptions.Item label="委托事项与权限">{s.entrustment.matters}</Descriptions.Item>
              </Descriptions>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {s.entrustment ? '委托实施的执法事项' : '可实施的执法事项'}（{s.items.length}）
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            dataSource={s.items}
            pagination={s.items.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: '事项编码', dataIndex: 'code', width: 140, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
              { title: '事项名称', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kind', width: 100 },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
