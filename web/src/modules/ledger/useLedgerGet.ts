import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';

/**
 * One ledger resource read with GET: undefined until it arrives (and again after `path` changes,
 * until the new one does); `reload` reads it again and keeps showing the old one meanwhile.
 * `failed` is set when the read failed (the error itself is shown as a toast).
 */
export function useLedgerGet<T>(path: string) {
  const report = useApiError();
  const [state, setState] = useState<{ path: string; data?: T; failed?: boolean }>({ path });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .get<T>(path)
      .then((data) => current && setState({ path, data }))
      .catch((e: unknown) => {
        if (!current) return;
        report(e);
        setState((s) => ({ ...s, path, failed: true }));
      });
    return () => {
      current = false;
    };
  }, [path, version, report]);

  const fresh = state.path === path;
  return {
    data: fresh ? state.data : undefined,
    failed: fresh && Boolean(state.failed),
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}
