import type { ColumnType, Generated } from 'kysely';

export const ITEM_KINDS = ['行政处罚', '行政许可', '行政强制', '行政检查', '行政征收', '行政确认', '其他'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** 裁量基准 circumstance levels, lightest first. */
export const BENCHMARK_LEVELS = ['轻微', '一般', '较重', '严重'] as const;
export type BenchmarkLevel = (typeof BENCHMARK_LEVELS)[number];

export type BasisRole = 'basis' | 'penalty';

/** numeric columns come back as strings (exact decimals); written as numbers or strings. */
type Money = ColumnType<string | null, number | string | null | undefined, number | string | null>;

export interface PowerItemsTable {
  id: Generated<number>;
  code: string;
  name: string;
  kind: ItemKind;
  org_types: string[];
  description: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PowerItemBasesTable {
  item_id: number;
  element_id: string;
  role: BasisRole;
  ord: number;
  reviewed_at: Date | null;
}

export interface PowerItemBenchmarksTable {
  item_id: number;
  level: BenchmarkLevel;
  circumstances: string;
  penalties: string[];
  amount_min: Money;
  amount_max: Money;
  note: string;
}

export type PowerListTables = {
  power_items: PowerItemsTable;
  power_item_bases: PowerItemBasesTable;
  power_item_benchmarks: PowerItemBenchmarksTable;
};
