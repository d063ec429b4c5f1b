import { Tag } from 'antd';
import type { EnforcementOfficer, SubjectKind } from '../../api/types';

export const subjectKindOptions: { value: SubjectKind; label: string }[] = ['法定行政机关', '法律法规授权组织', '受委托组织'].map((k) => ({ value: k as SubjectKind, label: k }));
export const subjectKindColors: Record<SubjectKind, string> = { 法定行政机关: 'blue', 法律法规授权组织: 'cyan', 受委托组织: 'purple' };

/** Within this many days an officer's valid certificate is shown as 即将到期 (the list's default filter too). */
export const EXPIRING_DAYS = 30;

/** 有效 / 即将到期 / 已过期 / 暂扣 / 注销 / 未生效, from the server's standing of today. */
export function StandingTag({ o }: { o: Pick<EnforcementOfficer, 'standing' | 'standingLabel' | 'standingReason' | 'daysToExpiry'> }) {
  if (o.standing === 'valid' && o.daysToExpiry <= EXPIRING_DAYS) {
    return (
      <Tag color="orange" title={o.standingReason}>
        即将到期（{o.daysToExpiry} 天）
      </Tag>
    );
  }
  const color = { valid: 'green', expired: 'red', suspended: 'volcano', revoked: 'default', 'not-yet-valid': 'gold' }[o.standing];
  return (
    <Tag color={color} title={o.standingReason}>
      {o.standingLabel}
    </Tag>
  );
}

export const standingOptions = [
  { value: 'valid', label: '有效' },
  { value: 'expiring', label: `即将到期（${EXPIRING_DAYS} 天内）` },
  { value: 'expired', label: '已过期' },
  { value: 'suspended', label: '暂扣' },
  { value: 'revoked', label: '注销' },
  { value: 'not-yet-valid', label: '未生效' },
];
