import { z } from 'zod';

/** Every list takes ?page=1&pageSize=20 (pageSize ≤ 500) and answers { items, total } (DESIGN §4). */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
};

export interface Page {
  page: number;
  pageSize: number;
}

export function pageOffset(p: Page): { limit: number; offset: number } {
  return { limit: p.pageSize, offset: (p.page - 1) * p.pageSize };
}

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
