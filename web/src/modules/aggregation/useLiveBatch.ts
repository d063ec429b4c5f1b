import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Batch } from '../../api/types';
import { useApiError } from '../../app/useApiError';

/** How often a running batch is read again, and after how many failed reads in a row that is given up. */
const POLL_MS = 1000;
const MAX_FAILURES = 5;

/**
 * A batch kept up to date: read again every second while it runs (the server imports in the
 * background), then left as it ended. `onEnd` is told once when a batch seen running has ended.
 */
export function useLiveBatch(start: Batch | undefined, onEnd?: (batch: Batch) => void): Batch | undefined {
  const report = useApiError();
  const [batch, setBatch] = useState(start);
  const [seeded, setSeeded] = useState(start);
  if (start !== seeded) {
    setSeeded(start);
    setBatch(start);
  }

  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  });

  const id = batch?.id;
  const running = batch?.status === 'running';
  useEffect(() => {
    if (!id || !running) return;
    let current = true;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const poll = () => {
      api
        .get<Batch>(`/aggregation/batches/${id}`)
        .then((b) => {
          if (!current) return;
          failures = 0;
          setBatch(b);
          if (b.status === 'running') timer = setTimeout(poll, POLL_MS);
          else onEndRef.current?.(b);
        })
        .catch((e: unknown) => {
          if (!current) return;
          // A busy server can miss a beat; only a lasting failure is worth a message.
          if (++failures >= MAX_FAILURES) report(e);
          else timer = setTimeout(poll, POLL_MS * 2);
        });
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [id, running, report]);

  return batch;
}
