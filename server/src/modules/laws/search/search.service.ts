/**
 * 法规检索: full-text search over articles and titles of the regulation library (issue 7).
 * How a query matches and ranks is in search-query.ts and search.queries.ts; this file checks the
 * parameters, runs the query and cuts the excerpts.
 */
import type { BaseDb } from '../../../platform/db/database.ts';
import { lawSearchErrors } from './search.errors.ts';
import { parseQuery, type ParsedQuery } from './search-query.ts';
import { RANK_CAP, runSearch, type HitRow, type SearchPage } from './search.queries.ts';
import type { LawSearchHit, LawSearchParams, LawSearchResult } from './search.types.ts';
import { snippetOf } from './snippet.ts';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

const BEIJING_MS = 8 * 3_600_000;
/** 时效性 is judged on the calendar day in China, whatever the server's time zone. */
const beijingDay = (d: Date): string => new Date(d.getTime() + BEIJING_MS).toISOString().slice(0, 10);

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
function checkDay(field: string, value: string | undefined): void {
  if (value === undefined) return;
  const ok = ISO_DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw lawSearchErrors.LAW_SEARCH_DATE_INVALID(undefined, [{ field, message: `不是有效日期：${value}` }]);
}

const clamp = (n: number | undefined, lo: number, hi: number, dflt: number): number =>
  n === undefined || !Number.isFinite(n) ? dflt : Math.min(hi, Math.max(lo, Math.trunc(n)));

/** Exact for a narrow query; a broad one is ranked over the top versions (search.queries.ts). */
async function rankedRows(db: BaseDb, query: ParsedQuery, p: SearchPage, today: string, cap: number): Promise<{ rows: HitRow[]; total: number; totalIsEstimate: boolean }> {
  let r = await runSearch(db, query, p, today, null, cap);
  // Every title is read in a broad search: a search of titles alone is complete.
  const complete = () => r.examined >= 1 || p.kind === 'title';
  // A page past the versions examined (page 60 of 罚) widens the examination, by powers of two as
  // the first share was chosen, so that the pages after it agree with each other.
  while (!complete() && r.total < p.offset + p.limit) {
    r = await runSearch(db, query, p, today, Math.min(1, 2 ** Math.ceil(Math.log2(4 * Math.max(r.examined, 1 / 64)))), cap);
  }
  if (complete()) return { rows: r.page, total: r.total, totalIsEstimate: false };
  const articles = r.total - r.titles;
  return { rows: r.page, total: r.titles + (articles === 0 ? 0 : Math.round(articles / r.examined)), totalIsEstimate: true };
}

export interface LawSearchOptions {
  /** Index matches ranked exactly before a query counts as broad (tests lower it). */
  rankCap?: number;
}

export function createLawSearch(base: BaseDb, clock: () => Date = () => new Date(), opts: LawSearchOptions = {}) {
  const cap = opts.rankCap ?? RANK_CAP;
  return {
    async search(params: LawSearchParams): Promise<LawSearchResult> {
      const query = parseQuery(params.q);
      checkDay('effectiveFrom', params.effectiveFrom);
      checkDay('effectiveTo', params.effectiveTo);
      checkDay('inForceOn', params.inForceOn);
      const limit = clamp(params.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
      const offset = clamp(params.offset, 0, Number.MAX_SAFE_INTEGER, 0);
      const { rows, total, totalIsEstimate } = await rankedRows(base, query, { ...params, limit, offset }, beijingDay(clock()), cap);
      const hits = rows.map((r): LawSearchHit => {
        const label = r.kind === 'article' ? (r.label ?? '') : '';
        const { text, marks } = snippetOf(r.body, query.phrases);
        return {
          id: r.element_id,
          lawId: r.law_id,
          kind: r.kind,
          title: label === '' ? r.law_title : `${r.law_title} ${label}`,
          lawTitle: r.law_title,
          label,
          level: r.level,
          status: r.status,
          effectiveDate: r.effective_date,
          snippet: text,
          marks,
        };
      });
      return { total, totalIsEstimate, hits };
    },
  };
}

export type LawSearch = ReturnType<typeof createLawSearch>;
