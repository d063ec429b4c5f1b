import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page, Role } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** All roles (there are a handful), for pickers and the roles table. */
export function useRoles(enabled = true) {
  const report = useApiError();
  const [roles, setRoles] = useState<Role[]>([]);
  const [loading, setLoading] = useState(enabled);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setLoading(true);
    api
      .get<Page<Role>>('/roles')
      .then((r) => current && setRoles(r.items))
      .catch((e: unknown) => current && report(e))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [enabled, version, report]);

  return { roles, loading, reload: useCallback(() => setVersion((v) => v + 1), []) };
}

export function roleOptions(roles: Role[]): { value: string; label: string }[] {
  return roles.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }));
}
