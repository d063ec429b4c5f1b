/**
 * What a resource can offer: the fields of its standard library, named as the data standard names
 * them (数据元 中文名: 执业证号, 公民身份号码), and how each is masked when a grant does not say plain.
 */
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.ts';
import { elementOf, findLibrary, type StandardLibrary } from '../standards/index.ts';
import { sharingErrors } from './sharing.errors.ts';

export interface ResourceField {
  id: string;
  /** The data element's 中文名. */
  name: string;
  /** How the value is masked unless granted plain (DESIGN §4, SEC-06). */
  mask: 'id-number' | 'phone' | null;
}

export function libraryOf(id: string): StandardLibrary {
  const l = findLibrary(id);
  if (!l) throw sharingErrors.SHARE_RESOURCE_INVALID(`没有标准库 ${id}`, [{ field: 'libraryId', message: id }]);
  return l;
}

export function fieldsOf(library: StandardLibrary): ResourceField[] {
  return library.fields.map((f) => {
    const e = elementOf(f.element);
    return { id: f.key, name: e.name, mask: e.kind === 'id-number' || e.kind === 'phone' ? e.kind : null };
  });
}

/** `wanted` must all be fields of the library; the field at fault is named. */
export function checkFields(library: StandardLibrary, wanted: readonly string[], field: string): void {
  const known = new Set(library.fields.map((f) => f.key));
  const unknown = wanted.filter((f) => !known.has(f));
  if (unknown.length > 0) throw sharingErrors.SHARE_FIELDS_INVALID(`${library.name}没有这些字段：${unknown.join('、')}`, unknown.map((u) => ({ field, message: u })));
  if (wanted.length === 0) throw sharingErrors.SHARE_FIELDS_INVALID('至少要有一个字段', [{ field, message: '空' }]);
}

/**
 * Whether the gateway can look a record up by `field`: the 公民身份号码 (its own index) or a
 * business key of one field (the primary key). Any other field would need a scan per call, so a
 * resource may not offer it as a lookup key.
 */
export function lookupServable(library: StandardLibrary, field: string): boolean {
  return field === 'idNumber' || (library.businessKey.length === 1 && library.businessKey[0] === field);
}

const MASKERS = { 'id-number': maskIdNumber, phone: maskPhone } as const;

/** Only the granted fields, masked unless plain: nothing outside `fields` ever leaves. */
export function project(data: Record<string, unknown>, fields: readonly ResourceField[], plain: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = data[f.id];
    if (v === undefined) continue;
    out[f.id] = f.mask && !plain.has(f.id) && typeof v === 'string' ? MASKERS[f.mask](v) : v;
  }
  return out;
}
