import type { Actor } from '../../platform/authz/actor.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { maskIdNumber, maskPhone } from '../../platform/privacy/mask.ts';
import { findLibrary, personalFields, type StandardLibrary } from '../standards/index.ts';
import { aggregationErrors as E } from './aggregation.errors.ts';
import type { AggregationTables } from './aggregation.tables.ts';
import { findRecord, listRecords, recordHistory } from './records.queries.ts';

type Row = Omit<Awaited<ReturnType<typeof findRecord>> & object, 'business_key'> & { business_key: string };

/**
 * ID numbers and phones are masked here, on the server (DESIGN §4): in the record and in the
 * originals kept by cleansing alike. No route serves them in full yet.
 */
function masked(library: StandardLibrary, values: unknown): Record<string, unknown> | null {
  if (values === null || typeof values !== 'object') return null;
  const out: Record<string, unknown> = { ...(values as Record<string, unknown>) };
  const personal = personalFields(library);
  for (const [key, kind] of personal) {
    const v = out[key];
    if (typeof v === 'string') out[key] = kind === 'id-number' ? maskIdNumber(v) : maskPhone(v);
  }
  return out;
}

/** The business key as shown: its parts joined by ' / ', a personal part (人民调解员: 公民身份号码) masked. */
function shownKey(library: StandardLibrary, key: string): string {
  const kinds = new Map(personalFields(library));
  return key.split('\u001f').map((part, i) => {
    const kind = kinds.get(library.businessKey[i] ?? '');
    return kind === 'id-number' ? maskIdNumber(part) : kind === 'phone' ? maskPhone(part) : part;
  }).join(' / ');
}

function view(library: StandardLibrary, r: Row) {
  return {
    // The record's reference in links (its content hash): a business key may hold an ID number.
    ref: r.content_hash,
    businessKey: shownKey(library, r.business_key),
    data: masked(library, r.data) ?? {},
    cleansed: masked(library, r.cleansed),
    lineage: {
      sourceCode: r.source_code, sourceName: r.source_name, batchId: r.batch_id, rowNo: r.row_no, sheet: r.sheet,
      receivedAt: r.received_at.toISOString(), contentHash: r.content_hash, libraryVersion: r.library_version,
    },
  };
}

export function createRecordService(base: BaseDb) {
  const db = base.withTables<AggregationTables>();

  function libraryOrFail(id: string): StandardLibrary {
    const l = findLibrary(id);
    if (!l) throw E.AGG_LIBRARY_NOT_FOUND(undefined, [{ field: 'library', message: `未知的标准库：${id}` }]);
    return l;
  }

  return {
    /** A library's records in the caller's scope, each with its lineage. */
    async list(actor: Actor, libraryId: string, keyPrefix: string | undefined, page: Page) {
      const library = libraryOrFail(libraryId);
      const { items, total } = await listRecords(db, actor, library.id, keyPrefix, page);
      return { items: items.map((r) => view(library, r)), total };
    },

    /** One record, by its reference, with its earlier versions (what each was, from which batch, until when). */
    async get(actor: Actor, libraryId: string, ref: string) {
      const library = libraryOrFail(libraryId);
      const row = await findRecord(db, actor, library.id, ref);
      if (!row) throw E.AGG_RECORD_NOT_FOUND();
      const history = await recordHistory(db, library.id, row.business_key);
      return {
        ...view(library, row),
        history: history.map((h) => ({ ...view(library, h), supersededAt: h.superseded_at.toISOString(), supersededBy: h.superseded_by })),
      };
    },
  };
}

export type RecordService = ReturnType<typeof createRecordService>;
