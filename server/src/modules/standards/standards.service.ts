import crypto from 'node:crypto';
import type { BaseDb } from '../../platform/db/database.ts';
import { DATA_ELEMENTS } from './elements.data.ts';
import { AGENCY_LIBRARIES, STANDARD_LIBRARIES } from './libraries.data.ts';
import { elementOf, headerKey, labelOf } from './record-check.ts';
import type { CrossRule, StandardLibrary } from './standards.types.ts';
import { standardsErrors as E } from './standards.errors.ts';
import type { StandardsTables } from './standards.tables.ts';

const CROSS_RULE_TEXT: Record<CrossRule, string> = {
  'gender-matches-id': '性别须与公民身份号码第 17 位（奇数男、偶数女）一致（GB 11643-1999）',
  'birth-date-matches-id': '出生日期须与公民身份号码第 7–14 位一致（GB 11643-1999）',
};

// Other agencies' libraries land through the same aggregation path, so they are found the same way.
const BY_ID = new Map([...STANDARD_LIBRARIES, ...AGENCY_LIBRARIES].map((l) => [l.id, l]));

/** The library, or null: callers turn an unknown id into their own error (CLI message, 404). */
export function findLibrary(id: string): StandardLibrary | null {
  return BY_ID.get(id) ?? null;
}

/** Fields holding personal identifiers that lists mask (DESIGN §4): key → kind. */
export function personalFields(l: StandardLibrary): [string, 'id-number' | 'phone'][] {
  const out: [string, 'id-number' | 'phone'][] = [];
  for (const f of l.fields) {
    const kind = elementOf(f.element).kind;
    if (kind === 'id-number' || kind === 'phone') out.push([f.key, kind]);
  }
  return out;
}

function summary(l: StandardLibrary) {
  const keyLabels = l.businessKey.map((k) => {
    const f = l.fields.find((x) => x.key === k);
    return f ? labelOf(f) : k;
  });
  return { id: l.id, name: l.name, version: l.version, fieldCount: l.fields.length, businessKey: [...l.businessKey], businessKeyLabels: keyLabels, basis: l.basis, description: l.description };
}

function headersOf(l: StandardLibrary, key: string): string[] {
  const field = l.fields.find((f) => f.key === key);
  if (!field) return [];
  const e = elementOf(field.element);
  const seen = new Set<string>();
  return [labelOf(field), ...(field.aliases ?? []), e.name, ...e.aliases].filter((h) => {
    const k = headerKey(h);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function detailFields(l: StandardLibrary) {
  return l.fields.map((f) => {
    const e = elementOf(f.element);
    return {
      key: f.key, label: labelOf(f), element: e.id, elementName: e.name, kind: e.kind, required: f.required, maxLength: e.maxLength,
      codeSet: e.codeSet ?? null, creditCodeTypes: f.creditCodeTypes ? [...f.creditCodeTypes] : null, headers: headersOf(l, f.key), businessKey: l.businessKey.includes(f.key),
    };
  });
}

/** What a version is: everything that decides whether a row passes. */
function definitionOf(l: StandardLibrary) {
  return { businessKey: l.businessKey, crossRules: l.crossRules, fields: detailFields(l) };
}

export function createStandardsService(base: BaseDb) {
  const db = base.withTables<StandardsTables>();
  return {
    elements() {
      return DATA_ELEMENTS.map((e) => ({ id: e.id, name: e.name, kind: e.kind, maxLength: e.maxLength, codeSet: e.codeSet ?? null, pattern: e.pattern ?? null, aliases: [...e.aliases], standard: e.standard, description: e.description }));
    },
    libraries() {
      return STANDARD_LIBRARIES.map(summary);
    },
    async library(id: string) {
      const l = findLibrary(id);
      if (!l) throw E.STANDARD_LIBRARY_NOT_FOUND();
      const versions = await db.selectFrom('std_library_versions').select(['version', 'published_at']).where('library_id', '=', id).orderBy('version', 'desc').execute();
      return {
        ...summary(l),
        fields: detailFields(l),
        crossRules: l.crossRules.map((r) => ({ id: r, description: CROSS_RULE_TEXT[r] })),
        versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at.toISOString() })),
      };
    },
    /**
     * Records each library version this server runs with. A version already recorded with a
     * different definition means the code changed a library without bumping its version — refused,
     * because records checked against "version 1" would no longer say what they were checked against.
     */
    async ensureVersions(): Promise<void> {
      for (const l of [...STANDARD_LIBRARIES, ...AGENCY_LIBRARIES]) {
        const definition = definitionOf(l);
        const hash = crypto.createHash('sha256').update(JSON.stringify(definition)).digest('hex');
        await db.insertInto('std_library_versions').values({ library_id: l.id, version: l.version, name: l.name, definition: JSON.stringify(definition), definition_hash: hash, published_at: new Date() }).onConflict((oc) => oc.columns(['library_id', 'version']).doNothing()).execute();
        const row = await db.selectFrom('std_library_versions').select('definition_hash').where('library_id', '=', l.id).where('version', '=', l.version).executeTakeFirstOrThrow();
        if (row.definition_hash !== hash) throw new Error(`standard library ${l.id} changed without a new version (still ${l.version}): bump its version in libraries.data.ts`);
      }
    },
  };
}

export type StandardsService = ReturnType<typeof createStandardsService>;
