/**
 * Builds the element tree from the body lines, one line at a time, and checks the numbering as it
 * goes. Nothing is dropped: a line the builder cannot place in an article is kept as a `text`
 * element where it stands, with a warning when it looks wrong.
 *
 * Rules that go beyond the sample format (every non-empty line after an article is a 款):
 * - A line continues the previous 款/项/text when that line did not end a sentence (。；：？！ or
 *   their ASCII forms, optionally followed by a closing quote or bracket). Statutes end every
 *   款 and 项 that way, so a line without it is a text wrapped by whoever made the file.
 * - A short line (≤ 30 characters, no comma) with no closing punctuation, after a finished 款 and
 *   directly before an article or heading, is a heading that lost its number (监狱法 2012 has
 *   “对罪犯服刑期间犯罪的处理”, 第四章第七节): kept as `text` beside the articles, with a warning,
 *   so that it is not counted as a 款 of the article before it.
 * - 第X条 without a separator followed by 规定/的/所/至/、/和/或/及/第/中/之 and a number that is not
 *   the next one is a sentence that starts with a citation, not an article.
 * - Everything from an appendix line (附件/附表/附录) to the next one is appendix content: its
 *   第X条 lines are the appendix's own text (a model contract…), not articles of the law.
 * - Containers close by rank (编 < 分编 < 章 < 节); an unnumbered `#` heading takes the rank of the
 *   numbered headings written with the same number of `#` (chapter rank when none was seen).
 */
import { articleSegment, segmentOf } from './law-ids.ts';
import { type Fix, type Line, type StructuralKind, TERMINAL } from './law-lines.ts';
import type { ArticleRef, ElementKind, LawElement, LawWarning } from './law.types.ts';
import { toChineseNumber } from './numerals.ts';

export interface TreeOptions {
  lawId: string;
  /** The number the first article must have; undefined: 1, or any when `continuation`. */
  startArticle?: number;
  /** The file continues a split code: its first article and headings may have any number. */
  continuation: boolean;
}

const RANK: Readonly<Record<StructuralKind, number>> = { part: 1, subpart: 2, chapter: 3, section: 4 };
const KIND_WORD: Readonly<Record<StructuralKind, string>> = { part: '编', subpart: '分编', chapter: '章', section: '节' };
const DEFAULT_HEADING_RANK = RANK.chapter;
const SUSPECT_HEADING_MAX = 30;
const CITATION_START = /^[规的所至、和或及第中之]/u;

const FIX_WARNINGS: Readonly<Record<Fix, [string, string]>> = {
  'typo-di': ['LAW_TYPO_DI', '“笫”应为“第”，已按“第”读取'],
  'space-in-number': ['LAW_SPACE_IN_NUMBER', '编号中有多余空格，已忽略'],
};

const articleLabel = (r: ArticleRef): string => `第${toChineseNumber(r.n)}条${r.sub ? `之${toChineseNumber(r.sub)}` : ''}`;
const compare = (a: ArticleRef, b: ArticleRef): number => a.n - b.n || (a.sub ?? 0) - (b.sub ?? 0);

interface Open {
  el: LawElement;
  rank: number;
}

export class TreeBuilder {
  readonly roots: LawElement[] = [];
  readonly warnings: LawWarning[] = [];
  private readonly stack: Open[] = [];
  private readonly ids = new Set<string>();
  private readonly mdRanks = new Map<number, number>();
  private readonly lastNumber = new Map<StructuralKind, number>();
  private article: LawElement | null = null;
  private paragraph: LawElement | null = null;
  private item: LawElement | null = null;
  private table: LawElement | null = null;
  private appendix: LawElement | null = null;
  /** The element the next line continues when `ended` is false. */
  private last: { el: LawElement; ended: boolean } | null = null;
  private prevArticle: ArticleRef | null = null;

  constructor(private readonly opts: TreeOptions) {}

  /** `written` is the cleaned line; `next` the next non-blank line (for suspected headings). */
  add(line: Line, lineNo: number, written: string, next: Line | undefined): void {
    if (line.type === 'blank') {
      this.table = null;
      return;
    }
    if (line.type !== 'table') this.table = null;
    if (line.type === 'appendix') return this.onAppendix(line.heading, lineNo);
    if (this.appendix) {
      if (line.type === 'table') return this.onTable(written, lineNo);
      return void this.text(this.appendix, written, lineNo);
    }
    switch (line.type) {
      case 'structure':
        return this.onStructure(line, lineNo);
      case 'heading':
        return this.onHeading(line.heading, line.mdLevel, lineNo);
      case 'article':
        return this.onArticle(line, lineNo, written, next);
      case 'item':
      case 'subitem':
        return this.onItem(line, lineNo, written);
      case 'table':
        return this.onTable(written, lineNo);
      case 'text':
        return this.onText(line.text, lineNo, next);
    }
  }

  private warn(line: number, code: string, message: string): void {
    this.warnings.push({ line, code, message });
  }

  private warnFixes(fixes: readonly Fix[], line: number): void {
    for (const f of fixes) this.warn(line, ...FIX_WARNINGS[f]);
  }

  /** A second element with the same path (a repeated article) gets `~2`, `~3`… */
  private uniqueId(id: string): string {
    let unique = id;
    for (let k = 2; this.ids.has(unique); k++) unique = `${id}~${k}`;
    this.ids.add(unique);
    return unique;
  }

  private get container(): LawElement | null {
    return this.stack.at(-1)?.el ?? null;
  }

  private childrenOf(parent: LawElement | null): LawElement[] {
    return parent ? parent.children : this.roots;
  }

  /** Ids: articles `<law>/art51-1` wherever they sit; anything else `<parent id>/<kind><n>`. */
  private append(parent: LawElement | null, kind: ElementKind, number: number, fields: Partial<LawElement> & { line: number }): LawElement {
    const siblings = this.childrenOf(parent);
    const path =
      kind === 'article'
        ? `${this.opts.lawId}/${articleSegment({ n: number, ...(fields.sub ? { sub: fields.sub } : {}) })}`
        : `${parent?.id ?? this.opts.lawId}/${segmentOf(kind, number || siblings.filter((c) => c.kind === kind).length + 1)}`;
    const el: LawElement = { kind, number, label: '', heading: '', text: '', children: [], ...fields, id: this.uniqueId(path) };
    siblings.push(el);
    return el;
  }

  private resetArticle(): void {
    this.article = this.paragraph = this.item = null;
    this.last = null;
  }

  private text(parent: LawElement | null, text: string, line: number): LawElement {
    const el = this.append(parent, 'text', 0, { text, line });
    this.last = { el, ended: TERMINAL.test(text) };
    return el;
  }

  private onStructure(line: Extract<Line, { type: 'structure' }>, lineNo: number): void {
    this.warnFixes(line.fixes, lineNo);
    const rank = RANK[line.kind];
    if (line.mdLevel !== undefined) this.mdRanks.set(line.mdLevel, rank);
    if (line.number === null) {
      this.warn(lineNo, 'LAW_BAD_NUMBER', `无法识别“${line.label}”中的数字，按无编号标题保留`);
      return this.openContainer('heading', 0, rank, `${line.label} ${line.heading}`.trim(), '', lineNo);
    }
    this.closeTo(rank);
    this.checkHeadingNumber(line.kind, line.number, lineNo);
    this.lastNumber.set(line.kind, line.number);
    this.openContainer(line.kind, line.number, rank, line.heading, line.label, lineNo);
  }

  private onHeading(heading: string, mdLevel: number, lineNo: number): void {
    const rank = this.mdRanks.get(mdLevel) ?? DEFAULT_HEADING_RANK;
    this.closeTo(rank);
    this.openContainer('heading', 0, rank, heading, '', lineNo);
  }

  private closeTo(rank: number): void {
    while ((this.stack.at(-1)?.rank ?? 0) >= rank) this.stack.pop();
  }

  private openContainer(kind: ElementKind, number: number, rank: number, heading: string, label: string, line: number): void {
    this.closeTo(rank);
    const el = this.append(this.container, kind, number, { label, heading, line });
    this.stack.push({ el, rank });
    this.resetArticle();
  }

  /**
   * The first 章 of a 编 may restart at 1 or run on from the last 章 of the file; later ones
   * follow their previous sibling. The first of a kind in a continuation file may be anything.
   */
  private checkHeadingNumber(kind: StructuralKind, n: number, line: number): void {
    const prevSibling = this.childrenOf(this.container).filter((c) => c.kind === kind).at(-1);
    const lastInFile = this.lastNumber.get(kind);
    const ok = prevSibling
      ? n === prevSibling.number + 1
      : n === 1 || (lastInFile !== undefined ? n === lastInFile + 1 : this.opts.continuation);
    if (ok) return;
    const word = KIND_WORD[kind];
    const after = prevSibling ?? (lastInFile !== undefined ? { number: lastInFile } : null);
    this.warn(line, 'LAW_HEADING_SEQUENCE', after
      ? `第${toChineseNumber(n)}${word}的编号不连续：上一${word}为第${toChineseNumber(after.number)}${word}`
      : `第一个${word}是第${toChineseNumber(n)}${word}，应为第一${word}`);
  }

  private onAppendix(heading: string, lineNo: number): void {
    this.stack.length = 0;
    this.resetArticle();
    this.appendix = this.append(null, 'appendix', 0, { heading, line: lineNo });
  }

  private isNextArticle(ref: ArticleRef): boolean {
    const prev = this.prevArticle;
    if (!prev) return this.opts.startArticle !== undefined ? ref.n === this.opts.startArticle && !ref.sub : this.opts.continuation || (ref.n === 1 && !ref.sub);
    return ref.sub ? ref.n === prev.n && ref.sub === (prev.sub ?? 0) + 1 : ref.n === prev.n + 1;
  }

  private onArticle(a: Extract<Line, { type: 'article' }>, lineNo: number, raw: string, next: Line | undefined): void {
    if (a.ref === null) {
      this.warn(lineNo, 'LAW_BAD_NUMBER', `无法识别“${a.label}”中的数字，按正文保留`);
      return this.onText(raw, lineNo, next);
    }
    if (!a.separated && CITATION_START.test(a.text) && !this.isNextArticle(a.ref)) return this.onText(raw, lineNo, next);
    this.warnFixes(a.fixes, lineNo);
    this.checkArticleNumber(a.ref, lineNo);
    const ref = a.ref;
    this.resetArticle();
    this.article = this.append(this.container, 'article', ref.n, {
      ...(ref.sub ? { sub: ref.sub } : {}),
      label: a.label,
      line: lineNo,
    });
    this.prevArticle = ref;
    if (a.text !== '') this.addParagraph(a.text, lineNo);
  }

  private checkArticleNumber(ref: ArticleRef, line: number): void {
    if (this.isNextArticle(ref)) return;
    const prev = this.prevArticle;
    if (!prev) {
      const start = this.opts.startArticle ?? 1;
      this.warn(line, 'LAW_ARTICLE_START', `第一条是${articleLabel(ref)}，应为${articleLabel({ n: start })}；若本文件是分拆法典的续篇，请注明起始条号`);
    } else if (compare(ref, prev) <= 0) {
      this.warn(line, 'LAW_ARTICLE_REPEAT', `${articleLabel(ref)}重复或倒序：上一条为${articleLabel(prev)}`);
    } else {
      this.warn(line, 'LAW_ARTICLE_GAP', `条号不连续：${articleLabel(prev)}之后是${articleLabel(ref)}`);
    }
  }

  private addParagraph(text: string, line: number): LawElement {
    const article = this.article as LawElement;
    this.paragraph = this.append(article, 'paragraph', article.children.filter((c) => c.kind === 'paragraph').length + 1, { text, line });
    this.item = null;
    this.last = { el: this.paragraph, ended: TERMINAL.test(text) };
    return this.paragraph;
  }

  private onItem(it: Extract<Line, { type: 'item' | 'subitem' }>, lineNo: number, raw: string): void {
    if (!this.article) return void this.text(this.container, raw, lineNo);
    const paragraph = this.paragraph ?? this.addParagraph('', lineNo);
    const asSubitem = it.type === 'subitem' && this.item !== null;
    const parent = asSubitem ? (this.item as LawElement) : paragraph;
    const kind = asSubitem ? 'subitem' : 'item';
    const prev = parent.children.filter((c) => c.kind === kind).at(-1);
    const expected = (prev?.number ?? 0) + 1;
    if (it.number !== expected) {
      this.warn(lineNo, 'LAW_ITEM_SEQUENCE', `${it.label}的编号不连续：应为第${toChineseNumber(expected)}${kind === 'item' ? '项' : '目'}`);
    }
    const el = this.append(parent, kind, it.number, { label: it.label, text: it.text, line: lineNo });
    // Only a （一） item takes 目; a 1. promoted to 项 leaves the next 2. a sibling.
    if (it.type === 'item') this.item = el;
    this.last = { el, ended: TERMINAL.test(it.text) };
  }

  private onTable(raw: string, lineNo: number): void {
    if (this.table) {
      this.table.text += `\n${raw}`;
      return;
    }
    this.table = this.append(this.appendix ?? this.article ?? this.container, 'table', 0, { text: raw, line: lineNo });
    this.last = null;
  }

  private onText(text: string, lineNo: number, next: Line | undefined): void {
    if (this.last && !this.last.ended) {
      this.last.el.text += text;
      this.last.ended = TERMINAL.test(text);
      return;
    }
    if (!this.article) return void this.text(this.container, text, lineNo);
    if (!this.paragraph) return void this.addParagraph(text, lineNo);
    if (this.isSuspectHeading(text, next)) {
      this.warn(lineNo, 'LAW_SUSPECT_HEADING', `“${text}”像是缺少编号的标题，已作为条文之外的文字保留，未计入${this.article.label}`);
      this.text(this.container, text, lineNo);
      this.resetArticle();
      return;
    }
    this.addParagraph(text, lineNo);
  }

  private isSuspectHeading(text: string, next: Line | undefined): boolean {
    return (
      text.length <= SUSPECT_HEADING_MAX &&
      !TERMINAL.test(text) &&
      !/[，,]/u.test(text) &&
      (next?.type === 'article' || next?.type === 'structure' || next?.type === 'heading')
    );
  }
}
