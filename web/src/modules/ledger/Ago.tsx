import { Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../app/format';

/** "2 秒前", "5 分钟前", "3 天前"; older than a month, the date. */
export function ago(at: string, now: number): string {
  const s = Math.max(0, Math.floor((now - new Date(at).getTime()) / 1000));
  if (s < 1) return '刚刚';
  if (s < 60) return `${s} 秒前`;
  if (s < 3600) return `${Math.floor(s / 60)} 分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)} 小时前`;
  if (s < 30 * 86400) return `${Math.floor(s / 86400)} 天前`;
  return formatDateTime(at).slice(0, 10);
}

/** A time as how long ago it was, kept current; the exact time on hover. */
export function Ago({ at }: { at: string }) {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <Tooltip title={formatDateTime(at)}>
      <span>{ago(at, now)}</span>
    </Tooltip>
  );
}
