import { Select, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { LawElement, LawElementDetail, LawSearchHit, Page } from '../../api/types';
import { articleIdOf } from '../laws/ids';
import { lawStatusTags } from '../laws/labels';
import { useGet } from '../../api/useGet';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 12 → 十二, 23 → 二十三: enough for 款 and 项 numbers. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

interface Option {
  value: string;
  label: string;
}

/** The 款, 项 and 目 of an article as choices: 第一款, 第一款第（二）项… each with its first words. */
function finerOptions(detail: LawElementDetail): Option[] {
  const byId = new Map<string, LawElement>(detail.children.map((c) => [c.id, c]));
  const labelOf = (e: LawElement): string => {
    const parent = e.parentId ? byId.get(e.parentId) : undefined;
    if (e.kind === 'paragraph') return `第${chineseNumber(e.number)}款`;
    if (e.kind === 'item') return `${parent ? labelOf(parent) : ''}第${e.label}项`;
    if (e.kind === 'subitem') return `${parent ? labelOf(parent) : ''}第${e.label.replace(/\.$/, '')}目`;
    return e.label || e.kind;
  };
  const preview = (t: string) => (t.length > 28 ? `${t.slice(0, 28)}…` : t);
  return detail.children.filter((c) => ['paragraph', 'item', 'subitem'].includes(c.kind)).map((e) => ({ value: e.id, label: `${labelOf(e)}：${preview(e.text)}` }));
}

/**
 * A legal basis picked from the library: search an article (by any words of it or its law's
 * title), then, if it has several 款 or 项, the exact one; or paste an element id
 * (律师法/2017-09-01/art47/p1/i2).
 */
export function BasisPicker({ value, onChange, id }: { value?: string; onChange?: (v: string | undefined) => void; id?: string }) {
  const article = value ? (articleIdOf(value) ?? value) : undefined;
  const [hits, setHits] = useState<Option[]>([]);
  const [typed, setTyped] = useState('');
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const detail = useGet<LawElementDetail>(article ? '/laws/element' : undefined, { id: article ?? '' }, { quiet: true });

  useEffect(() => () => clearTimeout(timer.current), []);

  function search(text: string) {
    setTyped(text);
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q || q.includes('/')) return;
    timer.current = setTimeout(() => {
      setSearching(true);
      api
        .get<Page<LawSearchHit>>('/laws/search', { q, kind: 'article', pageSize: 20 })
        .then((r) => setHits(r.items.map((h) => ({ value: h.id, label: `《${h.lawTitle}》${h.label}（${lawStatusTags[h.status].label}）` }))))
        .catch(() => setHits([]))
        .finally(() => setSearching(false));
    }, 300);
  }

  const current = detail.data ? { value: detail.data.element.id, label: `《${detail.data.version.title}》${detail.data.element.label}` } : article ? { value: article, label: article } : undefined;
  const pasted = typed.trim();
  const options: Option[] = [
    ...(pasted.includes('/') ? [{ value: pasted, label: `使用条文编号：${pasted}` }] : []),
    ...(current && !hits.some((h) => h.value === current.value) ? [current] : []),
    ...hits,
  ];
  const finer = detail.data ? finerOptions(detail.data) : [];

  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<string>
        id={id}
        showSearch={{ filterOption: false, onSearch: search }}
        value={article}
        placeholder="输入条文中的词语或法规标题检索，或粘贴条文编号"
        notFoundContent={searching ? '正在检索…' : typed.trim() ? '没有找到，请换个说法' : '输入后检索法规库'}
        options={options}
        style={{ flex: 1, minWidth: 0 }}
        onChange={(v) => {
          setTyped('');
          onChange?.(v);
        }}
      />
      {/* An article of one 款 has nothing finer to choose, unless that 款 is what is cited. */}
      {(finer.length > 1 || (finer.length === 1 && value !== article)) && (
        <Select<string>
          aria-label="款项"
          value={value}
          style={{ width: 230 }}
          popupMatchSelectWidth={420}
          options={[{ value: detail.data?.element.id ?? '', label: '整条' }, ...finer]}
          onChange={(v) => onChange?.(v)}
        />
      )}
      {detail.failed && article && (
        <Typography.Text type="danger" style={{ alignSelf: 'center', marginInlineStart: 8, whiteSpace: 'nowrap' }}>
          法规库中没有该条文
        </Typography.Text>
      )}
    </Space.Compact>
  );
}
