import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { useApiError } from '../../app/useApiError';
import type { VerifyResult } from '../../api/types';

/** 校验: recomputes the log on the server; the verdict (and when it was reached) stays until the next run. */
export function useVerify(name: string) {
  const report = useApiError();
  const [verdict, setVerdict] = useState<{ result: VerifyResult; at: string }>();
  const [verifying, setVerifying] = useState(false);

  const verify = useCallback(async () => {
    setVerifying(true);
    try {
      const result = await api.get<VerifyResult>(`/ledger/logs/${encodeURIComponent(name)}/verification`);
      setVerdict({ result, at: new Date().toISOString() });
    } catch (e) {
      report(e);
    } finally {
      setVerifying(false);
    }
  }, [name, report]);

  return { verdict: verdict?.result.log === name ? verdict : undefined, verifying, verify };
}
