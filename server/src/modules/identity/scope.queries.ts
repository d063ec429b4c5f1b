import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/authz/actor.ts';

/**
 * The data-scope condition on a column holding an org id (DESIGN §4: scope is applied in the
 * queries, never only in the UI). Other modules import it through identity's index, so the one
 * definition of "in scope" serves every list and detail query. `self` limits to the actor's own
 * org here; a module whose rows have an owner adds its own owner check for `self`.
 */
export function orgIdInScope(actor: Actor, orgIdColumn: string): Expression<SqlBool> {
  switch (actor.scope) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'subtree':
      return sql<SqlBool>`${sql.ref(orgIdColumn)} in (select id from orgs where path like ${actor.orgPath + '%'})`;
    case 'org':
    case 'self':
      return sql<SqlBool>`${sql.ref(orgIdColumn)} = ${actor.orgId}`;
    default: {
      const never: never = actor.scope;
      throw new Error(`unknown data scope ${String(never)}`);
    }
  }
}

/** The scope condition for rows that belong to a user (a `self` scope sees only its own). */
export function userRowInScope(actor: Actor, userIdColumn: string, orgIdColumn: string): Expression<SqlBool> {
  if (actor.scope === 'self') return sql<SqlBool>`${sql.ref(userIdColumn)} = ${actor.userId}`;
  return orgIdInScope(actor, orgIdColumn);
}
