export interface StdLibraryVersionsTable {
  library_id: string;
  version: number;
  name: string;
  definition: unknown;
  definition_hash: string;
  published_at: Date;
}

export type StandardsTables = {
  std_library_versions: StdLibraryVersionsTable;
};
