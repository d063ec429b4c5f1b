import type { Schedule } from './connectors.tables.ts';

const HOUR = 3_600_000;

/** How often a scheduled connector pulls; `manual` ones pull only when asked. */
export const PERIOD_MS: Record<Exclude<Schedule, 'manual'>, number> = { hourly: HOUR, daily: 24 * HOUR, weekly: 7 * 24 * HOUR };

/**
 * Whether a scheduled connector is due: never pulled, or its last pull started a period ago. The
 * last start counts whatever its outcome, so a failing agency is asked once a period, not hammered.
 */
export function isDue(schedule: Schedule, lastStarted: Date | null, now: Date): boolean {
  if (schedule === 'manual') return false;
  if (lastStarted === null) return true;
  return now.getTime() - lastStarted.getTime() >= PERIOD_MS[schedule];
}
