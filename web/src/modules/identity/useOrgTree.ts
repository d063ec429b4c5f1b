import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { OrgTreeNode } from '../../api/types';
import { useApiError } from '../../app/useApiError';

export interface OrgIndexEntry {
  node: OrgTreeNode;
  parentId: number | null;
}

/**
 * The org tree within the user's data scope, with an index by id (for parents and lookups).
 * `quiet`: the tree only decorates the page (org names in a log), so a refusal is not shown.
 */
export function useOrgTree({ quiet = false } = {}) {
  const report = useApiError();
  const [tree, setTree] = useState<OrgTreeNode[]>([]);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .get<{ items: OrgTreeNode[] }>('/orgs/tree')
      .then((r) => current && setTree(r.items))
      .catch((e: unknown) => current && !quiet && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [version, report, quiet]);

  const index = useMemo(() => {
    const map = new Map<number, OrgIndexEntry>();
    const walk = (nodes: OrgTreeNode[], parentId: number | null) => {
      for (const node of nodes) {
        map.set(node.id, { node, parentId });
        walk(node.children, node.id);
      }
    };
    walk(tree, null);
    return map;
  }, [tree]);

  return { tree, index, loading, reload: useCallback(() => setVersion((v) => v + 1), []) };
}
