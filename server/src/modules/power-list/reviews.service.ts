/**
 * Review on a new version (issue 7 point 5): list the bases whose law has a newer version, with the
 * old words and the suggested element of the newest version side by side; a reviewer rebinds the
 * basis (or keeps it) and the confirmation is stamped, so it leaves the list until yet another
 * version arrives. ADP-31 (从旧兼从轻) is why the old binding may be kept: an act committed under the
 * old version is judged by it.
 */
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import { pageOffset, type Page } from '../../platform/http/pagination.ts';
import type { LawTables } from '../laws/laws.tables.ts';
import { citationOf, isoDay, statusOfFact, wordsOf, type FactRow } from './item-view.ts';
import { powerListErrors as E } from './power-list.errors.ts';
import * as q from './power-list.queries.ts';
import type { PowerListTables } from './power-list.tables.ts';
import { dropBasis, pendingReviews, stampReviewed } from './reviews.queries.ts';

export interface ReviewConfirmation {
  itemId: number;
  oldElementId: string;
  /** The element to cite instead; null keeps the old one (confirmed as still right). */
  newElementId: string | null;
}

export function createReviewService(base: BaseDb, deps: { clock?: (() => Date) | undefined }) {
  const db = base.withTables<PowerListTables & LawTables>();
  const clock = deps.clock ?? (() => new Date());

  async function words(ids: readonly string[]) {
    const facts = await q.elementFacts(db, ids);
    const byId = new Map<string, FactRow>(facts.map((f) => [f.id, f]));
    const below = await q.descendantsOf(db, facts.filter((f) => f.text === '').map((f) => f.id));
    return { byId, text: (id: string) => wordsOf(id, byId, below) };
  }

  return {
    async list(page: Page, itemId?: number) {
      const { rows, total } = await pendingReviews(db, pageOffset(page), itemId);
      const suggestionOf = (r: (typeof rows)[number]) =>
        r.same_path_id ? { id: r.same_path_id, match: 'same-path' as const } : r.same_text_id && r.same_text_n === 1 ? { id: r.same_text_id, match: 'same-text' as const } : null;
      const w = await words([...rows.map((r) => r.element_id), ...rows.flatMap((r) => suggestionOf(r)?.id ?? [])]);
      const items = rows.map((r) => {
        const s = suggestionOf(r);
        return {
          itemId: r.item_id,
          itemCode: r.code,
          itemName: r.name,
          role: r.role,
          reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
          old: { elementId: r.element_id, citation: citationOf(r.element_id, w.byId.get(r.element_id)), text: w.text(r.element_id), lawId: r.old_law_id, versionDate: r.old_version_date },
          newVersion: { lawId: r.new_law_id, title: r.new_title, versionDate: r.new_version_date, importedAt: r.new_imported_at.toISOString() },
          suggestion: s ? { elementId: s.id, match: s.match, citation: citationOf(s.id, w.byId.get(s.id)), text: w.text(s.id) } : null,
        };
      });
      return { items, total };
    },

    /** Rebinds a basis to `newElementId` (or keeps it) and stamps the review; audited. */
    async confirm(who: AuditWho, c: ReviewConfirmation) {
      const item = await q.findItem(db, c.itemId);
      if (!item) throw E.POWER_ITEM_NOT_FOUND();
      const basis = await q.findBasis(db, c.itemId, c.oldElementId);
      if (!basis) throw E.POWER_BASIS_NOT_FOUND(`事项 ${item.code} 没有依据 ${c.oldElementId}`, [{ field: 'oldElementId', message: `事项 ${item.code} 没有依据 ${c.oldElementId}` }]);
      const target = c.newElementId ?? c.oldElementId;
      if (target !== c.oldElementId) {
        const [fact] = await q.elementFacts(db, [target]);
        // ADP-31: a basis is a real element of a law that has not been repealed.
        if (!fact) throw E.POWER_ITEM_INVALID(undefined, [{ field: 'newElementId', code: 'POWER_BASIS_UNKNOWN', message: `依据 ${target} 在法规库中不存在（ADP-31）` }]);
        if (statusOfFact(fact, isoDay(clock())) === 'repealed') {
          throw E.POWER_ITEM_INVALID(undefined, [{ field: 'newElementId', code: 'POWER_BASIS_REPEALED', message: `依据 ${target} 所在的法规版本已废止（ADP-31）` }]);
        }
      }
      await db.transaction().execute(async (trx) => {
        const now = clock();
        const already = target !== c.oldElementId && (await q.findBasis(trx, c.itemId, target));
        if (already) {
          // The item cites the new element already: the old basis goes, the existing one is confirmed.
          await dropBasis(trx, c.itemId, c.oldElementId);
          await stampReviewed(trx, c.itemId, target, target, now);
        } else {
          await stampReviewed(trx, c.itemId, c.oldElementId, target, now);
        }
        await recordAudit(trx, who, { action: 'power-list.review.confirm', targetType: 'power_item', targetId: c.itemId, changes: { role: basis.role, from: c.oldElementId, to: target } });
      });
      return { itemId: c.itemId, elementId: target };
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
