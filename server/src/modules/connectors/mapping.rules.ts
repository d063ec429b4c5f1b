/**
 * The field mapping of a connector: from another agency's JSON record to our library's fields.
 * Agencies name fields their own way (公安 `gmsfhm`, 民政 `nanf.zjhm`), rename them between system
 * generations (`sfzh` in records migrated from the old register), and code values we store as
 * names (民政 IA/IB for 结婚/离婚) — so a field takes alternative paths and an optional value map.
 * What the mapped values mean is checked afterwards by the library's own row check, like any source.
 */
import { labelOf, type StandardLibrary } from '../standards/index.ts';
import type { FieldMap, MappingConfig } from './connectors.tables.ts';

/** The value at a dot path (`data.rows`, `nanf.zjhm`, `owners.0.name`); undefined when absent. */
export function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? (/^\d+$/.test(part) ? node[Number(part)] : undefined) : (node as Record<string, unknown>)[part];
  }
  return node;
}

function mapValue(raw: unknown, m: FieldMap): unknown {
  if (raw === undefined || raw === null) return null;
  if (m.values && (typeof raw === 'string' || typeof raw === 'number')) {
    const mapped = m.values[String(raw).trim()];
    // A code outside the map goes through as sent: the row check rejects it with its own reason.
    if (mapped !== undefined) return mapped;
  }
  return raw;
}

/**
 * The library records one remote record makes, keyed by the fields' template headers (so a
 * rejected row reads like any import in the error report). A field whose paths are all absent is
 * null: a required one is that row's "必填" error, not the page's.
 */
export function mapRecord(remote: unknown, mapping: MappingConfig, library: StandardLibrary): Record<string, unknown>[] {
  const labels = new Map(library.fields.map((f) => [f.key, labelOf(f)]));
  if (remote === null || typeof remote !== 'object' || Array.isArray(remote)) {
    // Not a record at all: one row that names what came, so the error report shows it.
    return [{ 原始记录: JSON.stringify(remote)?.slice(0, 200) ?? String(remote) }];
  }
  return mapping.map((entry) => {
    const out: Record<string, unknown> = {};
    for (const m of entry.fields) {
      const path = m.from.find((p) => valueAt(remote, p) !== undefined);
      out[labels.get(m.field) ?? m.field] = mapValue(path === undefined ? undefined : valueAt(remote, path), m);
    }
    return out;
  });
}

export interface MappingProblem {
  field: string;
  message: string;
}

/** What is wrong with a mapping for a library: unknown or repeated fields, required fields left out. */
export function mappingProblems(mapping: MappingConfig, library: StandardLibrary): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const known = new Map(library.fields.map((f) => [f.key, f]));
  mapping.forEach((entry, i) => {
    const at = mapping.length > 1 ? `第 ${i + 1} 组映射：` : '';
    const seen = new Set<string>();
    for (const m of entry.fields) {
      if (!known.has(m.field)) problems.push({ field: `mapping.${i}.fields`, message: `${at}${library.name}标准库没有字段 ${m.field}` });
      else if (seen.has(m.field)) problems.push({ field: `mapping.${i}.fields`, message: `${at}字段 ${m.field} 映射了两次` });
      seen.add(m.field);
    }
    for (const f of library.fields) {
      if (f.required && !seen.has(f.key)) problems.push({ field: `mapping.${i}.fields`, message: `${at}必填字段“${labelOf(f)}”（${f.key}）没有映射来源` });
    }
  });
  return problems;
}
