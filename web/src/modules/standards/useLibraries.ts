import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import type { Page, StandardLibrary } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/**
 * The 14 business standard libraries (they change only with a release, so one read per page).
 * `quiet`: the list only names libraries on the page (a batch list), so a refusal is not shown.
 */
export function useLibraries({ quiet = false } = {}) {
  const report = useApiError();
  const [libraries, setLibraries] = useState<StandardLibrary[]>([]);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    api
      .get<Page<StandardLibrary>>('/standard-libraries')
      .then((r) => current && setLibraries(r.items))
      .catch((e: unknown) => current && !quiet && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [report, quiet]);

  const options = useMemo(() => libraries.map((l) => ({ value: l.id, label: l.name })), [libraries]);
  const nameOf = useMemo(() => {
    const names = new Map(libraries.map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? id;
  }, [libraries]);

  return { libraries, options, nameOf, loading };
}
