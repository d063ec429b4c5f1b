import type { LawLevel } from '../law.types.ts';
import type { LawStatus } from '../law-status.ts';

export type SearchKind = 'title' | 'article';

export interface LawSearchParams {
  /** Words separated by spaces; each must occur in the text as written (after NFKC folding). */
  q: string;
  levels?: readonly LawLevel[];
  /** 时效性 today (Beijing time). */
  statuses?: readonly LawStatus[];
  /** On or after / before this effective date, 'YYYY-MM-DD' (the version date when none is known). */
  effectiveFrom?: string;
  effectiveTo?: string;
  /** Only the versions in force on this day, 'YYYY-MM-DD' (法不溯及既往: the text governing an act). */
  inForceOn?: string;
  /** Within one law version (`行政处罚法/2021-01-22`). */
  lawId?: string;
  kind?: SearchKind;
  /** Default 20, at most 100. */
  limit?: number;
  offset?: number;
}

export interface LawSearchHit {
  /** The element id: an article (`行政处罚法/2021-01-22/art51`) or, for a title hit, the law id. */
  id: string;
  lawId: string;
  kind: SearchKind;
  /** The law's title, plus ' ' + the article's label for an article: '中华人民共和国行政处罚法 第五十一条'. */
  title: string;
  lawTitle: string;
  /** '第五十一条'; '' for a title hit. */
  label: string;
  level: LawLevel | null;
  status: LawStatus;
  /** The day the version took effect (its version date when the text states none). */
  effectiveDate: string | null;
  /** Plain text around the first match, about 100 characters, '…' where cut. */
  snippet: string;
  /** UTF-16 [start, end) of every match inside `snippet`, in order, not overlapping. */
  marks: Array<[number, number]>;
}

export interface LawSearchResult {
  total: number;
  /** True when `total` is a lower bound (see search.queries.ts: very common single characters). */
  totalIsEstimate: boolean;
  hits: LawSearchHit[];
}
