/**
 * The demo's cases (issue 8 point 8): `count` cases across the bureaus that are subjects and have
 * two officers in post, in every state, dated over the last fourteen months. They are written as
 * a migration from an older system would write them — rows, not moves through the service — so
 * some break rules the service would have refused, and supervision has findings: a service or a
 * payment past its due date, a fine outside the benchmark without a reason, a required legal
 * review missing, an act by an officer whose certificate had expired, cases open beyond 90 days.
 * Deterministic: case k always gets the same facts.
 */
import type { Insertable } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { dayNumber, formatDay } from '../../../platform/calendar/dates.ts';
import type { WorkCalendar } from '../../../platform/calendar/index.ts';
import type { BaseDb } from '../../../platform/db/database.ts';
import { PENALTY } from '../../dictionary/index.ts';
import type { BenchmarkLevel } from '../../power-list/power-list.tables.ts';
import { GIVEN, idNumberOf, SURNAMES } from '../enforcement.demo.ts';
import { beijingDay } from '../enforcement.service.ts';
import type { CaseState } from '../workflow/index.ts';
import type { Tables } from './cases.queries.ts';
import { EMPTY_RECORD, type CaseRecord, type EnforcementCaseEventsTable, type EnforcementCasesTable } from './cases.tables.ts';
import { factsOf, SECTOR, type CaseItem, type Certificate } from './gather.ts';
import { supervisionColumns } from './supervision.columns.ts';

const FIRMS = ['明理', '正衡', '天平', '钱塘', '西子', '之江', '甬江', '东海', '清源', '致远'];
const CAUSES = [
  '律师以不正当手段承揽业务',
  '律师同时在两个以上律师事务所执业',
  '律师事务所未按规定办理变更登记',
  '公证员为不真实、不合法的事项出具公证书',
  '司法鉴定人超出登记范围从事鉴定业务',
  '基层法律服务工作者以律师名义执业',
];
const BATCH = 400;

type Officer = Certificate & { org_id: number };
type Tier = { org_id: number; item_id: number; code: string; name: string; level: BenchmarkLevel; amount_min: string | null; amount_max: string | null };
type Step = { state: CaseState; day: number };

export async function seedCaseDemo(base: BaseDb, count: number, calendar: WorkCalendar, clock: () => Date): Promise<number> {
  if (count <= 0) return 0;
  const db = base.withTables<Tables>();
  const today = dayNumber(beijingDay(clock())) ?? 0;
  const officers: Officer[] = await db
    .selectFrom('enforcement_officers')
    .select(['id', 'org_id', 'certificate_no', 'status', 'status_on', 'issued_on', 'expires_on', 'legal_qualification'])
    .orderBy('id')
    .execute();
  const tiers = (await db
    .selectFrom('enforcement_subjects as s')
    .innerJoin('enforcement_subject_items as si', 'si.subject_id', 's.id')
    .innerJoin('power_items as i', 'i.id', 'si.item_id')
    .innerJoin('power_item_benchmarks as b', 'b.item_id', 'i.id')
    .select(['s.org_id', 'i.id as item_id', 'i.code', 'i.name', 'b.level', 'b.amount_min', 'b.amount_max'])
    .where('i.kind', '=', '行政处罚')
    .where('b.amount_max', 'is not', null)
    .orderBy('i.code')
    .orderBy('b.level')
    .execute()) satisfies Tier[];
  const subjects = new Set((await db.selectFrom('enforcement_subjects').select('org_id').execute()).map((s) => Number(s.org_id)));
  const regions = new Map((await db.selectFrom('orgs').select(['id', 'region_code']).execute()).map((o) => [Number(o.id), o.region_code]));
  const inPost = (orgId: number) => officers.filter((o) => Number(o.org_id) === orgId && o.status === '在岗' && (dayNumber(o.expires_on) ?? 0) >= today);
  const orgs = [...subjects].filter((id) => inPost(id).length >= 2).sort((a, b) => a - b);
  if (orgs.length === 0) return 0;

  const items = new Map<number, CaseItem>();
  for (const t of tiers) {
    const item = items.get(Number(t.item_id)) ?? { id: Number(t.item_id), code: t.code, name: t.name, kind: '行政处罚' as const, benchmarks: [], basisLevel: null };
    if (!item.benchmarks.some((b) => b.level === t.level)) item.benchmarks.push({ level: t.level, amount_min: t.amount_min, amount_max: t.amount_max });
    items.set(item.id, item);
  }
  const todayText = formatDay(today);
  const seqs = new Map<string, number>();
  const cases: Insertable<EnforcementCasesTable>[] = [];
  const stepsOf: Step[][] = [];
  for (let k = 0; k < count; k++) {
    const orgId = orgs[k % orgs.length] ?? 0;
    const team = inPost(orgId);
    const pair = [team[k % team.length], team[(k + 1) % team.length]].map((o) => Number(o?.id));
    const orgTiers = tiers.filter((t) => Number(t.org_id) === orgId);
    const tier = orgTiers.length > 0 ? orgTiers[k % orgTiers.length] : undefined;
    const steps = timeline(k, today);
    const state = steps.at(-1)?.state ?? 'clue';
    const record = recordOf(k, steps, pair, tier, officers.filter((o) => Number(o.org_id) === orgId));
    const clueDay = steps[0]?.day ?? today;
    const year = Number(formatDay(clueDay).slice(0, 4));
    const seqKey = `${orgId}/${year}`;
    const seq = (seqs.get(seqKey) ?? 0) + 1;
    seqs.set(seqKey, seq);
    const at = (s: CaseState) => steps.find((x) => x.state === s)?.day;
    const ended = (['closed', 'not-filed', 'dismissed', 'transferred'] as CaseState[]).includes(state);
    const citizen = k % 3 !== 0;
    const row = {
      state, party_kind: citizen ? ('citizen' as const) : ('organisation' as const),
      party_id_number: citizen ? idNumberOf(regions.get(orgId) ?? '330000', 500 + (k % 400)) : null,
      sector: SECTOR, province: `${(regions.get(orgId) ?? '330000').slice(0, 2)}0000`, act_end_date: formatDay(clueDay - 10 - (k % 30)),
      discovered_date: formatDay(clueDay), filed_date: at('filed') === undefined ? null : formatDay(at('filed') ?? 0), life_health_harm: false, record,
    };
    const facts = factsOf(row, tier ? items.get(Number(tier.item_id)) : undefined, { certificates: officers, priorReviews: 0 });
    cases.push({
      ...row,
      ...supervisionColumns(facts, calendar, todayText),
      org_id: orgId,
      case_no: `${year}${String(orgId).padStart(4, '0')}${String(seq).padStart(5, '0')}`,
      cause: CAUSES[k % CAUSES.length] ?? '',
      item_id: tier ? Number(tier.item_id) : null,
      party_name: citizen ? `${SURNAMES[(k * 3) % SURNAMES.length]}${GIVEN[(k * 11) % GIVEN.length]}` : `浙江${FIRMS[k % FIRMS.length]}律师事务所`,
      record: JSON.stringify(record),
      decided_on: record.decision && at('decided') !== undefined ? record.decision.date : null,
      fine: record.decision && at('decided') !== undefined ? record.decision.penalty.fine : null,
      served_on: record.service && at('served') !== undefined ? record.service.date : null,
      closed_on: ended ? formatDay(steps.at(-1)?.day ?? today) : null,
      state_since: new Date(`${formatDay(steps.at(-1)?.day ?? today)}T09:00:00+08:00`),
      created_by: null,
      updated_at: new Date(`${formatDay(steps.at(-1)?.day ?? today)}T09:00:00+08:00`),
    });
    stepsOf.push(steps);
  }

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < cases.length; i += BATCH) {
      const rows = await trx.insertInto('enforcement_cases').values(cases.slice(i, i + BATCH)).returning(['id', 'case_no']).execute();
      const ids = new Map(rows.map((r) => [r.case_no, Number(r.id)]));
      const events: Insertable<EnforcementCaseEventsTable>[] = [];
      cases.slice(i, i + BATCH).forEach((c, j) => {
        const caseId = ids.get(c.case_no) ?? 0;
        (stepsOf[i + j] ?? []).forEach((s, n, all) => {
          events.push({
            case_id: caseId, kind: n === 0 ? 'created' : 'moved', from_state: n === 0 ? null : (all[n - 1]?.state ?? null), to_state: s.state, part: null,
            on_date: formatDay(s.day), opinion: '', actor_id: null, actor_name: 'system:demo', at: new Date(`${formatDay(s.day)}T09:00:00+08:00`),
          });
        });
      });
      for (let e = 0; e < events.length; e += 2000) await trx.insertInto('enforcement_case_events').values(events.slice(e, e + 2000)).execute();
    }
    const numbers = [...seqs].map(([key, last]) => ({ org_id: Number(key.split('/')[0]), year: Number(key.split('/')[1]), last }));
    if (numbers.length > 0) await trx.insertInto('enforcement_case_numbers').values(numbers).execute();
    await recordAudit(trx, { system: 'demo' }, { action: 'enforcement.case.demo', targetType: 'enforcement_case', targetId: null, changes: { cases: cases.length } });
  });
  return cases.length;
}

/**
 * The steps case k has taken by today: its fate (k % 100) says where it ends or stalls — 不予立案,
 * still a 线索, 撤案, 移送, 不予处罚, a hearing, a collective discussion, or the whole procedure —
 * and none is dated after today, so recent cases are still early.
 */
function timeline(k: number, today: number): Step[] {
  const fate = k % 100;
  // Every 17th is recent: its acts fall after some demo certificates expired (ADP-03 findings).
  const clue = today - 3 - (k % 17 === 0 ? 17 + (k % 40) : (k * 37) % 420);
  const steps: Step[] = [{ state: 'clue', day: clue }];
  const add = (state: CaseState, day: number): boolean => {
    if (day > today) return false;
    steps.push({ state, day });
    return true;
  };
  if (fate < 4) {
    add('not-filed', clue + 3);
    return steps;
  }
  if (fate < 6) return steps;
  const filed = clue + 1 + (k % 4);
  if (!add('filed', filed) || fate < 8 || !add('investigation', filed + 1)) return steps;
  if (fate < 11) {
    add('dismissed', filed + 12);
    return steps;
  }
  if (fate < 19) return steps; // stalled in 调查取证: open beyond the limit once 90 days pass
  const examination = filed + 6 + (k % 20);
  if (!add('examination', examination)) return steps;
  if (fate < 21) {
    add('transferred', examination + 4);
    return steps;
  }
  if (fate < 23) {
    if (add('no-penalty', examination + 5) && fate === 21) add('closed', examination + 9);
    return steps;
  }
  const notice = examination + 3 + (k % 10);
  if (!add('notice', notice) || fate < 28) return steps;
  let before = notice + 7;
  // A hearing is always followed by 法制审核 (ADP-11); some cases need the review anyway.
  if (fate < 32) {
    before = notice + 16;
    if (!add('hearing', before) || fate < 30) return steps;
  }
  if (fate < 39 || k % 7 === 0) {
    before += 4;
    if (!add('legal-review', before) || fate === 32) return steps;
  }
  if (fate >= 36 && fate < 39) {
    before += 3;
    if (!add('collective-discussion', before) || fate === 36) return steps;
  }
  const decided = before + 3 + (k % 12);
  if (!add('decided', decided) || fate < 41) return steps;
  const served = decided + (k % 19 === 0 ? 14 : 1 + (k % 4)); // every 19th served late (ADP-15)
  if (!add('served', served) || fate < 43 || !add('execution', served + 1)) return steps;
  if (k % 31 === 0) return steps; // never paid
  add('closed', served + (k % 11 === 0 ? 26 : 4 + (k % 9)));
  return steps;
}

/** The record case k holds at its last step: what each step it took left behind. */
function recordOf(k: number, steps: Step[], pair: number[], tier: Tier | undefined, orgOfficers: Officer[]): CaseRecord {
  const at = (s: CaseState) => steps.find((x) => x.state === s)?.day;
  const record: CaseRecord = { ...EMPTY_RECORD, officerIds: pair };
  const investigation = at('investigation');
  if (investigation === undefined) return record;
  const actDay = investigation + 2;
  // Every 17th: an act by an officer whose certificate had already expired (ADP-03).
  const expired = orgOfficers.find((o) => (dayNumber(o.expires_on) ?? Infinity) < actDay);
  const actOfficers = k % 17 === 0 && expired ? [pair[0] ?? 0, Number(expired.id)] : pair;
  record.acts = [{ kind: '询问', date: formatDay(actDay), officerIds: actOfficers, recordAttached: true, note: '询问当事人并制作笔录' }];
  if (k % 3 === 1) record.acts.push({ kind: '检查', date: formatDay(actDay + 1), officerIds: pair, recordAttached: true, note: '现场检查执业场所' });
  const notice = at('notice');
  if (notice === undefined) return record;
  const min = tier?.amount_min === null || tier === undefined ? 500 : Number(tier.amount_min);
  const max = tier?.amount_max === null || tier === undefined ? 3000 : Number(tier.amount_max);
  // Every 13th: a fine above the tier with no reason recorded (ADP-23).
  const fine = k % 13 === 0 ? max + 1000 : Math.round((min + ((max - min) * (k % 5)) / 4) / 100) * 100;
  const penalty = { kinds: [PENALTY.fine], fine, confiscation: null };
  const party = k % 3 !== 0 ? 2000 : 10000; // ADP-10 default 较大数额 (unverified for 司法行政)
  record.notice = {
    servedDate: formatDay(notice), statementDeadline: formatDay(notice + 5), proposed: penalty,
    states: { facts: true, reasons: true, basis: true, rights: true }, includesHearingRight: fine >= party, waiverSigned: false, defenceFiled: k % 4 === 0,
  };
  const hearing = at('hearing');
  const chair = orgOfficers.find((o) => o.status === '在岗' && !pair.includes(Number(o.id)));
  if (hearing !== undefined && chair) {
    record.notice.includesHearingRight = true;
    record.hearing = { requestedDate: formatDay(notice + 2), notifiedDate: formatDay(notice + 3), date: formatDay(hearing), chairId: Number(chair.id), agentCount: 1, recordSigned: true };
  }
  // Every 29th: a complex case decided without the legal review it needed (ADP-11).
  if (k % 7 === 0 || k % 29 === 0) record.legalReviewGrounds = ['complex'];
  const review = at('legal-review');
  const reviewer = orgOfficers.find((o) => o.status === '在岗');
  if (review !== undefined && reviewer) record.legalReview = { reviewerId: Number(reviewer.id), date: formatDay(review), result: 'passed', opinion: '事实清楚，证据确凿，适用依据正确，程序合法' };
  const discussion = at('collective-discussion');
  if (discussion !== undefined && reviewer) {
    record.collectiveDiscussionRequired = true;
    record.collectiveDiscussion = { date: formatDay(discussion), minutesAttached: true, attendeeIds: [...new Set([...pair, Number(reviewer.id)])] };
  }
  const decided = at('decided');
  if (decided === undefined) return record;
  record.decision = {
    date: formatDay(decided), officerIds: pair, penalty,
    content: { party: true, factsAndEvidence: true, kindAndBasis: true, performance: true, remedies: true, agencyAndDate: true, sealed: true, surchargeStandard: true },
    minorMitigation: null, benchmarkLevel: (tier?.level as BenchmarkLevel | undefined) ?? null, outsideBenchmarkReason: null,
  };
  record.publicationRequired = true;
  record.publishedDate = k % 6 === 0 ? null : formatDay(decided + 3);
  const served = at('served');
  if (served === undefined) return record;
  record.service = { date: formatDay(served), method: k % 5 === 0 ? 'post' : 'in-person', consentOnFile: false };
  const closed = at('closed');
  if (closed !== undefined) record.paidDate = formatDay(closed - 1);
  return record;
}
