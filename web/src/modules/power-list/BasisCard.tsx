import { Alert, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { PowerBasis } from '../../api/types';
import { statuteFont } from '../laws/ArticleBody';
import { elementHref } from '../laws/ids';
import { LawStatusTag } from '../laws/StatusTag';
import { basisRoleLabels } from './labels';

/**
 * A legal basis as a reader checks it: the citation (a link to the article in the library), the
 * status of its law version, and its words — a 项 after the opening words of its 款, which it
 * means little without.
 */
export function BasisCard({ basis }: { basis: PowerBasis }) {
  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '10px 14px' }}>
      <Space wrap size={8} style={{ marginBottom: 6 }}>
        <Tag color={basis.role === 'penalty' ? 'volcano' : 'blue'}>{basisRoleLabels[basis.role]}</Tag>
        {basis.exists ? <Link to={elementHref(basis.elementId)}>{basis.citation}</Link> : <Typography.Text>{basis.citation}</Typography.Text>}
        {basis.law && <LawStatusTag status={basis.law.status} />}
      </Space>
      {!basis.exists ? (
        <Alert type="error" showIcon title="法规库中已没有该条文" description={`条文编号 ${basis.elementId}：请重新导入该法规，或改引其他条文。`} />
      ) : (
        <div style={{ ...statuteFont, fontSize: 14, lineHeight: 1.8 }}>
          {basis.leadIn && <Typography.Paragraph type="secondary" style={{ margin: 0, fontFamily: 'inherit' }}>{basis.leadIn}</Typography.Paragraph>}
          {basis.text.split('\n').map((line, i) => (
            <p key={i} style={{ margin: 0, paddingInlineStart: basis.leadIn ? '2em' : 0 }}>
              {line}
            </p>
          ))}
        </div>
      )}
      {basis.law && basis.law.status !== 'in-force' && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4, fontSize: 12 }}>
          所引版本（{basis.law.versionDate ?? '未注明日期'}）{basis.law.statusLabel}，请核对是否应改引现行版本
        </Typography.Text>
      )}
    </div>
  );
}
