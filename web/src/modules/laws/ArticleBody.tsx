import type { CSSProperties, ReactNode } from 'react';
import type { LawElement } from '../../api/types';
import type { LawNode } from './lawTree';
import { MarkdownTable } from './MarkdownTable';

/** Statutes are printed in a Song typeface; the UI around them stays in the sans-serif of antd. */
export const statuteFont: CSSProperties = {
  fontFamily: '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif',
  fontSize: 15,
  lineHeight: 1.9,
  color: 'rgba(0, 0, 0, 0.88)',
};

const focusStyle: CSSProperties = { background: '#fff7e6', boxShadow: '0 0 0 2px #ffd591', borderRadius: 2 };

const indentOf: Record<string, string> = { item: '2em', subitem: '4em' };

interface BodyProps {
  /** How an element's own words are shown (with its citations as links, in the article view). */
  words?: (el: LawElement) => ReactNode;
  /** A 款 or 项 to highlight: the one a link pointed at. */
  focus?: string | undefined;
}

function Words({ el, words }: { el: LawElement; words: BodyProps['words'] }) {
  return <>{words ? words(el) : el.text}</>;
}

/** A 款, 项 or 目 and what is under it; a table or a text line inside an article. */
function Block({ node, lead, props }: { node: LawNode; lead?: ReactNode; props: BodyProps }) {
  const { el } = node;
  if (el.kind === 'table') return <MarkdownTable text={el.text} />;
  const label = el.kind === 'item' || el.kind === 'subitem' ? el.label : '';
  const style: CSSProperties = { margin: 0, textIndent: '2em', paddingInlineStart: indentOf[el.kind] ?? 0, ...(props.focus === el.id ? focusStyle : {}) };
  return (
    <>
      <p data-el={el.id} style={style}>
        {lead}
        {label}
        <Words el={el} words={props.words} />
      </p>
      {node.children.map((c) => (
        <Block key={c.el.id} node={c} props={props} />
      ))}
    </>
  );
}

/**
 * An article as a statute prints it: 第X条 in bold before its first 款, each further 款 a
 * paragraph of its own, 项 and 目 indented under their 款.
 */
export function ArticleBody({ article, words, focus }: { article: LawNode } & BodyProps) {
  const [first, ...rest] = article.children;
  const props = { words, focus };
  const lead = (
    <>
      <strong>{article.el.label}</strong>
      {'　'}
    </>
  );
  if (!first || first.el.kind !== 'paragraph') {
    return (
      <>
        <p style={{ margin: 0, textIndent: '2em' }}>
          <strong>{article.el.label}</strong>
        </p>
        {article.children.map((c) => (
          <Block key={c.el.id} node={c} props={props} />
        ))}
      </>
    );
  }
  return (
    <>
      <Block node={first} lead={lead} props={props} />
      {rest.map((c) => (
        <Block key={c.el.id} node={c} props={props} />
      ))}
    </>
  );
}
