import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CodeSet, Page } from '../../api/types';

/** Code set names by code, to show 执业类别 rather than lawyer_practice_type; quiet: names only decorate. */
export function useCodeSetNames(): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());

  useEffect(() => {
    let current = true;
    api
      .get<Page<CodeSet>>('/code-sets', { page: 1, pageSize: 500 })
      .then((r) => current && setNames(new Map(r.items.map((s) => [s.code, s.name]))))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

  return names;
}
