/**
 * The excerpt shown under a hit: about `width` characters of the text around the first match, with
 * every match inside it marked. Matching runs on the normalized text (NFKC, lower case — what the
 * index and the database's phrase check see, so ２０２１ matches 2021) while the excerpt and its
 * marks are cut from the original text. Text is handled in segments (a code point with its
 * combining marks), so no cut and no mark splits a surrogate pair or a character from its accent.
 */
import { normalize } from './tokens.ts';

export interface Snippet {
  text: string;
  /** UTF-16 [start, end) in `text`, sorted, overlapping matches merged. */
  marks: Array<[number, number]>;
}

export const SNIPPET_WIDTH = 100;
/** How much of the width goes before the first match: enough to read what the match belongs to. */
const LEAD = 0.25;
const ELLIPSIS = '…';
const SEGMENT = /\P{M}\p{M}*|\p{M}+/gsu;

/** Where each phrase occurs, as [first segment, end segment) ranges, in text order. */
function matchesOf(segments: readonly string[], phrases: readonly string[]): Array<[number, number]> {
  let norm = '';
  /** The segment each UTF-16 unit of `norm` came from (NFKC may expand one segment: ㈠ → (一)). */
  const from: number[] = [];
  segments.forEach((s, i) => {
    const n = normalize(s);
    norm += n;
    for (let k = 0; k < n.length; k++) from.push(i);
  });
  const out: Array<[number, number]> = [];
  for (const p of phrases) {
    if (p === '') continue;
    for (let at = norm.indexOf(p); at >= 0; at = norm.indexOf(p, at + p.length)) {
      out.push([from[at]!, from[at + p.length - 1]! + 1]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

export function snippetOf(body: string, phrases: readonly string[], width = SNIPPET_WIDTH): Snippet {
  const segments = body.match(SEGMENT) ?? [];
  const offset: number[] = [0];
  for (const s of segments) offset.push(offset[offset.length - 1]! + s.length);
  const matches = matchesOf(segments, phrases);

  const n = segments.length;
  let start = 0;
  let end = n;
  if (n > width) {
    const [first, firstEnd] = matches[0] ?? [0, 0];
    start = Math.max(0, first - Math.floor(width * LEAD));
    end = Math.min(n, Math.max(start + width, firstEnd));
    start = Math.max(0, Math.min(start, end - width));
  }
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < n ? ELLIPSIS : '';
  // Line breaks between 款 read as spaces in a one-line excerpt (one unit for one, offsets kept).
  const text = before + body.slice(offset[start], offset[end]).replace(/[\r\n\t]/g, ' ') + after;

  const marks: Array<[number, number]> = [];
  for (const [a, b] of matches) {
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from >= to) continue;
    const mark: [number, number] = [offset[from]! - offset[start]! + before.length, offset[to]! - offset[start]! + before.length];
    const last = marks[marks.length - 1];
    if (last && mark[0] < last[1]) last[1] = Math.max(last[1], mark[1]);
    else marks.push(mark);
  }
  return { text, marks };
}
