/**
 * Reading the library: versions with their status on a day, a version's text as a tree, one
 * element with the citations it makes and the ones it receives.
 */
import type { AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { citationLabelOf } from './law-ids.ts';
import type { LawLevel } from './law.types.ts';
import { lawErrors } from './laws.errors.ts';
import type { LawTables } from './laws.tables.ts';
import * as q from './laws.queries.ts';
import { importLawPaths, type ImportProgress } from './import/import-laws.ts';

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
/** A law's id is its first two segments: `行政处罚法/2021-01-22/art51` → `行政处罚法/2021-01-22`. */
export const lawIdOfElement = (id: string): string => id.split('/').slice(0, 2).join('/');

export function createLawService(base: BaseDb, clock: () => Date = () => new Date()) {
  const db = base.withTables<LawTables>();
  const today = () => isoDay(clock());

  async function version(id: string) {
    const v = await q.versionRow(db, id, today());
    if (!v) throw lawErrors.LAW_NOT_FOUND(`法规库中没有 ${id}`, [{ field: 'id', message: id }]);
    return v;
  }

  return {
    importPaths: (who: AuditWho, paths: readonly string[], onProgress?: ImportProgress) => importLawPaths(base, who, paths, onProgress),

    list: (f: q.VersionFilter, page: { limit: number; offset: number }) => q.listVersions(db, f, today(), page),

    levels: () => q.levelCounts(db),

    /** A version with its history, files, warnings, the other versions of the law and every element. */
    async get(id: string) {
      const v = await version(id);
      const [versions, files, elements] = await Promise.all([q.siblingVersions(db, v.short_title, today()), q.filesOf(db, id), q.elementsOf(db, id)]);
      return { version: v, versions, files, elements };
    },

    /**
     * One element (usually an article) with its 款/项/目, the citations they make (resolved or with
     * the reason they are not), and what cites it or anything under it.
     */
    async element(id: string, opts: { citedByLimit?: number } = {}) {
      const lawId = lawIdOfElement(id);
      const v = await version(lawId);
      if (id === lawId) throw lawErrors.LAW_ELEMENT_NOT_FOUND(`${id} 是法规版本，不是条文；请用法规版本接口查看`, [{ field: 'id', message: id }]);
      const rows = await q.subtreeOf(db, lawId, id);
      if (rows.length === 0) throw lawErrors.LAW_ELEMENT_NOT_FOUND(`${v.title}中没有 ${id}`, [{ field: 'id', message: id }]);
      const [cites, citedBy] = await Promise.all([q.citationsFrom(db, lawId, rows.map((r) => r.id)), q.citationsTo(db, id, opts.citedByLimit ?? 200)]);
      return {
        version: v,
        elements: rows,
        citations: cites.map((c) => ({ ...c, to_label: c.to_id ? citationLabelOf(c.to_id) : '' })),
        citedBy: citedBy.map((c) => ({ ...c, from_label: citationLabelOf(c.from_id), to_label: citationLabelOf(c.to_id ?? '') })),
      };
    },
  };
}

export type LawService = ReturnType<typeof createLawService>;
export type { LawLevel };
