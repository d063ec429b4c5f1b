import { useEffect } from 'react';
import { usePagedList } from '../../app/usePagedList';

/**
 * A paged list of one log (entries, checkpoints), read again whenever `version` moves on: the log
 * page bumps it after anything that may have grown the log (refresh, 校验, a key rotation).
 */
export function useLedgerList<T>(log: string, what: 'entries' | 'checkpoints', version: number) {
  const list = usePagedList<T>(`/ledger/logs/${encodeURIComponent(log)}/${what}`, {});
  const { reload } = list;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  return list;
}
