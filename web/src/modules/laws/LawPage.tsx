import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { LawVersionDetail } from '../../api/types';
import { ArticleDrawer } from './ArticleDrawer';
import { articleIdOf } from './ids';
import { LawFacts } from './LawFacts';
import { LawOutline } from './LawOutline';
import { LawText } from './LawText';
import { buildLawTree } from './lawTree';
import { LawStatusTag } from './StatusTag';
import { useGet } from '../../api/useGet';

/** The outline panel follows the page down and scrolls on its own. */
const OUTLINE_TOP = 16;
const OUTLINE_HEIGHT = 'calc(100vh - 32px)';

/** Smooth when the reader picks a place in the outline; at once when arriving from a link. */
function scrollToElement(id: string, behavior: ScrollBehavior = 'smooth'): void {
  document.querySelector(`[data-el="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'start', behavior });
}

function useWindowHeight(): number {
  const [h, setH] = useState(window.innerHeight);
  useEffect(() => {
    const on = () => setH(window.innerHeight);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return h;
}

/**
 * One law version: its facts, an outline of 编/章/节 and articles on the left, the whole text on
 * the right. `?id=` is the version, `?el=` an element inside it: the page scrolls there and opens
 * the article it is in (its citations, who cites it, the enforcement items based on it).
 */
export default function LawPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const id = params.get('id') ?? '';
  const el = params.get('el') ?? undefined;
  const { data, failed } = useGet<LawVersionDetail>(id ? '/laws/version' : undefined, { id });
  const roots = useMemo(() => (data ? buildLawTree(data.elements) : []), [data]);
  const warnings = useMemo(() => {
    const m = new Map<number, string[]>();
    // Lines are per file: a code split over several files (民法典) cannot place a warning by line alone.
    if (data?.files.length !== 1) return m;
    for (const w of data.warnings) if (w.line > 0) m.set(w.line, [...(m.get(w.line) ?? []), w.message]);
    return m;
  }, [data]);
  const [outlined, setOutlined] = useState<string>();
  const windowHeight = useWindowHeight();
  const article = el ? articleIdOf(el) : undefined;

  // Another law: start at its top (the list it came from may have been scrolled down).
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [id]);

  // Arriving at an element (a link, a search hit): scroll to it once the text is there.
  useEffect(() => {
    if (data && el) scrollToElement(article ?? el, 'auto');
  }, [data, el, article]);

  const open = useCallback(
    (articleId: string) => {
      setOutlined(articleId);
      setParams({ id, el: articleId });
    },
    [id, setParams],
  );
  const close = useCallback(() => {
    // The article stays marked in the text and the outline: the reader goes on from there.
    setOutlined(article);
    setParams({ id }, { replace: true });
  }, [id, article, setParams]);

  if (!id) return <Result status="404" title="未指定法规" extra={<Link to="/laws">返回法规库</Link>} />;
  if (!data) {
    if (!failed) return <Spin size="large" style={{ display: 'block', marginTop: 80 }} />;
    return (
      <Result
        status="404"
        title="法规不存在"
        subTitle={`法规库中没有“${id}”，或暂时无法读取。`}
        extra={
          <Link to="/laws">
            <Button>返回法规库</Button>
          </Link>
        }
      />
    );
  }

  const v = data.version;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回法规库" onClick={() => void navigate('/laws')} />
            <span style={{ whiteSpace: 'normal' }}>{v.title}</span>
            <LawStatusTag status={v.status} />
          </Space>
        }
      >
        <LawFacts detail={data} />
      </Card>
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
        <Card
          size="small"
          title="目录"
          style={{ width: 280, flexShrink: 0, position: 'sticky', top: OUTLINE_TOP, maxHeight: OUTLINE_HEIGHT, overflow: 'hidden' }}
          styles={{ body: { padding: '8px 4px' } }}
        >
          <LawOutline
            roots={roots}
            selected={outlined ?? article}
            height={Math.max(240, windowHeight - 32 - 60)}
            onSelect={(key) => {
              setOutlined(key);
              scrollToElement(key);
            }}
          />
        </Card>
        <Card style={{ flex: 1, minWidth: 0 }}>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
            点击任一条文，查看其所引条文、被引用情况与相关执法事项
          </Typography.Paragraph>
          <LawText title={v.title} roots={roots} warnings={warnings} highlighted={outlined} opened={article} onOpen={open} />
        </Card>
      </div>
      {article && <ArticleDrawer key={article} articleId={article} focus={el} onClose={close} />}
    </Space>
  );
}
