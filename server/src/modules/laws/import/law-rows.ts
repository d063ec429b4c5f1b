/**
 * A parsed law → the rows the library stores: one per element (with its parent and document
 * order), one search row per article (its whole text) and one for the title, and the places where
 * citations may stand (款, 项, 目 with the article and 款 they belong to, for 本条 / 前款).
 */
import { renderText } from '../parse-law.ts';
import type { ElementKind, LawElement, ParsedLaw } from '../law.types.ts';
import { indexTokens } from '../search/tokens.ts';

export interface ElementRow {
  id: string;
  law_id: string;
  piece: string;
  parent_id: string | null;
  ord: number;
  kind: ElementKind;
  number: number;
  sub: number | null;
  label: string;
  heading: string;
  text: string;
  line: number;
}

export interface SearchRow {
  element_id: string;
  law_id: string;
  kind: 'title' | 'article';
  body: string;
  tokens: string[];
}

export interface CitationSite {
  fromId: string;
  text: string;
  articleId: string;
  paragraph: number;
}

export interface LawRows {
  elements: ElementRow[];
  search: SearchRow[];
  sites: CitationSite[];
}

const CITING: ReadonlySet<ElementKind> = new Set(['paragraph', 'item', 'subitem']);

/** The piece of a split code is its subtitle (物权编); a whole text is ''. */
export const pieceOf = (law: ParsedLaw): string => law.subtitle ?? '';

export function rowsOf(law: ParsedLaw): LawRows {
  const piece = pieceOf(law);
  const out: LawRows = { elements: [], search: [], sites: [] };
  // The title row belongs to the whole version; a continuation piece adds none.
  if (piece === '') out.search.push({ element_id: law.lawId, law_id: law.lawId, kind: 'title', body: law.title, tokens: indexTokens(law.title) });
  const visit = (el: LawElement, parent: LawElement | null, article: LawElement | null, paragraph: number) => {
    out.elements.push({
      id: el.id,
      law_id: law.lawId,
      piece,
      parent_id: parent?.id ?? null,
      ord: out.elements.length,
      kind: el.kind,
      number: el.number,
      sub: el.sub ?? null,
      label: el.label,
      heading: el.heading,
      text: el.text,
      line: el.line,
    });
    if (el.kind === 'article') {
      const body = renderText(el);
      out.search.push({ element_id: el.id, law_id: law.lawId, kind: 'article', body, tokens: indexTokens(body) });
    }
    const inArticle = el.kind === 'article' ? el : article;
    const p = el.kind === 'paragraph' ? el.number : paragraph;
    if (inArticle && CITING.has(el.kind) && el.text !== '') out.sites.push({ fromId: el.id, text: el.text, articleId: inArticle.id, paragraph: p });
    for (const c of el.children) visit(c, el, inArticle, p);
  };
  for (const el of law.elements) visit(el, null, null, 0);
  return out;
}
