import './laws.css';
import { WarningOutlined } from '@ant-design/icons';
import { theme, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import { ArticleBody, statuteFont } from './ArticleBody';
import { containerTitle, type LawNode } from './lawTree';
import { MarkdownTable } from './MarkdownTable';

const headingStyles: Record<string, CSSProperties> = {
  part: { fontSize: 19, margin: '28px 0 12px' },
  subpart: { fontSize: 18, margin: '24px 0 10px' },
  chapter: { fontSize: 17, margin: '24px 0 10px' },
  section: { fontSize: 16, margin: '16px 0 8px' },
  heading: { fontSize: 17, margin: '24px 0 10px' },
};

/** An import warning shown beside the element on its line: 疑似缺号标题… */
function WarningMark({ el, props }: { el: LawNode['el']; props: TextProps }) {
  const messages = props.warnings.get(el.line);
  if (!messages) return null;
  return (
    <Tooltip title={messages.join('；')}>
      <WarningOutlined aria-label="导入警告" style={{ color: '#faad14', marginInlineStart: 6, textIndent: 0 }} />
    </Tooltip>
  );
}

interface TextProps {
  /** Import warnings by source line, for the elements on those lines. */
  warnings: ReadonlyMap<number, string[]>;
  /** The article (or heading) the outline or a link pointed at. */
  highlighted: string | undefined;
  /** The article whose view is open. */
  opened: string | undefined;
  onOpen: (articleId: string) => void;
}

function Article({ node, props }: { node: LawNode; props: TextProps }) {
  const { token } = theme.useToken();
  const on = props.opened === node.el.id || props.highlighted === node.el.id;
  return (
    <div
      data-el={node.el.id}
      role="button"
      tabIndex={0}
      aria-label={node.el.label}
      className="tp-law-article"
      onClick={() => props.onOpen(node.el.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') props.onOpen(node.el.id);
      }}
      style={{
        cursor: 'pointer',
        padding: '4px 8px',
        margin: '2px -8px',
        borderRadius: token.borderRadius,
        background: on ? token.colorPrimaryBg : undefined,
        scrollMarginTop: 16,
      }}
    >
      <ArticleBody article={node} />
      <WarningMark el={node.el} props={props} />
    </div>
  );
}

function Node({ node, props }: { node: LawNode; props: TextProps }) {
  const { el } = node;
  switch (el.kind) {
    case 'article':
      return <Article node={node} props={props} />;
    case 'table':
      return <MarkdownTable text={el.text} />;
    case 'appendix':
      return (
        <section data-el={el.id} style={{ scrollMarginTop: 16 }}>
          <p style={{ fontWeight: 600, margin: '28px 0 8px' }}>{containerTitle(el)}</p>
          {node.children.map((c) => (
            <Node key={c.el.id} node={c} props={props} />
          ))}
        </section>
      );
    case 'part':
    case 'subpart':
    case 'chapter':
    case 'section':
    case 'heading':
      return (
        <section data-el={el.id} style={{ scrollMarginTop: 16 }}>
          <h3 style={{ textAlign: 'center', fontWeight: 600, ...headingStyles[el.kind], background: props.highlighted === el.id ? '#e6f0ff' : undefined }}>
            {containerTitle(el)}
            <WarningMark el={el} props={props} />
          </h3>
          {node.children.map((c) => (
            <Node key={c.el.id} node={c} props={props} />
          ))}
        </section>
      );
    default:
      // 'text' and anything the parser adds later: the words as a paragraph.
      return (
        <p data-el={el.id} style={{ margin: 0, textIndent: '2em' }}>
          {[el.label, el.heading, el.text].filter((s) => s !== '').join('　')}
          <WarningMark el={el} props={props} />
        </p>
      );
  }
}

/** The whole text of a law version, laid out like the printed statute; an article opens on click. */
export function LawText({ title, roots, ...props }: { title: string; roots: LawNode[] } & TextProps) {
  return (
    <article style={{ ...statuteFont, maxWidth: 880, margin: '0 auto' }}>
      <h2 style={{ textAlign: 'center', fontSize: 22, fontWeight: 600, margin: '8px 0 20px' }}>{title}</h2>
      {roots.map((n) => (
        <Node key={n.el.id} node={n} props={props} />
      ))}
    </article>
  );
}
