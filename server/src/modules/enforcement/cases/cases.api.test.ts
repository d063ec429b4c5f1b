import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.ts';
import { API, expectError, orgId } from '../../../../test/helpers.ts';

/**
 * 全流程办案 through the API: a lawful case from 线索 to 结案, and the moves the law forbids
 * refused by the server whatever the client sends (issue 8 "Done when": no decision without a
 * served notice or waiver, with one certified officer, or skipping a required legal review).
 */
let tp: TestApp;
let staff: string;
let yinzhouStaff: string;
let xihu: number;
let item: { id: number; code: string; level: string; min: number; max: number };
/** Two xihu officers whose certificates are in force all of 2026, and one suspended since its start. */
let officers: [number, number];
let suspended: number;
let yinzhouOfficer: number;

type Problem = { code: string; field: string; message: string };
type Detail = {
  id: number; caseNo: string; state: string; partyIdNumber: string | null; decidedOn: string | null; fine: number | null;
  next: { to: string; blockers: Problem[] }[]; findings: Problem[]; record: Record<string, unknown>;
  events: { kind: string; fromState: string | null; toState: string | null; part: string | null; onDate: string | null; opinion: string; actorName: string }[];
};

const call = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  tp.as(token, { method, url: `${API}${url}`, ...(payload === undefined ? {} : { payload: payload as object }) });
async function ok(p: ReturnType<typeof call>): Promise<Detail> {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}
const codesOf = (res: { json(): unknown }) => ((res.json() as { details?: Problem[] }).details ?? []).map((d) => d.code);

const ADULT = '330106199003071236';
const clue = () => ({
  orgId: xihu, cause: '律师以不正当手段承揽业务', itemId: item.id, party: { kind: 'citizen', name: '王某', idNumber: ADULT },
  actEndDate: '2026-03-01', discoveredDate: '2026-03-10', officerIds: officers,
});
const act = { kind: '询问', date: '2026-03-12', officerIds: [] as number[], recordAttached: true, note: '询问当事人' };
const notice = (over: Record<string, unknown> = {}) => ({
  servedDate: '2026-04-01', statementDeadline: '2026-04-06', proposed: { kinds: ['03'], fine: item.min, confiscation: null },
  states: { facts: true, reasons: true, basis: true, rights: true }, includesHearingRight: false, waiverSigned: false, defenceFiled: false, ...over,
});
const decision = (over: Record<string, unknown> = {}) => ({
  date: '2026-04-10', officerIds: officers, penalty: { kinds: ['03'], fine: item.min, confiscation: null },
  content: { party: true, factsAndEvidence: true, kindAndBasis: true, performance: true, remedies: true, agencyAndDate: true, sealed: true, surchargeStandard: true },
  minorMitigation: null, benchmarkLevel: item.level, outsideBenchmarkReason: null, ...over,
});

/** A case of xihu moved to 告知 lawfully, with the decision drafted: each test breaks one thing. */
async function atNotice(): Promise<number> {
  const c = await ok(call(staff, 'POST', '/enforcement/cases', clue()));
  await ok(call(staff, 'POST', `/enforcement/cases/${c.id}/moves`, { to: 'filed', date: '2026-03-11', opinion: '符合立案条件' }));
  await ok(call(staff, 'POST', `/enforcement/cases/${c.id}/moves`, { to: 'investigation', date: '2026-03-11' }));
  await ok(call(staff, 'PATCH', `/enforcement/cases/${c.id}/record`, { acts: [{ ...act, officerIds: officers }] }));
  await ok(call(staff, 'POST', `/enforcement/cases/${c.id}/moves`, { to: 'examination', date: '2026-03-20' }));
  await ok(call(staff, 'PATCH', `/enforcement/cases/${c.id}/record`, { notice: notice(), decision: decision() }));
  await ok(call(staff, 'POST', `/enforcement/cases/${c.id}/moves`, { to: 'notice', date: '2026-04-01' }));
  return c.id;
}

beforeAll(async () => {
  tp = await createTestApp();
  staff = await tp.login('xihu_staff');
  yinzhouStaff = await tp.login('yinzhou_staff');
  xihu = await orgId(tp, '330106', 'county_bureau');
  const db = tp.database.db;
  // A 行政处罚 item with one benchmark tier, held by the demo subject of 西湖区司法局.
  const { rows: [held] } = await sql<{ id: number; code: string }>`
    insert into power_items (code, name, kind, org_types) values ('SF-CASE-001', '对律师以不正当手段承揽业务的处罚', '行政处罚', '{county_bureau}') returning id, code`.execute(db);
  if (!held) throw new Error('power item not created');
  await sql`insert into power_item_benchmarks (item_id, level, circumstances, penalties, amount_min, amount_max, note) values (${held.id}, '一般', '初次违法', '{03}', 500, 1500, '')`.execute(db);
  await sql`insert into enforcement_subject_items (subject_id, item_id) select id, ${held.id} from enforcement_subjects where org_id = ${xihu}`.execute(db);
  item = { id: Number(held.id), code: held.code, level: '一般', min: 500, max: 1500 };
  const { rows } = await sql<{ id: number; status: string; org_id: number }>`
    select id, status, org_id from enforcement_officers where (org_id = ${xihu} and issued_on <= '2026-01-01' and expires_on >= '2026-12-31') or org_id <> ${xihu} order by id`.execute(db);
  const valid = rows.filter((r) => Number(r.org_id) === xihu && r.status === '在岗').map((r) => Number(r.id));
  officers = [valid[0] ?? 0, valid[1] ?? 0];
  // Suspended since before any date of these cases (a later suspension does not reach back).
  suspended = valid[2] ?? 0;
  const suspend = await call(staff, 'POST', `/enforcement/officers/${suspended}/status`, { action: 'suspend', reason: '停职调查', effectiveOn: '2026-01-01' });
  expect(suspend.statusCode, suspend.body).toBe(200);
  const yinzhou = await orgId(tp, '330212', 'county_bureau');
  yinzhouOfficer = Number(rows.find((r) => Number(r.org_id) === yinzhou)?.id);
}, 120_000);

afterAll(async () => {
  await tp?.destroy();
});

describe('a lawful case from 线索 to 结案', () => {
  it('moves through every step, keeps the 全过程记录 and audits each change', async () => {
    const id = await atNotice();
    let c = await ok(call(staff, 'GET', `/enforcement/cases/${id}`));
    expect(c.caseNo).toMatch(/^2026\d{4}\d{5}$/);
    expect(c.partyIdNumber).toMatch(/^\d{3}\*+\d{3}[\dX]$/);
    // The statement period ended on 04-06; the decision of 04-10 is open today.
    expect(c.next.find((n) => n.to === 'decided')?.blockers.map((b) => b.code)).toContain('CASE_DECISION_MISSING');
    c = await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10', opinion: '同意处罚' }));
    expect(c).toMatchObject({ state: 'decided', decidedOn: '2026-04-10', fine: item.min });
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { service: { date: '2026-04-13', method: 'in-person' } }));
    await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'served', date: '2026-04-13' }));
    await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'execution', date: '2026-04-13' }));
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { paidDate: '2026-04-20' }));
    c = await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'closed', date: '2026-04-21', opinion: '罚款已缴清' }));
    expect(c.state).toBe('closed');
    expect(c.events.filter((e) => e.kind === 'moved').map((e) => e.toState)).toEqual(['filed', 'investigation', 'examination', 'notice', 'decided', 'served', 'execution', 'closed']);
    expect(c.events[0]).toMatchObject({ kind: 'created', toState: 'clue', actorName: 'xihu_staff' });
    expect(c.events.find((e) => e.toState === 'filed')).toMatchObject({ onDate: '2026-03-11', opinion: '符合立案条件' });
    const { rows } = await sql<{ action: string; n: number }>`
      select action, count(*)::int as n from audit_events where target_type = 'enforcement_case' and target_id = ${String(id)} group by action order by action`.execute(tp.database.db);
    expect(rows).toEqual([
      { action: 'enforcement.case.create', n: 1 },
      { action: 'enforcement.case.move', n: 8 },
      { action: 'enforcement.case.record', n: 4 },
    ]);
    // A closed case's file is evidence: nothing is rewritten.
    expectError(await call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { paidDate: '2026-04-22' }), 409, 'CASE_PART_LOCKED');
  });

  it('shows a case whose clock runs into a year without a work calendar, naming the gap instead of failing', async () => {
    const c = await ok(call(staff, 'POST', '/enforcement/cases', { ...clue(), actEndDate: '2030-11-01', discoveredDate: '2030-11-10' }));
    // Filed on 2030-11-20: the 90-day decision clock ends in a year no table covers.
    await sql`update enforcement_cases set state = 'filed', filed_date = '2030-11-20' where id = ${c.id}`.execute(tp.database.db);
    const shown = await ok(call(staff, 'GET', `/enforcement/cases/${c.id}`));
    expect(shown.findings.map((f) => f.code)).toEqual(['CALENDAR_YEAR_MISSING']);
    expect(shown.findings[0]?.message).toMatch(/\d{4}年的工作日历.*尚未维护/);
  });

  it('lists the case for its bureau, not for another county', async () => {
    const list = (await (await call(staff, 'GET', '/enforcement/cases?state=closed')).json()) as { items: { caseNo: string }[]; total: number };
    expect(list.total).toBeGreaterThan(0);
    const theirs = (await (await call(yinzhouStaff, 'GET', '/enforcement/cases?pageSize=100')).json()) as { items: { orgId: number }[] };
    expect(theirs.items.every((c) => c.orgId !== xihu)).toBe(true);
  });
});

describe('moves the law forbids are refused by the API', () => {
  it('ADP-08: no decision before the notice is served, nor while the statement period is open without a waiver', async () => {
    const id = await atNotice();
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { decision: decision({ date: '2026-03-31' }) }));
    const early = await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-03-31' });
    expectError(early, 409, 'CASE_MOVE_REFUSED');
    expect(codesOf(early)).toContain('CASE_NOTICE_NOT_SERVED');
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { decision: decision({ date: '2026-04-03' }) }));
    const open = await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-03' });
    expect(codesOf(open)).toEqual(['CASE_STATEMENT_WINDOW_OPEN']);
    // The party's signed waiver ends the period.
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { notice: notice({ waiverSigned: true }) }));
    expect((await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-03' }))).state).toBe('decided');
    expect((await ok(call(staff, 'GET', `/enforcement/cases/${id}`))).state).toBe('decided');
  });

  it('ADP-03: no decision signed by one officer, nor by an officer whose certificate is suspended', async () => {
    const id = await atNotice();
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { decision: decision({ officerIds: [officers[0]] }) }));
    const one = await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' });
    expectError(one, 409, 'CASE_MOVE_REFUSED');
    expect(codesOf(one)).toContain('CASE_OFFICERS_TOO_FEW');
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { decision: decision({ officerIds: [officers[0], suspended] }) }));
    expect(codesOf(await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' }))).toContain('CASE_OFFICER_CERTIFICATE_INVALID');
    expect((await ok(call(staff, 'GET', `/enforcement/cases/${id}`))).state).toBe('notice');
  });

  it('ADP-11: a case that needs legal review cannot skip it; a passed review by a qualified officer opens the decision', async () => {
    const id = await atNotice();
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { legalReviewGrounds: ['complex'] }));
    const skipped = await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' });
    expect(codesOf(skipped)).toContain('CASE_LEGAL_REVIEW_MISSING');
    const { rows: [reviewer] } = await sql<{ id: number }>`select id from enforcement_officers where org_id = ${xihu} and legal_qualification and status = '在岗' limit 1`.execute(tp.database.db);
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { legalReview: { reviewerId: Number(reviewer?.id), date: '2026-04-08', result: 'passed', opinion: '事实清楚，证据确凿' } }));
    await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'legal-review', date: '2026-04-08' }));
    expect((await ok(call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' }))).state).toBe('decided');
  });

  it('ADP-23: a fine outside the item\'s benchmark tier needs a reason; a tier the item lacks is refused', async () => {
    const id = await atNotice();
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { decision: decision({ penalty: { kinds: ['03'], fine: item.max + 500, confiscation: null } }) }));
    const outside = await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' });
    expect(codesOf(outside)).toContain('CASE_PENALTY_OUTSIDE_BENCHMARK');
    await ok(call(staff, 'PATCH', `/enforcement/cases/${id}/record`, { decision: decision({ benchmarkLevel: '严重' }) }));
    expect(codesOf(await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' }))).toContain('CASE_BENCHMARK_UNKNOWN');
  });

  it('a move the procedure does not have, a part recorded after its stage, an officer or a case outside the scope', async () => {
    const c = await ok(call(staff, 'POST', '/enforcement/cases', clue()));
    const jump = await call(staff, 'POST', `/enforcement/cases/${c.id}/moves`, { to: 'decided', date: '2026-04-10' });
    expect(codesOf(jump)).toEqual(['CASE_TRANSITION_INVALID']);
    expect((jump.json() as { message: string }).message).toMatch(/线索.*决定/);
    const foreign = await call(staff, 'PATCH', `/enforcement/cases/${c.id}/record`, { acts: [{ ...act, officerIds: [officers[0], yinzhouOfficer] }] });
    expectError(foreign, 400, 'CASE_INVALID');
    expect((foreign.json() as { details: Problem[] }).details).toEqual([expect.objectContaining({ field: 'acts.0.officerIds.1', code: 'CASE_OFFICER_UNKNOWN' })]);
    expectError(await call(yinzhouStaff, 'GET', `/enforcement/cases/${c.id}`), 404, 'CASE_NOT_FOUND');
    expectError(await call(yinzhouStaff, 'POST', `/enforcement/cases/${c.id}/moves`, { to: 'filed' }), 404, 'CASE_NOT_FOUND');
    const decided = await atNotice();
    await ok(call(staff, 'POST', `/enforcement/cases/${decided}/moves`, { to: 'decided', date: '2026-04-10' }));
    const late = await call(staff, 'PATCH', `/enforcement/cases/${decided}/record`, { decision: decision({ penalty: { kinds: ['01'], fine: null, confiscation: null } }) });
    expectError(late, 409, 'CASE_PART_LOCKED');
  });

  it('ADP-31: a bureau cannot decide on an item outside its power list', async () => {
    const id = await atNotice();
    await sql`delete from enforcement_subject_items where item_id = ${item.id} and subject_id = (select id from enforcement_subjects where org_id = ${xihu})`.execute(tp.database.db);
    try {
      expect(codesOf(await call(staff, 'POST', `/enforcement/cases/${id}/moves`, { to: 'decided', date: '2026-04-10' }))).toEqual(['CASE_SUBJECT_WITHOUT_POWER']);
    } finally {
      await sql`insert into enforcement_subject_items (subject_id, item_id) select id, ${item.id} from enforcement_subjects where org_id = ${xihu}`.execute(tp.database.db);
    }
  });
});
