/**
 * XLSX import, export and template (format: xlsx-format.ts). The import is all or nothing: every
 * problem of the file — cells, citations, statutory rules — is collected with its sheet, row and
 * column before anything is written, then the items are upserted by 事项编码 in one transaction.
 */
import type { AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { ErrorDetail } from '../../platform/http/errors.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { orgTypeLabel } from '../identity/org-types.ts';
import type { LawTables } from '../laws/laws.tables.ts';
import { resolveBasisCells } from './basis-cells.ts';
import { citationOf, isoDay } from './item-view.ts';
import { powerListErrors as E } from './power-list.errors.ts';
import { elementFacts } from './power-list.queries.ts';
import type { Violation } from './power-list.rules.ts';
import { PENALTY_SET, type PowerListService } from './power-list.service.ts';
import type { PowerListTables } from './power-list.tables.ts';
import { ITEM_SHEET, TIER_SHEET, readWorkbook, writeWorkbook, type FileProblem } from './xlsx-format.ts';
import { parseRows, type ParsedItem } from './xlsx-rows.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TIER_COLUMN: Record<string, string> = { level: '阶次', penalties: '处罚种类', amountMin: '罚款下限', amountMax: '罚款上限', circumstances: '情形', note: '说明' };

/** Where in the file a rule violation of an item points: the item's row, or its tier's row. */
function placeOf(v: Violation, p: ParsedItem): Omit<FileProblem, 'code' | 'message'> {
  if (v.benchmark !== undefined) {
    const column = TIER_COLUMN[v.field.split('.')[2] ?? ''] ?? '阶次';
    return { sheet: TIER_SHEET, row: p.tierRows[v.benchmark] ?? p.row, column };
  }
  if (v.basis !== undefined) return { sheet: ITEM_SHEET, row: p.row, column: p.input.bases[v.basis]?.role === 'penalty' ? '处罚依据' : '法律依据' };
  if (v.field.startsWith('orgTypes')) return { sheet: ITEM_SHEET, row: p.row, column: '实施主体' };
  return { sheet: ITEM_SHEET, row: p.row, column: '法律依据' };
}

const detailOf = (p: FileProblem): ErrorDetail => ({ row: p.row, field: p.column ? `${p.sheet}.${p.column}` : p.sheet, code: p.code, message: p.message });

export function createTransferService(base: BaseDb, service: PowerListService, deps: { codes: CodeLookup; clock?: (() => Date) | undefined }) {
  const db = base.withTables<PowerListTables & LawTables>();
  const clock = deps.clock ?? (() => new Date());
  const penaltyLabels = async () => [...(await deps.codes.itemsOf(PENALTY_SET)).values()].filter((k) => k.enabled).map((k) => k.label);

  return {
    template: async () => writeWorkbook([], await penaltyLabels()),

    /** Every item in the import format; importing it back changes nothing. */
    async exportXlsx() {
      const items = await service.all();
      const [facts, kinds] = await Promise.all([elementFacts(db, [...new Set(items.flatMap((i) => i.bases.map((b) => b.elementId)))]), deps.codes.itemsOf(PENALTY_SET)]);
      const byId = new Map(facts.map((f) => [f.id, f]));
      const rows = items.map((i) => ({
        code: i.code,
        name: i.name,
        kind: i.kind,
        orgTypeLabels: i.orgTypes.map(orgTypeLabel),
        basisIds: i.bases.filter((b) => b.role === 'basis').map((b) => b.elementId),
        penaltyIds: i.bases.filter((b) => b.role === 'penalty').map((b) => b.elementId),
        description: i.description,
        citations: i.bases.map((b) => citationOf(b.elementId, byId.get(b.elementId))),
        tiers: i.benchmarks.map((t) => ({ ...t, penaltyLabels: t.penalties.map((p) => kinds.get(p)?.label ?? p) })),
      }));
      return writeWorkbook(rows, await penaltyLabels());
    },

    async importXlsx(who: AuditWho, bytes: Buffer) {
      if (bytes.length === 0) throw E.POWER_IMPORT_UNREADABLE('上传的文件为空');
      const sheets = await readWorkbook(bytes);
      if (!sheets) throw E.POWER_IMPORT_UNREADABLE();
      const problems = [...sheets.problems];
      const parsed = parseRows(sheets.items, sheets.tiers, await deps.codes.itemsOf(PENALTY_SET), problems);
      const cells = await resolveBasisCells(db, parsed.flatMap((p) => [p.basisCell, p.penaltyCell]), isoDay(clock()));
      parsed.forEach((p, k) => {
        for (const [role, column, cell] of [['basis', '法律依据', cells[2 * k]], ['penalty', '处罚依据', cells[2 * k + 1]]] as const) {
          for (const x of cell?.problems ?? []) problems.push({ sheet: ITEM_SHEET, row: p.row, column, code: x.code, message: x.message });
          p.input.bases.push(...(cell?.ids ?? []).map((elementId) => ({ elementId, role })));
        }
      });
      const violations = await service.check(parsed.map((p) => p.input));
      parsed.forEach((p, k) => {
        for (const v of violations[k] ?? []) problems.push({ ...placeOf(v, p), code: v.code, message: v.message });
      });
      if (problems.length > 0) {
        problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === ITEM_SHEET ? -1 : 1));
        throw E.POWER_IMPORT_INVALID(`导入文件有 ${problems.length} 处错误，未导入任何数据`, problems.map(detailOf));
      }
      if (parsed.length === 0) throw E.POWER_IMPORT_INVALID('“执法事项”表没有数据行', [{ row: 2, field: ITEM_SHEET, code: 'POWER_IMPORT_EMPTY', message: '“执法事项”表没有数据行' }]);
      return service.upsert(who, parsed.map((p) => p.input), 'power-list.import');
    },
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
