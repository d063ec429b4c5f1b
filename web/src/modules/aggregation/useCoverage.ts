import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Coverage } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** 归集率 of the sources in the user's data scope, per obligation and per org. */
export function useCoverage() {
  const report = useApiError();
  const [coverage, setCoverage] = useState<Coverage>();
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .get<Coverage>('/aggregation/coverage')
      .then((r) => current && setCoverage(r))
      .catch((e: unknown) => current && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [version, report]);

  return { coverage, loading, reload: useCallback(() => setVersion((v) => v + 1), []) };
}
