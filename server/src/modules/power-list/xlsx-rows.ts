/**
 * Sheet rows → item inputs, with every cell problem named by sheet, row and column. Values are
 * checked the way the API schema checks them (power-list.schema.ts); the statutory rules run after,
 * on the assembled items, in power-list.rules.ts.
 */
import { isPlainText } from '../../platform/http/text.ts';
import { ORG_TYPES } from '../identity/index.ts';
import { BENCHMARK_LEVELS, ITEM_KINDS, type BenchmarkLevel, type ItemKind } from './power-list.tables.ts';
import type { BenchmarkInput, ItemInput } from './power-list.rules.ts';
import { ITEM_SHEET, TIER_SHEET, type CellValue, type FileProblem, type ItemColumn, type SheetRow, type TierColumn } from './xlsx-format.ts';
import { AMOUNT_MAX, ITEM_CODE } from './power-list.schema.ts';

/** An item from the file, with where each of its parts came from. */
export interface ParsedItem {
  row: number;
  input: ItemInput;
  basisCell: string;
  penaltyCell: string;
  /** The 裁量基准 row of each benchmark, in input order. */
  tierRows: number[];
}

const LIST = /[、，,；;\n\r\s]+/u;
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v).trim());
const listOf = (v: CellValue | undefined): string[] => text(v).split(LIST).filter((s) => s !== '');
const ORG_TYPE_OF = new Map<string, string>(ORG_TYPES.flatMap((t) => [[t.code, t.code], [t.label, t.code]]));
/**
 * Sanctions as the special laws name them → the kind of 行政处罚法 第九条 they are: 律师法's 停止执业
 * is a 限制从业, 停业整顿 a 责令停产停业, a revoked 执业证书 a 吊销许可证件.
 */
const PENALTY_ALIASES: Record<string, string> = { 停止执业: '12', 停业整顿: '10', 吊销执业证书: '08', 吊销律师执业证书: '08', 吊销公证员执业证书: '08' };
const NO_MARKUP = /[<>`\\\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/u;

export function parseRows(
  itemRows: readonly SheetRow<ItemColumn>[],
  tierRows: readonly SheetRow<TierColumn>[],
  penaltyKinds: ReadonlyMap<string, { label: string }>,
  problems: FileProblem[],
): ParsedItem[] {
  const at = (sheet: string, row: number, column: string) => (code: string, message: string) => problems.push({ sheet, row, column, code, message });
  const penaltyOf = new Map<string, string>([...Object.entries(PENALTY_ALIASES), ...[...penaltyKinds].flatMap(([code, k]) => [[code, code], [k.label, code]] as [string, string][])]);
  const items = new Map<string, ParsedItem>();

  for (const { row, cells, unreadable } of itemRows) {
    const bad = (column: ItemColumn, message: string) => unreadable.has(column) || at(ITEM_SHEET, row, column)('POWER_IMPORT_CELL_INVALID', message);
    const code = text(cells.事项编码);
    const name = text(cells.事项名称);
    const kind = text(cells.事项类别);
    const description = text(cells.事项说明);
    if (!ITEM_CODE.test(code)) bad('事项编码', code === '' ? '事项编码不能为空' : `事项编码“${code}”应为字母、数字或连字符，至多 40 位`);
    else if (items.has(code)) at(ITEM_SHEET, row, '事项编码')('POWER_IMPORT_CODE_DUPLICATE', `事项编码 ${code} 与第 ${items.get(code)?.row} 行重复`);
    if (name === '' || name.length > 200 || !isPlainText(name)) bad('事项名称', name === '' ? '事项名称不能为空' : '事项名称至多 200 字，且不能含 < > " \' ` ; \\ 等符号');
    if (!(ITEM_KINDS as readonly string[]).includes(kind)) bad('事项类别', `事项类别“${kind}”不是 ${ITEM_KINDS.join('、')} 之一`);
    if (description.length > 2000 || NO_MARKUP.test(description)) bad('事项说明', '事项说明至多 2000 字，且不能含 < > ` \\ 或控制字符');
    // A label or a code; anything else is kept as written for the rules to report (ADP-31).
    const orgTypes = listOf(cells.实施主体).map((t) => ORG_TYPE_OF.get(t) ?? t);
    if (items.has(code) || !ITEM_CODE.test(code)) continue;
    items.set(code, {
      row,
      input: { code, name, kind: kind as ItemKind, orgTypes, description, bases: [], benchmarks: [] },
      basisCell: text(cells.法律依据),
      penaltyCell: text(cells.处罚依据),
      tierRows: [],
    });
  }

  for (const { row, cells, unreadable } of tierRows) {
    const bad = (column: TierColumn, message: string) => unreadable.has(column) || at(TIER_SHEET, row, column)('POWER_IMPORT_CELL_INVALID', message);
    const code = text(cells.事项编码);
    const level = text(cells.阶次);
    const item = items.get(code);
    if (!item) at(TIER_SHEET, row, '事项编码')('POWER_IMPORT_TIER_ORPHAN', code === '' ? '事项编码不能为空' : `事项编码 ${code} 不在“${ITEM_SHEET}”表中`);
    const knownLevel = (BENCHMARK_LEVELS as readonly string[]).includes(level);
    if (!knownLevel) bad('阶次', `阶次“${level}”不是 ${BENCHMARK_LEVELS.join('、')} 之一`);
    const circumstances = text(cells.情形);
    const note = text(cells.说明);
    for (const [column, v, max] of [['情形', circumstances, 1000], ['说明', note, 500]] as const) {
      if (v.length > max || !v.split('\n').every(isPlainText)) bad(column, `${column}至多 ${max} 字，且不能含 < > " ' \` ; \\ 等符号`);
    }
    const amount = (column: '罚款下限' | '罚款上限'): number | null => {
      const v = cells[column];
      if (v === null || v === undefined) return null;
      const n = typeof v === 'number' ? v : /^\d+(?:\.0+)?$/u.test(v.replace(/[,，\s元]/gu, '')) ? Number(v.replace(/[,，\s元]/gu, '')) : NaN;
      if (!Number.isInteger(n) || n < 0 || n > AMOUNT_MAX) {
        bad(column, `${column}“${v}”应为以元为单位的非负整数`);
        return null;
      }
      return n;
    };
    const tier: BenchmarkInput = {
      level: level as BenchmarkLevel,
      circumstances,
      note,
      // An unknown kind is kept as written: the rules report it against 行政处罚法 第九条.
      penalties: listOf(cells.处罚种类).map((p) => penaltyOf.get(p) ?? p),
      amountMin: amount('罚款下限'),
      amountMax: amount('罚款上限'),
    };
    // A tier of unknown level is reported above and left out, so the order rules do not misread it.
    if (item && knownLevel) {
      item.input.benchmarks.push(tier);
      item.tierRows.push(row);
    }
  }
  return [...items.values()];
}
