import type { CSSProperties, ReactNode } from 'react';

export const markStyle: CSSProperties = { background: '#ffe58f', color: 'inherit', padding: '0 1px', borderRadius: 2 };

/**
 * `text` with the `[start, end)` ranges (UTF-16 offsets, as the server gives them) highlighted
 * with <mark>; ranges out of order, overlapping or outside the text are skipped, never thrown on.
 * Built from elements: the text is never parsed as HTML.
 */
export function Marked({ text, marks, render }: { text: string; marks: readonly (readonly number[])[]; render?: (part: string, i: number) => ReactNode }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const sorted = [...marks].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  sorted.forEach(([start = -1, end = -1], i) => {
    if (start < at || end <= start || end > text.length) return;
    if (start > at) parts.push(text.slice(at, start));
    const part = text.slice(start, end);
    parts.push(
      <mark key={i} style={markStyle}>
        {render ? render(part, i) : part}
      </mark>,
    );
    at = end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
