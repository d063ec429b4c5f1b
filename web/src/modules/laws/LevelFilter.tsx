import { Menu, Skeleton, Typography } from 'antd';
import type { LawLevelCount } from '../../api/types';
import { formatCount } from '../../app/format';

/** The level a filter value stands for: a level, 'unknown' (not recognised), or all. */
export type LevelFilterValue = LawLevelCount['level'] | 'unknown' | undefined;

const keyOf = (l: LawLevelCount['level']) => l ?? 'unknown';

/** 效力层级 with the number of versions of each: picking one narrows the list. */
export function LevelFilter({ levels, value, onChange }: { levels: LawLevelCount[] | undefined; value: string | undefined; onChange: (level: string | undefined) => void }) {
  if (!levels) return <Skeleton active paragraph={{ rows: 5 }} title={false} />;
  const total = levels.reduce((s, l) => s + l.count, 0);
  const entry = (key: string, label: string, count: number) => ({
    key,
    label,
    extra: <Typography.Text type="secondary">{formatCount(count)}</Typography.Text>,
  });
  return (
    <nav aria-label="效力层级">
      <Menu
        mode="inline"
        style={{ borderInlineEnd: 'none' }}
        selectedKeys={[value ?? 'all']}
        onClick={({ key }) => onChange(key === 'all' ? undefined : key)}
        items={[entry('all', '全部', total), ...levels.map((l) => entry(keyOf(l.level), l.label, l.count))]}
      />
    </nav>
  );
}
