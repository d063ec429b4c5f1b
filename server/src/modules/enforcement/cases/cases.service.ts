/**
 * 全流程办案 (S4): a case from 线索 to 结案. Every move asks the workflow rules first
 * (`checkTransition`, with the facts gathered from the case and the registries), so a decision
 * without a served notice, with one certified officer or without a required legal review is
 * refused here, in the API, whatever the client. Every write is limited to the caller's data
 * scope, audited in its transaction and kept in the case's 全过程记录 (events).
 */
import type { z } from 'zod';
import type { Actor } from '../../../platform/authz/actor.ts';
import { recordAudit, type AuditWho } from '../../../platform/audit/audit.ts';
import { CalendarYearMissingError, type CalendarService } from '../../../platform/calendar/index.ts';
import type { BaseDb } from '../../../platform/db/database.ts';
import type { Page } from '../../../platform/http/pagination.ts';
import { maskIdNumber } from '../../../platform/privacy/mask.ts';
import type { CodeLookup } from '../../dictionary/index.ts';
import type { PowerStanding } from '../enforcement.rules.ts';
import { beijingDay, type EnforcementService } from '../enforcement.service.ts';
import {
  CASE_STATE_LABELS, CASE_TRANSITIONS, checkTransition, DEFAULT_HEARING_THRESHOLDS, superviseCase, type CaseState, type Violation,
} from '../workflow/index.ts';
import { caseErrors as E } from './cases.errors.ts';
import { P } from './cases.permissions.ts';
import * as q from './cases.queries.ts';
import type { caseBody, recordPatch } from './cases.schema.ts';
import { EMPTY_RECORD, type CasePart, type CaseRecord } from './cases.tables.ts';
import { gatherFacts, officersNamed, SECTOR, type CaseItem } from './gather.ts';
import { ALERT_LABELS, supervisionColumns } from './supervision.columns.ts';

export type CaseInput = z.output<typeof caseBody>;
export type RecordPatch = z.output<typeof recordPatch>;

export interface CaseDeps {
  codes: CodeLookup;
  calendar: CalendarService;
  /** ADP-30, ADP-31: whether the org's subject may exercise the item on a day */
  registry: Pick<EnforcementService, 'subjects'>;
  clock?: (() => Date) | undefined;
}

const PENALTY_SET = 'penalty_type';
const ITEM_KIND = '行政处罚';
const PROCEDURE = '行政处罚法第五章';
const ADP31 = 'ADP-31（行政处罚法第十七条至第二十条）';

/** After the decision, what led to it is the file's evidence: no longer rewritten. */
const DECIDED: readonly CaseState[] = ['decided', 'served', 'execution', 'closed', 'no-penalty'];
const ENDED: readonly CaseState[] = ['closed', 'not-filed', 'dismissed', 'transferred'];
/** Parts written after the decision: 送达 until served, the rest until the case ends. */
const AFTER_DECISION: readonly CasePart[] = ['service', 'preservations', 'paidDate', 'reviewPeriods', 'publicationRequired', 'publishedDate', 'publicationWithdrawal'];

function lockedIn(part: CasePart | 'itemId', state: CaseState): boolean {
  if (ENDED.includes(state)) return true;
  if (part === 'service') return ['served', 'execution'].includes(state);
  if (AFTER_DECISION.includes(part as CasePart)) return false;
  return DECIDED.includes(state);
}

type PenaltyKinds = Awaited<ReturnType<CodeLookup['itemsOf']>>;

/**
 * A case's clocks may run into a year whose work calendar is not loaded yet (a case filed in
 * November is due in February). Reading the case must not fail for it: the gap is shown as what
 * blocks the move or as a finding, in the calendar's own words; a move still refuses (the error).
 */
async function orCalendarGap<T extends object>(compute: () => Promise<T[]>): Promise<(T | { code: string; field: string; message: string; severity: 'warning' })[]> {
  try {
    return await compute();
  } catch (err) {
    if (!(err instanceof CalendarYearMissingError)) throw err;
    return [{ code: err.code, field: '', message: err.message, severity: 'warning' }];
  }
}

const actorOfWho = (who: AuditWho): Actor | null => ('actor' in who ? who.actor : null);
const provinceOf = (regionCode: string) => `${regionCode.slice(0, 2)}0000`;
const detail = (vs: readonly Violation[]) => vs.map((v) => ({ field: v.field, code: v.code, message: v.message }));

export function createCaseService(base: BaseDb, deps: CaseDeps) {
  const db = base.withTables<q.Tables>();
  const clock = deps.clock ?? (() => new Date());
  const today = () => beijingDay(clock());
  const context = () => ({ calendar: deps.calendar.current(), hearingThresholds: DEFAULT_HEARING_THRESHOLDS });

  /** Officers named must be in the caller's scope, items must be 行政处罚 items, penalty kinds codes of the set. */
  async function checkRefs(trx: q.Db, actor: Actor | null, record: CaseRecord, itemId: number | null, kinds: PenaltyKinds): Promise<void> {
    const problems: { field: string; code: string; message: string }[] = [];
    const known = new Set(await q.officersInScope(trx, actor, officersNamed(record)));
    const named: [string, number][] = [
      ...record.officerIds.map((id, i): [string, number] => [`officerIds.${i}`, id]),
      ...record.acts.flatMap((a, k) => a.officerIds.map((id, i): [string, number] => [`acts.${k}.officerIds.${i}`, id])),
      ...(record.decision?.officerIds ?? []).map((id, i): [string, number] => [`decision.officerIds.${i}`, id]),
      ...record.recusals.map((r, i): [string, number] => [`recusals.${i}.officerId`, r.officerId]),
      ...(record.hearing?.chairId ? [['hearing.chairId', record.hearing.chairId] as [string, number]] : []),
      ...(record.collectiveDiscussion?.attendeeIds ?? []).map((id, i): [string, number] => [`collectiveDiscussion.attendeeIds.${i}`, id]),
      ...(record.legalReview ? [['legalReview.reviewerId', record.legalReview.reviewerId] as [string, number]] : []),
    ];
    for (const [field, id] of named) {
      if (!known.has(id)) problems.push({ field, code: 'CASE_OFFICER_UNKNOWN', message: `执法人员 ${id} 不存在或不在您的数据范围内` });
    }
    const penalties: [string, string[]][] = [
      ...(record.notice ? [['notice.proposed.kinds', record.notice.proposed.kinds] as [string, string[]]] : []),
      ...(record.decision ? [['decision.penalty.kinds', record.decision.penalty.kinds] as [string, string[]]] : []),
    ];
    for (const [field, codes] of penalties) {
      codes.forEach((c, i) => {
        if (!kinds.get(c)?.enabled) problems.push({ field: `${field}.${i}`, code: 'CASE_PENALTY_KIND_UNKNOWN', message: `“${c}”不是行政处罚种类代码` });
      });
    }
    if (itemId !== null) {
      const item = await q.itemOf(trx, itemId);
      if (!item) problems.push({ field: 'itemId', code: 'CASE_ITEM_UNKNOWN', message: `权责清单中没有编号为 ${itemId} 的执法事项` });
      else if (item.kind !== ITEM_KIND) problems.push({ field: 'itemId', code: 'CASE_ITEM_NOT_PENALTY', message: `执法事项“${item.name}”是${item.kind}，不是行政处罚事项` });
    }
    if (problems.length > 0) throw E.CASE_INVALID(undefined, problems);
  }

  /**
   * The rules a move breaks: the workflow's, and at the decision the ones that need the
   * registries — the item applied, the subject's power to exercise it (ADP-30, ADP-31) and the
   * benchmark tier named (ADP-23).
   */
  async function blockers(trx: q.Db, row: q.CaseRow, to: CaseState, date: string, power: PowerStanding | null): Promise<Violation[]> {
    const item = row.item_id === null ? undefined : await q.itemOf(trx, row.item_id);
    const facts = await gatherFacts(trx, row, item);
    const found = checkTransition(facts, { to, date }, context());
    if (to === 'decided' && found.every((v) => v.code !== 'CASE_TRANSITION_INVALID')) found.push(...decisionRegistryRules(row, item, power));
    return found;
  }

  /**
   * The subject's power over the case's item on a day (ADP-30, ADP-31), asked of the registry
   * before a write's transaction opens: the embedded database has one connection, which the
   * transaction holds.
   */
  async function powerOf(row: q.CaseRow, to: CaseState, date: string): Promise<PowerStanding | null> {
    if (to !== 'decided' || row.item_id === null) return null;
    return deps.registry.subjects.mayExercise({ orgId: row.org_id }, row.item_id, date);
  }

  function decisionRegistryRules(row: q.CaseRow, item: CaseItem | undefined, power: PowerStanding | null): Violation[] {
    if (!item) return [{ code: 'CASE_ITEM_MISSING', rule: PROCEDURE, field: 'itemId', message: `决定须适用权责清单中的执法事项（${PROCEDURE}）` }];
    const out: Violation[] = [];
    if (power && !power.allowed) out.push({ code: 'CASE_SUBJECT_WITHOUT_POWER', rule: ADP31, field: 'itemId', message: `${power.reason}（${ADP31}）` });
    const level = row.record.decision?.benchmarkLevel ?? null;
    if (level !== null && !item.benchmarks.some((b) => b.level === level)) {
      out.push({ code: 'CASE_BENCHMARK_UNKNOWN', rule: 'ADP-23（行政处罚法第三十四条）', field: 'decision.benchmarkLevel', message: `执法事项 ${item.code} 没有“${level}”阶次的裁量基准` });
    }
    return out;
  }

  /** The supervision scan's columns of the case as just written, in the writing transaction. */
  async function refreshSupervision(trx: q.Db, id: number): Promise<void> {
    const row = await load(trx, null, id);
    const item = row.item_id === null ? undefined : await q.itemOf(trx, row.item_id);
    const columns = supervisionColumns(await gatherFacts(trx, row, item), deps.calendar.current(), today());
    await trx.updateTable('enforcement_cases').set(columns).where('id', '=', id).execute();
  }

  async function load(trx: q.Db, actor: Actor | null, id: number, forUpdate = false): Promise<q.CaseRow> {
    const row = await q.findCase(trx, actor, id, forUpdate);
    if (!row) throw E.CASE_NOT_FOUND();
    return row;
  }

  const view = (r: q.CaseListRow) => ({
    id: r.id, orgId: r.org_id, caseNo: r.case_no, cause: r.cause, itemId: r.item_id, state: r.state, stateLabel: CASE_STATE_LABELS[r.state],
    partyKind: r.party_kind, partyName: r.party_name, actEndDate: r.act_end_date, filedDate: r.filed_date, decidedOn: r.decided_on,
    fine: r.fine === null ? null : Number(r.fine), stateSince: r.state_since.toISOString(), createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  });

  const service = {
    async list(actor: Actor, filter: q.CaseFilter, page: Page) {
      const { items, total } = await q.listCases(db, actor, filter, page);
      return { items: items.map(view), total };
    },

    /**
     * The case with its record, the moves open from its state with what blocks each today, the
     * supervision findings and the 全过程记录. The party's full ID number only with
     * case:read-personal, and that reading is audited.
     */
    async get(who: AuditWho, id: number) {
      const actor = actorOfWho(who);
      const row = await load(db, actor, id);
      const item = row.item_id === null ? undefined : await q.itemOf(db, row.item_id);
      const day = today();
      const facts = await gatherFacts(db, row, item);
      const next = await Promise.all(CASE_TRANSITIONS[row.state].map(async (to) => ({
        to, label: CASE_STATE_LABELS[to], blockers: await orCalendarGap(async () => detail(await blockers(db, row, to, day, await powerOf(row, to, day)))),
      })));
      const plain = row.party_kind === 'organisation' || (actor?.permissions.has(P['case:read-personal']) ?? false);
      if (plain && row.party_kind === 'citizen' && row.party_id_number !== null) {
        await db.transaction().execute((trx) => recordAudit(trx, who, { action: 'enforcement.case.read-personal', targetType: 'enforcement_case', targetId: id }));
      }
      const events = await q.eventsOf(db, id);
      return {
        ...view(row),
        partyIdNumber: plain ? row.party_id_number : maskIdNumber(row.party_id_number),
        discoveredDate: row.discovered_date,
        lifeHealthOrFinancialHarm: row.life_health_harm,
        item: item ? { id: item.id, code: item.code, name: item.name } : null,
        record: { ...row.record },
        next,
        findings: await orCalendarGap(async () =>
          superviseCase(facts, deps.calendar.current(), day).map((f) => ({ code: f.code, field: f.field, message: f.message, severity: f.severity as 'alert' | 'warning', ...(f.due ? { due: f.due } : {}) })),
        ),
        events: events.map((e) => ({
          kind: e.kind, fromState: e.from_state, toState: e.to_state, part: e.part, onDate: e.on_date, opinion: e.opinion, actorName: e.actor_name, at: e.at.toISOString(),
        })),
      };
    },

    /** 执法监督: the cases in scope with an alert today, each with its alert codes and labels. */
    async alerts(actor: Actor, filter: q.AlertFilter, page: Page) {
      const { items, total } = await q.listAlerts(db, actor, filter, page, today());
      return {
        items: items.map((r) => ({ ...view(r), nextDue: r.next_due, decisionDue: r.decision_due, alerts: r.codes.map((code) => ({ code, label: ALERT_LABELS[code] ?? code })) })),
        total,
      };
    },

    /** The number of cases with each alert today, per org in scope. */
    async alertSummary(actor: Actor) {
      const asOf = today();
      const rows = await q.alertSummary(db, actor, asOf);
      return { asOf, items: rows.map((r) => ({ orgId: Number(r.org_id), code: r.code, label: ALERT_LABELS[r.code] ?? r.code, count: r.n })) };
    },

    /** 登记线索: a new case in state 线索, numbered 〔year〕 per org. */
    async create(who: AuditWho, input: CaseInput) {
      const actor = actorOfWho(who);
      const kinds = await deps.codes.itemsOf(PENALTY_SET);
      return db.transaction().execute(async (trx) => {
        const org = await q.orgInScope(trx, actor, input.orgId);
        if (!org) throw E.CASE_INVALID(undefined, [{ field: 'orgId', code: 'CASE_ORG_UNKNOWN', message: `机构 ${input.orgId} 不存在或不在您的数据范围内` }]);
        const record: CaseRecord = { ...EMPTY_RECORD, officerIds: [...new Set(input.officerIds)] };
        await checkRefs(trx, actor, record, input.itemId, kinds);
        const day = today();
        const year = Number(day.slice(0, 4));
        const seq = await q.nextCaseNumber(trx, org.id, year);
        const now = clock();
        const row = await trx
          .insertInto('enforcement_cases')
          .values({
            org_id: org.id,
            case_no: `${year}${String(org.id).padStart(4, '0')}${String(seq).padStart(5, '0')}`,
            cause: input.cause,
            item_id: input.itemId,
            state: 'clue',
            party_kind: input.party.kind,
            party_name: input.party.name,
            party_id_number: input.party.idNumber,
            sector: SECTOR,
            province: provinceOf(org.region_code),
            act_end_date: input.actEndDate,
            discovered_date: input.discoveredDate,
            filed_date: null,
            life_health_harm: input.lifeHealthOrFinancialHarm,
            record: JSON.stringify(record),
            decided_on: null,
            fine: null,
            served_on: null,
            closed_on: null,
            state_since: now,
            created_by: actor?.userId ?? null,
            updated_at: now,
          })
          .returning(['id', 'case_no'])
          .executeTakeFirstOrThrow();
        await q.addEvent(trx, who, { case_id: row.id, kind: 'created', from_state: null, to_state: 'clue', part: null, on_date: day });
        await refreshSupervision(trx, row.id);
        await recordAudit(trx, who, {
          action: 'enforcement.case.create', targetType: 'enforcement_case', targetId: row.id,
          changes: { caseNo: row.case_no, orgId: org.id, cause: input.cause, itemId: input.itemId, party: { ...input.party, idNumber: maskIdNumber(input.party.idNumber) } },
        });
        return row;
      }).then((row) => service.get(who, row.id));
    },

    /** Writes the parts given; a part whose stage the case has passed is refused (CASE_PART_LOCKED). */
    async record(who: AuditWho, id: number, patch: RecordPatch) {
      const actor = actorOfWho(who);
      const kinds = await deps.codes.itemsOf(PENALTY_SET);
      await db.transaction().execute(async (trx) => {
        const row = await load(trx, actor, id, true);
        const parts = Object.keys(patch) as (CasePart | 'itemId')[];
        const locked = parts.filter((p) => lockedIn(p, row.state));
        if (locked.length > 0) {
          throw E.CASE_PART_LOCKED(undefined, locked.map((p) => ({ field: p, code: 'CASE_PART_LOCKED', message: `案件处于“${CASE_STATE_LABELS[row.state]}”，不能再修改该项记录` })));
        }
        const { itemId, ...given } = patch;
        const record: CaseRecord = { ...row.record, ...(Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<CaseRecord>) };
        const item = itemId === undefined ? row.item_id : itemId;
        await checkRefs(trx, actor, record, item, kinds);
        await trx.updateTable('enforcement_cases').set({ record: JSON.stringify(record), item_id: item, updated_at: clock() }).where('id', '=', id).execute();
        for (const part of parts) await q.addEvent(trx, who, { case_id: id, kind: 'recorded', from_state: null, to_state: null, part: part === 'itemId' ? null : part, on_date: null });
        await refreshSupervision(trx, id);
        await recordAudit(trx, who, { action: 'enforcement.case.record', targetType: 'enforcement_case', targetId: id, changes: { parts } });
      });
      return service.get(who, id);
    },

    /** 推进环节: refused with every rule the move breaks, or made with its date and opinion. */
    async move(who: AuditWho, id: number, req: { to: CaseState; date?: string | undefined; opinion: string }) {
      const actor = actorOfWho(who);
      const date = req.date ?? today();
      const seen = await load(db, actor, id);
      const power = await powerOf(seen, req.to, date);
      await db.transaction().execute(async (trx) => {
        const row = await load(trx, actor, id, true);
        // The power was asked for the case as read before the lock: a change since then is a conflict, not a guess.
        if (row.updated_at.getTime() !== seen.updated_at.getTime()) throw E.CASE_CHANGED();
        const found = await blockers(trx, row, req.to, date, power);
        if (found.length > 0) throw E.CASE_MOVE_REFUSED(`不能进入“${CASE_STATE_LABELS[req.to]}”：${found[0]?.message ?? ''}`, detail(found));
        const decision = row.record.decision;
        const now = clock();
        await trx
          .updateTable('enforcement_cases')
          .set({
            state: req.to,
            state_since: now,
            updated_at: now,
            ...(req.to === 'filed' ? { filed_date: date } : {}),
            ...(req.to === 'decided' ? { decided_on: date, fine: decision?.penalty.fine ?? null } : {}),
            ...(req.to === 'served' ? { served_on: row.record.service?.date ?? date } : {}),
            ...(ENDED.includes(req.to) ? { closed_on: date } : {}),
          })
          .where('id', '=', id)
          .execute();
        await q.addEvent(trx, who, { case_id: id, kind: 'moved', from_state: row.state, to_state: req.to, part: null, on_date: date, opinion: req.opinion });
        await refreshSupervision(trx, id);
        await recordAudit(trx, who, { action: 'enforcement.case.move', targetType: 'enforcement_case', targetId: id, changes: { state: [row.state, req.to], date } });
      });
      return service.get(who, id);
    },
  };
  return service;
}

export type CaseService = ReturnType<typeof createCaseService>;
