import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/errors.ts';
import { MAX_QUERY_LENGTH, parseQuery } from './search-query.ts';
import { HAN_COMPAT } from './search.queries.ts';
import { normalize } from './tokens.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'not an AppError';
  }
  return undefined;
};

describe('parseQuery', () => {
  it('one phrase: its pairs, ANDed', () => {
    expect(parseQuery('行政处罚')).toEqual({ phrases: ['行政处罚'], tokens: ['行政', '政处', '处罚'], tsquery: "'行政' & '政处' & '处罚'" });
  });

  it('one character: the character itself', () => {
    expect(parseQuery('罚').tsquery).toBe("'罚'");
  });

  it('words split at ASCII and ideographic spaces; each is a phrase; repeats dropped', () => {
    expect(parseQuery(' 律师　罚款 律师 ').phrases).toEqual(['律师', '罚款']);
    expect(parseQuery('律师 罚款').tsquery).toBe("'律师' & '罚款'");
  });

  it('punctuation around a word is not part of the phrase; inside it is', () => {
    expect(parseQuery('《行政处罚法》').phrases).toEqual(['行政处罚法']);
    expect(parseQuery('“罚款，警告”').phrases).toEqual(['罚款,警告']);
  });

  it('full-width letters and digits fold to ASCII, letters to lower case', () => {
    expect(parseQuery('２０２１年 ＩＣＰ').phrases).toEqual(['2021年', 'icp']);
  });

  it('a word without searchable characters is ignored beside others', () => {
    expect(parseQuery('—— 罚款').phrases).toEqual(['罚款']);
  });

  it('no searchable word: LAW_SEARCH_NO_TERMS', () => {
    expect(codeOf(() => parseQuery(''))).toBe('LAW_SEARCH_NO_TERMS');
    expect(codeOf(() => parseQuery('，。！ —— '))).toBe('LAW_SEARCH_NO_TERMS');
    expect(codeOf(() => parseQuery('罚'))).toBeUndefined();
  });

  it(`more than ${MAX_QUERY_LENGTH} characters: LAW_SEARCH_QUERY_TOO_LONG`, () => {
    expect(codeOf(() => parseQuery('罚'.repeat(MAX_QUERY_LENGTH + 1)))).toBe('LAW_SEARCH_QUERY_TOO_LONG');
    expect(codeOf(() => parseQuery('罚'.repeat(MAX_QUERY_LENGTH)))).toBeUndefined();
  });
});

describe('HAN_COMPAT (the phrase check normalizes a text only when it holds one of these)', () => {
  // The same class as a JS regex: \UXXXXXXXX → \u{XXXXX}.
  const re = new RegExp(HAN_COMPAT.replace(/\\U000([0-9a-f]{5})/g, '\\u{$1}'), 'u');

  it('holds every character whose NFKC form has a Han character', () => {
    const missing: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const n = normalize(c);
      if (n !== c && /\p{Script=Han}/u.test(n) && !re.test(c)) missing.push(cp.toString(16));
    }
    expect(missing).toEqual([]);
  });

  it('leaves out the characters of ordinary statute text', () => {
    expect(re.test('第五十一条　违法事实确凿并有法定依据，处以罚款（一）；“警告”。')).toBe(false);
    expect(re.test('⾏')).toBe(true); // U+2F8F KANGXI RADICAL WALK
  });
});
