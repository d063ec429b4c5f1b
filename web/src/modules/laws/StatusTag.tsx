import { Tag } from 'antd';
import type { LawStatus } from '../../api/types';
import { lawStatusTags } from './labels';

export function LawStatusTag({ status }: { status: LawStatus }) {
  const tag = lawStatusTags[status];
  return (
    <Tag color={tag.color} style={{ marginInlineEnd: 0 }}>
      {tag.label}
    </Tag>
  );
}
