import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { LawLevel } from '../law.types.ts';
import { parseQuery } from './search-query.ts';
import { runSearch } from './search.queries.ts';
import { createLawSearch, type LawSearch } from './search.service.ts';
import type { LawSearchHit, LawSearchParams } from './search.types.ts';
import { indexTokens } from './tokens.ts';

// The search on a real database, over rows written here the way the import writes them: one
// law_search row per article (its whole text, label included) and one per version (its title),
// tokens from indexTokens. "Today" is fixed at 2024-06-01 (Beijing).

let tp: TestApp;
let search: LawSearch;
const TODAY = new Date('2024-05-31T20:00:00Z'); // 2024-06-01 04:00 in Beijing

interface Version {
  id: string;
  title: string;
  level: LawLevel | null;
  versionDate: string;
  effectiveDate?: string;
  supersededOn?: string;
  repealedOn?: string;
  /** Article texts, 第一条 … in order. */
  articles: string[];
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const labelOf = (n: number) => `第${n <= 10 ? NUMERALS[n] : `十${NUMERALS[n - 10]}`}条`;
const articleId = (v: Version, n: number) => `${v.id}/art${n}`;

async function insertVersions(versions: Version[]): Promise<void> {
  const db = tp.database.db;
  for (const v of versions) {
    await sql`insert into law_versions (id, short_title, title, level, version_date, effective_date, superseded_on, repealed_on, articles, chapters, sections, parts)
      values (${v.id}, ${v.id.split('/')[0]}, ${v.title}, ${v.level}, ${v.versionDate}, ${v.effectiveDate ?? null}, ${v.supersededOn ?? null},
        ${v.repealedOn ?? null}, ${v.articles.length}, 0, 0, 0)`.execute(db);
  }
  const search = versions.flatMap((v) => [
    { id: v.id, law: v.id, kind: 'title', body: v.title },
    ...v.articles.map((text, i) => ({ id: articleId(v, i + 1), law: v.id, kind: 'article', body: `${labelOf(i + 1)}\u3000${text}` })),
  ]);
  const elements = versions.flatMap((v) => v.articles.map((_, i) => ({ id: articleId(v, i + 1), law: v.id, ord: i, label: labelOf(i + 1) })));
  for (let i = 0; i < search.length; i += 500) {
    const chunk = search.slice(i, i + 500);
    await sql`insert into law_search (element_id, law_id, kind, body, tokens)
      select e, l, k, b, array_to_tsvector(string_to_array(t, ' '))
      from unnest(${chunk.map((r) => r.id)}::text[], ${chunk.map((r) => r.law)}::text[], ${chunk.map((r) => r.kind)}::text[],
        ${chunk.map((r) => r.body)}::text[], ${chunk.map((r) => indexTokens(r.body).join(' '))}::text[]) as u(e, l, k, b, t)`.execute(db);
  }
  for (let i = 0; i < elements.length; i += 500) {
    const chunk = elements.slice(i, i + 500);
    await sql`insert into law_elements (id, law_id, piece, ord, kind, label, line)
      select e, l, '', o, 'article', b, o + 1 from unnest(${chunk.map((r) => r.id)}::text[], ${chunk.map((r) => r.law)}::text[],
        ${chunk.map((r) => r.ord)}::int[], ${chunk.map((r) => r.label)}::text[]) as u(e, l, o, b)`.execute(db);
  }
}

const PENALTY_2021: Version = {
  id: '行政处罚法/2021-01-22',
  title: '中华人民共和国行政处罚法',
  level: 'law',
  versionDate: '2021-01-22',
  effectiveDate: '2021-07-15',
  articles: [
    '为了规范行政处罚的设定和实施，制定本法。',
    '行政处罚的种类：\n（一）警告、通报批评；\n（二）罚款、没收违法所得、没收非法财物；\n（三）暂扣许可证件。',
    '违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。',
  ],
};
const PENALTY_2017: Version = {
  id: '行政处罚法/2017-09-01',
  title: '中华人民共和国行政处罚法',
  level: 'law',
  versionDate: '2017-09-01',
  supersededOn: '2021-07-15',
  articles: ['违法事实确凿并有法定依据，对公民处以五十元以下、对法人或者其他组织处以一千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。'],
};
const LAWYERS: Version = {
  id: '律师法/2017-09-01',
  title: '中华人民共和国律师法',
  level: 'law',
  versionDate: '2017-09-01',
  effectiveDate: '2018-01-01',
  articles: [
    '本法所称律师，是指依法取得律师执业证书，为当事人提供法律服务的执业人员。',
    '律师有下列行为之一的，由设区的市级或者直辖市的区人民政府司法行政部门给予警告，可以处五千元以下的罚款；有违法所得的，没收违法所得。',
  ],
};
const ZHEJIANG: Version = {
  id: '浙江省司法鉴定管理条例/2009-06-03',
  title: '浙江省司法鉴定管理条例',
  level: 'local-regulation',
  versionDate: '2009-06-03',
  effectiveDate: '2009-10-01',
  articles: [
    // 罚款, 款处 and 处罚 all occur, 罚款处罚 does not: the index finds it, the phrase check drops it.
    '依照本款处理；处以罚款的，适用行政处罚程序。',
    '司法鉴定人违反本条例规定的，处以罚款处罚，罚款罚款数额依照浙司〔２０２１〕１２号文件确定。',
    // ⾏ is U+2F8F (a Kangxi radical): the text reads 行政复议 after NFKC only.
    '当事人对处理决定不服的，可以依法申请⾏政复议。',
  ],
};
const REPEALED: Version = {
  id: '劳动教养试行办法/1982-01-21',
  title: '劳动教养试行办法',
  level: 'administrative-regulation',
  versionDate: '1982-01-21',
  repealedOn: '2013-12-28',
  articles: ['对被劳动教养的人，实行教育、感化、挽救的方针，不得罚款。'],
};
const PENDING: Version = {
  id: '公证法/2099-01-01',
  title: '中华人民共和国公证法',
  level: 'law',
  versionDate: '2098-12-01',
  effectiveDate: '2099-01-01',
  articles: ['公证机构违反本法规定的，处以罚款。'],
};

const ids = (hits: LawSearchHit[]) => hits.map((h) => h.id);
const marked = (h: LawSearchHit) => h.marks.map(([a, b]) => h.snippet.slice(a, b));
const find = (q: string, more: Partial<LawSearchParams> = {}) => search.search({ q, limit: 100, ...more });

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return undefined;
}

beforeAll(async () => {
  tp = await createTestApp({ seedDemo: false });
  search = createLawSearch(tp.database.db, () => TODAY);
  await insertVersions([PENALTY_2021, PENALTY_2017, LAWYERS, ZHEJIANG, REPEALED, PENDING]);
});
afterAll(async () => tp.destroy());

describe('matching', () => {
  it('罚款: the articles that contain it, each with its law, label and marked excerpt', async () => {
    const r = await find('罚款');
    expect(r.totalIsEstimate).toBe(false);
    expect(r.total).toBe(r.hits.length);
    expect(ids(r.hits)).toContain('行政处罚法/2021-01-22/art3');
    expect(ids(r.hits)).not.toContain('行政处罚法/2021-01-22/art1');
    const art3 = r.hits.find((h) => h.id === '行政处罚法/2021-01-22/art3')!;
    expect(art3).toMatchObject({
      lawId: '行政处罚法/2021-01-22',
      kind: 'article',
      title: '中华人民共和国行政处罚法 第三条',
      lawTitle: '中华人民共和国行政处罚法',
      label: '第三条',
      level: 'law',
      status: 'in-force',
      effectiveDate: '2021-07-15',
    });
    expect(art3.snippet.startsWith('第三条　违法事实确凿')).toBe(true);
    expect(marked(art3)).toEqual(['罚款']);
  });

  it('律师: titles and articles; a text without it is not found', async () => {
    const r = await find('律师');
    expect(ids(r.hits)).toEqual(['律师法/2017-09-01', '律师法/2017-09-01/art1', '律师法/2017-09-01/art2']);
    expect(r.hits[0]).toMatchObject({ kind: 'title', title: '中华人民共和国律师法', label: '' });
    expect(marked(r.hits[1]!)).toEqual(['律师', '律师']);
  });

  it('one character (罚) finds every text holding it, within words too', async () => {
    const r = await find('罚');
    expect(ids(r.hits)).toContain('行政处罚法/2021-01-22/art1'); // 行政处罚
    expect(ids(r.hits)).toContain('劳动教养试行办法/1982-01-21/art1'); // 罚款
    expect(ids(r.hits)).not.toContain('律师法/2017-09-01/art1');
    expect(marked(r.hits.find((h) => h.id === '行政处罚法/2021-01-22/art1')!)).toEqual(['罚']);
  });

  it('a phrase of four characters matches as written', async () => {
    const r = await find('没收违法所得');
    expect(ids(r.hits)).toEqual(['律师法/2017-09-01/art2', '行政处罚法/2021-01-22/art2']);
    expect(marked(r.hits[0]!)).toEqual(['没收违法所得']);
    expect(ids((await find('行政复议')).hits)).toContain('浙江省司法鉴定管理条例/2009-06-03/art3');
  });

  it('a phrase whose pairs occur apart is not matched; the same phrase written together is', async () => {
    const r = await find('罚款处罚');
    expect(ids(r.hits)).toEqual(['浙江省司法鉴定管理条例/2009-06-03/art2']);
    expect(ids(r.hits)).not.toContain('浙江省司法鉴定管理条例/2009-06-03/art1');
  });

  it('words separated by spaces must all occur, each as a phrase', async () => {
    const r = await find('律师 罚款');
    expect(ids(r.hits)).toEqual(['律师法/2017-09-01/art2']);
    expect(marked(r.hits[0]!)).toEqual(['律师', '罚款']);
    expect((await find('律师 公证')).total).toBe(0);
  });

  it('full-width digits and a Kangxi radical match their plain query, marked as written', async () => {
    const digits = await find('2021');
    expect(ids(digits.hits)).toEqual(['浙江省司法鉴定管理条例/2009-06-03/art2']);
    expect(marked(digits.hits[0]!)).toEqual(['２０２１']);
    const radical = (await find('行政复议')).hits.find((h) => h.id === '浙江省司法鉴定管理条例/2009-06-03/art3')!;
    expect(marked(radical)).toEqual(['⾏政复议']);
    expect((await find('2022')).total).toBe(0);
  });
});

describe('ranking', () => {
  it('title hits first, then versions in force, then occurrences, then level', async () => {
    const r = await find('罚款');
    expect(ids(r.hits)).toEqual([
      // in force: 3 occurrences in the 浙江 article, then one each: 法律 before 地方性法规, then id order
      '浙江省司法鉴定管理条例/2009-06-03/art2',
      '律师法/2017-09-01/art2',
      '行政处罚法/2021-01-22/art2',
      '行政处罚法/2021-01-22/art3',
      '浙江省司法鉴定管理条例/2009-06-03/art1',
      // not in force: amended, repealed, pending — by occurrences, level, id
      '公证法/2099-01-01/art1',
      '行政处罚法/2017-09-01/art1',
      '劳动教养试行办法/1982-01-21/art1',
    ]);
    const penalty = await find('行政处罚');
    expect(penalty.hits[0]).toMatchObject({ id: '行政处罚法/2021-01-22', kind: 'title', status: 'in-force' });
    expect(penalty.hits[1]).toMatchObject({ id: '行政处罚法/2017-09-01', kind: 'title', status: 'amended' });
  });
});

describe('filters', () => {
  it('by level', async () => {
    expect(ids((await find('罚款', { levels: ['local-regulation'] })).hits)).toEqual(['浙江省司法鉴定管理条例/2009-06-03/art2', '浙江省司法鉴定管理条例/2009-06-03/art1']);
    expect((await find('罚款', { levels: ['constitution'] })).total).toBe(0);
  });

  it('by status today', async () => {
    const repealed = await find('罚款', { statuses: ['repealed'] });
    expect(ids(repealed.hits)).toEqual(['劳动教养试行办法/1982-01-21/art1']);
    expect(repealed.hits[0]!.status).toBe('repealed');
    expect(ids((await find('罚款', { statuses: ['pending', 'amended'] })).hits)).toEqual(['公证法/2099-01-01/art1', '行政处罚法/2017-09-01/art1']);
    expect((await find('律师', { statuses: ['repealed'] })).total).toBe(0);
  });

  it('in force on a day: the old version before the new one took effect, the new one after', async () => {
    const before = ids((await find('当场作出', { inForceOn: '2021-07-14' })).hits);
    expect(before).toEqual(['行政处罚法/2017-09-01/art1']);
    const after = ids((await find('当场作出', { inForceOn: '2021-07-15' })).hits);
    expect(after).toEqual(['行政处罚法/2021-01-22/art3']);
    // Repealed in 2013: in force in 2000, not in 2014.
    expect(ids((await find('劳动教养', { inForceOn: '2000-01-01', kind: 'title' })).hits)).toEqual(['劳动教养试行办法/1982-01-21']);
    expect((await find('劳动教养', { inForceOn: '2014-01-01' })).total).toBe(0);
  });

  it('by effective date range, one version, kind', async () => {
    expect(ids((await find('罚款', { effectiveFrom: '2018-01-01', effectiveTo: '2021-07-15' })).hits)).toEqual(['律师法/2017-09-01/art2', '行政处罚法/2021-01-22/art2', '行政处罚法/2021-01-22/art3']);
    expect((await find('罚款', { effectiveFrom: '2018-01-02', effectiveTo: '2021-07-14' })).total).toBe(0);
    expect(ids((await find('罚款', { lawId: '律师法/2017-09-01' })).hits)).toEqual(['律师法/2017-09-01/art2']);
    expect(ids((await find('律师', { kind: 'title' })).hits)).toEqual(['律师法/2017-09-01']);
    expect((await find('律师', { kind: 'article' })).hits.every((h) => h.kind === 'article')).toBe(true);
  });
});

describe('pages', () => {
  it('pages are disjoint slices of one order with one total', async () => {
    const all = await find('罚款');
    const pages = await Promise.all([0, 3, 6].map((offset) => search.search({ q: '罚款', limit: 3, offset })));
    expect(pages.map((p) => p.total)).toEqual([all.total, all.total, all.total]);
    expect(pages.flatMap((p) => ids(p.hits))).toEqual(ids(all.hits));
    expect(pages[2]!.hits).toHaveLength(all.total - 6);
    expect((await search.search({ q: '罚款', offset: 50 })).hits).toEqual([]);
  });

  it('limit defaults to 20 and stops at 100', async () => {
    expect((await search.search({ q: '罚款', limit: 1 })).hits).toHaveLength(1);
    expect((await search.search({ q: '罚款', limit: 0 })).hits).toHaveLength(1);
    expect((await search.search({ q: '罚款', limit: 1000 })).hits.length).toBeLessThanOrEqual(100);
  });
});

describe('bad input', () => {
  it('a query with nothing to search, or too long, or a bad date, is refused in Chinese', async () => {
    expect(await codeOf(search.search({ q: '，。！' }))).toBe('LAW_SEARCH_NO_TERMS');
    expect(await codeOf(search.search({ q: '罚'.repeat(101) }))).toBe('LAW_SEARCH_QUERY_TOO_LONG');
    expect(await codeOf(search.search({ q: '罚款', inForceOn: '2021-02-30' }))).toBe('LAW_SEARCH_DATE_INVALID');
    expect(await codeOf(search.search({ q: '罚款', effectiveFrom: '20210101' }))).toBe('LAW_SEARCH_DATE_INVALID');
    expect(await codeOf(search.search({ q: '罚款', inForceOn: '2021-02-28' }))).toBeUndefined();
    const err = await search.search({ q: '' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('a broad query (more index matches than the rank cap, 100 here)', () => {
  // 40 local regulations of 30 articles, 罪 once in each, and one law with 罪 in 3 of its 10
  // articles: 1,204 matches with the title. The law sorts last by id, and is stored last.
  const locals: Version[] = Array.from({ length: 40 }, (_, i) => ({
    id: `地方条例${String(i).padStart(2, '0')}/2010-01-01`,
    title: `某省第${i + 1}号条例`,
    level: 'local-regulation',
    versionDate: '2010-01-01',
    articles: Array.from({ length: 30 }, (_, k) => `违反本条例第${k + 1}项规定，构成犯罪的，依法追究刑事责任。`),
  }));
  const law: Version = {
    id: '重罪法/2010-01-01',
    title: '中华人民共和国重罪法',
    level: 'law',
    versionDate: '2010-01-01',
    articles: Array.from({ length: 10 }, (_, k) => (k < 3 ? `${'罪'.repeat(k + 1)}之规定。` : '其他规定。')),
  };
  let broad: LawSearch;
  /** Ranks every match: the reference order. */
  let exact: LawSearch;

  beforeAll(async () => {
    await insertVersions([...locals, law]);
    broad = createLawSearch(tp.database.db, () => TODAY, { rankCap: 100 });
    exact = createLawSearch(tp.database.db, () => TODAY, { rankCap: 10_000 });
  });

  it('ranks the highest versions first (the law before local rules stored earlier), by occurrences', async () => {
    const r = await broad.search({ q: '罪', limit: 5 });
    expect(r.totalIsEstimate).toBe(true);
    expect(ids(r.hits)).toEqual(['重罪法/2010-01-01', '重罪法/2010-01-01/art3', '重罪法/2010-01-01/art2', '重罪法/2010-01-01/art1', '地方条例00/2010-01-01/art1']);
    // The same order as the exact ranking.
    expect(ids((await exact.search({ q: '罪', limit: 5 })).hits)).toEqual(ids(r.hits));
  });

  it('estimates the total from the versions examined, flagged; counts it when it examined all', async () => {
    const r = await broad.search({ q: '罪', levels: ['local-regulation'] });
    expect(r.totalIsEstimate).toBe(true);
    expect(r.total).toBeGreaterThan(600);
    expect(r.total).toBeLessThan(2400);
    expect(await exact.search({ q: '罪', levels: ['local-regulation'] })).toMatchObject({ total: 1200, totalIsEstimate: false });
    expect(await broad.search({ q: '条例', kind: 'title' })).toMatchObject({ total: 41, totalIsEstimate: false }); // + 浙江省司法鉴定管理条例
  });

  it('examines a share of the versions judged from the first matches, or all of them when told', async () => {
    const q = parseQuery('罪');
    const page = { q: '罪', limit: 5, offset: 0 };
    const judged = await runSearch(tp.database.db, q, page, '2024-06-01', null, 100);
    expect(judged.broad).toBe(true);
    expect(judged.examined).toBeGreaterThan(0);
    expect(judged.examined).toBeLessThan(0.5);
    expect(judged.total).toBeLessThan(1204);
    const all = await runSearch(tp.database.db, q, page, '2024-06-01', 1, 100);
    expect(all).toMatchObject({ broad: true, examined: 1, total: 1204, titles: 1 });
    expect(all.page.map((h) => h.element_id)).toEqual(judged.page.map((h) => h.element_id));
    const narrow = await runSearch(tp.database.db, q, page, '2024-06-01', null, 2000);
    expect(narrow).toMatchObject({ broad: false, examined: 1, total: 1204 });
  });

  it('serves pages past the versions first examined, each article once', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 1300; offset += 100) seen.push(...ids((await broad.search({ q: '罪', levels: ['local-regulation'], limit: 100, offset })).hits));
    expect(seen).toHaveLength(1200);
    expect(new Set(seen).size).toBe(1200);
    // Every local article has one 罪, so widening cannot reorder earlier pages: the exact order.
    const reference: string[] = [];
    for (let offset = 0; offset < 1300; offset += 100) reference.push(...ids((await exact.search({ q: '罪', levels: ['local-regulation'], limit: 100, offset })).hits));
    expect(seen).toEqual(reference);
  });
});
