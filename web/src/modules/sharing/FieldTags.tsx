import { Space, Tag, Tooltip } from 'antd';
import type { ShareResource } from '../../api/types';

/**
 * Fields by their 数据元 names. A field the resource masks (ID numbers, phones) says how it goes
 * out: 脱敏 unless `plain` holds it (明文, in red: the grant hands out the full value).
 */
export function FieldTags({ fields, resource, plain }: { fields: readonly string[]; resource: ShareResource | undefined; plain?: readonly string[] }) {
  return (
    <Space size={[0, 4]} wrap>
      {fields.map((id) => {
        const f = resource?.fields.find((x) => x.id === id);
        const isPlain = plain?.includes(id) ?? false;
        const note = f?.masked ? (isPlain ? '明文' : '脱敏') : null;
        return (
          <Tooltip key={id} title={`字段标识 ${id}`}>
            <Tag color={note === '明文' ? 'red' : undefined} style={{ marginInlineEnd: 4 }}>
              {f?.name ?? id}
              {note && <span style={{ opacity: 0.7 }}>（{note}）</span>}
            </Tag>
          </Tooltip>
        );
      })}
    </Space>
  );
}
