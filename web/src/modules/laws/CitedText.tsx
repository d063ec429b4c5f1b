import { Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LawCitation } from '../../api/types';
import { elementHref, lawIdOf, lawHref } from './ids';
import { citationReasonLabels } from './labels';

/** Where a resolved citation points, in words: 《中华人民共和国行政强制法》第五十一条. */
export function citationTarget(c: LawCitation): string {
  return `${c.toTitle ? `《${c.toTitle}》` : ''}${c.toLabel}`;
}

/** The link of a resolved citation: an element opens in its law's page, a law at its top. */
export function citationHref(c: LawCitation): string | undefined {
  if (!c.toId) return undefined;
  return c.toId === lawIdOf(c.toId) ? lawHref(c.toId) : elementHref(c.toId);
}

export function unresolvedText(c: LawCitation): string {
  return c.message ?? (c.reason ? (citationReasonLabels[c.reason] ?? c.reason) : '未能确定所指条文');
}

/**
 * The words of a 款 or 项 with each citation in them: a link to the element cited, or, when it
 * could not be resolved, underlined with the reason in a tooltip. Offsets are into `text`.
 */
export function CitedText({ text, citations }: { text: string; citations: readonly LawCitation[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  [...citations]
    .sort((a, b) => a.start - b.start)
    .forEach((c, i) => {
      if (c.start < at || c.end <= c.start || c.end > text.length) return;
      if (c.start > at) parts.push(text.slice(at, c.start));
      const words = text.slice(c.start, c.end);
      const href = citationHref(c);
      parts.push(
        href ? (
          <Tooltip key={i} title={`引用：${citationTarget(c)}`}>
            <Link to={href} onClick={(e) => e.stopPropagation()}>
              {words}
            </Link>
          </Tooltip>
        ) : (
          <Tooltip key={i} title={`未能解析：${unresolvedText(c)}`}>
            <Typography.Text style={{ textDecoration: 'underline dashed #faad14', textUnderlineOffset: 4, cursor: 'help', fontSize: 'inherit', fontFamily: 'inherit' }}>{words}</Typography.Text>
          </Tooltip>
        ),
      );
      at = c.end;
    });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
