import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page, SourceSystem } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** The source systems within the user's data scope, with their obligations (归集责任). */
export function useSources() {
  const report = useApiError();
  const [sources, setSources] = useState<SourceSystem[]>([]);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .get<Page<SourceSystem>>('/aggregation/sources')
      .then((r) => current && setSources(r.items))
      .catch((e: unknown) => current && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [version, report]);

  return { sources, loading, reload: useCallback(() => setVersion((v) => v + 1), []) };
}
