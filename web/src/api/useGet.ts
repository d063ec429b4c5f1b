import { useCallback, useEffect, useState } from 'react';
import { api, type Query } from './client';
import { useApiError } from '../app/useApiError';

/**
 * One resource read with GET: undefined until it arrives (and again after `path` or `query`
 * change, until the new one does); `reload` reads it again and keeps showing the old one
 * meanwhile. `failed` is set when the read failed (the error itself is shown as a toast unless
 * `quiet`). A `path` of undefined reads nothing.
 */
export function useGet<T>(path: string | undefined, query?: Query, opts: { quiet?: boolean } = {}) {
  const report = useApiError();
  const key = path === undefined ? '' : `${path}?${JSON.stringify(query ?? {})}`;
  const [state, setState] = useState<{ key: string; data?: T; failed?: boolean }>({ key });
  const [version, setVersion] = useState(0);
  const quiet = Boolean(opts.quiet);

  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    api
      .get<T>(path, query)
      .then((data) => current && setState({ key, data }))
      .catch((e: unknown) => {
        if (!current) return;
        if (!quiet) report(e);
        setState((s) => ({ ...s, key, failed: true }));
      });
    return () => {
      current = false;
    };
    // `key` stands for path and query.
  }, [key, version, report, quiet]);

  const fresh = state.key === key;
  return {
    data: fresh ? state.data : undefined,
    failed: fresh && Boolean(state.failed),
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}
