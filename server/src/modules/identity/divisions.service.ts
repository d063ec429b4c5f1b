import crypto from 'node:crypto';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { httpErrors } from '../../platform/http/errors.ts';
import { parseDivisionsCsv, type Division } from './divisions.rules.ts';
import { identityErrors as E } from './identity.errors.ts';
import type { IdentityTables } from './identity.tables.ts';
import type { OrgType } from './org-types.ts';
import { findBureauByRegion, insertOrg } from './orgs.queries.ts';

/** The national root: GB/T 2260 has no code for the whole country, so 100000 stands for it. */
export const MINISTRY = { name: '中华人民共和国司法部', regionCode: '100000' } as const;

const BUREAU_TYPES: readonly OrgType[] = ['ministry', 'province_dept', 'city_bureau', 'county_bureau'];

const TYPE_OF_LEVEL: Record<Division['level'], OrgType> = {
  province: 'province_dept',
  city: 'city_bureau',
  county: 'county_bureau',
};

/**
 * The bureau of justice for a division: provinces and autonomous regions have a 司法厅, the
 * municipalities directly under the central government and every lower level a 司法局; a county
 * bureau carries its city's name (杭州市西湖区司法局), as on its seal.
 */
export function bureauName(d: Division, parent: Division | undefined): string {
  if (d.level === 'province') return /市$/.test(d.name) ? `${d.name}司法局` : `${d.name}司法厅`;
  if (d.level === 'city') return `${d.name}司法局`;
  const prefix = parent && parent.level === 'city' && !d.name.startsWith(parent.name) ? parent.name : '';
  return `${prefix}${d.name}司法局`;
}

export interface ImportSummary {
  created: number;
  renamed: number;
  unchanged: number;
}

/**
 * Builds (or brings up to date) the bureau tree of a province from a division-code CSV
 * `code,name,parentCode`: one bureau per division, under the ministry. Idempotent: a bureau is
 * found again by its region code, so a re-import renames instead of duplicating. All or nothing.
 */
export function createDivisionImporter(base: BaseDb) {
  const db = base.withTables<IdentityTables>();

  return async function importDivisions(who: AuditWho, bytes: Uint8Array): Promise<ImportSummary> {
    // The file may touch any bureau in the country, so only a caller who sees all of them may send it.
    if ('actor' in who && who.actor.scope !== 'all') throw httpErrors.AUTHZ_FORBIDDEN('导入行政区划须具有全部数据范围');
    const known = await db.selectFrom('orgs').where('type', 'in', BUREAU_TYPES).select('region_code').execute();
    const parsed = parseDivisionsCsv(bytes, { knownCodes: new Set(known.map((k) => k.region_code)) });
    if (!parsed.ok) {
      throw E.ORG_IMPORT_INVALID(undefined, parsed.errors.map((e) => ({ row: e.row, field: e.field, code: e.code, message: e.message })));
    }
    const byCode = new Map(parsed.divisions.map((d) => [d.code, d]));
    return db.transaction().execute(async (trx) => {
      const summary: ImportSummary = { created: 0, renamed: 0, unchanged: 0 };
      let ministry = await findBureauByRegion(trx, MINISTRY.regionCode, ['ministry']);
      if (!ministry) {
        await insertOrg(trx, { parent: null, name: MINISTRY.name, type: 'ministry', regionCode: MINISTRY.regionCode, creditCode: null });
        ministry = await findBureauByRegion(trx, MINISTRY.regionCode, ['ministry']);
      }
      for (const d of parsed.divisions) {
        const name = bureauName(d, d.parentCode ? byCode.get(d.parentCode) : undefined);
        const type = TYPE_OF_LEVEL[d.level];
        const existing = await findBureauByRegion(trx, d.code, [type]);
        if (existing) {
          if (existing.name === name) summary.unchanged++;
          else {
            await trx.updateTable('orgs').set({ name, updated_at: new Date() }).where('id', '=', existing.id).execute();
            summary.renamed++;
          }
          continue;
        }
        const parent = d.parentCode ? await findBureauByRegion(trx, d.parentCode, BUREAU_TYPES) : ministry;
        if (!parent) throw E.ORG_IMPORT_INVALID(undefined, [{ field: 'parentCode', message: `上级区划 ${d.parentCode ?? ''} 没有对应的司法行政机关` }]);
        await insertOrg(trx, { parent, name, type, regionCode: d.code, creditCode: null });
        summary.created++;
      }
      await recordAudit(trx, who, {
        action: 'org.import-divisions',
        targetType: 'org',
        targetId: null,
        changes: { ...summary, rows: parsed.divisions.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') },
      });
      return summary;
    });
  };
}

export type DivisionImporter = ReturnType<typeof createDivisionImporter>;
