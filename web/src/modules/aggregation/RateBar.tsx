import { Progress, Tooltip, Typography } from 'antd';
import { formatRate } from '../../app/format';

/**
 * 归集率 as a bar: green from 95%, blue from 80%, red below; words when nothing was declared.
 * The percentage sits in a fixed-width slot so bars in a column are all the same length.
 */
export function RateBar({ rate, width = 120, missing = '未申报应归集数' }: { rate: number | null; width?: number; missing?: string }) {
  if (rate === null) {
    return (
      <Tooltip title="来源系统未申报应归集记录数，无法计算归集率">
        <Typography.Text type="secondary">{missing}</Typography.Text>
      </Tooltip>
    );
  }
  const color = rate >= 0.95 ? '#52c41a' : rate >= 0.8 ? undefined : '#cf1322';
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Progress percent={rate * 100} showInfo={false} size="small" strokeColor={color} style={{ width, margin: 0 }} />
      <Typography.Text style={{ width: 48, textAlign: 'right', fontSize: 13, color }}>{formatRate(rate)}</Typography.Text>
    </span>
  );
}
