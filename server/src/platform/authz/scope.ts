/**
 * Data scope (数据范围) of a signed-in user. Queries filter by it; a record outside it is
 * answered as "not found" (DESIGN §4), never "forbidden", so nobody can probe what exists.
 */
export type DataScopeKind = 'all' | 'subtree' | 'org' | 'self';

export const DATA_SCOPES: readonly DataScopeKind[] = ['all', 'subtree', 'org', 'self'];

const WIDTH: Record<DataScopeKind, number> = { self: 0, org: 1, subtree: 2, all: 3 };

/** The widest of several scopes: a user with two roles gets the union of what they allow. */
export function widestScope(scopes: readonly DataScopeKind[]): DataScopeKind {
  let best: DataScopeKind = 'self';
  for (const s of scopes) if (WIDTH[s] > WIDTH[best]) best = s;
  return best;
}
