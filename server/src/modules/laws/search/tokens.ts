/**
 * Search tokens for Chinese text (DESIGN.md §2): every Han character and every pair of adjacent
 * Han characters, plus Latin/digit words. A 1-character query looks up its character, a longer
 * one all its pairs (and the caller checks the phrase itself, since pairs may occur apart).
 * Trigram indexes cannot do this: 罚款 and 律师 have no trigram.
 */
const HAN = /\p{Script=Han}/u;
const WORD = /[\p{Script=Han}]+|[a-z0-9]+/gu;

/** NFKC folds full-width letters and digits (２０２１, ＡＢ) to ASCII; then lower case. */
export const normalize = (s: string): string => s.normalize('NFKC').toLowerCase();

function runs(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

/** Distinct tokens of a text to index: characters, pairs and words. */
export function indexTokens(text: string): string[] {
  const out = new Set<string>();
  for (const run of runs(text)) {
    if (!HAN.test(run[0]!)) {
      out.add(run);
      continue;
    }
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      out.add(chars[i]!);
      if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
    }
  }
  return [...out];
}

/** Tokens a text must all contain to match a query; empty when the query has no searchable word. */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  for (const run of runs(query)) {
    const chars = [...run];
    if (!HAN.test(chars[0]!) || chars.length === 1) out.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}
