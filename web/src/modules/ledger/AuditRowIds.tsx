import { Tag, Typography } from 'antd';
import { formatCount } from '../../app/format';

const SHOWN = 50;

/** Audit rows (by id, as 审计日志 lists them) that no longer match what was anchored. */
export function AuditRowIds({ label, ids }: { label: string; ids: number[] }) {
  return (
    <div>
      <Typography.Text strong>
        {label}（{formatCount(ids.length)} 条）：
      </Typography.Text>
      <div style={{ marginTop: 4 }}>
        {ids.slice(0, SHOWN).map((id) => (
          <Tag key={id} color="error" style={{ marginBottom: 4 }}>
            #{id}
          </Tag>
        ))}
        {ids.length > SHOWN && <Typography.Text type="secondary">等 {formatCount(ids.length)} 条</Typography.Text>}
      </div>
    </div>
  );
}
