/**
 * `parseLaw`: one law file (the sample's Markdown, or plain text) → metadata, element tree,
 * counts and warnings. Pure: no I/O, no clock. The layers:
 * law-header.ts (title, history, dates) → law-lines.ts (what each line is) → law-tree.ts (where
 * it goes, numbering checks). See README.md for the id scheme and the rules for messy texts.
 */
import { dateFromFile, isoDate, levelOf, parseHeader } from './law-header.ts';
import { lawIdOf, shortTitleOf } from './law-ids.ts';
import { type Line, classifyLine, cleanLine } from './law-lines.ts';
import { TreeBuilder } from './law-tree.ts';
import type { HistoryEvent, LawCounts, LawElement, LawWarning, ParsedLaw } from './law.types.ts';

export interface ParseLawOptions {
  /** The path as given; its name may carry the version date: `行政处罚法(2021-01-22).md`. */
  file: string;
  /** Folders that name the level (`行政法规/…`, `…/地方性法规/…`); defaults to `file`. */
  levelFromPath?: string;
  /**
   * The number the first article must have, for a file that continues a split code (民法典
   * 物权编 starts at 第二百零五条). Without it, a file with a subtitle (`# 物权编`) is taken as a
   * continuation and may start anywhere; any other file should start at 第一条.
   */
  startArticle?: number;
}

/** `本法自2021年7月15日起施行`, also for 条例, 规定, 办法… */
const EFFECTIVE_IN_TEXT = /本(?:法|条例|规定|办法|细则|决定|解释|规则)自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/u;

export function parseLaw(text: string, opts: ParseLawOptions): ParsedLaw {
  const lines = text.split(/\r\n|\r|\n/);
  const header = parseHeader(lines, opts.file);
  const shortTitle = shortTitleOf(header.title);
  const fileDate = dateFromFile(opts.file);
  const versionDate = fileDate ?? latestDate(header.history, (e) => e.kind !== 'effective' && e.kind !== 'repealed');
  const lawId = lawIdOf(shortTitle, versionDate);
  const tree = new TreeBuilder({
    lawId,
    continuation: opts.startArticle === undefined && header.subtitle !== undefined,
    ...(opts.startArticle !== undefined ? { startArticle: opts.startArticle } : {}),
  });

  const body = lines.slice(header.bodyStart).map(cleanLine);
  const classified = body.map(classifyLine);
  const toc = skipTableOfContents(body, classified);
  if (toc.warning) tree.warnings.push({ ...toc.warning, line: header.bodyStart + toc.warning.line });
  // For each line, the next non-blank one (the suspected-heading rule looks ahead).
  const next: (Line | undefined)[] = new Array(body.length);
  let ahead: Line | undefined;
  for (let i = body.length - 1; i >= 0; i--) {
    next[i] = ahead;
    const line = classified[i];
    if (line && line.type !== 'blank') ahead = line;
  }
  classified.forEach((line, i) => tree.add(line, header.bodyStart + i + 1, body[i] ?? '', next[i]));

  const warnings: LawWarning[] = [...header.warnings, ...tree.warnings];
  const counts = countElements(tree.roots);
  if (counts.articles === 0) warnings.push({ line: 0, code: 'LAW_NO_ARTICLES', message: '未识别出任何条文' });
  if (!versionDate) warnings.push({ line: 0, code: 'LAW_NO_VERSION_DATE', message: '文件名和沿革中都没有版本日期，编号中以 undated 代替' });
  const effectiveDate = latestDate(header.history, (e) => e.kind === 'effective') ?? effectiveFromText(tree.roots, versionDate);
  const level = levelOf(header.title, opts.levelFromPath ?? opts.file);

  return {
    file: opts.file,
    title: header.title,
    ...(header.subtitle ? { subtitle: header.subtitle } : {}),
    shortTitle,
    ...(versionDate ? { versionDate } : {}),
    ...(effectiveDate ? { effectiveDate } : {}),
    ...(level ? { level } : {}),
    lawId,
    history: header.history,
    elements: tree.roots,
    counts,
    warnings: warnings.sort((a, b) => a.line - b.line),
  };
}

const TOC_TITLE = /^(?:#{1,6}\s*)?目\s*录$/u;

/** What a heading line of the table of contents is: `chapter3`, or the heading text. */
function headingKey(line: Line | undefined): string | null {
  if (line?.type === 'structure') return `${line.kind}${line.number ?? line.label}`;
  if (line?.type === 'heading') return line.heading;
  return null;
}

/**
 * 目录: some texts list their 编/章/节 before the body. Its headings would be counted twice, so
 * its lines become blank — from `目录` to the line where its first heading comes again. A 目录
 * whose end cannot be found (an article comes first) is left alone, with a warning.
 */
function skipTableOfContents(body: readonly string[], classified: Line[]): { warning?: LawWarning } {
  const start = body.findIndex((l, i) => TOC_TITLE.test(l) && !classified.slice(0, i).some((c) => c.type === 'article'));
  if (start < 0) return {};
  let first: string | null = null;
  for (let k = start + 1; k < body.length; k++) {
    const c = classified[k];
    if (!c || c.type === 'blank') continue;
    if (c.type === 'article') break;
    const key = headingKey(c);
    if (first === null) {
      if (key === null) break;
      first = key;
    } else if (key === first) {
      for (let i = start; i < k; i++) classified[i] = { type: 'blank' };
      return {};
    }
  }
  return { warning: { line: start + 1, code: 'LAW_TOC_UNCLOSED', message: '有“目录”但找不到正文的起点（目录中的第一个标题没有再次出现），目录各行按正文处理' } };
}

function latestDate(history: readonly HistoryEvent[], pick: (e: HistoryEvent) => boolean): string | undefined {
  let latest: string | undefined;
  for (const e of history) if (e.date && pick(e) && (!latest || e.date > latest)) latest = e.date;
  return latest;
}

/**
 * The date of the text's own 施行 article, unless it is older than the version: an amended law
 * keeps the original 本法自…起施行 (律师法 2017 says 2008-06-01), which is not this version's date.
 */
function effectiveFromText(roots: readonly LawElement[], versionDate: string | undefined): string | undefined {
  let found: string | undefined;
  walk(roots, (el) => {
    const m = el.kind === 'paragraph' ? EFFECTIVE_IN_TEXT.exec(el.text) : null;
    const date = m ? isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
    if (date) found = date;
  });
  return found && (!versionDate || found >= versionDate) ? found : undefined;
}

/** Visits every element, depth first, in document order. */
export function walk(elements: readonly LawElement[], visit: (el: LawElement) => void): void {
  for (const el of elements) {
    visit(el);
    walk(el.children, visit);
  }
}

function countElements(roots: readonly LawElement[]): LawCounts {
  const counts: LawCounts = { articles: 0, chapters: 0, sections: 0, parts: 0 };
  walk(roots, (el) => {
    if (el.kind === 'article') counts.articles++;
    else if (el.kind === 'chapter') counts.chapters++;
    else if (el.kind === 'section') counts.sections++;
    else if (el.kind === 'part' || el.kind === 'subpart') counts.parts++;
  });
  return counts;
}

/**
 * An element as it reads, with its markers and everything under it, one 款 or 项 per line:
 * `第五十一条 违法事实确凿…：\n（一）…`. For display and search indexing.
 */
export function renderText(el: LawElement): string {
  const own = el.kind === 'item' || el.kind === 'subitem' ? `${el.label}${el.text}` : [el.label, el.heading, el.text].filter((s) => s !== '').join(' ');
  const parts = el.children.map(renderText);
  // The first 款 reads on the article's own line: 第一条 为了…
  if (el.kind === 'article' && el.children[0]?.kind === 'paragraph') parts[0] = `${el.label} ${parts[0] ?? ''}`;
  else parts.unshift(own);
  return parts.filter((s) => s !== '').join('\n');
}
