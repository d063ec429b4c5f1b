/**
 * The power list's XLSX format, one file for template, export and import:
 *   执法事项  one row per item: 事项编码, 事项名称, 事项类别, 实施主体, 法律依据, 处罚依据, 事项说明, and
 *            依据条文 (written by the export for people; the import ignores it)
 *   裁量基准  one row per tier: 事项编码, 阶次, 情形, 处罚种类, 罚款下限（元）, 罚款上限（元）, 说明
 *   填写说明  how to fill it in and the values allowed (ignored by the import)
 * Headers are matched by name (their （…） suffix ignored), so columns may be reordered.
 */
import ExcelJS from 'exceljs';
import { ORG_TYPES } from '../identity/index.ts';
import { BENCHMARK_LEVELS, ITEM_KINDS } from './power-list.tables.ts';

export const ITEM_SHEET = '执法事项';
export const TIER_SHEET = '裁量基准';
const HELP_SHEET = '填写说明';

export const ITEM_HEADERS = ['事项编码', '事项名称', '事项类别', '实施主体', '法律依据', '处罚依据', '事项说明', '依据条文（仅供阅读，导入时忽略）'] as const;
export const TIER_HEADERS = ['事项编码', '阶次', '情形', '处罚种类', '罚款下限（元）', '罚款上限（元）', '说明'] as const;
export type ItemColumn = '事项编码' | '事项名称' | '事项类别' | '实施主体' | '法律依据' | '处罚依据' | '事项说明';
export type TierColumn = '事项编码' | '阶次' | '情形' | '处罚种类' | '罚款下限' | '罚款上限' | '说明';

/** Other words people use for a column. */
const ALIASES: Record<string, string> = { 设定依据: '法律依据', 裁量阶次: '阶次', 裁量情形: '情形', 情形描述: '情形', 事项描述: '事项说明' };
const REQUIRED_ITEM: readonly ItemColumn[] = ['事项编码', '事项名称', '事项类别'];
const REQUIRED_TIER: readonly TierColumn[] = ['事项编码', '阶次'];

export interface ExportItem {
  code: string;
  name: string;
  kind: string;
  orgTypeLabels: string[];
  basisIds: string[];
  penaltyIds: string[];
  description: string;
  citations: string[];
  tiers: { level: string; circumstances: string; penaltyLabels: string[]; amountMin: number | null; amountMax: number | null; note: string }[];
}

/** A drop-down over a range; exceljs has `dataValidations.add` but its typings lack it. */
function dropDown(ws: ExcelJS.Worksheet, range: string, values: readonly string[]) {
  const v = (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  v.add(range, { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] });
}

function styleHeader(ws: ExcelJS.Worksheet, widths: number[]) {
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** The workbook of `items`; with none, the empty template. */
export async function writeWorkbook(items: readonly ExportItem[], penaltyLabels: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '天平 · 权责清单';
  const items$ = wb.addWorksheet(ITEM_SHEET);
  items$.addRow([...ITEM_HEADERS]);
  for (const i of items) {
    items$.addRow([i.code, i.name, i.kind, i.orgTypeLabels.join('、'), i.basisIds.join('\n'), i.penaltyIds.join('\n'), i.description, i.citations.join('\n')]);
  }
  styleHeader(items$, [16, 36, 12, 24, 40, 40, 40, 50]);
  dropDown(items$, `C2:C${items.length + 1000}`, ITEM_KINDS);

  const tiers$ = wb.addWorksheet(TIER_SHEET);
  tiers$.addRow([...TIER_HEADERS]);
  for (const i of items) for (const t of i.tiers) tiers$.addRow([i.code, t.level, t.circumstances, t.penaltyLabels.join('、'), t.amountMin, t.amountMax, t.note]);
  styleHeader(tiers$, [16, 8, 48, 28, 14, 14, 30]);
  dropDown(tiers$, `B2:B${tiers$.rowCount + 4000}`, BENCHMARK_LEVELS);

  const help = wb.addWorksheet(HELP_SHEET);
  for (const line of [
    ['执法事项表每行一个事项；按事项编码新增或整体替换（同一编码的依据和裁量基准以本文件为准），文件中没有的事项不受影响。'],
    ['法律依据、处罚依据：每格可写多条，用换行或“；”分隔；写条文编号（如 律师法/2017-09-01/art47/p1/i2）或引用（如《中华人民共和国律师法》第四十七条第一款第（二）项，按现行有效版本解析）。'],
    ['裁量基准表每行一个阶次（轻微、一般、较重、严重），情节越重，罚款上下限不得越低（行政处罚法第三十四条）；处罚种类用“、”分隔（行政处罚法第九条）。罚款金额以元为单位，填整数。'],
    ['导入要么全部成功，要么一条也不导入；有误时逐行列出错误。'],
    [],
    ['事项类别', ITEM_KINDS.join('、')],
    ['实施主体', ORG_TYPES.map((t) => t.label).join('、')],
    ['阶次', BENCHMARK_LEVELS.join('、')],
    ['处罚种类', penaltyLabels.join('、')],
  ]) help.addRow(line);
  help.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---- reading

export interface FileProblem {
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: string;
}

export type CellValue = string | number | null;
export interface SheetRow<C extends string> {
  row: number;
  cells: Partial<Record<C, CellValue>>;
  /** Columns whose cell could not be read (already reported): not checked again. */
  unreadable: Set<C>;
}

/** A cell as a string or number; a formula or an error value is a problem (nothing is computed here). */
function valueOf(v: ExcelJS.CellValue): CellValue | { problem: string } {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
  if ('formula' in v || 'sharedFormula' in v) return { problem: '单元格含公式，请粘贴为数值后再导入' };
  if ('error' in v) return { problem: `单元格是错误值 ${String(v.error)}` };
  if ('text' in v) return String(v.text).trim() || null;
  return { problem: '无法读取的单元格' };
}

const canonical = (header: string): string => {
  const h = header.replace(/\s+/gu, '').replace(/[（(].*$/u, '');
  return ALIASES[h] ?? h;
};

function readSheet<C extends string>(ws: ExcelJS.Worksheet, known: readonly string[], required: readonly C[], problems: FileProblem[], maxRows: number): SheetRow<C>[] {
  const columns = new Map<number, C>();
  ws.getRow(1).eachCell((cell, col) => {
    const v = valueOf(cell.value);
    const name = typeof v === 'string' ? canonical(v) : '';
    if (known.includes(name)) columns.set(col, name as C);
  });
  const present = new Set(columns.values());
  const missing = required.filter((c) => !present.has(c));
  for (const c of missing) problems.push({ sheet: ws.name, row: 1, column: c, code: 'POWER_IMPORT_HEADER_MISSING', message: `“${ws.name}”表缺少“${c}”列` });
  if (missing.length > 0) return [];
  const rows: SheetRow<C>[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Partial<Record<C, CellValue>> = {};
    const unreadable = new Set<C>();
    for (const [col, name] of columns) {
      const v = valueOf(r.getCell(col).value);
      if (v !== null && typeof v === 'object') {
        problems.push({ sheet: ws.name, row: n, column: name, code: 'POWER_IMPORT_CELL_INVALID', message: v.problem });
        unreadable.add(name);
      } else cells[name] = v;
    }
    if (unreadable.size > 0 || Object.values(cells).some((v) => v !== null && v !== undefined)) rows.push({ row: n, cells, unreadable });
  });
  if (rows.length > maxRows) problems.push({ sheet: ws.name, row: 0, column: '', code: 'POWER_IMPORT_TOO_MANY_ROWS', message: `“${ws.name}”表超过 ${maxRows} 行，请分批导入` });
  return rows;
}

const ITEM_KNOWN = ['事项编码', '事项名称', '事项类别', '实施主体', '法律依据', '处罚依据', '事项说明'];
const TIER_KNOWN = ['事项编码', '阶次', '情形', '处罚种类', '罚款下限', '罚款上限', '说明'];

/** The two sheets' rows by column name; null when the bytes are no workbook exceljs can open. */
export async function readWorkbook(bytes: Buffer): Promise<{ items: SheetRow<ItemColumn>[]; tiers: SheetRow<TierColumn>[]; problems: FileProblem[] } | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const problems: FileProblem[] = [];
  const itemSheet = wb.getWorksheet(ITEM_SHEET);
  if (!itemSheet) {
    problems.push({ sheet: ITEM_SHEET, row: 0, column: '', code: 'POWER_IMPORT_SHEET_MISSING', message: `工作簿中没有“${ITEM_SHEET}”表（可先下载模板）` });
    return { items: [], tiers: [], problems };
  }
  const items = readSheet(itemSheet, ITEM_KNOWN, REQUIRED_ITEM, problems, 5000);
  const tierSheet = wb.getWorksheet(TIER_SHEET);
  const tiers = tierSheet ? readSheet(tierSheet, TIER_KNOWN, REQUIRED_TIER, problems, 20000) : [];
  return { items, tiers, problems };
}
