import type { CSSProperties } from 'react';

const cell: CSSProperties = { border: '1px solid #d9d9d9', padding: '4px 8px', textIndent: 0, verticalAlign: 'top' };

/** `| a | b |` rows → cells; the `|---|---|` separator row is dropped. */
export function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((c) => c.trim()),
    )
    .filter((cells) => !cells.every((c) => /^:?-{2,}:?$/.test(c)));
}

/** A table of a statute (附表, a table inside an article) as it was written in Markdown. */
export function MarkdownTable({ text }: { text: string }) {
  const rows = tableRows(text);
  const [head, ...body] = rows;
  if (!head) return null;
  return (
    <div style={{ overflowX: 'auto', margin: '8px 0' }}>
      <table style={{ borderCollapse: 'collapse', fontSize: 14, minWidth: '60%', margin: '0 auto' }}>
        <thead>
          <tr>
            {head.map((c, i) => (
              <th key={i} style={{ ...cell, background: '#fafafa', fontWeight: 600 }}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j} style={cell}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
