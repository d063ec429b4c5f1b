/**
 * What one line of a law's body is: a heading (编/分编/章/节, or unnumbered), an article start, an
 * item, a sub-item, a table row, an appendix start, or plain text. Context (which article we are
 * in, which number comes next) is the parser's business; this file only reads the line.
 *
 * Tolerated, and reported through `fixes` so the parser can warn with the line number: the typo
 * 笫 for 第, and whitespace inside a number (第 十 条, 第十 条, 第十条 之一). Any Unicode space
 * (U+3000, U+00A0, U+2002…) or none may separate a number from its text.
 */
import { NUMERAL_CHARS, parseChineseNumber } from './numerals.ts';
import type { ArticleRef } from './law.types.ts';

export type Fix = 'typo-di' | 'space-in-number';

export type StructuralKind = 'part' | 'subpart' | 'chapter' | 'section';

export type Line =
  | { type: 'blank' }
  | {
      type: 'structure';
      kind: StructuralKind;
      /** null when the numeral does not parse (第十十章). */
      number: number | null;
      label: string;
      heading: string;
      /** The number of `#`, when the line is a Markdown heading. */
      mdLevel?: number;
      fixes: Fix[];
    }
  | { type: 'heading'; heading: string; mdLevel: number }
  | { type: 'appendix'; heading: string }
  | {
      type: 'article';
      /** null when the numeral does not parse. */
      ref: ArticleRef | null;
      label: string;
      text: string;
      /** Whether whitespace (or the end of the line) follows the number. */
      separated: boolean;
      fixes: Fix[];
    }
  | { type: 'item'; number: number; label: string; text: string }
  | { type: 'subitem'; number: number; label: string; text: string }
  | { type: 'table'; text: string }
  | { type: 'text'; text: string };

const N = `[${NUMERAL_CHARS}]`;
const NUM = `(${N}(?:[${NUMERAL_CHARS}\\s]*${N})?)`;
const ARTICLE = new RegExp(`^([第笫])(\\s*)${NUM}(\\s*)条(?:(\\s*)之(\\s*)([一二三四五六七八九十]+))?`, 'u');
const STRUCTURE = new RegExp(`^(?:(#{1,6})\\s*)?([第笫])(\\s*)${NUM}(\\s*)(分编|编|章|节)`, 'u');
const ITEM = /^[（(]\s*([一二三四五六七八九十]+)\s*[)）]\s*/u;
const SUBITEM = /^(?:(\d{1,2})[.．、](?!\d)|[（(](\d{1,2})[)）])\s*/u;
const MD_HEADING = /^(#{1,6})\s*(.*)$/u;
/** 附件, 附件一, 附件1：…, 附表 …; not a sentence that starts with the word (附件所列…). */
const APPENDIX = /^(?:#{1,6}\s*)?(?:附件|附表|附录)(?:\s*[一二三四五六七八九十\d]+|\s*[：:]|\s|$)/u;
const APPENDIX_MAX = 60;
/** A plain (non-`#`) line is a heading only when short and not a sentence. */
const PLAIN_HEADING_MAX = 30;
/** Ends a sentence, a clause, or introduces a list; closing quotes and brackets may follow. */
export const TERMINAL = /[。；;：:？?！!…][”’」』"')）]*$/u;
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const HTML_COMMENT = /<!--.*?-->/g;
const WHITESPACE = /\s+/gu;
const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'gu');

/** The line without zero-width characters, HTML comments and surrounding whitespace. */
export function cleanLine(raw: string): string {
  return raw.replace(ZERO_WIDTH, '').replace(HTML_COMMENT, '').trim();
}

/** '总 则' → '总则' (statutes space out two-character headings); other runs → one space. */
function normalizeHeading(s: string): string {
  return s.replace(SPACE_BETWEEN_CJK, '').replace(WHITESPACE, ' ').trim();
}

function fixesOf(di: string, ...spaces: (string | undefined)[]): Fix[] {
  const fixes: Fix[] = [];
  if (di === '笫') fixes.push('typo-di');
  if (spaces.some((s) => s !== undefined && /\s/u.test(s))) fixes.push('space-in-number');
  return fixes;
}

/** Reads a cleaned line (see `cleanLine`). */
export function classifyLine(line: string): Line {
  if (line === '' || /^#{1,6}$/.test(line)) return { type: 'blank' };
  if (line.startsWith('|')) return { type: 'table', text: line };

  const s = STRUCTURE.exec(line);
  if (s) {
    const [whole, hashes, di = '', sp1, num = '', sp2, word] = s;
    const rest = line.slice(whole.length);
    const heading = normalizeHeading(rest);
    const plainOk = (rest === '' || /^\s/u.test(rest)) && heading.length <= PLAIN_HEADING_MAX && !TERMINAL.test(heading);
    if (hashes !== undefined || plainOk) {
      const kind: StructuralKind = word === '编' ? 'part' : word === '分编' ? 'subpart' : word === '章' ? 'chapter' : 'section';
      const digits = num.replace(WHITESPACE, '');
      return {
        type: 'structure',
        kind,
        number: parseChineseNumber(digits),
        label: `第${digits}${word}`,
        heading,
        ...(hashes !== undefined ? { mdLevel: hashes.length } : {}),
        fixes: fixesOf(di, sp1, num, sp2),
      };
    }
  }

  if (APPENDIX.test(line) && line.length <= APPENDIX_MAX && !/[。；]$/u.test(line)) {
    return { type: 'appendix', heading: line.replace(/^#{1,6}\s*/u, '') };
  }

  const md = MD_HEADING.exec(line);
  if (md) return { type: 'heading', heading: normalizeHeading(md[2] ?? ''), mdLevel: (md[1] ?? '#').length };

  const a = ARTICLE.exec(line);
  if (a) {
    const [whole, di = '', sp1, num = '', sp2, sp3, sp4, sub] = a;
    const rest = line.slice(whole.length);
    const digits = num.replace(WHITESPACE, '');
    const n = parseChineseNumber(digits);
    const subN = sub === undefined ? undefined : parseChineseNumber(sub);
    const ref = n === null || subN === null ? null : subN === undefined ? { n } : { n, sub: subN };
    return {
      type: 'article',
      ref,
      label: `第${digits}条${sub === undefined ? '' : `之${sub}`}`,
      text: rest.trim(),
      separated: rest === '' || /^\s/u.test(rest),
      fixes: fixesOf(di, sp1, num, sp2, sp3, sp4),
    };
  }

  const it = ITEM.exec(line);
  if (it) {
    const number = parseChineseNumber(it[1] ?? '');
    if (number !== null) return { type: 'item', number, label: `（${it[1]}）`, text: line.slice(it[0].length) };
  }

  const sub = SUBITEM.exec(line);
  if (sub) {
    const digits = sub[1] ?? sub[2] ?? '';
    return { type: 'subitem', number: Number(digits), label: sub[1] ? `${digits}.` : `（${digits}）`, text: line.slice(sub[0].length) };
  }

  return { type: 'text', text: line };
}
