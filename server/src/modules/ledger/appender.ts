import type { NewEntry } from './log-store.ts';

interface Waiting {
  entries: NewEntry[];
  resolve(first: number): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 10_000;

/**
 * Coalesces concurrent appends to one log into one transaction (as Tessera does): callers that
 * arrive while a batch is being written wait for the next one, so a thousand single appends cost
 * a few transactions, not a thousand row-lock round trips. Each caller gets the index of its first
 * entry; its entries stay consecutive.
 */
export function createAppender(write: (logId: number, entries: NewEntry[]) => Promise<number>) {
  const queues = new Map<number, Waiting[]>();
  const running = new Set<number>();
  let idle: Promise<void> = Promise.resolve();

  async function drain(logId: number): Promise<void> {
    running.add(logId);
    try {
      for (let queue = queues.get(logId); queue && queue.length > 0; queue = queues.get(logId)) {
        const batch: Waiting[] = [];
        let count = 0;
        while (queue.length > 0 && (batch.length === 0 || count + queue[0]!.entries.length <= MAX_BATCH)) {
          const w = queue.shift()!;
          batch.push(w);
          count += w.entries.length;
        }
        try {
          let first = await write(logId, batch.flatMap((w) => w.entries));
          for (const w of batch) {
            w.resolve(first);
            first += w.entries.length;
          }
        } catch (err) {
          for (const w of batch) w.reject(err);
        }
      }
    } finally {
      running.delete(logId);
    }
  }

  return {
    append(logId: number, entries: NewEntry[]): Promise<number> {
      return new Promise<number>((resolve, reject) => {
        const queue = queues.get(logId) ?? [];
        queues.set(logId, queue);
        queue.push({ entries, resolve, reject });
        if (!running.has(logId)) idle = Promise.all([idle, drain(logId)]).then(() => undefined);
      });
    },
    /** Resolves when every append queued so far is written (shutdown). */
    settled: () => idle,
  };
}
