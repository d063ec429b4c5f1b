import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CodeSetsTable {
  code: string;
  name: string;
  standard: string | null;
  description: Generated<string>;
  editable: boolean;
  builtin: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CodeItemsTable {
  set_code: string;
  code: string;
  label: string;
  sort: Generated<number>;
  enabled: Generated<boolean>;
  parent_code: string | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export type DictionaryTables = {
  code_sets: CodeSetsTable;
  code_items: CodeItemsTable;
};
