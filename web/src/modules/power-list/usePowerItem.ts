import type { PowerItem } from '../../api/types';
import { useGet } from '../../api/useGet';

/** One enforcement item with its bases (resolved against the library) and benchmark tiers. */
export function usePowerItem(id: number) {
  return useGet<PowerItem>(`/power-list/items/${id}`);
}
