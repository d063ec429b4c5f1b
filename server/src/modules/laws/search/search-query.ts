/**
 * A user's query → what the database is asked. Each word (split at spaces, full-width ones too)
 * is a phrase that must occur in the text as written; the index finds candidates by the word's
 * tokens (tokens.ts) and the phrase check removes texts where the pairs only occur apart.
 */
import { lawSearchErrors } from './search.errors.ts';
import { normalize, queryTokens } from './tokens.ts';

export const MAX_QUERY_LENGTH = 100;

export interface ParsedQuery {
  /** Normalized (NFKC, lower case) phrases, distinct, each with at least one token. */
  phrases: string[];
  /** Every token of every phrase, distinct: all must be in a text's tsvector. */
  tokens: string[];
  /** The tokens ANDed as a tsquery literal, passed as a parameter (never spliced into SQL). */
  tsquery: string;
}

/** What the index holds: Han characters, ASCII letters and digits (tokens.ts). */
const SEARCHABLE = /[\p{Script=Han}a-z0-9]/u;

/** Punctuation around a word (《行政处罚法》, “罚款”) is not part of the phrase. */
function trimEdges(word: string): string {
  const chars = [...word];
  let a = 0;
  let b = chars.length;
  while (a < b && !SEARCHABLE.test(chars[a]!)) a++;
  while (b > a && !SEARCHABLE.test(chars[b - 1]!)) b--;
  return chars.slice(a, b).join('');
}

/** A lexeme inside a tsquery literal: quoted, with ' doubled and \ escaped. */
const lexeme = (t: string): string => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export function parseQuery(q: string): ParsedQuery {
  const text = normalize(q).trim();
  if ([...text].length > MAX_QUERY_LENGTH) {
    throw lawSearchErrors.LAW_SEARCH_QUERY_TOO_LONG(undefined, [{ field: 'q', message: `检索词有 ${[...text].length} 个字符` }]);
  }
  const phrases: string[] = [];
  const tokens = new Set<string>();
  for (const word of text.split(/\s+/u)) {
    const phrase = trimEdges(word);
    const own = queryTokens(phrase);
    if (own.length === 0 || phrases.includes(phrase)) continue;
    phrases.push(phrase);
    for (const t of own) tokens.add(t);
  }
  if (phrases.length === 0) {
    throw lawSearchErrors.LAW_SEARCH_NO_TERMS(undefined, [{ field: 'q', message: q.trim() === '' ? '检索词为空' : `“${q.trim()}”中没有汉字、字母或数字` }]);
  }
  return { phrases, tokens: [...tokens], tsquery: [...tokens].map(lexeme).join(' & ') };
}
