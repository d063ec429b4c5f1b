import { App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { LawElementDetail, PowerItem, PowerReview, PowerReviewConfirm } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDate, formatDateTime } from '../../app/format';
import { useApiError } from '../../app/useApiError';
import { usePagedList } from '../../app/usePagedList';
import { statuteFont } from '../laws/ArticleBody';
import { elementHref, lawHref } from '../laws/ids';
import { useGet } from '../../api/useGet';
import { BasisPicker } from './BasisPicker';
import { basisRoleLabels, matchLabels } from './labels';
import { diffText, type DiffPart } from './textDiff';

const changeStyles = {
  removed: { background: '#fff1f0', color: '#cf1322', textDecoration: 'line-through' },
  added: { background: '#f6ffed', color: '#389e0d', textDecoration: 'underline' },
} as const;

/** One side of the comparison: the words kept, and those only on this side marked. */
function Words({ text, parts, side }: { text: string; parts?: DiffPart[] | undefined; side?: 'removed' | 'added' }) {
  return (
    <div style={{ ...statuteFont, fontSize: 14, lineHeight: 1.8, background: '#fafafa', padding: '8px 12px', borderRadius: 6, minHeight: 48, whiteSpace: 'pre-wrap' }}>
      {parts && side
        ? parts.map((p, i) =>
            p.kind === 'same' ? (
              <span key={i}>{p.text}</span>
            ) : p.kind === side ? (
              <span key={i} style={changeStyles[side]}>
                {p.text}
              </span>
            ) : null,
          )
        : text}
    </div>
  );
}

/** A 项 or 目 is read with its 款's opening words: 律师有下列行为之一的，…可以处五千元以下的罚款… */
function withLead(lead: string | undefined, text: string): string {
  return lead ? `${lead}\n${text}` : text;
}

/**
 * The opening words of the 款 a 项 (or the 项 a 目) is in. The review list gives the cited words
 * only, and a 项's own words rarely change when its 款's penalty does.
 */
function useLeadIn(elementId: string | undefined): { lead: string | undefined; loading: boolean } {
  const parent = elementId && /\/(?:i|m)\d+$/.test(elementId) ? elementId.replace(/\/[^/]+$/, '') : undefined;
  const { data, failed } = useGet<LawElementDetail>(parent ? '/laws/element' : undefined, { id: parent ?? '' }, { quiet: true });
  return { lead: data?.element.text, loading: parent !== undefined && !data && !failed };
}

const keyOf = (r: PowerReview) => `${r.itemId}:${r.old.elementId}`;

function Review(props: { r: PowerReview; onOpen: (itemId: number) => void; onDone: () => void; onCompared: (key: string, unchanged: boolean) => void }) {
  const { r, onOpen, onDone, onCompared } = props;
  const { can } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const [chosen, setChosen] = useState<string>();
  const [busy, setBusy] = useState<'rebind' | 'keep'>();
  const target = r.suggestion?.elementId ?? chosen;
  const oldLead = useLeadIn(r.old.elementId);
  const newLead = useLeadIn(r.suggestion?.elementId);
  const oldWords = withLead(oldLead.lead, r.old.text);
  const newWords = r.suggestion ? withLead(newLead.lead, r.suggestion.text) : '';
  // Compared once both lead-ins are in: a 项 alone would read 文字未变 when its 款's fine changed.
  const ready = !oldLead.loading && !newLead.loading;
  const parts = useMemo(() => (r.suggestion && ready ? diffText(oldWords, newWords) : undefined), [r.suggestion, ready, oldWords, newWords]);
  const unchanged = parts !== undefined && parts.every((p) => p.kind === 'same');
  useEffect(() => {
    if (parts) onCompared(keyOf(r), unchanged);
  }, [parts, unchanged, r, onCompared]);

  async function confirm(newElementId: string | null) {
    const body: PowerReviewConfirm = { itemId: r.itemId, oldElementId: r.old.elementId, newElementId };
    setBusy(newElementId ? 'rebind' : 'keep');
    try {
      await api.post<PowerItem>('/power-list/reviews/confirm', body);
      void message.success(newElementId ? `${r.itemCode} 已改引新版本条文` : `${r.itemCode} 已确认维持原依据`);
      onDone();
    } catch (e) {
      report(e);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={8}>
          <Typography.Link onClick={() => onOpen(r.itemId)}>
            {r.itemCode} {r.itemName}
          </Typography.Link>
          <Tag color={r.role === 'penalty' ? 'volcano' : 'blue'}>{basisRoleLabels[r.role]}</Tag>
        </Space>
      }
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          新版本：<Link to={lawHref(r.newVersion.lawId)}>《{r.newVersion.title}》{formatDate(r.newVersion.versionDate)}</Link>，导入于 {formatDateTime(r.newVersion.importedAt)}
        </Typography.Text>
      }
    >
      <div style={{ display: 'flex', gap: 16 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong>原依据（{formatDate(r.old.versionDate)} 版）</Typography.Text>
          <div style={{ margin: '2px 0 6px' }}>
            <Link to={elementHref(r.old.elementId)}>{r.old.citation}</Link>
          </div>
          <Words text={oldWords} parts={parts} side="removed" />
        </div>
        <div style={{ flex: 1, minWidth: 0 }}>
          {r.suggestion ? (
            <>
              <Space size={8} wrap>
                <Typography.Text strong>建议改引（{formatDate(r.newVersion.versionDate)} 版）</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {matchLabels[r.suggestion.match] ?? r.suggestion.match}
                </Typography.Text>
                {unchanged ? <Tag>文字未变</Tag> : parts && <Tag color="orange">文字有修改</Tag>}
              </Space>
              <div style={{ margin: '2px 0 6px' }}>
                <Link to={elementHref(r.suggestion.elementId)}>{r.suggestion.citation}</Link>
              </div>
              <Words text={newWords} parts={parts} side="added" />
            </>
          ) : (
            <>
              <Typography.Text strong>新版本中未找到对应条文</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '2px 0 6px' }}>
                {can('power-list:manage') ? '请检索选择改引的条文，或维持原依据' : '待有复核权限的人员处理'}
              </Typography.Paragraph>
              {can('power-list:manage') && <BasisPicker value={chosen} onChange={setChosen} />}
            </>
          )}
        </div>
      </div>
      {can('power-list:manage') && (
        <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
          <Button loading={busy === 'keep'} disabled={busy !== undefined} onClick={() => void confirm(null)}>
            维持原依据
          </Button>
          <Button type="primary" loading={busy === 'rebind'} disabled={!target || busy !== undefined} onClick={() => target && void confirm(target)}>
            改引新条文
          </Button>
        </Space>
      )}
    </Card>
  );
}

/**
 * 待复核: bases whose law has a newer version, the old words beside the new version's matching
 * article; 改引新条文 rebinds the basis, 维持原依据 keeps it (an act committed under the old version
 * is judged by it: 从旧兼从轻). Either way it leaves this list until yet another version arrives.
 */
export function ReviewsTab({ onOpen, onChanged }: { onOpen: (itemId: number) => void; onChanged: () => void }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const report = useApiError();
  const list = usePagedList<PowerReview>('/power-list/reviews', {});
  // Which reviews on this page compare word for word equal (lead-in included): those can go in one step.
  const [compared, setCompared] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [batch, setBatch] = useState(false);
  const onCompared = useCallback((key: string, unchanged: boolean) => setCompared((m) => (m.get(key) === unchanged ? m : new Map(m).set(key, unchanged))), []);
  const same = list.items.filter((r) => r.suggestion && compared.get(keyOf(r)) === true);

  const { reload } = list;
  const done = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  async function rebindUnchanged() {
    setBatch(true);
    let n = 0;
    try {
      for (const r of same) {
        const body: PowerReviewConfirm = { itemId: r.itemId, oldElementId: r.old.elementId, newElementId: r.suggestion?.elementId ?? null };
        await api.post<PowerItem>('/power-list/reviews/confirm', body);
        n++;
      }
      void message.success(`已将 ${n} 条文字未变的依据改引新版本`);
    } catch (e) {
      report(e);
    } finally {
      setBatch(false);
      done();
    }
  }

  return (
    <>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">
          所引法规导入新版本后，引用旧版本的依据列在这里：左侧为原条文，右侧为新版本中对应的条文（删去的文字标红、新增的标绿），核对后选择改引或维持。
        </Typography.Text>
        {can('power-list:manage') && same.length > 0 && (
          <Popconfirm
            title={`将本页 ${same.length} 条文字未变的依据改引新版本？`}
            description="只处理新旧条文（连同项所在款的前文）逐字相同的依据；文字有修改的仍需逐条核对。"
            okText="改引"
            cancelText="取消"
            onConfirm={() => void rebindUnchanged()}
          >
            <Button loading={batch}>文字未变的 {same.length} 条一键改引</Button>
          </Popconfirm>
        )}
      </div>
      <List<PowerReview>
        loading={list.loading}
        dataSource={list.items}
        pagination={
          (list.pagination.total ?? 0) > (list.pagination.pageSize ?? 20)
            ? { current: list.pagination.current, pageSize: list.pagination.pageSize, total: list.pagination.total, onChange: list.pagination.onChange, align: 'end' }
            : false
        }
        locale={{ emptyText: <Empty description="暂无待复核的依据：所引法规都没有更新的版本" /> }}
        renderItem={(r) => (
          <Review key={keyOf(r)} r={r} onOpen={onOpen} onDone={done} onCompared={onCompared} />
        )}
      />
    </>
  );
}
