import { Descriptions, Drawer, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { EnforcementOfficerDetail } from '../../api/types';
import { useGet } from '../../api/useGet';
import { formatDateTime } from '../../app/format';
import { StandingTag } from './labels';

const EVENT_COLORS: Record<string, string> = { 发证: 'green', 变更: 'blue', 暂扣: 'orange', 注销: 'gray', 恢复: 'green' };

/** An officer with the 执法证 history: every issue, change of term and status change. */
export function OfficerDrawer({ id, orgName, onClose }: { id: number; orgName: (id: number) => string; onClose: () => void }) {
  const { data: o } = useGet<EnforcementOfficerDetail>(`/enforcement/officers/${id}`);
  return (
    <Drawer open size={560} title={o ? `${o.name}（${o.certificateNo}）` : '执法人员'} onClose={onClose}>
      {!o ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="证件效力">
              <StandingTag o={o} /> <Typography.Text type="secondary">{o.standingReason}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="公民身份号码">{o.idNumber}</Descriptions.Item>
            <Descriptions.Item label="所属机构">{orgName(o.orgId)}</Descriptions.Item>
            <Descriptions.Item label="执法证号">{o.certificateNo}</Descriptions.Item>
            <Descriptions.Item label="有效期">
              {o.issuedOn} 至 {o.expiresOn}
            </Descriptions.Item>
            <Descriptions.Item label="执法领域">{o.domainLabels.map((d) => <Tag key={d}>{d}</Tag>)}</Descriptions.Item>
            <Descriptions.Item label="法律职业资格">{o.legalQualification ? '有' : '无'}</Descriptions.Item>
            {o.status !== '在岗' && (
              <Descriptions.Item label={`${o.status}原因`}>
                {o.statusReason}（自 {o.statusOn}）
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            执法证历史
          </Typography.Title>
          <Timeline
            items={o.history.map((h) => ({
              color: EVENT_COLORS[h.kind],
              content: (
                <>
                  <Typography.Text strong>{h.kind}</Typography.Text> {h.effectiveOn}
                  <div>
                    <Typography.Text type="secondary">
                      {h.certificateNo}，有效期 {h.issuedOn} 至 {h.expiresOn}
                      {h.reason && `；原因：${h.reason}`}；记录于 {formatDateTime(h.at)}
                    </Typography.Text>
                  </div>
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
