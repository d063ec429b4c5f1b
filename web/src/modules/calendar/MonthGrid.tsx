import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from '../../api/types';

const weekdayHeads = ['一', '二', '三', '四', '五', '六', '日'];

function cellStyle(day: CalendarDay | undefined, weekend: boolean): React.CSSProperties {
  const base: React.CSSProperties = { position: 'relative', textAlign: 'center', lineHeight: '28px', borderRadius: 4, fontSize: 13 };
  if (day?.kind === 'holiday') return { ...base, background: '#fff1f0', color: '#cf1322', fontWeight: 600 };
  if (day?.kind === 'workday') return { ...base, background: '#f0f5ff', color: '#1d39c4' };
  return { ...base, color: weekend ? '#bfbfbf' : undefined };
}

/** One month, Monday first: holidays in red, 调休 make-up workdays marked 班. */
export function MonthGrid({ year, month, days }: { year: number; month: number; days: Map<string, CalendarDay> }) {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const cells: (dayjs.Dayjs | undefined)[] = [...Array<undefined>(lead), ...Array.from({ length: first.daysInMonth() }, (_, i) => first.date(i + 1))];

  return (
    <div style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 12 }}>
      <div style={{ fontWeight: 600, marginBottom: 8 }}>{month + 1}月</div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {weekdayHeads.map((h) => (
          <div key={h} style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
            {h}
          </div>
        ))}
        {cells.map((date, i) => {
          if (!date) return <div key={`lead-${i}`} />;
          const key = date.format('YYYY-MM-DD');
          const day = days.get(key);
          const cell = (
            <div key={key} style={cellStyle(day, date.day() === 0 || date.day() === 6)} data-date={key} data-kind={day?.kind}>
              {date.date()}
              {day?.kind === 'workday' && <sup style={{ position: 'absolute', top: 2, right: 2, fontSize: 10, lineHeight: 1 }}>班</sup>}
            </div>
          );
          return day ? (
            <Tooltip key={key} title={`${day.name}（${day.kind === 'holiday' ? '放假' : '调休上班'}）`}>
              {cell}
            </Tooltip>
          ) : (
            cell
          );
        })}
      </div>
    </div>
  );
}
