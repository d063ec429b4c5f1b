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
