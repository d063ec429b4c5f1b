/**
 * XLSX import of officers and its template. One sheet 执法人员, one row per officer, headers
 * matched by name. All or nothing: every problem of the file is collected with its row, column and
 * code before anything is written, then officers are created or updated by 执法证号.
 */
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/authz/actor.ts';
import type { AuditWho } from '../../platform/audit/audit.ts';
import { dayNumber } from '../../platform/calendar/dates.ts';
import type { ErrorDetail } from '../../platform/http/errors.ts';
import { isPlainText } from '../../platform/http/text.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { checkIdNumber } from '../standards/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import { CERTIFICATE_NO } from './enforcement.schema.ts';
import { DOMAIN_SET, type EnforcementService, type OfficerInput } from './enforcement.service.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const OFFICER_SHEET = '执法人员';
const HEADERS = ['姓名', '公民身份号码', '所属机构', '执法证号', '执法领域', '发证日期', '有效期至', '法律职业资格'] as const;
type Column = (typeof HEADERS)[number];
const REQUIRED: readonly Column[] = ['姓名', '公民身份号码', '所属机构', '执法证号', '发证日期', '有效期至'];
const ALIASES: Record<string, Column> = { 身份证号: '公民身份号码', 身份证号码: '公民身份号码', 单位: '所属机构', 所在单位: '所属机构', 证件号: '执法证号', 执法证编号: '执法证号', 有效期: '有效期至', 到期日期: '有效期至' };
const MAX_ROWS = 5000;
const FIELD: Record<string, Column> = { name: '姓名', idNumber: '公民身份号码', orgId: '所属机构', certificateNo: '执法证号', issuedOn: '发证日期', expiresOn: '有效期至' };

/** The org tree as the importing user sees it: names resolve only inside the caller's scope. */
export interface OrgNames {
  tree(actor: Actor): Promise<{ id: number; name: string; children: unknown[] }[]>;
}

type Cell = string | number | boolean | null;

function cellOf(v: ExcelJS.CellValue): Cell | { problem: string } {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('').trim() || null;
  if ('formula' in v || 'sharedFormula' in v) return { problem: '单元格含公式，请粘贴为数值后再导入' };
  if ('error' in v) return { problem: `单元格是错误值 ${String(v.error)}` };
  if ('text' in v) return String(v.text).trim() || null;
  return { problem: '无法读取的单元格' };
}

/** 2024-03-01, 2024/3/1, 2024.3.1 or 2024年3月1日 → 2024-03-01. */
function dayOf(c: Cell): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(String(c ?? ''));
  if (!m) return null;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  return dayNumber(iso) === undefined ? null : iso;
}

function flatten(nodes: readonly { id: number; name: string; children: unknown[] }[], out = new Map<string, number[]>()) {
  for (const n of nodes) {
    out.set(n.name, [...(out.get(n.name) ?? []), n.id]);
    flatten(n.children as { id: number; name: string; children: unknown[] }[], out);
  }
  return out;
}

export function createOfficerTransfer(service: EnforcementService, deps: { codes: CodeLookup; orgs: OrgNames }) {
  return {
    async template(): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      wb.creator = '天平 · 执法人员';
      const ws = wb.addWorksheet(OFFICER_SHEET);
      ws.addRow([...HEADERS]);
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      [10, 22, 28, 20, 24, 12, 12, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
      // 公民身份号码 as text: Excel would show 18 digits in scientific notation and lose the last ones.
      ws.getColumn(2).numFmt = '@';
      const domains = [...(await deps.codes.itemsOf(DOMAIN_SET)).values()].filter((d) => d.enabled).map((d) => d.label);
      const help = wb.addWorksheet('填写说明');
      for (const line of [
        ['每行一名执法人员；按执法证号新增或更新（状态不因导入改变，暂扣、注销请在系统中办理）。'],
        ['所属机构：填写机构全称，须在您的数据范围内；发证日期、有效期至：如 2024-03-01。'],
        ['执法领域：可填多个，用“、”分隔；法律职业资格：是 / 否。'],
        ['导入要么全部成功，要么一条也不导入；有误时逐行列出错误。'],
        [],
        ['执法领域', domains.join('、')],
      ]) help.addRow(line);
      help.getColumn(1).width = 90;
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async importXlsx(who: AuditWho & { actor: Actor }, bytes: Buffer) {
      if (bytes.length === 0) throw E.ENF_IMPORT_UNREADABLE('上传的文件为空');
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      } catch {
        throw E.ENF_IMPORT_UNREADABLE();
      }
      const problems: ErrorDetail[] = [];
      const at = (row: number, column: Column | '', code: string, message: string) => problems.push({ row, field: column ? `${OFFICER_SHEET}.${column}` : OFFICER_SHEET, code, message });
      const ws = wb.getWorksheet(OFFICER_SHEET) ?? wb.worksheets[0];
      if (!ws) throw E.ENF_IMPORT_INVALID(`工作簿中没有“${OFFICER_SHEET}”表`, [{ row: 0, field: OFFICER_SHEET, code: 'ENF_IMPORT_SHEET_MISSING', message: `工作簿中没有“${OFFICER_SHEET}”表（可先下载模板）` }]);
      const columns = new Map<number, Column>();
      ws.getRow(1).eachCell((cell, col) => {
        const v = cellOf(cell.value);
        const h = typeof v === 'string' ? v.replace(/\s+/gu, '').replace(/[（(].*$/u, '') : '';
        const name = ALIASES[h] ?? h;
        if ((HEADERS as readonly string[]).includes(name)) columns.set(col, name as Column);
      });
      const missing = REQUIRED.filter((c) => ![...columns.values()].includes(c));
      for (const c of missing) at(1, c, 'ENF_IMPORT_HEADER_MISSING', `“${OFFICER_SHEET}”表缺少“${c}”列`);
      if (missing.length > 0) throw E.ENF_IMPORT_INVALID(undefined, problems);

      const [orgs, domainSet] = await Promise.all([deps.orgs.tree(who.actor).then((t) => flatten(t)), deps.codes.itemsOf(DOMAIN_SET)]);
      const domainOf = new Map<string, string>([...domainSet].flatMap(([code, d]) => [[code, code], [d.label, code]] as [string, string][]));
      const parsed: { row: number; input: OfficerInput }[] = [];
      const seenCert = new Map<string, number>();
      const seenPerson = new Map<string, number>();
      ws.eachRow((r, n) => {
        if (n === 1) return;
        const cells: Partial<Record<Column, Cell>> = {};
        let bad = false;
        for (const [col, name] of columns) {
          const v = cellOf(r.getCell(col).value);
          if (v !== null && typeof v === 'object') {
            at(n, name, 'ENF_IMPORT_CELL_INVALID', v.problem);
            bad = true;
          } else cells[name] = v;
        }
        if (!bad && Object.values(cells).every((v) => v === null || v === undefined)) return;
        const text = (c: Column) => (cells[c] === null || cells[c] === undefined ? '' : String(cells[c]).trim());
        const name = text('姓名');
        if (name === '' || name.length > 50 || !isPlainText(name)) at(n, '姓名', 'ENF_IMPORT_CELL_INVALID', name === '' ? '姓名不能为空' : '姓名至多 50 字，且不能含 < > " \' ` ; \\ 等符号');
        const id = checkIdNumber(text('公民身份号码'));
        if (!id.ok) at(n, '公民身份号码', id.code, id.message);
        const orgName = text('所属机构');
        const orgIds = orgs.get(orgName) ?? [];
        if (orgIds.length !== 1) at(n, '所属机构', 'ENF_IMPORT_ORG_UNKNOWN', orgName === '' ? '所属机构不能为空' : orgIds.length === 0 ? `“${orgName}”不是您数据范围内的机构` : `“${orgName}”有重名机构，请在系统中逐个登记`);
        const cert = text('执法证号');
        if (!CERTIFICATE_NO.test(cert)) at(n, '执法证号', 'ENF_IMPORT_CELL_INVALID', cert === '' ? '执法证号不能为空' : `执法证号“${cert}”应为 4–40 位字母、数字、汉字或连字符`);
        else if (seenCert.has(cert)) at(n, '执法证号', 'ENF_IMPORT_DUPLICATE', `执法证号 ${cert} 与第 ${seenCert.get(cert)} 行重复`);
        else seenCert.set(cert, n);
        if (id.ok) {
          if (seenPerson.has(id.value)) at(n, '公民身份号码', 'ENF_IMPORT_DUPLICATE', `公民身份号码与第 ${seenPerson.get(id.value)} 行重复`);
          else seenPerson.set(id.value, n);
        }
        const domains = text('执法领域').split(/[、，,；;\s]+/u).filter((s) => s !== '');
        const codes = domains.map((d) => domainOf.get(d));
        domains.forEach((d, k) => codes[k] === undefined && at(n, '执法领域', 'ENF_DOMAIN_UNKNOWN', `“${d}”不是执法领域`));
        const issuedOn = dayOf(cells.发证日期 ?? null);
        const expiresOn = dayOf(cells.有效期至 ?? null);
        if (!issuedOn) at(n, '发证日期', 'ENF_IMPORT_CELL_INVALID', `发证日期“${text('发证日期')}”应为日期，如 2024-03-01`);
        if (!expiresOn) at(n, '有效期至', 'ENF_IMPORT_CELL_INVALID', `有效期至“${text('有效期至')}”应为日期，如 2029-02-28`);
        const q = text('法律职业资格');
        if (!['', '是', '否', 'true', 'false'].includes(q)) at(n, '法律职业资格', 'ENF_IMPORT_CELL_INVALID', '法律职业资格填“是”或“否”');
        if (id.ok && orgIds.length === 1 && issuedOn && expiresOn && CERTIFICATE_NO.test(cert)) {
          parsed.push({ row: n, input: { name, idNumber: id.value, orgId: orgIds[0] ?? 0, certificateNo: cert, domains: codes.filter((c): c is string => c !== undefined), issuedOn, expiresOn, legalQualification: q === '是' || q === 'true' } });
        }
      });
      if (parsed.length > MAX_ROWS) at(0, '', 'ENF_IMPORT_TOO_MANY_ROWS', `超过 ${MAX_ROWS} 行，请分批导入`);
      const violations = await service.officers.checkMany(who.actor, parsed.map((p) => p.input));
      parsed.forEach((p, k) => {
        for (const v of violations[k] ?? []) at(p.row, FIELD[v.field.split('.')[0] ?? ''] ?? '执法领域', v.code, v.message);
      });
      if (problems.length > 0) {
        problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
        throw E.ENF_IMPORT_INVALID(`导入文件有 ${problems.length} 处错误，未导入任何数据`, problems);
      }
      if (parsed.length === 0) throw E.ENF_IMPORT_INVALID('“执法人员”表没有数据行', [{ row: 2, field: OFFICER_SHEET, code: 'ENF_IMPORT_EMPTY', message: '“执法人员”表没有数据行' }]);
      return service.officers.upsert(who, parsed.map((p) => p.input));
    },
  };
}

export type OfficerTransfer = ReturnType<typeof createOfficerTransfer>;
