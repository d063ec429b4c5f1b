import type { ColumnType, Generated } from 'kysely';
import type { CitationTarget } from './citations.ts';
import type { ElementKind, HistoryEvent, LawLevel } from './law.types.ts';

/** A warning of an imported file, kept with the version: which file and line it concerns. */
export interface StoredWarning {
  file: string;
  line: number;
  code: string;
  message: string;
}

/** `date` columns are read as 'YYYY-MM-DD' strings (platform/db type parsers). */
type DateCol = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface LawVersionsTable {
  id: string;
  short_title: string;
  title: string;
  level: LawLevel | null;
  issuer: Generated<string>;
  version_date: DateCol;
  effective_date: DateCol;
  repealed_on: DateCol;
  previous_id: string | null;
  superseded_on: DateCol;
  history: Json<HistoryEvent[]>;
  articles: number;
  chapters: number;
  sections: number;
  parts: number;
  warnings: Json<StoredWarning[]>;
  imported_at: Generated<Date>;
}

export interface LawFilesTable {
  law_id: string;
  piece: string;
  file: string;
  sha256: string;
  first_article: number | null;
  articles: number;
  chapters: number;
  sections: number;
  parts: number;
  warnings: Json<StoredWarning[]>;
  imported_at: Generated<Date>;
}

export interface LawElementsTable {
  id: string;
  law_id: string;
  piece: string;
  parent_id: string | null;
  ord: number;
  kind: ElementKind;
  number: number;
  sub: number | null;
  label: string;
  heading: string;
  text: string;
  line: number;
}

export interface LawSearchTable {
  element_id: string;
  law_id: string;
  kind: 'title' | 'article';
  body: string;
  /** Written as a tsvector literal or expression; never read back. */
  tokens: string;
}

export interface LawCitationsTable {
  id: Generated<number>;
  from_law_id: string;
  piece: string;
  from_id: string;
  start_at: number;
  end_at: number;
  raw: string;
  cited_title: string | null;
  target: Json<CitationTarget>;
  to_id: string | null;
  to_law_id: string | null;
  reason: string | null;
  message: string | null;
}

export type LawTables = {
  law_versions: LawVersionsTable;
  law_files: LawFilesTable;
  law_elements: LawElementsTable;
  law_search: LawSearchTable;
  law_citations: LawCitationsTable;
};
