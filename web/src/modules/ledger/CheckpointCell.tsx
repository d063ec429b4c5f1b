import { Typography } from 'antd';
import { formatCount } from '../../app/format';
import { Ago } from './Ago';

/** The latest signed checkpoint of a log in words: 第 1,234 条（2 秒前）. */
export function CheckpointCell({ size, at }: { size: number | null; at: string | null }) {
  if (size === null || at === null) return <Typography.Text type="secondary">尚未签发</Typography.Text>;
  return (
    <span>
      第 {formatCount(size)} 条（<Ago at={at} />）
    </span>
  );
}
