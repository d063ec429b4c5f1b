import { Alert, Drawer, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { LawCitation, LawElementDetail } from '../../api/types';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { PowerItemsOfArticle } from '../power-list/PowerItemsOfArticle';
import { ArticleBody, statuteFont } from './ArticleBody';
import { CitedText, citationHref, citationTarget, unresolvedText } from './CitedText';
import { elementHref } from './ids';
import { buildLawTree } from './lawTree';
import { Marked } from './Marked';
import { LawStatusTag } from './StatusTag';
import { useGet } from '../../api/useGet';

function Section({ title, count, children }: { title: string; count?: number; children: ReactNode }) {
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {title}
        {count !== undefined && <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 6 }}>（{count}）</Typography.Text>}
      </Typography.Title>
      {children}
    </div>
  );
}

/** The citations the article makes, each with where it leads or why it leads nowhere. */
function Citations({ citations }: { citations: LawCitation[] }) {
  if (citations.length === 0) return <Typography.Text type="secondary">本条未引用其他条文</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={citations}
      renderItem={(c) => {
        const href = citationHref(c);
        return (
          <List.Item>
            <Space size={8} wrap>
              <Typography.Text>“{c.raw}”</Typography.Text>
              <span>→</span>
              {href ? (
                <Link to={href}>{citationTarget(c)}</Link>
              ) : (
                <>
                  <Tag color="warning">未能解析</Tag>
                  <Typography.Text type="secondary">{unresolvedText(c)}</Typography.Text>
                </>
              )}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}

/**
 * One article: its words with the citations in them as links, the citations listed, who cites
 * it (any 款 or 项 of any law that cites it or something inside it, with the citation
 * highlighted), and the enforcement items (执法事项) whose legal basis is in it.
 */
export function ArticleDrawer({ articleId, focus, onClose }: { articleId: string; focus: string | undefined; onClose: () => void }) {
  const { can } = useAuth();
  const { data, failed } = useGet<LawElementDetail>('/laws/element', { id: articleId });
  const node = useMemo(() => (data ? buildLawTree([data.element, ...data.children])[0] : undefined), [data]);
  const byElement = useMemo(() => {
    const m = new Map<string, LawCitation[]>();
    for (const c of data?.citations ?? []) m.set(c.fromId, [...(m.get(c.fromId) ?? []), c]);
    return m;
  }, [data]);

  const title = data ? `${data.version.title} ${data.element.label}` : '条文';
  return (
    <Drawer open size={720} title={title} onClose={onClose} extra={data && <LawStatusTag status={data.version.status} />}>
      {!data || !node ? (
        failed ? <Empty description="条文不存在或暂时无法读取" /> : <Spin style={{ display: 'block', marginTop: 80 }} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {data.version.status !== 'in-force' && (
            <Alert
              type={data.version.status === 'repealed' ? 'error' : 'warning'}
              showIcon
              title={`本条所在版本${data.version.statusLabel}`}
              description={`版本日期 ${formatDate(data.version.versionDate)}；如需现行规定，请查看该法规的其他版本。`}
            />
          )}
          <div style={{ ...statuteFont, padding: '12px 16px', background: '#fafafa', borderRadius: 6 }}>
            <ArticleBody article={node} focus={focus === articleId ? undefined : focus} words={(el) => <CitedText text={el.text} citations={byElement.get(el.id) ?? []} />} />
          </div>
          <Section title="本条引用" count={data.citations.length}>
            <Citations citations={data.citations} />
          </Section>
          <Section title="被引用" count={data.citedBy.length}>
            {data.citedBy.length === 0 ? (
              <Typography.Text type="secondary">法规库中暂无引用本条的条文</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={data.citedBy}
                renderItem={(c) => (
                  <List.Item style={{ display: 'block' }}>
                    <div>
                      <Link to={elementHref(c.fromId)}>
                        《{c.fromTitle}》{c.fromLabel}
                      </Link>
                      {c.toId !== articleId && (
                        <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                          引用本条{c.toLabel.replace(data.element.label, '')}
                        </Typography.Text>
                      )}
                    </div>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                      <Marked text={c.fromText} marks={[[c.start, c.end]]} />
                    </Typography.Paragraph>
                  </List.Item>
                )}
              />
            )}
          </Section>
          {can('power-list:read') && (
            <Section title="执法事项">
              <PowerItemsOfArticle articleId={articleId} />
            </Section>
          )}
        </Space>
      )}
    </Drawer>
  );
}
