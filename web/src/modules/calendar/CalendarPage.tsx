import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { CalendarYear, CalendarYearDetail, Page } from '../../api/types';
import { useAuth } from '../../app/auth';
import { useApiError } from '../../app/useApiError';
import { CalendarYearModal } from './CalendarYearModal';
import { MonthGrid } from './MonthGrid';

/** 工作日历: holidays and 调休 workdays per year, which statutory working-day periods count on. */
export default function CalendarPage() {
  const { can } = useAuth();
  const report = useApiError();
  const [years, setYears] = useState<CalendarYear[]>([]);
  const [year, setYear] = useState(dayjs().year());
  const [detail, setDetail] = useState<CalendarYearDetail>();
  const [loading, setLoading] = useState(false);
  const [modal, setModal] = useState<'create' | 'edit'>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    api
      .get<Page<CalendarYear>>('/calendar/years', { page: 1, pageSize: 100 })
      .then((r) => setYears(r.items))
      .catch(report);
  }, [version, report]);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .get<CalendarYearDetail>(`/calendar/years/${year}`)
      .then((r) => current && setDetail(r))
      .catch((e: unknown) => {
        if (!current) return;
        setDetail(undefined);
        if (!(e instanceof ApiError && e.status === 404)) report(e);
      })
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [year, version, report]);

  const days = useMemo(() => new Map((detail?.days ?? []).map((d) => [d.date, d])), [detail]);
  const summary = years.find((y) => y.year === year);
  const editable = can('calendar:edit');

  return (
    <Card
      title="工作日历"
      extra={
        <Space>
          <DatePicker picker="year" allowClear={false} value={dayjs(new Date(year, 0, 1))} onChange={(d) => d && setYear(d.year())} />
          {editable && detail && (
            <Button icon={<EditOutlined />} onClick={() => setModal('edit')}>
              编辑本年
            </Button>
          )}
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('create')}>
              新增年度
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ display: 'flex', marginBottom: 12 }}>
        <Typography.Text type="secondary">已维护年度：</Typography.Text>
        {years.length === 0 && <Typography.Text type="secondary">无</Typography.Text>}
        {years.map((y) => (
          <Tag.CheckableTag key={y.year} checked={y.year === year} onChange={() => setYear(y.year)}>
            {y.year}
          </Tag.CheckableTag>
        ))}
        {summary && (
          <Typography.Text type="secondary">
            {year} 年：放假 {summary.holidays} 天，调休上班 {summary.workdays} 天；依据 {[summary.source, ...summary.amendedBy].join('、')}
            {summary.origin === 'builtin' ? '（内置）' : `（${summary.enteredBy ?? '管理员'}录入，第 ${summary.version ?? 1} 版）`}
          </Typography.Text>
        )}
      </Space>
      <Space style={{ display: 'flex', marginBottom: 12 }}>
        <Tag color="red">休</Tag>法定节假日
        <Tag color="geekblue">班</Tag>调休上班
      </Space>
      <Spin spinning={loading}>
        {detail ? (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', gap: 12 }}>
            {Array.from({ length: 12 }, (_, m) => (
              <MonthGrid key={m} year={year} month={m} days={days} />
            ))}
          </div>
        ) : (
          <Empty description={`${year} 年的工作日历尚未维护`} />
        )}
      </Spin>
      {modal && (
        <CalendarYearModal
          existing={modal === 'edit' ? detail : undefined}
          defaultYear={Math.max(year, ...years.map((y) => y.year + 1))}
          onClose={() => setModal(undefined)}
          onSaved={(saved) => {
            setModal(undefined);
            setYear(saved);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </Card>
  );
}
