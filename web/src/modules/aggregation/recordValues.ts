import type { LibraryField, LibraryRecord, StandardLibraryDetail } from '../../api/types';
import type { CodeLabels } from '../dictionary/useCodeLabels';

/** How many of a library's fields the records table shows (the drawer shows them all). */
const TABLE_FIELDS = 6;

/** A stored value as a reader says it: a code as its label (正常, not 1), an empty field as —. */
export function fieldText(field: LibraryField, value: unknown, codes: CodeLabels): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = String(value);
  return (field.codeSet && codes.get(field.codeSet)?.get(text)) || text;
}

/** The original a field was cleansed from (2021/7/15 before it became 2021-07-15), if it was. */
export function cleansedFrom(record: Pick<LibraryRecord, 'cleansed'>, key: string): string | undefined {
  const original = record.cleansed?.[key];
  return original === undefined || original === null ? undefined : String(original);
}

/**
 * The fields the table shows: the library's first fields in template order, the business key
 * always among them (it is what the page searches by).
 */
export function tableFields(library: StandardLibraryDetail): LibraryField[] {
  const keys = library.fields.filter((f) => f.businessKey);
  const room = Math.max(0, TABLE_FIELDS - keys.length);
  const others = library.fields.filter((f) => !f.businessKey).slice(0, room);
  return library.fields.filter((f) => keys.includes(f) || others.includes(f));
}

/**
 * A record's business key as people read it, from its (masked) values: 1330120101000001, or
 * 330106********1234 · 西湖区北山街道人民调解委员会 for a key of two fields.
 */
export function keyText(library: StandardLibraryDetail, record: LibraryRecord, codes: CodeLabels): string {
  return library.fields
    .filter((f) => f.businessKey)
    .map((f) => fieldText(f, record.data[f.key], codes))
    .join(' · ');
}

/** How a drawer names a record: 张芳一（1330120101000001）, or the key alone when the library has no separate name. */
export function recordTitle(library: StandardLibraryDetail, record: LibraryRecord, codes: CodeLabels): string {
  const key = keyText(library, record, codes);
  const name = library.fields.find((f) => f.key === 'name' && !f.businessKey);
  const value = name ? record.data[name.key] : undefined;
  return typeof value === 'string' && value !== '' ? `${value}（${key}）` : key;
}

export interface FieldChange {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** What changed from one version of a record to the next, field by field, in words. */
export function changes(fields: readonly LibraryField[], older: LibraryRecord['data'], newer: LibraryRecord['data'], codes: CodeLabels): FieldChange[] {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const from = fieldText(f, older[f.key], codes);
    const to = fieldText(f, newer[f.key], codes);
    if (from !== to) out.push({ key: f.key, label: f.label, from: from === '—' ? '（空）' : from, to: to === '—' ? '（空）' : to });
  }
  return out;
}
