import { Card, DatePicker, Empty, Form, Input, List, Pagination, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { LawLevel, LawSearchHit, LawStatus, Page } from '../../api/types';
import { formatCount, formatDate } from '../../app/format';
import { elementHref, lawHref } from './ids';
import { lawLevelLabels, lawLevelOptions, lawStatusOptions } from './labels';
import { Marked } from './Marked';
import { LawStatusTag } from './StatusTag';
import { useGet } from '../../api/useGet';

const DAY = 'YYYY-MM-DD';
const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

function Hit({ hit }: { hit: LawSearchHit }) {
  const href = hit.kind === 'title' ? lawHref(hit.lawId) : elementHref(hit.id);
  return (
    <List.Item style={{ display: 'block' }}>
      <Space wrap size={8} style={{ marginBottom: 4 }}>
        <Link to={href} style={{ fontSize: 15, fontWeight: 600 }}>
          {hit.lawTitle}
          {hit.label && ` ${hit.label}`}
        </Link>
        <LawStatusTag status={hit.status} />
        {hit.level && <Tag>{lawLevelLabels[hit.level]}</Tag>}
        {hit.kind === 'title' && <Tag color="blue">标题命中</Tag>}
        {hit.effectiveDate && <Typography.Text type="secondary">施行 {formatDate(hit.effectiveDate)}</Typography.Text>}
      </Space>
      <Typography.Paragraph style={{ margin: 0, color: 'rgba(0,0,0,0.75)' }}>
        <Marked text={hit.snippet} marks={hit.marks} />
      </Typography.Paragraph>
    </List.Item>
  );
}

/**
 * 法规检索: full-text search over titles and articles — a single character finds (罚), several
 * words separated by spaces must all appear — narrowed by level, status, a day the version was in
 * force on and an effective-date range; hits show their snippet with the words highlighted.
 * Everything lives in the address, so a search can be shared and Back returns to it.
 */
export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const levels = list(params.get('level')) as LawLevel[];
  const statuses = list(params.get('status')) as LawStatus[];
  const inForceOn = params.get('inForceOn') ?? undefined;
  const effectiveFrom = params.get('effectiveFrom') ?? undefined;
  const effectiveTo = params.get('effectiveTo') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const [typed, setTyped] = useState(q);
  // Back and forward change the address: the box follows it.
  useEffect(() => {
    setTyped(q);
  }, [q]);
  // Braces matter: Chromium's scrollTo returns a promise, which React would take for a cleanup.
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [page]);

  const query = {
    q,
    level: levels.join(',') || undefined,
    status: statuses.join(',') || undefined,
    inForceOn,
    effectiveFrom,
    effectiveTo,
    kind,
    page,
    pageSize,
  };
  const { data, failed } = useGet<Page<LawSearchHit> & { totalIsEstimate: boolean }>(q ? '/laws/search' : undefined, query);
  const loading = Boolean(q) && !data && !failed;

  /** A changed filter starts again at page 1. */
  function change(next: Record<string, string | undefined>, keepPage = false) {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined || v === '') merged.delete(k);
      else merged.set(k, v);
    }
    if (!keepPage) merged.delete('page');
    setParams(merged);
  }

  return (
    <Card title="法规检索">
      <Form name="lawSearch" layout="vertical">
        <Form.Item htmlFor="lawQuery" style={{ marginBottom: 12 }}>
          <Input.Search
            id="lawQuery"
            size="large"
            enterButton="检索"
            allowClear
            value={typed}
            maxLength={100}
            placeholder="输入字、词或短语，如 罚款；多个词用空格分开，须同时出现"
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => change({ q: v.trim() || undefined })}
          />
        </Form.Item>
        <Space wrap size={[16, 8]} style={{ marginBottom: 8 }}>
          <Space size={6}>
            <label htmlFor="searchLevel">效力层级</label>
            <Select<LawLevel[]>
              id="searchLevel"
              mode="multiple"
              allowClear
              placeholder="全部"
              value={levels}
              options={lawLevelOptions}
              maxTagCount="responsive"
              style={{ width: 240 }}
              onChange={(v) => change({ level: v.join(',') || undefined })}
            />
          </Space>
          <Space size={6}>
            <label htmlFor="searchStatus">时效性</label>
            <Select<LawStatus[]>
              id="searchStatus"
              mode="multiple"
              allowClear
              placeholder="全部"
              value={statuses}
              options={lawStatusOptions}
              maxTagCount="responsive"
              style={{ width: 200 }}
              onChange={(v) => change({ status: v.join(',') || undefined })}
            />
          </Space>
          <Space size={6}>
            <label htmlFor="searchInForce">在某日有效</label>
            <DatePicker id="searchInForce" value={inForceOn ? dayjs(inForceOn) : null} placeholder="选择日期" onChange={(d) => change({ inForceOn: d ? d.format(DAY) : undefined })} />
          </Space>
          <Space size={6}>
            <label htmlFor="searchEffective">施行日期</label>
            <DatePicker.RangePicker
              id={{ start: 'searchEffective' }}
              allowEmpty={[true, true]}
              value={[effectiveFrom ? dayjs(effectiveFrom) : null, effectiveTo ? dayjs(effectiveTo) : null]}
              onChange={(r) => change({ effectiveFrom: r?.[0]?.format(DAY), effectiveTo: r?.[1]?.format(DAY) })}
            />
          </Space>
          <Space size={6}>
            <label htmlFor="searchKind">范围</label>
            <Select
              id="searchKind"
              value={kind ?? 'all'}
              style={{ width: 120 }}
              options={[
                { value: 'all', label: '标题和条文' },
                { value: 'title', label: '仅标题' },
                { value: 'article', label: '仅条文' },
              ]}
              onChange={(v: string) => change({ kind: v === 'all' ? undefined : v })}
            />
          </Space>
        </Space>
      </Form>
      {!q ? (
        <Empty style={{ margin: '48px 0' }} description="输入检索词后按回车：可检索法规标题与条文全文，一个字也能检索" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {data ? `“${q}” 共找到${data.totalIsEstimate ? '约 ' : ' '}${formatCount(data.total)} 条结果` : loading ? '正在检索…' : ''}
          </Typography.Paragraph>
          <List
            loading={loading}
            dataSource={data?.items ?? []}
            locale={{ emptyText: <Empty description={failed ? '检索失败，请稍后再试' : `没有找到包含“${q}”的法规或条文，可减少筛选条件或换个说法`} /> }}
            renderItem={(hit) => <Hit key={hit.id} hit={hit} />}
          />
          {data && data.total > 0 && (
            <Pagination
              style={{ marginTop: 16, justifyContent: 'flex-end' }}
              current={page}
              pageSize={pageSize}
              total={data.total}
              showSizeChanger
              showTotal={(t) => `共${data.totalIsEstimate ? '约' : ''} ${formatCount(t)} 条`}
              onChange={(p, s) => change({ page: s === pageSize ? String(p) : '1', pageSize: String(s) }, true)}
            />
          )}
        </>
      )}
    </Card>
  );
}
