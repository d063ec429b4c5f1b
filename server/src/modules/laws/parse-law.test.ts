import { describe, expect, it } from 'vitest';
import type { LawElement, ParsedLaw } from './law.types.ts';
import { type ParseLawOptions, parseLaw, renderText, walk } from './parse-law.ts';

/** A law in the sample's layout: every line followed by a blank line. */
const HEADER = ['# 中华人民共和国示例法', '2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过', '<!-- INFO END -->'];
const FILE = '行政法/示例法(2020-01-01).md';

function parse(body: readonly string[], opts: Partial<ParseLawOptions> = {}, header = HEADER): ParsedLaw {
  return parseLaw([...header, ...body].join('\n\n'), { file: FILE, ...opts });
}

function byId(law: ParsedLaw): Map<string, LawElement> {
  const map = new Map<string, LawElement>();
  walk(law.elements, (el) => map.set(el.id, el));
  return map;
}

function articles(law: ParsedLaw): string[] {
  const out: string[] = [];
  walk(law.elements, (el) => {
    if (el.kind === 'article') out.push(el.id.split('/').at(-1) ?? '');
  });
  return out;
}

const codes = (law: ParsedLaw): string[] => law.warnings.map((w) => w.code);

describe('parseLaw: the sample layout', () => {
  const law = parse([
    '## 第一章 总 则',
    '第一条 为了规范示例，制定本法。',
    '第二条 本法适用于下列事项：',
    '（一）第一项；',
    '（二）第二项。',
    '前款规定以外的事项，依照其规定。',
    '## 第二章 程序',
    '### 第一节 一般规定',
    '第三条 本法自2020年7月1日起施行。',
  ]);
  const el = byId(law);

  it('reads the metadata', () => {
    expect(law).toMatchObject({
      title: '中华人民共和国示例法',
      shortTitle: '示例法',
      versionDate: '2020-01-01',
      effectiveDate: '2020-07-01', // from 本法自…起施行, not before the version
      level: 'law',
      lawId: '示例法/2020-01-01',
      counts: { articles: 3, chapters: 2, sections: 1, parts: 0 },
      warnings: [],
    });
    expect(law.history).toEqual([
      { line: 3, date: '2020-01-01', kind: 'adopted', text: '2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过' },
    ]);
  });

  it('builds the tree with stable ids and source lines', () => {
    expect([...el.keys()]).toEqual([
      '示例法/2020-01-01/ch1',
      '示例法/2020-01-01/art1',
      '示例法/2020-01-01/art1/p1',
      '示例法/2020-01-01/art2',
      '示例法/2020-01-01/art2/p1',
      '示例法/2020-01-01/art2/p1/i1',
      '示例法/2020-01-01/art2/p1/i2',
      '示例法/2020-01-01/art2/p2',
      '示例法/2020-01-01/ch2',
      '示例法/2020-01-01/ch2/sec1',
      '示例法/2020-01-01/art3',
      '示例法/2020-01-01/art3/p1',
    ]);
    expect(el.get('示例法/2020-01-01/ch1')).toMatchObject({ kind: 'chapter', number: 1, label: '第一章', heading: '总则', line: 7 });
    expect(el.get('示例法/2020-01-01/art2/p1/i2')).toMatchObject({ kind: 'item', number: 2, label: '（二）', text: '第二项。', line: 15 });
    expect(el.get('示例法/2020-01-01/art2/p2')).toMatchObject({ kind: 'paragraph', number: 2, text: '前款规定以外的事项，依照其规定。' });
  });

  it('renders an article as it reads', () => {
    expect(renderText(el.get('示例法/2020-01-01/art2') as LawElement)).toBe(
      '第二条 本法适用于下列事项：\n（一）第一项；\n（二）第二项。\n前款规定以外的事项，依照其规定。',
    );
  });
});

describe('parseLaw: variants of the national corpus', () => {
  it('第X条之一 is an article of its own, counted, with id art51-1', () => {
    const law = parse(['第一条 甲。', '第一条之一 乙。', '第一条之二 丙。', '第二条 丁。']);
    expect(articles(law)).toEqual(['art1', 'art1-1', 'art1-2', 'art2']);
    expect(byId(law).get('示例法/2020-01-01/art1-1')).toMatchObject({ number: 1, sub: 1, label: '第一条之一' });
    expect(law.counts.articles).toBe(4);
    expect(law.warnings).toEqual([]);
  });

  it('a part of a split code starts where the previous file ended', () => {
    const body = ['## 第一分编 通则', '### 第一章 一般规定', '第二百零五条 甲。', '第二百零六条 乙。'];
    const subtitled = parse(body, {}, ['# 中华人民共和国民法典', '# 物权编', '<!-- INFO END -->']);
    expect(subtitled).toMatchObject({ subtitle: '物权编', counts: { articles: 2, chapters: 1, parts: 1 }, warnings: [] });
    expect(articles(subtitled)).toEqual(['art205', 'art206']);
    expect(parse(body, { startArticle: 205 }).warnings).toEqual([]);
    const wrongStart = parse(body, { startArticle: 200 });
    expect(wrongStart.warnings).toMatchObject([{ line: 11, code: 'LAW_ARTICLE_START' }]);
    // Without either, the file is taken as a whole law: warned, and nothing dropped.
    const alone = parse(body);
    expect(alone.warnings).toMatchObject([{ line: 11, code: 'LAW_ARTICLE_START', message: expect.stringContaining('第二百零五条') }]);
    expect(alone.counts.articles).toBe(2);
  });

  it.each([
    ['restart in each 编', [1, 2, 1], [], ['part1/ch1', 'part1/ch2', 'part2/ch1']],
    ['run on across 编', [1, 2, 3], [], ['part1/ch1', 'part1/ch2', 'part2/ch3']],
    ['neither', [1, 2, 5], ['LAW_HEADING_SEQUENCE'], ['part1/ch1', 'part1/ch2', 'part2/ch5']],
  ])('chapter numbers that %s', (_, [a, b, c], warnings, chapterIds) => {
    const cn = ['', '一', '二', '三', '四', '五'];
    const law = parse([
      '## 第一编 总则',
      `### 第${cn[a ?? 0]}章 甲`,
      '第一条 甲。',
      `### 第${cn[b ?? 0]}章 乙`,
      '第二条 乙。',
      '## 第二编 分则',
      '### 第一分编 通则',
      `#### 第${cn[c ?? 0]}章 丙`,
      '第三条 丙。',
    ]);
    expect(codes(law)).toEqual(warnings);
    expect(law.counts).toEqual({ articles: 3, chapters: 3, sections: 0, parts: 3 });
    const ids: string[] = [];
    walk(law.elements, (el) => {
      if (el.kind === 'chapter') ids.push(el.id.replace('示例法/2020-01-01/', '').replace('/subpart1', ''));
    });
    expect(ids).toEqual(chapterIds);
  });

  it.each([
    ['a space', ' '],
    ['two spaces', '  '],
    ['U+3000', '\u3000'],
    ['U+00A0', '\u00A0'],
    ['U+2002', '\u2002'],
    ['a tab', '\t'],
    ['nothing', ''],
  ])('separator after the number: %s', (_, sep) => {
    const law = parse([`## 第一章${sep}总则`, `第一条${sep}为了规范示例，制定本法。`, `第二条${sep}本法自公布之日起施行。`]);
    expect(law.warnings).toEqual([]);
    expect(articles(law)).toEqual(['art1', 'art2']);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/art1/p1')?.text).toBe('为了规范示例，制定本法。');
    expect(el.get('示例法/2020-01-01/ch1')?.heading).toBe('总则');
  });

  it.each([
    ['笫二条 乙。', 'LAW_TYPO_DI'],
    ['第 二 条 乙。', 'LAW_SPACE_IN_NUMBER'],
    ['第二 条 乙。', 'LAW_SPACE_IN_NUMBER'],
    ['第\u3000二条 乙。', 'LAW_SPACE_IN_NUMBER'],
  ])('accepts %j with a warning', (line, code) => {
    const law = parse(['第一条 甲。', line, '第三条 丙。']);
    expect(articles(law)).toEqual(['art1', 'art2', 'art3']);
    expect(law.warnings).toMatchObject([{ line: 9, code }]);
    expect(byId(law).get('示例法/2020-01-01/art2')).toMatchObject({ label: '第二条' });
  });

  it('accepts 笫 and spaces in headings with a warning', () => {
    const law = parse(['## 笫一章 总则', '第一条 甲。', '## 第 二 章 附则', '第二条 乙。']);
    expect(law.counts.chapters).toBe(2);
    expect(law.warnings).toMatchObject([
      { line: 7, code: 'LAW_TYPO_DI' },
      { line: 11, code: 'LAW_SPACE_IN_NUMBER' },
    ]);
  });

  it('items on their own lines belong to the 款 before them; a later line is a new 款', () => {
    const law = parse(['第一条 有下列情形之一的，不予办理：', '（一）甲；', '（三）乙。', '有前款情形的，应当说明理由。']);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/art1/p1')?.children.map((c) => c.id.split('/').at(-1))).toEqual(['i1', 'i3']);
    expect(el.get('示例法/2020-01-01/art1/p2')?.text).toBe('有前款情形的，应当说明理由。');
    expect(law.warnings).toMatchObject([{ line: 11, code: 'LAW_ITEM_SEQUENCE', message: '（三）的编号不连续：应为第二项' }]);
  });

  it('目 (1.) sit under the current 项; without one they are 项', () => {
    const law = parse(['第一条 下列事项：', '（一）甲：', '1. 子一；', '2. 子二；', '（二）乙。', '第二条 下列事项：', '(1) 丙；', '(2) 丁。']);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/art1/p1/i1')?.children.map((c) => [c.id.split('/').at(-1), c.kind, c.label, c.text])).toEqual([
      ['m1', 'subitem', '1.', '子一；'],
      ['m2', 'subitem', '2.', '子二；'],
    ]);
    expect(el.get('示例法/2020-01-01/art2/p1/i2')).toMatchObject({ kind: 'item', label: '（2）', text: '丁。' });
    expect(law.warnings).toEqual([]);
  });

  it('a line after one that did not end a sentence continues it', () => {
    const law = parse([
      '第一条 为了规范',
      '示例活动，制定本法。', // continues 款 1
      '本法所称示例，是指', // a new 款 (the line before ended with 。)…
      '示例的行为。', // …continued
      '第二条 下列事项：',
      '（一）甲，',
      '乙；', // continues item 1
      '（二）丙。',
    ]);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/art1/p1')?.text).toBe('为了规范示例活动，制定本法。');
    expect(el.get('示例法/2020-01-01/art1/p2')?.text).toBe('本法所称示例，是指示例的行为。');
    expect(el.get('示例法/2020-01-01/art1/p3')).toBeUndefined();
    expect(el.get('示例法/2020-01-01/art2/p1/i1')?.text).toBe('甲，乙；');
    expect(law.warnings).toEqual([]);
  });

  it('an article number on a line of its own takes the next line as its first 款', () => {
    const law = parse(['第一条', '为了规范示例，制定本法。', '第二条 乙。']);
    expect(byId(law).get('示例法/2020-01-01/art1/p1')).toMatchObject({ text: '为了规范示例，制定本法。', line: 9 });
    expect(law.warnings).toEqual([]);
  });

  it('keeps appendices and tables, outside the article count', () => {
    // Table rows are consecutive lines (a blank line ends a Markdown table).
    const text = [
      ...HEADER,
      '第一条 罚款数额如下：',
      '| 情节 | 数额 |',
      '| --- | --- |',
      '| 轻微 | 一千元 |',
      '违法所得应当没收。',
      '第二条 本法自公布之日起施行。',
      '附件所列标准由国务院规定。', // a sentence, not an appendix
      '附件：示例合同',
      '第一条 甲方应当……',
      '| 项目 | 金额 |',
      '附表2 收费标准',
    ].join('\n');
    const law = parseLaw(text, { file: FILE });
    expect(law.counts.articles).toBe(2);
    const el = byId(law);
    // The three rows are one table in article 1; the line after it is the second 款.
    expect(el.get('示例法/2020-01-01/art1/t1')).toMatchObject({ kind: 'table', text: '| 情节 | 数额 |\n| --- | --- |\n| 轻微 | 一千元 |', line: 5 });
    expect(el.get('示例法/2020-01-01/art1/p2')?.text).toBe('违法所得应当没收。');
    expect(el.get('示例法/2020-01-01/art2/p2')?.text).toBe('附件所列标准由国务院规定。');
    expect(el.get('示例法/2020-01-01/app1')).toMatchObject({ kind: 'appendix', heading: '附件：示例合同', line: 11 });
    expect(el.get('示例法/2020-01-01/app1/x1')).toMatchObject({ kind: 'text', text: '第一条 甲方应当……' });
    expect(el.get('示例法/2020-01-01/app1/t1')?.kind).toBe('table');
    expect(el.get('示例法/2020-01-01/app2')).toMatchObject({ kind: 'appendix', heading: '附表2 收费标准' });
    expect(law.warnings).toEqual([]);
  });

  it('warns about gaps and repeats and keeps every article', () => {
    const law = parse(['第一条 甲。', '第二条 乙。', '第四条 丁。', '第四条 戊。', '第三条 丙。']);
    expect(articles(law)).toEqual(['art1', 'art2', 'art4', 'art4~2', 'art3']);
    expect(law.warnings).toEqual([
      { line: 11, code: 'LAW_ARTICLE_GAP', message: '条号不连续：第二条之后是第四条' },
      { line: 13, code: 'LAW_ARTICLE_REPEAT', message: '第四条重复或倒序：上一条为第四条' },
      { line: 15, code: 'LAW_ARTICLE_REPEAT', message: '第三条重复或倒序：上一条为第四条' },
    ]);
    expect(law.counts.articles).toBe(5);
  });

  it('warns about a 之二 without 之一', () => {
    expect(parse(['第一条 甲。', '第一条之二 乙。']).warnings).toMatchObject([{ code: 'LAW_ARTICLE_GAP' }]);
  });

  it('keeps a line whose number does not parse, with a warning', () => {
    const law = parse(['第一条 甲。', '第十十条 乙。']);
    expect(law.warnings).toMatchObject([{ line: 9, code: 'LAW_BAD_NUMBER' }]);
    expect(byId(law).get('示例法/2020-01-01/art1/p2')?.text).toBe('第十十条 乙。');
  });

  it('a 款 that starts with a citation is not an article', () => {
    const law = parse(['第一条 甲。', '第十条规定的事项，依照其规定。', '第二条 乙。']);
    expect(articles(law)).toEqual(['art1', 'art2']);
    expect(byId(law).get('示例法/2020-01-01/art1/p2')?.text).toBe('第十条规定的事项，依照其规定。');
    expect(law.warnings).toEqual([]);
  });

  it('a heading that lost its number is kept beside the articles, with a warning', () => {
    const law = parse(['### 第一节 奖惩', '第一条 甲。', '对罪犯服刑期间犯罪的处理', '第二条 乙。']);
    expect(law.warnings).toMatchObject([{ line: 11, code: 'LAW_SUSPECT_HEADING' }]);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/sec1/x1')).toMatchObject({ kind: 'text', text: '对罪犯服刑期间犯罪的处理' });
    expect(el.get('示例法/2020-01-01/art1')?.children).toHaveLength(1);
  });

  it('an unnumbered heading is a container at the rank of its # level', () => {
    const law = parse(['## 第一章 总则', '第一条 甲。', '## 附则', '第二条 乙。']);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/h1')).toMatchObject({ kind: 'heading', heading: '附则' });
    expect(el.get('示例法/2020-01-01/h1')?.children.map((c) => c.label)).toEqual(['第二条']);
    expect(law.counts.chapters).toBe(1);
  });

  it('a 目录 before the body is skipped: its headings are not counted twice', () => {
    const law = parse(['目录', '第一章 总则', '第二章 附则', '## 第一章 总则', '第一条 一。', '## 第二章 附则', '第二条 二。']);
    expect(law.counts).toMatchObject({ articles: 2, chapters: 2 });
    expect(codes(law)).toEqual([]);
    const unclosed = parse(['## 目 录', '第一章 总则', '第一条 一。']);
    expect(unclosed.counts.articles).toBe(1);
    expect(codes(unclosed)).toContain('LAW_TOC_UNCLOSED');
  });

  it('text before the first article is kept', () => {
    const law = parse(['为了示例，特制定本法。', '## 第一章 总则', '说明文字', '第一条 甲。']);
    const el = byId(law);
    expect(el.get('示例法/2020-01-01/x1')?.text).toBe('为了示例，特制定本法。');
    expect(el.get('示例法/2020-01-01/ch1/x1')?.text).toBe('说明文字');
  });
});

describe('parseLaw: plain text without the header block', () => {
  it('takes the title from the first line and the history from the parenthesis', () => {
    const text = [
      '\uFEFF中华人民共和国示例法', // with a byte-order mark
      '（1996年3月17日第八届全国人民代表大会第四次会议通过\u3000根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正\u30002021年1月22日第十三届全国人民代表大会常务委员会第二十五次会议修订）',
      '第一章\u3000总则',
      '第一条\u3000为了规范示例，制定本法。',
      '第二条\u3000本法自1996年10月1日起施行。',
    ].join('\r\n');
    const law = parseLaw(text, { file: 'uploads/示例法.txt' });
    expect(law).toMatchObject({
      title: '中华人民共和国示例法',
      versionDate: '2021-01-22', // the latest event: the file name has no date
      lawId: '示例法/2021-01-22',
      counts: { articles: 2, chapters: 1 },
      warnings: [],
    });
    expect(law.effectiveDate).toBeUndefined(); // 1996 is the original law's date, not this version's
    expect(law.history.map((h) => [h.date, h.kind])).toEqual([
      ['1996-03-17', 'adopted'],
      ['2009-08-27', 'amended'],
      ['2021-01-22', 'revised'],
    ]);
  });

  it('takes the title from the file name when the text starts with an article', () => {
    const law = parseLaw('第一条 甲。\n第二条 乙。', { file: '地方性法规/浙江/某某条例.txt' });
    expect(law).toMatchObject({ title: '某某条例', lawId: '某某条例/undated', level: 'local-regulation', counts: { articles: 2 } });
    expect(codes(law)).toEqual(['LAW_NO_TITLE', 'LAW_NO_VERSION_DATE']);
  });

  it('reads the effective date from a 施行 history line', () => {
    const law = parse(['第一条 甲。'], {}, ['# 浙江省示例条例', '2009年6月3日 浙江省人大常委会公告第11号公布', '2009年10月1日 施行', '<!-- INFO END -->']);
    expect(law).toMatchObject({ versionDate: '2020-01-01', effectiveDate: '2009-10-01' });
    expect(law.history.map((h) => h.kind)).toEqual(['promulgated', 'effective']);
  });

  it.each([
    ['中华人民共和国示例法', 'x/示例.md', 'law'],
    ['示例条例', '行政法规/示例条例.md', 'administrative-regulation'],
    ['示例规定', 'DLC/浙江地方法规/地方性法规/浙江/示例规定.md', 'local-regulation'],
    ['最高人民法院关于示例的解释', 'x/示例.md', 'judicial-interpretation'],
    ['示例办法', 'x/示例.md', undefined],
  ])('level of %s in %s', (title, file, level) => {
    expect(parseLaw(`# ${title}\n第一条 甲。`, { file }).level).toBe(level);
  });

  it('prefers levelFromPath to the file', () => {
    expect(parseLaw('# 示例办法\n第一条 甲。', { file: 'a.md', levelFromPath: '部门规章' }).level).toBe('department-rule');
  });
});
