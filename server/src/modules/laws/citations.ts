/**
 * Citations in article text → element ids.
 *
 * `findCitations` reads the words: 《中华人民共和国行政处罚法》第五十一条第一款第（二）项, 本法第三十条,
 * 本条例第二条, 该法第十条, 本条第二款, 本款第三项, 前款, 前两款, 前条, bare 第三十条 / 第一款 (this law,
 * this article), ranges 第六十七条至第六十九条 and lists 第五十六条、第五十七条 / 第八条第二款、第三款
 * (a list member inherits the levels above the first one it names). Relative references are made
 * absolute with the citing article and 款 from the context.
 *
 * `resolveCitation` turns a citation into element ids against a lookup, and reports instead of
 * guessing: an unknown law, a missing element, 第X条第（Y）项 when two 款 of the article have a
 * (Y) item, or 前款 written in a first 款.
 */
import { articleRefOfId, articleSegment } from './law-ids.ts';
import type { ArticleRef } from './law.types.ts';
import { NUMERAL_CHARS, parseChineseNumber } from './numerals.ts';

export interface CitationPath {
  article?: ArticleRef;
  paragraph?: number;
  item?: number;
}

export interface CitationTarget extends CitationPath {
  /** 'self', or the cited title without 《》 and 中华人民共和国: '行政处罚法'. */
  law: string | 'self';
  /** The end of a range (至, 前两款), at the level of the deepest field above. */
  through?: CitationPath;
}

export interface Citation {
  /** UTF-16 offsets in the text: `text.slice(start, end) === raw`. */
  start: number;
  end: number;
  raw: string;
  target: CitationTarget;
  /** Why the words cannot name an element from where they stand (前款 in a first 款…). */
  problem?: string;
}

export interface CitationContext {
  /** `行政处罚法/2021-01-22`: a 《》 title naming this law is read as 'self'. */
  selfLawId: string;
  /** The citing article's id (`…/art51`), for 本条, 本款, 前款 and bare 第一款. */
  articleId: string;
  /** The citing 款 (1-based), for 本款 and 前款. */
  paragraph: number;
}

const NUM = `[${NUMERAL_CHARS}]+`;
const ARTICLE = new RegExp(`第(${NUM})条(?:之([一二三四五六七八九十]+))?`, 'uy');
const PARAGRAPH = new RegExp(`第(${NUM})款`, 'uy');
const ITEM = new RegExp(`第(?:[（(](${NUM})[)）]|(${NUM}))项`, 'uy');
const LIST_SEPARATOR = /、|或者|以及|和|或|及/uy;
const RANGE_SEPARATOR = /至/uy;
const ANCHOR =
  /《([^《》]{1,80})》|本(?:法|条例|规定|办法|细则|决定|解释|规则)(?=第)|该(?:法|条例|规定|办法)(?=第)|本条(?!例)|本款|前([两二三四五六七八九])?款|前条|第/gu;
/** A 《》 title is a law only if it ends like one (not 《司法鉴定许可证》). */
const LAW_TITLE = /(?:法|法典|条例|规定|办法|细则|决定|解释|规则)$/u;

const num = (s: string | undefined): number | null => (s === undefined ? null : parseChineseNumber(s));

function match(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** 第X条第Y款第（Z）项 at `at`, any part optional but one; the end offset. */
function readPath(text: string, at: number): { path: CitationPath; end: number } | null {
  const path: CitationPath = {};
  let end = at;
  const a = match(ARTICLE, text, end);
  if (a) {
    const n = num(a[1]);
    const sub = num(a[2]);
    if (n === null || (a[2] !== undefined && sub === null)) return null;
    path.article = sub ? { n, sub } : { n };
    end += a[0].length;
  }
  const p = match(PARAGRAPH, text, end);
  const pn = num(p?.[1]);
  if (p && pn !== null) {
    path.paragraph = pn;
    end += p[0].length;
  }
  const i = match(ITEM, text, end);
  const iN = num(i?.[1] ?? i?.[2]);
  if (i && iN !== null) {
    path.item = iN;
    end += i[0].length;
  }
  return end > at ? { path, end } : null;
}

/** A list member keeps the levels above the first one it names: 第八条第二款、第三款 → art 8 p3. */
function inherit(prev: CitationPath, next: CitationPath): CitationPath {
  if (next.article) return next;
  if (next.paragraph !== undefined) return { ...(prev.article ? { article: prev.article } : {}), ...next };
  return { ...prev, ...next };
}

const normalizeTitle = (t: string): string => t.replace(/\s+/gu, '').replace(/^中华人民共和国/u, '');

/** What an anchor word contributes before the path that may follow it. */
interface Anchor {
  law: string;
  base: CitationPath;
  through?: CitationPath;
  /** 本法, 该法 and a bare 第 cite nothing without a following 第X条/款/项. */
  needsPath: boolean;
  problem?: string;
}

function anchorOf(m: RegExpExecArray, ctx: CitationContext, lastTitle: string | undefined): Anchor | null {
  const word = m[0];
  const here = articleRefOfId(ctx.articleId);
  const relative = (base: CitationPath, problem?: string): Anchor =>
    here
      ? { law: 'self', base: { article: here, ...base }, needsPath: false, ...(problem ? { problem } : {}) }
      : { law: 'self', base, needsPath: false, problem: `无法确定“${word}”所在的条（${ctx.articleId}）` };
  if (m[1] !== undefined) {
    const title = normalizeTitle(m[1]);
    if (!LAW_TITLE.test(title)) return null;
    return { law: title === ctx.selfLawId.split('/')[0] ? 'self' : title, base: {}, needsPath: false };
  }
  if (word === '第') return { law: 'self', base: {}, needsPath: true };
  if (word.startsWith('本') && word !== '本条' && word !== '本款') return { law: 'self', base: {}, needsPath: true };
  if (word.startsWith('该')) {
    if (lastTitle) return { law: lastTitle, base: {}, needsPath: true };
    return { law: word, base: {}, needsPath: true, problem: `“${word}”之前没有用书名号写出的法规名称，无法确定所指` };
  }
  if (word === '本条') return relative({});
  // 前条: the article before this one (第五十一条之一's is 第五十一条); a 之一 article in between is
  // not guessed — the resolver reports the number if it does not exist.
  if (word === '前条') {
    if (!here) return relative({});
    const prev = here.sub ? { n: here.n } : { n: here.n - 1 };
    return relative({ article: prev }, prev.n < 1 ? '“前条”出现在第一条，前面没有条文' : undefined);
  }
  if (word === '本款') return relative({ paragraph: ctx.paragraph });
  // 前款, 前两款, 前三款…
  const back = m[2] === undefined ? 1 : (parseChineseNumber(m[2]) ?? 1);
  const from = ctx.paragraph - back;
  const anchor = relative({ paragraph: from }, from < 1 ? `“${word}”出现在第${ctx.paragraph}款，前面没有${back}款` : undefined);
  return back > 1 ? { ...anchor, through: { paragraph: ctx.paragraph - 1 } } : anchor;
}

export function findCitations(text: string, ctx: CitationContext): Citation[] {
  const out: Citation[] = [];
  const here = articleRefOfId(ctx.articleId);
  let lastTitle: string | undefined;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const anchor = anchorOf(m, ctx, lastTitle);
    if (!anchor) continue;
    if (m[1] !== undefined) lastTitle = anchor.law;
    const start = m.index;
    const afterWord = m[0] === '第' ? start : start + m[0].length;
    const first = readPath(text, afterWord);
    if (!first && anchor.needsPath) continue;
    let problem = anchor.problem;
    let path = first ? (first.path.article ? first.path : { ...anchor.base, ...first.path }) : anchor.base;
    // A bare 第一款 is in the citing article; a bare 第（二）项 names neither 条 nor 款.
    if (first && anchor.law === 'self' && !path.article) {
      if (here && path.paragraph !== undefined) path = { article: here, ...path };
      else problem ??= `“${text.slice(start, first?.end ?? afterWord)}”没有指明所在的条或款`;
    }
    let end = first?.end ?? afterWord;
    const range = match(RANGE_SEPARATOR, text, end) ? readPath(text, end + 1) : null;
    const through = range?.path ?? anchor.through;
    end = range?.end ?? end;
    out.push(cite(text, start, end, { law: anchor.law, ...path, ...(through ? { through } : {}) }, problem));
    // List members: 、第五十七条 / 和第八条第二款 / 、第三款, each a citation of its own.
    for (;;) {
      const sep = match(LIST_SEPARATOR, text, end);
      const member = sep ? readPath(text, end + sep[0].length) : null;
      if (!sep || !member) break;
      const memberStart = end + sep[0].length;
      const memberRange = match(RANGE_SEPARATOR, text, member.end) ? readPath(text, member.end + 1) : null;
      path = inherit(path, member.path);
      end = memberRange?.end ?? member.end;
      out.push(cite(text, memberStart, end, { law: anchor.law, ...path, ...(memberRange ? { through: memberRange.path } : {}) }, problem));
    }
    ANCHOR.lastIndex = end;
  }
  return out;
}

function cite(text: string, start: number, end: number, target: CitationTarget, problem?: string): Citation {
  return { start, end, raw: text.slice(start, end), target, ...(problem ? { problem } : {}) };
}

export interface CitationLookup {
  /** The citing law's id: what 'self' means. */
  selfLawId: string;
  /**
   * The id (`行政处罚法/2021-01-22`) of the law a title names (no 《》, no 中华人民共和国), in the
   * version the caller wants cited (usually the one in force when the citing text was made);
   * undefined when the library does not hold it.
   */
  lawByTitle(title: string): string | undefined;
  /** Whether the element id exists. */
  has(id: string): boolean;
}

export type UnresolvedReason = 'CITATION_PROBLEM' | 'LAW_UNKNOWN' | 'ELEMENT_MISSING' | 'AMBIGUOUS' | 'BAD_RANGE';

export type Resolution = { ok: true; ids: string[] } | { ok: false; reason: UnresolvedReason; message: string };

const unresolved = (reason: UnresolvedReason, message: string): Resolution => ({ ok: false, reason, message });

/**
 * The ids a citation names: one, several for a range, the law's own id for 《X法》 alone. A range
 * of articles includes the 之一 articles inside it that exist (第六十三条至第六十四条 includes
 * 第六十三条之一). Never a guess: anything not found exactly is `ok: false` with a Chinese message.
 */
export function resolveCitation(c: Citation, lookup: CitationLookup): Resolution {
  if (c.problem) return unresolved('CITATION_PROBLEM', c.problem);
  const { law, through, ...path } = c.target;
  const lawId = law === 'self' ? lookup.selfLawId : lookup.lawByTitle(law);
  if (!lawId) return unresolved('LAW_UNKNOWN', `法规库中没有《${law}》`);
  if (!path.article) return { ok: true, ids: [lawId] };
  const paths = expand(path, through, lookup, lawId);
  if (typeof paths === 'string') return unresolved('BAD_RANGE', paths);
  const ids: string[] = [];
  for (const p of paths) {
    const id = idOf(lawId, p, lookup);
    if (!id.ok) return id;
    ids.push(...id.ids);
  }
  return { ok: true, ids };
}

/** The single paths a (possibly ranged) target covers; a message when the range is not one. */
function expand(from: CitationPath, through: CitationPath | undefined, lookup: CitationLookup, lawId: string): CitationPath[] | string {
  if (!through) return [from];
  const level = from.item !== undefined ? 'item' : from.paragraph !== undefined ? 'paragraph' : 'article';
  const sameAbove =
    (through.article === undefined || level === 'article' || sameArticle(through.article, from.article)) &&
    (through.paragraph === undefined || level !== 'item' || through.paragraph === from.paragraph);
  const endLevel = through.item !== undefined ? 'item' : through.paragraph !== undefined ? 'paragraph' : 'article';
  if (!sameAbove || endLevel !== level) return '范围的起止不在同一层级，无法展开';
  if (level === 'article') return articleRange(from.article as ArticleRef, through.article as ArticleRef, lookup, lawId);
  const a = level === 'item' ? (from.item as number) : (from.paragraph as number);
  const b = level === 'item' ? (through.item as number) : (through.paragraph as number);
  if (b < a) return '范围的终点在起点之前';
  return Array.from({ length: b - a + 1 }, (_, k) => ({ ...from, [level]: a + k }));
}

const sameArticle = (a: ArticleRef | undefined, b: ArticleRef | undefined): boolean => a?.n === b?.n && a?.sub === b?.sub;

function articleRange(a: ArticleRef, b: ArticleRef, lookup: CitationLookup, lawId: string): CitationPath[] | string {
  if (b.n < a.n || (b.n === a.n && (b.sub ?? 0) < (a.sub ?? 0))) return '范围的终点在起点之前';
  const out: CitationPath[] = [];
  for (let n = a.n; n <= b.n; n++) {
    if (n > a.n || !a.sub) out.push({ article: { n } });
    const lastSub = n === b.n ? (b.sub ?? 0) : Infinity;
    for (let sub = n === a.n && a.sub ? a.sub : 1; sub <= lastSub; sub++) {
      // The endpoints are cited as written; 之一 articles inside the range only where they exist.
      const endpoint = (n === a.n && sub === a.sub) || (n === b.n && sub === b.sub);
      if (!endpoint && !lookup.has(`${lawId}/${articleSegment({ n, sub })}`)) break;
      out.push({ article: { n, sub } });
    }
  }
  return out;
}

/** The id of one path; 第X条第（Y）项 without a 款 is looked for in every 款 of the article. */
function idOf(lawId: string, p: CitationPath, lookup: CitationLookup): Resolution {
  const article = `${lawId}/${articleSegment(p.article as ArticleRef)}`;
  const missing = (id: string): Resolution => unresolved('ELEMENT_MISSING', `法规库中没有 ${id}`);
  if (!lookup.has(article)) return missing(article);
  if (p.paragraph === undefined && p.item !== undefined) {
    const found: string[] = [];
    for (let k = 1; lookup.has(`${article}/p${k}`); k++) if (lookup.has(`${article}/p${k}/i${p.item}`)) found.push(`${article}/p${k}/i${p.item}`);
    if (found.length > 1) return unresolved('AMBIGUOUS', `${article} 有 ${found.length} 款都有第${p.item}项，引用未指明哪一款`);
    return found[0] ? { ok: true, ids: found } : missing(`${article}/i${p.item}`);
  }
  const id = [article, p.paragraph !== undefined ? `p${p.paragraph}` : '', p.item !== undefined ? `i${p.item}` : ''].filter((s) => s !== '').join('/');
  return lookup.has(id) ? { ok: true, ids: [id] } : missing(id);
}
