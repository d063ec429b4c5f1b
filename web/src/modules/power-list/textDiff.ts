/** A piece of a two-text comparison: kept in both, or only in the old / the new text. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Beyond this many characters a side the comparison is skipped (the table grows as their product). */
const LIMIT = 3000;

/**
 * What changed between an old and a new article, character by character (Chinese has no spaces to
 * split words on): the longest common subsequence, then runs of kept, removed and added text.
 * Undefined when the texts are too long to compare here.
 */
export function diffText(a: string, b: string): DiffPart[] | undefined {
  if (a.length > LIMIT || b.length > LIMIT) return undefined;
  // Common head and tail first: most revisions change a few words in the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  // lcs[i][j]: the longest common subsequence of x[i..] and y[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = x[i] === y[j] ? (lcs[(i + 1) * (m + 1) + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * (m + 1) + j] ?? 0, lcs[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], ch: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += ch;
    else parts.push({ kind, text: ch });
  };
  if (head > 0) parts.push({ kind: 'same', text: a.slice(0, head) });
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      push('same', x[i] ?? '');
      i++;
      j++;
    } else if ((lcs[(i + 1) * (m + 1) + j] ?? 0) >= (lcs[i * (m + 1) + j + 1] ?? 0)) {
      push('removed', x[i] ?? '');
      i++;
    } else {
      push('added', y[j] ?? '');
      j++;
    }
  }
  while (i < n) push('removed', x[i++] ?? '');
  while (j < m) push('added', y[j++] ?? '');
  if (tail > 0) push('same', a.slice(a.length - tail));
  return parts;
}
