/**
 * A signed note (checkpoint) or any other text that must be read exactly as it is: monospace,
 * wrapped rather than overflowing, scrolling when long.
 */
export function NoteBlock({ text, maxHeight = 320 }: { text: string; maxHeight?: number }) {
  return (
    <pre
      style={{
        margin: 0,
        padding: '8px 12px',
        background: 'rgba(0,0,0,0.04)',
        borderRadius: 6,
        fontFamily: 'monospace',
        fontSize: 12,
        lineHeight: 1.6,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
        maxHeight,
        overflow: 'auto',
      }}
    >
      {text}
    </pre>
  );
}
