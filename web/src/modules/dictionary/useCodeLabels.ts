import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CodeItem, Page } from '../../api/types';

/** Labels by code, per code set: `labels.get('practice_status')?.get('1')` is 正常. */
export type CodeLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * The labels of every item of these code sets, disabled ones included: a record keeps the code it
 * was given even after the item is switched off. Quiet: labels only decorate (the code is shown
 * when a set cannot be read).
 */
export function useCodeLabels(setCodes: readonly string[]): CodeLabels {
  const [labels, setLabels] = useState<CodeLabels>(new Map());
  // One read per distinct list of sets, not per render of a caller that builds the array anew.
  const wanted = [...new Set(setCodes)].sort().join(',');

  useEffect(() => {
    if (!wanted) return;
    let current = true;
    Promise.all(
      wanted.split(',').map((set) =>
        api
          .get<Page<CodeItem>>(`/code-sets/${set}/items`, { page: 1, pageSize: 500 })
          .then((r) => [set, new Map(r.items.map((i) => [i.code, i.label]))] as const)
          .catch(() => [set, new Map<string, string>()] as const),
      ),
    ).then((sets) => current && setLabels(new Map(sets)));
    return () => {
      current = false;
    };
  }, [wanted]);

  return labels;
}
