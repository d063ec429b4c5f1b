import type { UpdateCycle } from './aggregation.tables.ts';

/**
 * How long a delivery stays current for each update cycle (更新周期, GB/T 21063 政务信息资源目录).
 * A month is taken as 31 days and a quarter as 92 so a delivery on the last day of a long period is
 * not flagged as late the next morning; realtime sources are expected at least daily.
 */
export const CYCLE_DAYS: Record<UpdateCycle, number> = { realtime: 1, daily: 1, weekly: 7, monthly: 31, quarterly: 92, yearly: 366 };

export const CYCLE_LABELS: Record<UpdateCycle, string> = { realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年' };

/** A source is stale (超期未归集) when its last completed delivery is older than its cycle, or it never delivered. */
export function isStale(lastDelivery: Date | null, cycle: UpdateCycle, now: Date): boolean {
  if (lastDelivery === null) return true;
  return now.getTime() - lastDelivery.getTime() > CYCLE_DAYS[cycle] * 86_400_000;
}

/** 归集率: records held over records the source declares; null when the source declared none. */
export function coverageRate(held: number, expected: number | null): number | null {
  if (expected === null || expected === 0) return null;
  return Math.min(held / expected, 1);
}
