import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets, MISTYPED_CIVIL_SERVANT } from '../../../../sim/agencies/data.ts';
import { legacyId } from '../../../../sim/agencies/people.ts';
import { spawnAgencySim, type RunningSim } from '../../../../sim/agencies/spawn.ts';
import { createTestApp, type TestApp } from '../../../test/harness.ts';
import { cleanRecord } from '../aggregation/demo/records.ts';
import { demoConnectorInputs, type ConnectorsModule } from './index.ts';
import { connectorsOf, keyDir, simRequests, waitFor } from './test-support.ts';

/**
 * Issue 5 item 7: connectors pull from other agencies' HTTP APIs — here the agency simulator,
 * a process of its own — and land the records through aggregation as their own source system.
 */

let sim: RunningSim;
let tp: TestApp;
let m: ConnectorsModule;
let dir: string;
let province: number;
const D = datasets(0, 1);

// The demo's connectors under codes of this test's own: main.ts may have registered the demo ones.
const LIBRARY_OF: Record<string, string> = { 't-gongan-death': 'death-record', 't-minzheng-marriage': 'marriage-record', 't-zrzy-real-estate': 'real-estate', 't-zuzhi-civil-servant': 'civil-servant' };
const ours = <T extends { code: string }>(items: T[]) => items.filter((c) => c.code in LIBRARY_OF);

async function records(library: string) {
  const { rows } = await sql<{ business_key: string; data: Record<string, string | undefined>; cleansed: Record<string, string> | null; content_hash: string; source_id: number; batch_id: string; row_no: number }>`
    select business_key, data, cleansed, content_hash, source_id::int as source_id, batch_id::text as batch_id, row_no from agg_records where library_id = ${library} order by business_key`.execute(tp.database.db);
  return rows;
}

async function count(table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tp.database.db);
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  sim = await spawnAgencySim({ args: ['--slow-ms', '800'] });
  tp = await createTestApp();
  dir = keyDir();
  m = connectorsOf(tp, dir);
  const { rows } = await sql<{ id: number }>`select id from orgs where region_code = '330000' and type = 'province_dept'`.execute(tp.database.db);
  province = Number(rows[0]?.id);
  for (const input of demoConnectorInputs(sim.url)) await m.connectors.create({ system: 'test' }, null, { ...input, code: `t-${input.code}` }, province);
});

afterAll(async () => {
  await m?.stop();
  await tp?.destroy();
  await sim?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('connectors pull from the agency simulator', () => {
  it('registers each demo connector with a source system of the same code in the registering org', async () => {
    const items = ours((await m.connectors.list(null, { page: 1, pageSize: 500 })).items);
    expect(items).toHaveLength(4);
    const sources = await tp.aggregation.sources.list(null);
    for (const c of items) {
      const s = sources.find((x) => x.code === c.code);
      expect(s, c.code).toMatchObject({ id: c.sourceId, orgId: province, libraries: [{ libraryId: LIBRARY_OF[c.code] }] });
      expect(c.lastRun).toBeNull();
    }
  });

  it('a pull stopped in the middle (shutdown) stays resumable, and the next pull finishes it from where it stopped', async () => {
    const first = connectorsOf(tp, dir);
    const pulling = first.pull('t-zrzy-real-estate');
    // Page 0 lands; page 1 is the agency's slow page: stop while it is being served.
    await waitFor('the slow page to be asked for', async () => (await simRequests(sim.url, 'zrzy')).some((r) => r.query.page === '1' && r.status === 0));
    await first.stop();
    const stopped = await pulling;
    expect(stopped).toMatchObject({ status: 'running', interrupted: true, pagesFetched: 1, pagesLanded: 1 });

    const resumed = await m.pull('t-zrzy-real-estate');
    expect(resumed).toMatchObject({ id: stopped.id, status: 'completed', pagesFetched: 4, pagesLanded: 4, pagesSkipped: 0, accepted: D.realEstate.length, rejected: 0 });
    // Page 0 is not fetched again; page 1, cut off by the stop (499: the client went away), is.
    expect((await simRequests(sim.url, 'zrzy')).map((r) => [r.query.page, r.status])).toEqual([['0', 200], ['1', 499], ['1', 200], ['2', 200], ['3', 200]]);
    expect(await records('real-estate')).toHaveLength(D.realEstate.length);
    const { rows } = await sql<{ action: string }>`select action from audit_events where target_type = 'conn_run' and target_id = ${String(stopped.id)} order by id`.execute(tp.database.db);
    expect(rows.map((r) => r.action)).toEqual(['connectors.run.start', 'connectors.run.resume', 'connectors.run.finish']);
  });

  it('pulls every agency: the records land in their standard libraries with lineage to the page they came from', async () => {
    const runs = Object.fromEntries(await Promise.all(['t-gongan-death', 't-minzheng-marriage', 't-zuzhi-civil-servant'].map(async (code) => [code, await m.pull(code)] as const)));
    expect(runs['t-gongan-death']).toMatchObject({ status: 'completed', pagesFetched: 5, accepted: D.deaths.length, rejected: 0, errorCode: null });
    expect(runs['t-minzheng-marriage']).toMatchObject({ status: 'completed', pagesFetched: 4, accepted: 2 * D.marriages.length, rejected: 0 });
    expect(runs['t-zuzhi-civil-servant']).toMatchObject({ status: 'completed', pagesFetched: 4, accepted: D.civilServants.length - 1, rejected: 1 });

    expect(await records('death-record')).toHaveLength(D.deaths.length);
    expect(await records('marriage-record')).toHaveLength(2 * D.marriages.length);
    expect(await records('civil-servant')).toHaveLength(D.civilServants.length - 1);

    // Lineage: every record names its connector's source system and a batch the connector landed.
    const items = ours((await m.connectors.list(null, { page: 1, pageSize: 500 })).items);
    const { rows: pages } = await sql<{ batch_id: string; connector_id: number }>`select batch_id::text as batch_id, connector_id::int as connector_id from conn_pages`.execute(tp.database.db);
    for (const c of items) {
      const batches = new Set(pages.filter((p) => p.connector_id === c.id).map((p) => p.batch_id));
      for (const r of await records(c.libraryId)) {
        expect(r.source_id, c.code).toBe(c.sourceId);
        expect(batches.has(r.batch_id), `${c.code} ${r.batch_id}`).toBe(true);
      }
      const batch = await tp.aggregation.batches.get(null, [...batches][0] ?? '');
      expect(batch).toMatchObject({ kind: 'push', sourceCode: c.code, status: 'completed' });
      expect(batch.externalId).toMatch(/^pull-(p\d+|pfirst|c[0-9a-f]{16}|cfirst)-[0-9a-f]{20}$/);
    }
  });

  it('cleanses what the agencies send as they send it: 15-digit IDs, a renamed field, coded values', async () => {
    // 民政: a 1990s registration with first-generation IDs lands under the 18-digit number, the original kept.
    const old = D.marriages.find((r) => String(r.djrq) < '2000');
    expect(old, 'the simulator has a 1990s registration').toBeDefined();
    const male = old?.nanf as { zjhm: string };
    expect(male.zjhm).toHaveLength(15);
    const marriages = await records('marriage-record');
    const landed = marriages.find((r) => r.data.registrationNo === old?.djzh && legacyId(r.data.idNumber ?? '') === male.zjhm);
    expect(landed?.data).toMatchObject({ registrationType: old?.ywlx === 'IA' ? '结婚' : '离婚' });
    expect(landed?.cleansed).toMatchObject({ idNumber: male.zjhm });
    // 公安: records of the old register name the ID number sfzh.
    const renamed = D.deaths.find((r) => 'sfzh' in r);
    expect((await records('death-record')).some((r) => r.data.idNumber === renamed?.sfzh)).toBe(true);
    // 自然资源: 权属状态 comes as 1/2 and lands as 现势/历史.
    expect(new Set((await records('real-estate')).map((r) => r.data.rightStatus))).toEqual(new Set(['现势', '历史']));
  });

  it('rejects what the agency got wrong, with the reason in the batch error report', async () => {
    const bad = D.civilServants[MISTYPED_CIVIL_SERVANT] as { idCard: string };
    const { rows } = await sql<{ batch_id: string }>`select p.batch_id::text as batch_id from conn_pages p join conn_connectors c on c.id = p.connector_id where c.code = 't-zuzhi-civil-servant'`.execute(tp.database.db);
    const reasons: string[] = [];
    for (const r of rows) for await (const e of tp.aggregation.batches.errorRows(null, r.batch_id)) reasons.push(`${e.cells.join('|')} ${e.reasons}`);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(bad.idCard);
    expect(reasons[0]).toContain('校验位错误');
  });

  it('joins the agencies to the demo by ID number: a serving civil servant who is a practising lawyer, a deceased lawyer', async () => {
    const lawyer3 = cleanRecord('lawyer', 3, 0).idNumber ?? '';
    const [servant] = await tp.aggregation.reader.byIdNumber('civil-servant', lawyer3);
    const [practising] = await tp.aggregation.reader.byIdNumber('lawyer', lawyer3);
    expect(servant?.data).toMatchObject({ status: '在职' });
    expect(practising?.data).toMatchObject({ practiceStatus: '1' }); // practice_status 1 = 正常
    const lawyer5 = cleanRecord('lawyer', 5, 0).idNumber ?? '';
    expect(await tp.aggregation.reader.byIdNumber('death-record', lawyer5)).toHaveLength(1);
  });

  it('retried the page the agency failed with HTTP 500, and counted the retry', async () => {
    const page3 = (await simRequests(sim.url, 'minzheng')).filter((r) => r.query.pageNo === '3').map((r) => r.status);
    expect(page3).toEqual([500, 200]);
    const c = await m.connectors.byCode(null, 't-minzheng-marriage');
    expect((await m.connectors.get(null, c.id)).runs[0]).toMatchObject({ status: 'completed', retries: 1 });
  });

  it('pulling again changes nothing: same records, no new batch, no history; every page is recognised', async () => {
    const before = { records: await Promise.all(Object.values(LIBRARY_OF).map(records)), batches: await count('agg_batches'), history: await count('agg_record_history') };
    for (const code of Object.keys(LIBRARY_OF)) {
      const run = await m.pull(code);
      expect(run, code).toMatchObject({ status: 'completed', pagesLanded: 0, inserted: 0, updated: 0 });
      expect(run.pagesSkipped, code).toBe(run.pagesFetched);
    }
    expect({ records: await Promise.all(Object.values(LIBRARY_OF).map(records)), batches: await count('agg_batches'), history: await count('agg_record_history') }).toEqual(before);
  });
});
