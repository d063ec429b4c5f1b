/**
 * The gateway's services under a grant (issue 5 point 4): (a) lookup by key, (b) 核验 yes/no
 * answers, (c) the change feed. Every record leaves through `project`: only the granted fields
 * the resource still offers, masked unless the grant names them plain (point 5).
 */
import type { RecordReader, SharedRecord } from '../../aggregation/record-reader.ts';
import type { CodeLookup } from '../../dictionary/index.ts';
import { codeTableOf, elementOf, type StandardLibrary } from '../../standards/index.ts';
import { libraryOf, project, type ResourceField } from '../catalog.ts';
import type { GrantService } from '../grants.service.ts';
import type { ResourceService } from '../resources.service.ts';
import { sharingErrors } from '../sharing.errors.ts';
import { gatewayErrors } from './gateway.errors.ts';
import { decodeCursor, encodeCursor, endOfShanghaiDay, normalizeIdNumber, shanghaiDay } from './gateway.rules.ts';
import type { HistoryReader, RecordMatch } from './record-history.ts';

export type ResourceRow = Awaited<ReturnType<ResourceService['get']>>;
export type GrantRow = NonNullable<Awaited<ReturnType<GrantService['activeGrant']>>>;

/** A call's terms, resolved once per grant: what it may see and how. */
export interface Granted {
  resource: ResourceRow;
  library: StandardLibrary;
  grant: GrantRow;
  /** Granted ∩ offered by the resource now: a field the resource stopped offering is not served. */
  fields: ResourceField[];
  plain: ReadonlySet<string>;
}

export interface Answer<T> {
  body: T;
  resultCount: number;
  /** ID numbers of the people looked up, for the call log's data-subject view. */
  subjects: string[];
}

/**
 * How long a grant is served from memory. A grant changed through this node is dropped at once
 * (GrantService.onChange); a change made on another node reaches this one within this time.
 */
export const GRANT_CACHE_MS = 1000;
const MAX_RECORDS = 20;

export interface GatewayServiceDeps {
  resources: Pick<ResourceService, 'get' | 'describe'>;
  grants: Pick<GrantService, 'activeGrant' | 'onChange'>;
  reader: Pick<RecordReader, 'byKey' | 'byIdNumber' | 'changes'>;
  history: HistoryReader;
  codes: CodeLookup;
  clock: () => Date;
  grantCacheMs?: number | undefined;
}

export function createGatewayService(d: GatewayServiceDeps) {
  const cache = new Map<string, { granted: Granted; until: number }>();
  const cacheMs = d.grantCacheMs ?? GRANT_CACHE_MS;
  const cacheKey = (consumerId: number, resourceCode: string) => `${consumerId}|${resourceCode}`;
  // Bumped by every change: a grant read before a change committed is served once, never cached.
  let generation = 0;
  d.grants.onChange((c) => {
    generation++;
    cache.delete(cacheKey(c.consumerId, c.resourceCode));
  });

  /** Which reader index serves a lookup field; null when none does (the resource lists it anyway). */
  function matchOf(library: StandardLibrary, field: string, value: string): RecordMatch | null {
    if (field === 'idNumber') return { idNumber: normalizeIdNumber(value) };
    if (library.businessKey.length === 1 && library.businessKey[0] === field) return { key: value.trim() };
    return null;
  }

  /** The one lookup field of a query: exactly one of the resource's lookup keys (issue 5 Interface). */
  function lookupOf(g: Granted, given: Record<string, string>): { field: string; match: RecordMatch } {
    const keys = Object.keys(given).filter((k) => g.resource.lookup_keys.includes(k));
    const field = keys[0];
    if (field === undefined) throw gatewayErrors.SHARE_QUERY_INVALID(`须给出以下查询字段之一：${g.resource.lookup_keys.join('、')}`, [{ field: 'query', message: g.resource.lookup_keys.join('、') }]);
    const match = matchOf(g.library, field, given[field] ?? '');
    if (match === null) throw gatewayErrors.SHARE_QUERY_INVALID(`资源 ${g.resource.code} 暂不支持按 ${field} 查询`, [{ field, message: '不支持' }]);
    return { field, match };
  }

  async function current(g: Granted, match: RecordMatch): Promise<SharedRecord[]> {
    return 'key' in match ? d.reader.byKey(g.library.id, match.key) : d.reader.byIdNumber(g.library.id, match.idNumber, MAX_RECORDS);
  }

  /** The people whose data a call touched: the records' ID numbers and the one asked about. */
  function subjectsOf(records: readonly SharedRecord[], match: RecordMatch): string[] {
    const ids = new Set<string>();
    if ('idNumber' in match) ids.add(match.idNumber);
    for (const r of records) if (typeof r.data.idNumber === 'string' && r.data.idNumber !== '') ids.add(normalizeIdNumber(r.data.idNumber));
    return [...ids];
  }

  /** A claimed value in the stored form: a code's label becomes its code, an ID number upper case. */
  async function storedForm(library: StandardLibrary, field: string, claim: string): Promise<string | null> {
    const f = library.fields.find((x) => x.key === field);
    const element = f ? elementOf(f.element) : null;
    const text = claim.normalize('NFC').trim();
    if (element?.kind === 'id-number') return normalizeIdNumber(text);
    if (element?.kind === 'code' && element.codeSet) return codeTableOf(element.codeSet, await d.codes.itemsOf(element.codeSet)).get(text) ?? null;
    return text;
  }

  return {
    /**
     * The grant a consumer calls a resource under, or null. Served from memory for a second (a
     * query per call would halve the gateway's throughput) unless changed here meanwhile; expiry
     * is checked on every call.
     */
    async grantFor(consumerId: number, resourceCode: string): Promise<Granted | null> {
      const k = cacheKey(consumerId, resourceCode);
      const now = d.clock().getTime();
      const hit = cache.get(k);
      if (hit && hit.until > now && hit.granted.grant.expires_at.getTime() > now) return hit.granted;
      cache.delete(k);
      const readAt = generation;
      const resource = await d.resources.get(resourceCode);
      // 不予共享 (政务信息资源共享管理暂行办法 第九条): a resource turned to "none" serves no grant.
      if (resource.sharing_type === 'none') throw sharingErrors.SHARE_NOT_SHAREABLE(`${resource.name}不予共享：${resource.sharing_basis}`);
      const grant = await d.grants.activeGrant(consumerId, resourceCode);
      if (!grant) return null;
      const granted: Granted = {
        resource,
        library: libraryOf(resource.library_id),
        grant,
        fields: d.resources.describe(resource).filter((f) => grant.fields.includes(f.id)),
        plain: new Set(grant.plain_fields),
      };
      if (readAt === generation) cache.set(k, { granted, until: now + cacheMs });
      return granted;
    },

    /** (a) Records by one lookup field, each reduced to the grant. */
    async lookup(g: Granted, query: Record<string, string>): Promise<Answer<{ data: Record<string, unknown>[] }>> {
      if (Object.keys(query).length !== 1) throw gatewayErrors.SHARE_QUERY_INVALID(`须且只须给出一个查询字段：${g.resource.lookup_keys.join('、')}`, [{ field: 'query', message: Object.keys(query).join('、') || '空' }]);
      const { match } = lookupOf(g, query);
      const records = await current(g, match);
      return { body: { data: records.map((r) => project(r.data, g.fields, g.plain)) }, resultCount: records.length, subjects: subjectsOf(records, match) };
    },

    /**
     * (b) 核验: is there a record — as the data center held it at the end of day `on` (Beijing
     * time), or now — whose fields equal every claimed value? Only granted fields may be claimed,
     * or a yes/no answer would disclose a field the grant withholds. Nothing of the record is
     * returned (PIPL 第六条: 最小必要).
     */
    async verify(g: Granted, body: Record<string, string | undefined>): Promise<Answer<{ match: boolean }>> {
      const { on, ...given } = body;
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(given)) if (v !== undefined) values[k] = v;
      const unknown = Object.keys(values).filter((k) => !g.resource.fields.includes(k));
      if (unknown.length > 0) throw gatewayErrors.SHARE_QUERY_INVALID(`资源 ${g.resource.code} 没有这些字段：${unknown.join('、')}`, unknown.map((f) => ({ field: f, message: '不是资源的字段' })));
      const { field: key, match } = lookupOf(g, values);
      const claims = Object.entries(values).filter(([f]) => f !== key);
      const withheld = claims.map(([f]) => f).filter((f) => !g.fields.some((x) => x.id === f));
      if (withheld.length > 0) throw gatewayErrors.SHARE_FIELD_NOT_GRANTED(`未授权核验这些字段：${withheld.join('、')}`, withheld.map((f) => ({ field: f, message: '未授权' })));
      const expected: [string, string][] = [];
      for (const [f, claim] of claims) {
        const stored = await storedForm(g.library, f, claim);
        if (stored === null) throw gatewayErrors.SHARE_QUERY_INVALID(`“${claim.slice(0, 20)}”不是 ${f} 的有效代码或名称`, [{ field: f, message: '不是有效的代码或名称' }]);
        expected.push([f, stored]);
      }
      let records: SharedRecord[];
      if (on === undefined) records = await current(g, match);
      else {
        if (on > shanghaiDay(d.clock())) throw gatewayErrors.SHARE_QUERY_INVALID('不能核验未来的日期', [{ field: 'on', message: on }]);
        // The end of day D: "on D" means as held when D was over, the last word of that day.
        records = await d.history.heldAt(g.library.id, match, new Date(endOfShanghaiDay(on).getTime() - 1), MAX_RECORDS);
      }
      const hits = records.filter((r) => expected.every(([f, v]) => {
        const s = r.data[f];
        if (s === null || s === undefined) return false;
        return f === 'idNumber' ? normalizeIdNumber(String(s)) === v : String(s) === v;
      }));
      return { body: { match: hits.length > 0 }, resultCount: hits.length, subjects: subjectsOf(records, match) };
    },

    /**
     * (c) The change feed: records changed after `cursor`, in commit order, each reduced to the
     * grant; `next` resumes after the last one. A record changed again comes again (at-least-once
     * per record, exactly once per change and cursor: RecordReader.changes).
     */
    async changes(g: Granted, cursorText: string | undefined, limit: number): Promise<Answer<{ data: Record<string, unknown>[]; next: string }>> {
      const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
      if (cursorText !== undefined && cursor === null) throw gatewayErrors.SHARE_CURSOR_INVALID('订阅游标不是本网关发出的游标', [{ field: 'cursor', message: cursorText.slice(0, 40) }]);
      const page = await d.reader.changes(g.library.id, cursor, limit);
      return { body: { data: page.records.map((r) => project(r.data, g.fields, g.plain)), next: encodeCursor(page.next) }, resultCount: page.records.length, subjects: [] };
    },
  };
}

export type GatewayService = ReturnType<typeof createGatewayService>;
