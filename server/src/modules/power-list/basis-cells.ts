/**
 * A 法律依据 / 处罚依据 cell of the XLSX → element ids. A cell holds element ids
 * (律师法/2017-09-01/art47/p1/i2) or citations as people write them (《中华人民共和国律师法》第四十七条第一款),
 * separated by line breaks or ；. Citations are read by the library's own parser and resolved
 * against the version of the named law in force today (ADP-31: the basis the item is exercised on
 * now); anything not understood is an error, never a guess.
 */
import { findCitations, resolveCitation } from '../laws/citations.ts';
import { statusOn } from '../laws/law-status.ts';
import { elementIdsOf, versionsByShortTitle, type Db } from './power-list.queries.ts';

export interface CellProblem {
  code: 'POWER_BASIS_UNRESOLVED';
  message: string;
}

export interface CellBases {
  ids: string[];
  problems: CellProblem[];
}

/** `<short title>/<version date>/<path>`, the library's id scheme (modules/laws/README.md). */
export const ELEMENT_ID = /^[^\s/<>"'`;\\]+\/(?:\d{4}-\d{2}-\d{2}|undated)(?:\/[A-Za-z0-9~-]+)+$/u;
const SEPARATORS = /[\n\r；;]+/u;
/** What may stand between citations of one piece: list words, punctuation, spaces. */
const FILLER = /^[\s、，,。和及或以及与]*$/u;
// A title no law has: a citation without a 《title》 (本法第三条, bare 第三条) names no law here.
const NO_SELF = '（导入文件）/-';

export const piecesOf = (cell: string): string[] => cell.split(SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');

/** Reads every cell at once: one look-up of the named laws and their elements for the whole file. */
export async function resolveBasisCells(db: Db, cells: readonly string[], today: string): Promise<CellBases[]> {
  const pieces = cells.map(piecesOf);
  const found = new Map<string, ReturnType<typeof findCitations>>();
  for (const p of pieces.flat()) {
    if (!ELEMENT_ID.test(p) && !found.has(p)) found.set(p, findCitations(p, { selfLawId: NO_SELF, articleId: '', paragraph: 1 }));
  }
  const titles = [...new Set([...found.values()].flat().map((c) => c.target.law).filter((t) => t !== 'self'))];
  const versions = await versionsByShortTitle(db, titles);
  const inForce = new Map<string, { id: string; date: string }>();
  for (const v of versions) {
    const s = statusOn({ versionDate: v.version_date, effectiveDate: v.effective_date, supersededOn: v.superseded_on, repealedOn: v.repealed_on }, today);
    const best = inForce.get(v.short_title);
    if (s === 'in-force' && (!best || (v.version_date ?? '') > best.date)) inForce.set(v.short_title, { id: v.id, date: v.version_date ?? '' });
  }
  const known = new Set(versions.map((v) => v.short_title));
  const has = await elementIdsOf(db, [...inForce.values()].map((v) => v.id));
  const lookup = { selfLawId: NO_SELF, lawByTitle: (t: string) => inForce.get(t)?.id, has: (id: string) => has.has(id) };

  return pieces.map((ps) => {
    const out: CellBases = { ids: [], problems: [] };
    const problem = (message: string) => out.problems.push({ code: 'POWER_BASIS_UNRESOLVED', message });
    for (const p of ps) {
      if (ELEMENT_ID.test(p)) {
        out.ids.push(p);
        continue;
      }
      const cites = found.get(p) ?? [];
      if (cites.length === 0) problem(`无法识别的依据“${p}”：请写条文编号（如 律师法/2017-09-01/art47/p1/i2）或《法规名称》第X条第X款第（X）项`);
      let rest = p;
      for (const c of [...cites].reverse()) rest = rest.slice(0, c.start) + rest.slice(c.end);
      if (cites.length > 0 && !FILLER.test(rest)) problem(`依据“${p}”中有无法识别的文字：${rest.trim()}`);
      for (const c of cites) {
        if (c.target.law === 'self') {
          problem(`“${c.raw}”没有写明法规名称，请写成《法规名称》第X条…`);
          continue;
        }
        const r = resolveCitation(c, lookup);
        if (!r.ok) {
          const title = c.target.law;
          problem(r.reason === 'LAW_UNKNOWN' && known.has(title) ? `法规库中的《${title}》没有现行有效的版本，无法引用“${c.raw}”` : `“${c.raw}”无法对应到条文：${r.message}`);
        } else if (r.ids.some((id) => !has.has(id))) {
          problem(`“${c.raw}”只写了法规名称，请写到条、款或项`);
        } else {
          out.ids.push(...r.ids);
        }
      }
    }
    return out;
  });
}
