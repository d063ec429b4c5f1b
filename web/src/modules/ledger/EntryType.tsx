import { Typography } from 'antd';
import { entryTypeLabel } from './labels';

/** An entry's type in words, and the code it is stored under beside it in grey. */
export function EntryType({ type }: { type: string | null }) {
  const label = entryTypeLabel(type);
  return (
    <span>
      {label}
      {type !== null && label !== type && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12, fontFamily: 'monospace' }}>
          {type}
        </Typography.Text>
      )}
    </span>
  );
}
