import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { StandardLibraryDetail } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** One standard library with its fields; undefined while it is read (and after a library change, until the new one is). */
export function useLibraryDetail(id: string): StandardLibraryDetail | undefined {
  const report = useApiError();
  const [detail, setDetail] = useState<StandardLibraryDetail>();

  useEffect(() => {
    let current = true;
    api
      .get<StandardLibraryDetail>(`/standard-libraries/${id}`)
      .then((d) => current && setDetail(d))
      .catch((e: unknown) => current && report(e));
    return () => {
      current = false;
    };
  }, [id, report]);

  return detail?.id === id ? detail : undefined;
}
