/**
 * The search SQL: one statement per search (a deep page of a broad query may need another).
 *
 * Candidates come from the GIN index (every token of the query in the text's tsvector). The
 * phrase check and the ranking both rest on one number per phrase, its occurrences in the text,
 * computed here, so only one page of rows leaves the database. Ranking: title hits, then versions
 * in force today, then occurrences, then level (立法法's order), then element id.
 *
 * A narrow query (at most RANK_CAP index matches) is ranked exactly. A broad one (罚, 应当: tens of
 * thousands of articles) cannot be within budget: each match costs a heap visit and a count, about
 * 7 µs, so 30,000 take 200 ms. It is ranked over every matching title plus the articles of the
 * highest-ranked versions (in force, then higher level, then id) — as many versions as should hold
 * RANK_CAP matches or up to twice that, judged by how much of the table the first RANK_CAP matches
 * took. So 罚 shows the 法律 articles that use it most, not the rows that happen to come first on
 * disk; `total` is then an estimate scaled from the share examined. A page beyond the versions
 * examined asks again with more of them (search.service.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import type { BaseDb } from '../../../platform/db/database.ts';
import type { LawLevel } from '../law.types.ts';
import { statusSql, type LawStatus } from '../law-status.ts';
import type { ParsedQuery } from './search-query.ts';
import type { LawSearchParams, SearchKind } from './search.types.ts';

/**
 * Index matches ranked exactly; above it a query is broad. Each match read costs a heap page (on
 * PGlite roughly 10 µs when not cached), so this bounds a search; 500 ran broad queries ~25%
 * faster than 1,000 on the bench/laws.ts corpus and still ranks 500–1,000 articles (25+ pages).
 */
export const RANK_CAP = 500;
/**
 * From this share on, the versions' own index would read most of its entries to pick them, and
 * the matches are few (about RANK_CAP ÷ share): the GIN index alone serves every version.
 */
export const WHOLE = 0.5;

export interface HitRow {
  element_id: string;
  law_id: string;
  kind: SearchKind;
  body: string;
  law_title: string;
  label: string | null;
  level: LawLevel | null;
  status: LawStatus;
  effective_date: string | null;
}

export type SearchPage = LawSearchParams & { limit: number; offset: number };

export interface StatementResult {
  broad: boolean;
  /** Hits among the candidates (all of them for a narrow query), and how many are titles. */
  total: number;
  titles: number;
  page: HitRow[];
  /** Share of the eligible articles examined, by law_versions.articles (1 for a narrow query). */
  examined: number;
}

/**
 * 立法法 第九十八条至第一百零二条: 宪法 > 法律 > 行政法规 > 地方性法规 > 规章, 部门规章 and 地方政府规章
 * equal. 司法解释 stand outside that ladder (第一百一十九条: they must follow the law they apply);
 * they rank after 行政法规. Unknown levels last.
 */
const levelRank = sql<number>`case v.level
  when 'constitution' then 1 when 'law' then 2 when 'administrative-regulation' then 3
  when 'judicial-interpretation' then 4 when 'local-regulation' then 5
  when 'department-rule' then 6 when 'local-government-rule' then 6 else 9 end`;

/**
 * Characters whose NFKC form holds a Han character: CJK and Kangxi radicals, Hangzhou and Kanbun
 * numerals, enclosed and squared CJK, compatibility ideographs, vertical forms. search.test.ts
 * checks this list against every code point.
 */
export const HAN_COMPAT = '[\\u2e80-\\u2fdf\\u3038-\\u303a\\u3190-\\u319f\\u3200-\\u33ff\\uf900-\\ufaff\\ufe30-\\ufe4f\\U0001f200-\\U0001f2ff\\U0002f800-\\U0002fa1f]';

/** Whether `text` could hold `phrase` in another spelling than the one searched (see below). */
function foldable(phrase: string, text: RawBuilder<string>): RawBuilder<boolean> {
  return /^\p{Script=Han}+$/u.test(phrase) ? sql<boolean>`${text} ~ ${HAN_COMPAT}` : sql<boolean>`true`;
}

/**
 * Occurrences of `phrase` in the body, as the phrase check sees it: in the NFKC, lower-cased text.
 * normalize() costs ~8 µs a text, more than everything else, so the text as stored is counted
 * first, and one that lacks the phrase as written is normalized only when it could hold it in
 * another spelling: for a phrase of Han characters, when it has a HAN_COMPAT character (a cheap
 * regex); for one with letters, digits or punctuation (２０２１, Ａ, full-width commas), always. A
 * text with both spellings counts only the written ones: a ranking nuance, never a miss.
 */
function occurrences(phrase: string): RawBuilder<number> {
  const count = (text: RawBuilder<string>) => sql<number>`(length(${text}) - length(replace(${text}, ${phrase}::text, ''))) / ${[...phrase].length}::int`;
  return sql<number>`case when strpos(c.body, ${phrase}::text) > 0 then ${count(sql`c.body`)}
    when ${foldable(phrase, sql`c.body`)} then ${count(sql`lower(normalize(c.body, NFKC))`)} else 0 end`;
}

/** A cheap test that a title may contain every phrase (a broad search reads every title). */
function mayContain(query: ParsedQuery, text: RawBuilder<string>): RawBuilder<boolean> {
  return sql.join(query.phrases.map((p) => sql<boolean>`(strpos(${text}, ${p}::text) > 0 or ${foldable(p, text)})`), sql` and `);
}

/** The filters that concern the version (all but `kind`), on `law_versions v`. */
function versionFilter(p: LawSearchParams, today: string): RawBuilder<boolean> | null {
  const f: RawBuilder<boolean>[] = [];
  if (p.levels && p.levels.length > 0) f.push(sql`v.level = any(${[...p.levels]}::text[])`);
  if (p.statuses && p.statuses.length > 0) f.push(sql`${statusSql('v', today)} = any(${[...p.statuses]}::text[])`);
  if (p.effectiveFrom) f.push(sql`coalesce(v.effective_date, v.version_date) >= ${p.effectiveFrom}::date`);
  if (p.effectiveTo) f.push(sql`coalesce(v.effective_date, v.version_date) <= ${p.effectiveTo}::date`);
  if (p.inForceOn) f.push(sql`${statusSql('v', p.inForceOn)} = 'in-force'`);
  if (p.lawId) f.push(sql`v.id = ${p.lawId}`);
  return f.length === 0 ? null : sql.join(f, sql` and `);
}

const order = (a: string, phrases: number) =>
  sql.raw(`${a}.kind = 'title' desc, ${a}.status = 'in-force' desc, ${Array.from({ length: phrases }, (_, i) => `${a}.occ${i}`).join(' + ')} desc, ${a}.level_rank, ${a}.element_id collate "C"`);

/**
 * `fraction`: the share of eligible articles a broad query examines; null lets the statement
 * judge it from its first `cap` matches.
 */
export function searchStatement(query: ParsedQuery, p: SearchPage, today: string, fraction: number | null, cap = RANK_CAP) {
  const filter = versionFilter(p, today);
  const occ = query.phrases.map(occurrences);
  const tsquery = sql`${query.tsquery}::tsquery`;
  return sql<StatementResult>`
    with probe as materialized (
      select s.element_id, s.law_id, s.kind, s.body, s.ctid from law_search s
      where s.tokens @@ ${tsquery} and ${p.kind ? sql`s.kind = ${p.kind}` : sql`true`}
        -- An array of ids rather than a join: the planner then intersects the law index with the
        -- GIN index (BitmapAnd) and visits only matching rows of those versions, even on PGlite,
        -- which keeps no statistics.
        and ${filter === null ? sql`true` : sql`s.law_id = any(array(select v.id from law_versions v where ${filter}))`}
      limit ${cap + 1}
    ),
    -- How much of the table the probe read: its pages span the table but for the largest gap
    -- between them (a bitmap scan reads from page 0; a seq scan may start anywhere and wrap).
    pages as (select distinct (ctid::text::point)[0]::int as b from probe),
    span as (
      select greatest(1, pg_relation_size('law_search') / current_setting('block_size')::int)::float8 as total,
        (select max(g) from (select b - lag(b) over (order by b) as g from pages) x) as inner_gap,
        (select min(b) - max(b) from pages) as wrap
    ),
    share as (
      -- Rounded up to a power of two: two samples of one query (a seq scan starts where another
      -- left off) then pick the same versions, and its pages agree.
      select coalesce(${fraction}::float8, power(2::float8, ceil(ln(
          (span.total - greatest(coalesce(span.inner_gap, 0), span.wrap + span.total) + 1) / span.total) / ln(2::float8)))) as f
      from span
    ),
    mode as (
      select (select count(*) from probe) > ${cap} as broad, case when f >= ${WHOLE}::float8 then 1 else f end as fraction from share
    ),
    -- The versions in rank order: whole tiers (in force × level) while the share lasts, then the
    -- tier where it ends by id. Only that tier is sorted, not every version.
    laws as (
      select v.id, v.title, v.articles, v.level, ${statusSql('v', today)} as status, ${statusSql('v', today)} = 'in-force' as in_force,
        ${levelRank} as level_rank, coalesce(v.effective_date, v.version_date) as effective_date
      from law_versions v where (select broad from mode) and ${filter ?? sql`true`}
    ),
    tiers as (
      select in_force, level_rank, n,
        coalesce(sum(n) over (order by in_force desc, level_rank rows between unbounded preceding and 1 preceding), 0) as before
      from (select in_force, level_rank, sum(articles)::float8 as n from laws group by 1, 2) t
    ),
    budget as (select (select fraction from mode) * coalesce((select sum(n) from tiers), 0) as b),
    chosen as (
      select l.id, l.articles from laws l join tiers t using (in_force, level_rank), budget where t.before + t.n <= budget.b
      union all
      select id, articles from (
        select l.id, l.articles, t.before + sum(l.articles) over (order by l.id collate "C" rows unbounded preceding) - l.articles as before
        from laws l join tiers t using (in_force, level_rank), budget where t.before < budget.b and t.before + t.n > budget.b
      ) cut, budget where cut.before < budget.b
    ),
    cand as materialized (
      select element_id, law_id, kind, body from probe where not (select broad from mode)
      union all
      select l.id, l.id, 'title', l.title from laws l
      where ${sql.lit(p.kind !== 'article')} and ${mayContain(query, sql`l.title`)}
      union all
      select s.element_id, s.law_id, s.kind, s.body from law_search s
      where ${sql.lit(p.kind !== 'title')} and (select broad and fraction < 1 from mode) and s.kind = 'article'
        and s.law_id = any(array(select id from chosen))
        -- A sub-select hides the query from the planner, which takes a query of several tokens
        -- for a rare one and then does not intersect the indexes.
        and s.tokens @@ (select ${tsquery})
      union all
      -- Every version: the index alone (the matches are spread over the whole table).
      select s.element_id, s.law_id, s.kind, s.body from law_search s
      where ${sql.lit(p.kind !== 'title')} and (select broad and fraction >= 1 from mode) and s.kind = 'article'
        and s.tokens @@ ${tsquery} and ${filter === null ? sql`true` : sql`s.law_id = any(array(select id from laws))`}
    ),
    -- The versions' columns: from laws in a broad search (already read), else from the table.
    meta as (
      select id, title, level, status, level_rank, effective_date from laws
      union all
      select v.id, v.title, v.level, ${statusSql('v', today)}, ${levelRank}, coalesce(v.effective_date, v.version_date)
      from law_versions v where not (select broad from mode) and v.id in (select law_id from probe)
    ),
    scored as (
      select c.element_id, c.law_id, c.kind, c.body, v.title as law_title, v.level, v.status, v.effective_date, v.level_rank,
        ${sql.join(occ.map((o, i) => sql`${o} as ${sql.ref(`occ${i}`)}`))}
      from cand c join meta v on v.id = c.law_id
    ),
    hits as (select * from scored h where ${sql.join(query.phrases.map((_, i) => sql`h.${sql.ref(`occ${i}`)} > 0`), sql` and `)}),
    page as (select * from hits h order by ${order('h', occ.length)} limit ${p.limit} offset ${p.offset})
    select (select broad from mode) as broad,
      (select count(*) from hits)::int as total,
      (select count(*) from hits where kind = 'title')::int as titles,
      coalesce((select json_agg(json_build_object(
          'element_id', g.element_id, 'law_id', g.law_id, 'kind', g.kind, 'body', g.body, 'law_title', g.law_title,
          'label', e.label, 'level', g.level, 'status', g.status, 'effective_date', g.effective_date) order by ${order('g', occ.length)})
        from page g left join law_elements e on e.id = g.element_id), '[]'::json) as page,
      case when not (select broad from mode) then 1
        else coalesce((select sum(articles) from chosen) / nullif((select sum(n) from tiers), 0), 1) end::float8 as examined`;
}

export async function runSearch(db: BaseDb, query: ParsedQuery, p: SearchPage, today: string, fraction: number | null, cap = RANK_CAP): Promise<StatementResult> {
  return db.transaction().execute(async (trx) => {
    // With statistics PostgreSQL prices this statement above jit_above_cost and compiles it:
    // ~100 ms, ten times the search itself. (PGlite has no JIT; the setting is accepted.)
    await sql`set local jit = off`.execute(trx);
    const { rows } = await searchStatement(query, p, today, fraction, cap).execute(trx);
    return rows[0]!;
  });
}
