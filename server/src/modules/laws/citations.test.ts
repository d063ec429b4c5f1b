import { describe, expect, it } from 'vitest';
import { type CitationLookup, type CitationTarget, findCitations, resolveCitation } from './citations.ts';

const SELF = '行政处罚法/2021-01-22';
/** Citing from 第五十八条第二款 of 行政处罚法. */
const CTX = { selfLawId: SELF, articleId: `${SELF}/art58`, paragraph: 2 };

/** [raw, target] of every citation found. */
const found = (text: string, ctx = CTX): [string, CitationTarget][] => findCitations(text, ctx).map((c) => [c.raw, c.target]);

describe('findCitations', () => {
  it.each<[string, [string, CitationTarget][]]>([
    // The example: another law by full title, to the item.
    ['依照《中华人民共和国行政强制法》第五十一条第一款第（二）项的规定', [['《中华人民共和国行政强制法》第五十一条第一款第（二）项', { law: '行政强制法', article: { n: 51 }, paragraph: 1, item: 2 }]]],
    // Short title, and this law's own title read as 'self'.
    ['依照《行政强制法》第十条', [['《行政强制法》第十条', { law: '行政强制法', article: { n: 10 } }]]],
    ['《中华人民共和国行政处罚法》第三条', [['《中华人民共和国行政处罚法》第三条', { law: 'self', article: { n: 3 } }]]],
    // A title without an article cites the law (行政处罚法 第六十一条).
    ['依照《中华人民共和国民事诉讼法》的有关规定', [['《中华人民共和国民事诉讼法》', { law: '民事诉讼法' }]]],
    // 行政处罚法 第五十四条, 第五十三条 (a range).
    ['除本法第五十一条规定的可以当场作出的行政处罚外', [['本法第五十一条', { law: 'self', article: { n: 51 } }]]],
    ['依照本法第六十七条至第六十九条的规定履行', [['本法第六十七条至第六十九条', { law: 'self', article: { n: 67 }, through: { article: { n: 69 } } }]]],
    // 法规规章备案审查条例 第九条: 本条例, 和, a list of 款 inheriting the article.
    [
      '符合本条例第二条和第八条第二款、第三款、第四款规定的',
      [
        ['本条例第二条', { law: 'self', article: { n: 2 } }],
        ['第八条第二款', { law: 'self', article: { n: 8 }, paragraph: 2 }],
        ['第三款', { law: 'self', article: { n: 8 }, paragraph: 3 }],
        ['第四款', { law: 'self', article: { n: 8 }, paragraph: 4 }],
      ],
    ],
    // 行政复议法 第四十三条: items written 第一项, a list of items inheriting 条 and 款.
    [
      '依照本法第三十九条第一款第一项、第二项、第四项的规定中止',
      [
        ['本法第三十九条第一款第一项', { law: 'self', article: { n: 39 }, paragraph: 1, item: 1 }],
        ['第二项', { law: 'self', article: { n: 39 }, paragraph: 1, item: 2 }],
        ['第四项', { law: 'self', article: { n: 39 }, paragraph: 1, item: 4 }],
      ],
    ],
    // 法律援助法 第三十五条: a list going back up to the article level; 或者.
    [
      '发现有本法第二十五条第一款、第二十八条规定情形的',
      [
        ['本法第二十五条第一款', { law: 'self', article: { n: 25 }, paragraph: 1 }],
        ['第二十八条', { law: 'self', article: { n: 28 } }],
      ],
    ],
    [
      '有本法第五十六条或者第五十七条规定的情形',
      [
        ['本法第五十六条', { law: 'self', article: { n: 56 } }],
        ['第五十七条', { law: 'self', article: { n: 57 } }],
      ],
    ],
    // Relative references, from 第五十八条第二款.
    ['依照前款规定对罪犯实行禁闭的期限为七天至十五天', [['前款', { law: 'self', article: { n: 58 }, paragraph: 1 }]]],
    ['有前条规定情形的', [['前条', { law: 'self', article: { n: 57 } }]]],
    ['有前条第二款规定情形的', [['前条第二款', { law: 'self', article: { n: 57 }, paragraph: 2 }]]],
    ['罪犯在服刑期间有第一款所列行为', [['第一款', { law: 'self', article: { n: 58 }, paragraph: 1 }]]],
    [
      '根据本条第一款、第二款制定地方性法规',
      [
        ['本条第一款', { law: 'self', article: { n: 58 }, paragraph: 1 }],
        ['第二款', { law: 'self', article: { n: 58 }, paragraph: 2 }],
      ],
    ],
    ['行政机关违反本条规定', [['本条', { law: 'self', article: { n: 58 } }]]],
    ['本款第三项规定的', [['本款第三项', { law: 'self', article: { n: 58 }, paragraph: 2, item: 3 }]]],
    ['决定前款第六项至第八项规定的事项', [['前款第六项至第八项', { law: 'self', article: { n: 58 }, paragraph: 1, item: 6, through: { item: 8 } }]]],
    // 该法: the law named last.
    [
      '依照《中华人民共和国拍卖法》第十条和该法第十一条',
      [
        ['《中华人民共和国拍卖法》第十条', { law: '拍卖法', article: { n: 10 } }],
        ['该法第十一条', { law: '拍卖法', article: { n: 11 } }],
      ],
    ],
    ['第十条之一', [['第十条之一', { law: 'self', article: { n: 10, sub: 1 } }]]],
    // Not citations.
    ['第三人不参加行政复议，不影响行政复议案件的审理', []],
    ['第十一届全国人民代表大会常务委员会第二十九次会议', []],
    ['颁发《司法鉴定许可证》', []], // a certificate, not a law
    ['对该法律案的审议即行终止', []],
    ['依照本法第二章第三节规定的有关程序', []], // chapters and sections are not cited (yet)
    ['国家的根本法', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('gives offsets into the text', () => {
    const text = '依照本法第三十条、第三十一条的规定';
    for (const c of findCitations(text, CTX)) expect(text.slice(c.start, c.end)).toBe(c.raw);
    expect(findCitations(text, CTX).map((c) => [c.start, c.end])).toEqual([
      [2, 8],
      [9, 14],
    ]);
  });

  it.each([
    ['前两款', { ...CTX, paragraph: 3 }, { law: 'self', article: { n: 58 }, paragraph: 1, through: { paragraph: 2 } }, undefined],
    ['前两款', CTX, { law: 'self', article: { n: 58 }, paragraph: 0, through: { paragraph: 1 } }, '前面没有2款'],
    ['前款', { ...CTX, paragraph: 1 }, { law: 'self', article: { n: 58 }, paragraph: 0 }, '前面没有1款'],
    ['前条', { ...CTX, articleId: `${SELF}/art1` }, { law: 'self', article: { n: 0 } }, '前面没有条文'],
    ['依照第（二）项', CTX, { law: 'self', item: 2 }, '没有指明所在的条或款'],
    ['该法第十条', CTX, { law: '该法', article: { n: 10 } }, '没有用书名号写出的法规名称'],
    ['本条第二款', { ...CTX, articleId: SELF }, { law: 'self', paragraph: 2 }, '无法确定'],
  ])('%s in context → a problem when it cannot name an element', (text, ctx, target, problem) => {
    const [c] = findCitations(text, ctx);
    expect(c?.target).toEqual(target);
    if (problem) expect(c?.problem).toContain(problem);
    else expect(c?.problem).toBeUndefined();
  });
});

describe('resolveCitation', () => {
  const QZ = '行政强制法/2011-06-30';
  const IDS = new Set([
    `${SELF}/art3`,
    `${SELF}/art58`,
    `${SELF}/art58/p1`,
    `${SELF}/art58/p2`,
    `${SELF}/art58/p1/i6`,
    `${SELF}/art58/p1/i7`,
    `${SELF}/art58/p1/i8`,
    `${SELF}/art63`,
    `${SELF}/art63-1`,
    `${SELF}/art64`,
    `${SELF}/art67`,
    `${SELF}/art68`,
    `${SELF}/art69`,
    `${QZ}/art9`,
    `${QZ}/art9/p1`,
    `${QZ}/art9/p1/i1`,
    `${QZ}/art12`,
    `${QZ}/art12/p1`,
    `${QZ}/art12/p1/i2`,
    `${QZ}/art12/p2`,
    `${QZ}/art12/p2/i2`,
  ]);
  const lookup: CitationLookup = {
    selfLawId: SELF,
    lawByTitle: (t) => (t === '行政强制法' ? QZ : undefined),
    has: (id) => IDS.has(id),
  };
  const resolve = (text: string, ctx = CTX) => findCitations(text, ctx).map((c) => resolveCitation(c, lookup));

  it.each([
    ['本法第三条', [`${SELF}/art3`]],
    ['《中华人民共和国行政强制法》第九条第一款第（一）项', [`${QZ}/art9/p1/i1`]],
    ['《中华人民共和国行政强制法》', [QZ]],
    // 第九条第一项: the article has one 款 with that item.
    ['《行政强制法》第九条第一项', [`${QZ}/art9/p1/i1`]],
    ['前款', [`${SELF}/art58/p1`]],
    ['本法第六十七条至第六十九条', [`${SELF}/art67`, `${SELF}/art68`, `${SELF}/art69`]],
    // A range includes the 之一 articles inside it.
    ['本法第六十三条至第六十四条', [`${SELF}/art63`, `${SELF}/art63-1`, `${SELF}/art64`]],
    ['前款第六项至第八项', [`${SELF}/art58/p1/i6`, `${SELF}/art58/p1/i7`, `${SELF}/art58/p1/i8`]],
  ])('%s → %j', (text, ids) => {
    expect(resolve(text)).toEqual([{ ok: true, ids }]);
  });

  it('resolves 前两款 to both 款', () => {
    expect(resolve('前两款', { ...CTX, paragraph: 3 })).toEqual([{ ok: true, ids: [`${SELF}/art58/p1`, `${SELF}/art58/p2`] }]);
  });

  it.each([
    ['本法第二百条', 'ELEMENT_MISSING', `${SELF}/art200`],
    ['本法第三条第二款', 'ELEMENT_MISSING', `${SELF}/art3/p2`],
    ['《中华人民共和国民事诉讼法》第十条', 'LAW_UNKNOWN', '《民事诉讼法》'],
    // Two 款 of 第十二条 have a (二): which one is meant is not guessed.
    ['《行政强制法》第十二条第（二）项', 'AMBIGUOUS', '2 款'],
    ['本法第六十九条至第六十七条', 'BAD_RANGE', '终点在起点之前'],
    ['本法第六十七条至第六十九条第一款', 'BAD_RANGE', '层级'],
    ['依照第（二）项', 'CITATION_PROBLEM', '没有指明'],
  ])('%s → %s', (text, reason, message) => {
    const [r] = resolve(text);
    expect(r).toMatchObject({ ok: false, reason });
    expect(r?.ok === false && r.message).toContain(message);
  });
});
