import { escapeLike } from '../../platform/db/like.ts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { pageOffset } from '../../platform/http/pagination.ts';
import type { IdentityTables } from './identity.tables.ts';
import { orgIdInScope } from './scope.queries.ts';

type Db = Kysely<IdentityTables> | Transaction<IdentityTables>;

export const orgColumns = [
  'orgs.id',
  'orgs.name',
  'orgs.type',
  'orgs.region_code',
  'orgs.credit_code',
  'orgs.parent_id',
  'orgs.path',
  'orgs.depth',
  'orgs.sort',
] as const;

export interface OrgFilter {
  parentId?: number | undefined;
  q?: string | undefined;
  type?: string | undefined;
}

export async function listOrgs(db: Db, actor: Actor, filter: OrgFilter, page: Page) {
  let q = db.selectFrom('orgs').where(orgIdInScope(actor, 'orgs.id'));
  if (filter.parentId !== undefined) q = q.where('orgs.parent_id', '=', filter.parentId);
  if (filter.type) q = q.where('orgs.type', '=', filter.type);
  if (filter.q) q = q.where((eb) => eb.or([eb('orgs.name', 'like', `%${escapeLike(filter.q ?? '')}%`), eb('orgs.region_code', '=', filter.q ?? '')]));
  const { limit, offset } = pageOffset(page);
  const [items, total] = await Promise.all([
    q.select(orgColumns).orderBy('orgs.region_code').orderBy('orgs.depth').orderBy('orgs.sort').orderBy('orgs.id').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Every org in scope, for the tree: a province has a few thousand at most. */
export function allOrgsInScope(db: Db, actor: Actor) {
  return db.selectFrom('orgs').where(orgIdInScope(actor, 'orgs.id')).select(orgColumns).orderBy('orgs.depth').orderBy('orgs.sort').orderBy('orgs.region_code').orderBy('orgs.id').execute();
}

export function findOrgInScope(db: Db, actor: Actor, id: number) {
  return db.selectFrom('orgs').where('orgs.id', '=', id).where(orgIdInScope(actor, 'orgs.id')).select(orgColumns).executeTakeFirst();
}

export function findOrg(db: Db, id: number) {
  return db.selectFrom('orgs').where('orgs.id', '=', id).select(orgColumns).executeTakeFirst();
}

export function findOrgByCreditCode(db: Db, creditCode: string) {
  return db.selectFrom('orgs').where('credit_code', '=', creditCode).select(['id']).executeTakeFirst();
}

export function findBureauByRegion(db: Db, regionCode: string, types: readonly string[]) {
  return db.selectFrom('orgs').where('region_code', '=', regionCode).where('type', 'in', types).select(orgColumns).executeTakeFirst();
}

export interface NewOrg {
  parent: { id: number; path: string; depth: number } | null;
  name: string;
  type: string;
  regionCode: string;
  creditCode: string | null;
  sort?: number;
}

/** Inserts an org and sets its materialized path from its own id. */
export async function insertOrg(trx: Transaction<IdentityTables>, org: NewOrg) {
  const { id } = await trx
    .insertInto('orgs')
    .values({
      parent_id: org.parent?.id ?? null,
      name: org.name,
      type: org.type,
      region_code: org.regionCode,
      credit_code: org.creditCode,
      path: `pending:${crypto.randomUUID()}`,
      depth: org.parent ? org.parent.depth + 1 : 0,
      sort: org.sort ?? 0,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${org.parent?.path ?? '/'}${id}/`;
  await trx.updateTable('orgs').set({ path }).where('id', '=', id).execute();
  return { id, path, depth: org.parent ? org.parent.depth + 1 : 0 };
}

/**
 * Serializes moves within the org tree: a move checks for cycles and rewrites a subtree's paths
 * from what it read, so two moves at once (A under B, B under A) must not interleave.
 */
export async function lockOrgTree(trx: Transaction<IdentityTables>): Promise<void> {
  await sql`select pg_advisory_xact_lock(72657)`.execute(trx);
}

/** Re-roots a subtree: every descendant keeps its path tail under the new prefix. */
export async function moveSubtree(trx: Transaction<IdentityTables>, oldPath: string, newPath: string, depthDelta: number): Promise<void> {
  await sql`update orgs set path = ${newPath} || substr(path, ${oldPath.length + 1}), depth = depth + ${depthDelta}
            where path like ${oldPath + '%'}`.execute(trx);
}
