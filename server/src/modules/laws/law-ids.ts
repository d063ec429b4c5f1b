/**
 * Element ids: `<short title>/<version date>/<path>`, e.g. `行政处罚法/2021-01-22/art51/p1/i2`.
 *
 * An article's path does not name its chapter (`art51`, never `ch5/art51`): article numbers are
 * unique in a law and are what citations use, and an article keeps its id when a revision moves
 * it to another chapter. Containers are named by their position in the structure
 * (`part2/subpart1/ch3/sec2`), because chapter numbers restart in each 编 in some codes. The full
 * scheme is in README.md.
 */
import type { ArticleRef, ElementKind } from './law.types.ts';
import { toChineseNumber } from './numerals.ts';

const CHINA_PREFIX = /^中华人民共和国/;
const UNSAFE = /[\s/]+/g;

/** '中华人民共和国行政处罚法' → '行政处罚法'; slashes and spaces are removed so ids stay paths. */
export function shortTitleOf(title: string): string {
  return title.replace(CHINA_PREFIX, '').replace(UNSAFE, '');
}

export const lawIdOf = (shortTitle: string, versionDate: string | undefined): string =>
  `${shortTitle}/${versionDate ?? 'undated'}`;

/** `art51`, `art51-1` (第五十一条之一). */
export const articleSegment = (ref: ArticleRef): string => (ref.sub ? `art${ref.n}-${ref.sub}` : `art${ref.n}`);

const PREFIX: Readonly<Partial<Record<ElementKind, string>>> = {
  part: 'part',
  subpart: 'subpart',
  chapter: 'ch',
  section: 'sec',
  paragraph: 'p',
  item: 'i',
  subitem: 'm',
  heading: 'h',
  appendix: 'app',
  table: 't',
  text: 'x',
};

/** The path segment of a non-article element: `ch3`, `p2`, `i4`, `app1`… */
export function segmentOf(kind: Exclude<ElementKind, 'article'>, n: number): string {
  return `${PREFIX[kind] ?? kind}${n}`;
}

const ARTICLE_IN_ID = /(?:^|\/)art(\d+)(?:-(\d+))?(?:~\d+)?(?:\/|$)/;

/** The article an id names or lies in: `…/art51-1/p2` → `{ n: 51, sub: 1 }`; null when none. */
export function articleRefOfId(id: string): ArticleRef | null {
  const m = ARTICLE_IN_ID.exec(id);
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] ? { n, sub: Number(m[2]) } : { n };
}

/**
 * How an element id reads in a citation: `…/art51-1/p1/i2` → 第五十一条之一第一款第（二）项. Only
 * the article path can be read from an id; a container (`ch3`) is named by its position, not its
 * number, so its label comes from its row. '' for an id without an article.
 */
export function citationLabelOf(id: string): string {
  const segs = id.split('/').slice(2);
  const art = segs.findIndex((s) => s.startsWith('art'));
  if (art < 0) return '';
  const out: string[] = [];
  for (const seg of segs.slice(art)) {
    const m = /^(art|p|i|m)(\d+)(?:-(\d+))?/.exec(seg);
    if (!m) break;
    const n = Number(m[2]);
    if (m[1] === 'art') out.push(`第${toChineseNumber(n)}条${m[3] ? `之${toChineseNumber(Number(m[3]))}` : ''}`);
    else if (m[1] === 'p') out.push(`第${toChineseNumber(n)}款`);
    else if (m[1] === 'i') out.push(`第（${toChineseNumber(n)}）项`);
    else out.push(`第${n}目`);
  }
  return out.join('');
}
