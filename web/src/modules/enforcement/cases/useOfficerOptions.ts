import { useMemo } from 'react';
import type { EnforcementOfficer, Page } from '../../../api/types';
import { useGet } from '../../../api/useGet';

/**
 * The officers in the user's scope (of `orgId` and below when given) whose 执法证 is in force today, as select
 * options labelled name + 执法证号, and every officer's name by id for showing a record.
 */
export function useOfficerOptions(orgId?: number) {
  const { data } = useGet<Page<EnforcementOfficer>>('/enforcement/officers', { orgId, pageSize: 500 });
  return useMemo(() => {
    const officers = data?.items ?? [];
    return {
      options: officers.filter((o) => o.standing === 'valid').map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` })),
      nameOf: (id: number) => officers.find((o) => o.id === id)?.name ?? `人员 ${id}`,
    };
  }, [data]);
}
