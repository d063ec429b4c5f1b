import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CodeItem, Page } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** The enabled items of a code set as select options: the dictionary is where valid codes live. */
export function useCodeOptions(setCode: string): { value: string; label: string }[] {
  const report = useApiError();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    let current = true;
    api
      .get<Page<CodeItem>>(`/code-sets/${setCode}/items`, { enabled: true, page: 1, pageSize: 500 })
      .then((r) => current && setOptions(r.items.map((i) => ({ value: i.code, label: i.label }))))
      .catch((e: unknown) => current && report(e));
    return () => {
      current = false;
    };
  }, [setCode, report]);

  return options;
}
