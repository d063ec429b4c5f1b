/**
 * The header of a law file: title, subtitle, history lines, and where the body starts.
 *
 * Two layouts are read. The sample's: optional front matter (`---` … `---`), `# title`, an
 * optional `# subtitle` (the part of a split code), dated lines (`2021年1月22日 …修订`), then
 * `<!-- INFO END -->`. And plain text as the national database gives it: a title line, then
 * optionally the parenthesised history (`（1996年3月17日…通过 根据2009年8月27日…第一次修正）`).
 * Without an INFO END marker the header ends at the first line that is none of these.
 */
import type { HistoryEvent, HistoryKind, LawLevel, LawWarning } from './law.types.ts';
import { classifyLine, cleanLine } from './law-lines.ts';

export interface Header {
  title: string;
  subtitle?: string;
  history: HistoryEvent[];
  /** 0-based index of the first body line. */
  bodyStart: number;
  warnings: LawWarning[];
}

const INFO_END = /<!--\s*INFO END\s*-->/;
const DATED = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*/u;
const PARENTHESISED = /^[（(](.*?)[)）]?$/u;
/** Events inside one parenthesised line: each starts with a date, amendments with 根据. */
const EVENT_BOUNDARY = /\s+(?=(?:根据)?\d{4}年)/u;
const TRAILING = /[\s）)。，,]+$/u;

const KIND_ENDINGS: readonly [RegExp, HistoryKind][] = [
  [/施行$/u, 'effective'],
  [/废止$/u, 'repealed'],
  [/修订$/u, 'revised'],
  [/修正$/u, 'amended'],
  [/通过$/u, 'adopted'],
  [/(?:公布|发布)$/u, 'promulgated'],
];

const pad = (n: string): string => n.padStart(2, '0');

/** 'YYYY-MM-DD' when y-m-d is a real date; null otherwise. */
export function isoDate(y: string, m: string, d: string): string | null {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return date.toISOString().slice(0, 10) === iso ? iso : null;
}

function eventOf(raw: string, line: number): HistoryEvent {
  const text = raw.replace(/^根据/u, '').trim();
  const m = DATED.exec(text);
  const date = m ? isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
  const bare = text.replace(TRAILING, '');
  const kind = KIND_ENDINGS.find(([re]) => re.test(bare))?.[1] ?? 'other';
  return { line, kind, text: bare, ...(date ? { date } : {}) };
}

/** The events of one header line; a parenthesised line may hold several. */
function eventsOf(text: string, line: number): HistoryEvent[] | null {
  if (DATED.test(text)) return [eventOf(text, line)];
  const p = PARENTHESISED.exec(text);
  if (p && /^[（(]\d{4}年/u.test(text)) return (p[1] ?? '').split(EVENT_BOUNDARY).map((e) => eventOf(e, line));
  return null;
}

/** The file name without folders, extension and `(YYYY-MM-DD)`. */
function titleFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[A-Za-z0-9]+$/, '').replace(/[(（]\d{4}-\d{2}-\d{2}[)）]$/u, '').trim();
}

/** The `(YYYY-MM-DD)` of a LawRefBook file name. */
export function dateFromFile(file: string): string | null {
  const m = /[(（](\d{4})-(\d{2})-(\d{2})[)）](?:\.[A-Za-z0-9]+)?$/u.exec(file);
  return m ? isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? '') : null;
}

const isBodyLine = (text: string): boolean => {
  const t = classifyLine(text).type;
  return t === 'structure' || t === 'article' || t === 'appendix';
};

export function parseHeader(lines: readonly string[], file: string): Header {
  const end = lines.findIndex((l) => INFO_END.test(l));
  let i = 0;
  if (cleanLine(lines[0] ?? '') === '---') {
    const close = lines.findIndex((l, k) => k > 0 && cleanLine(l) === '---');
    if (close > 0) i = close + 1;
  }
  const titles: string[] = [];
  const history: HistoryEvent[] = [];
  const warnings: LawWarning[] = [];
  for (; i < (end >= 0 ? end : lines.length); i++) {
    const text = cleanLine(lines[i] ?? '');
    if (text === '') continue;
    const events = eventsOf(text, i + 1);
    if (events) {
      history.push(...events);
    } else if (text.startsWith('#') && !isBodyLine(text) && history.length === 0) {
      titles.push(text.replace(/^#+\s*/u, ''));
    } else if (titles.length === 0 && history.length === 0 && !isBodyLine(text)) {
      titles.push(text); // plain text: the first line is the title
    } else if (end >= 0) {
      // Inside the marked header anything else is a note; keep it as history without a date.
      history.push(eventOf(text, i + 1));
    } else {
      break;
    }
  }
  const bodyStart = end >= 0 ? end + 1 : i;
  const [title, subtitle] = titles;
  if (!title) {
    warnings.push({ line: 0, code: 'LAW_NO_TITLE', message: `文件没有标题行，标题取自文件名“${titleFromFile(file)}”` });
  }
  return { title: title ?? titleFromFile(file), ...(subtitle ? { subtitle } : {}), history, bodyStart, warnings };
}

const LEVEL_FOLDERS: Readonly<Record<string, LawLevel>> = {
  宪法: 'constitution',
  宪法相关法: 'law',
  民法典: 'law',
  民法商法: 'law',
  行政法: 'law',
  经济法: 'law',
  社会法: 'law',
  刑法: 'law',
  诉讼与非诉讼程序法: 'law',
  行政法规: 'administrative-regulation',
  部门规章: 'department-rule',
  司法解释: 'judicial-interpretation',
  地方性法规: 'local-regulation',
  地方政府规章: 'local-government-rule',
};

/**
 * The level the title states (中华人民共和国…法, 最高人民法院…), else the deepest folder of `path`
 * named after a level or a category of laws (the LawRefBook layout), else undefined.
 */
export function levelOf(title: string, path: string): LawLevel | undefined {
  if (/^(?:中华人民共和国)?宪法$/u.test(title)) return 'constitution';
  if (/^中华人民共和国\S*法$/u.test(title)) return 'law';
  if (/^最高人民(?:法院|检察院)/u.test(title)) return 'judicial-interpretation';
  const folders = path.split(/[\\/]/).reverse();
  for (const f of folders) {
    const level = LEVEL_FOLDERS[f];
    if (level) return level;
  }
  return undefined;
}
