/**
 * Bases to review (issue 7, point 5: "when a law gets a new version, items citing the old one are
 * listed for review"). Derived, never stored: a basis is pending while its law (same short title)
 * has a later version imported after the basis was last reviewed. The suggestion is the element at
 * the same path in the newest version, or else the one element there with the very same words.
 */
import { sql } from 'kysely';
import type { BasisRole } from './power-list.tables.ts';
import type { Db } from './power-list.queries.ts';

export interface ReviewRow {
  item_id: number;
  code: string;
  name: string;
  element_id: string;
  role: BasisRole;
  reviewed_at: Date | null;
  old_law_id: string;
  old_title: string;
  old_version_date: string | null;
  old_kind: string;
  old_label: string;
  old_text: string;
  new_law_id: string;
  new_title: string;
  new_version_date: string | null;
  new_imported_at: Date;
  same_path_id: string | null;
  same_text_id: string | null;
  same_text_n: number;
}

/**
 * `latest_import`: the newest import among all later versions, so a basis confirmed before a third
 * version arrived is pending again. `max() over ()` runs before the lateral's `limit 1`.
 */
const pending = sql`
  select b.item_id, b.element_id, b.role, b.reviewed_at,
    e.law_id as old_law_id, e.kind as old_kind, e.label as old_label, e.text as old_text,
    v.title as old_title, v.version_date as old_version_date,
    n.id as new_law_id, n.title as new_title, n.version_date as new_version_date, n.latest_import as new_imported_at,
    n.id || substr(b.element_id, length(e.law_id) + 1) as same_path
  from power_item_bases b
  join law_elements e on e.id = b.element_id
  join law_versions v on v.id = e.law_id
  join lateral (
    select x.id, x.title, x.version_date, max(x.imported_at) over () as latest_import
    from law_versions x
    where x.short_title = v.short_title and x.version_date > v.version_date
    order by x.version_date desc
    limit 1
  ) n on true
  where b.reviewed_at is null or b.reviewed_at < n.latest_import`;

export async function pendingReviews(db: Db, page: { limit: number; offset: number }, itemId?: number) {
  const onlyItem = itemId === undefined ? sql`` : sql`where p.item_id = ${itemId}`;
  const [rows, total] = await Promise.all([
    sql<ReviewRow>`
      with pending as (${pending})
      select p.*, i.code, i.name, s.id as same_path_id, t.id as same_text_id, coalesce(t.n, 0) as same_text_n
      from pending p
      join power_items i on i.id = p.item_id
      left join law_elements s on s.id = p.same_path
      left join lateral (
        select min(x.id) as id, count(*)::int as n from law_elements x
        where s.id is null and p.old_text <> '' and x.law_id = p.new_law_id and x.kind = p.old_kind and x.text = p.old_text
      ) t on true
      ${onlyItem}
      order by i.code, p.role, p.element_id
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: number }>`with pending as (${pending}) select count(*)::int as n from pending p ${onlyItem}`.execute(db),
  ]);
  return { rows: rows.rows, total: total.rows[0]?.n ?? 0 };
}

export function stampReviewed(db: Db, itemId: number, oldId: string, newId: string, at: Date) {
  return db.updateTable('power_item_bases').set({ element_id: newId, reviewed_at: at }).where('item_id', '=', itemId).where('element_id', '=', oldId).execute();
}

export function dropBasis(db: Db, itemId: number, elementId: string) {
  return db.deleteFrom('power_item_bases').where('item_id', '=', itemId).where('element_id', '=', elementId).execute();
}
