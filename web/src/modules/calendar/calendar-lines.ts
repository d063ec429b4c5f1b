import dayjs from 'dayjs';
import type { CalendarDay } from '../../api/types';

/**
 * The year form takes the State Council's holiday notice as lines `2026-10-01 休 国庆节` /
 * `2026-10-10 班 国庆节调休`: quicker to type from the notice than a row editor.
 */
export function formatDayLines(days: CalendarDay[]): string {
  return days.map((d) => `${d.date} ${d.kind === 'holiday' ? '休' : '班'} ${d.name}`).join('\n');
}

export function parseDayLines(text: string, year: number): { days: CalendarDay[]; errors: string[] } {
  const days: CalendarDay[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [date = '', mark = '', ...rest] = line.split(/\s+/);
    const parsed = dayjs(date);
    const problem = !/^\d{4}-\d{2}-\d{2}$/.test(date) || parsed.format('YYYY-MM-DD') !== date
      ? '日期格式应为 YYYY-MM-DD'
      : Math.abs(parsed.year() - year) > 1
        ? `日期应在 ${year} 年或相邻年份（通知有时列出跨年的日期）`
        : mark !== '休' && mark !== '班'
          ? '第二列应为“休”或“班”'
          : rest.length === 0
            ? '缺少名称'
            : seen.has(date)
              ? '日期重复'
              : undefined;
    if (problem) {
      errors.push(`第 ${i + 1} 行：${problem}`);
      return;
    }
    seen.add(date);
    days.push({ date, kind: mark === '休' ? 'holiday' : 'workday', name: rest.join(' ') });
  });
  return { days, errors };
}
