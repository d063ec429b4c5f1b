/**
 * 执法主体与执法人员 (S3): subjects with their power-list items and 委托书, officers with their
 * 执法证. Every write is checked by enforcement.rules.ts first, is limited to the caller's data
 * scope, and is audited in its transaction; certificate changes are kept as history.
 */
import type { Actor } from '../../platform/authz/actor.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/audit.ts';
import { dayNumber } from '../../platform/calendar/dates.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { Page } from '../../platform/http/pagination.ts';
import { maskIdNumber } from '../../platform/privacy/mask.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import { P } from './enforcement.permissions.ts';
import * as q from './enforcement.queries.ts';
import {
  certificateStanding, checkOfficer, checkSubject, powerStanding, statusTransition, STANDING_LABELS,
  type PowerStanding, type StatusAction, type SubjectInput, type Violation,
} from './enforcement.rules.ts';
import { ENTRUSTED } from './enforcement.tables.ts';

export const DOMAIN_SET = 'enforcement_domain';

export interface OfficerInput {
  name: string;
  idNumber: string;
  orgId: number;
  certificateNo: string;
  domains: string[];
  issuedOn: string;
  expiresOn: string;
  legalQualification: boolean;
}

/** What the service needs of the org tree: an org in the caller's scope, or ORG_NOT_FOUND. */
export interface OrgAccess {
  get(actor: Actor, id: number): Promise<{ id: number; name: string }>;
}

export interface EnforcementDeps {
  codes: CodeLookup;
  orgs: OrgAccess;
  clock?: (() => Date) | undefined;
}

/** The day in China (UTC+8): certificates expire at the end of a Beijing day. */
export const beijingDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => (dayNumber(to) ?? 0) - (dayNumber(from) ?? 0);

const actorOfWho = (who: AuditWho): Actor | null => ('actor' in who ? who.actor : null);
const invalid = (factory: typeof E.ENF_SUBJECT_INVALID, vs: readonly Violation[]) => factory(undefined, vs.map((v) => ({ field: v.field, code: v.code, message: v.message })));

const subjectRow = (s: SubjectInput): q.SubjectWrite => ({
  org_id: s.orgId,
  kind: s.kind,
  legal_basis: s.legalBasis.trim(),
  domains: [...new Set(s.domains)],
  entrusted_by: s.entrustment?.entrustingSubjectId ?? null,
  entrustment_no: s.entrustment?.documentNo ?? null,
  entrustment_matters: s.entrustment?.matters.trim() ?? null,
  entrustment_from: s.entrustment?.from ?? null,
  entrustment_to: s.entrustment?.to ?? null,
  entrustment_published_on: s.entrustment?.publishedOn ?? null,
});

const officerRow = (o: OfficerInput): q.OfficerWrite => ({
  name: o.name, id_number: o.idNumber, org_id: o.orgId, certificate_no: o.certificateNo, domains: [...new Set(o.domains)],
  issued_on: o.issuedOn, expires_on: o.expiresOn, legal_qualification: o.legalQualification,
});

/** An officer as the audit trail keeps it: never the full ID number (audit.ts). */
const auditedInput = (o: OfficerInput) => ({ ...o, idNumber: maskIdNumber(o.idNumber) });
const auditedRow = (o: q.OfficerRow) => ({ ...o, id_number: maskIdNumber(o.id_number) });

export function createEnforcementService(base: BaseDb, deps: EnforcementDeps) {
  const db = base.withTables<q.Tables>();
  const clock = deps.clock ?? (() => new Date());
  const today = () => beijingDay(clock());
  const domainLabels = async () => deps.codes.itemsOf(DOMAIN_SET);

  /** The org must exist in the caller's scope; the system (demo, CLI) is not scoped. */
  async function requireOrg(actor: Actor | null, orgId: number): Promise<void> {
    if (!actor) return;
    try {
      await deps.orgs.get(actor, orgId);
    } catch {
      throw E.ENF_ORG_NOT_FOUND(undefined, [{ field: 'orgId', message: `机构 ${orgId} 不存在或不在您的数据范围内` }]);
    }
  }

  async function subjectViews(rows: q.SubjectRow[]) {
    const labels = await domainLabels();
    const refs = new Map((await q.subjectRefs(db, [...new Set(rows.flatMap((r) => (r.entrusted_by === null ? [] : [r.entrusted_by])))])).map((r) => [r.id, r]));
    return rows.map((r) => {
      const by = r.entrusted_by === null ? undefined : refs.get(r.entrusted_by);
      return {
        id: r.id,
        orgId: r.org_id,
        kind: r.kind,
        legalBasis: r.legal_basis,
        domains: r.domains,
        domainLabels: r.domains.map((d) => labels.get(d)?.label ?? d),
        itemCount: r.item_count ?? 0,
        officerCount: r.officer_count ?? 0,
        entrustment: by
          ? {
              entrusting: { id: by.id, orgId: by.org_id, kind: by.kind },
              documentNo: r.entrustment_no ?? '',
              matters: r.entrustment_matters ?? '',
              from: r.entrustment_from ?? '',
              to: r.entrustment_to ?? '',
              publishedOn: r.entrustment_published_on,
            }
          : null,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      };
    });
  }

  async function checkSubjectInput(input: SubjectInput, selfId: number | null) {
    const entrustingId = input.entrustment?.entrustingSubjectId;
    const [known, labels, entrusting, dependents] = await Promise.all([
      q.existingItems(db, [...new Set(input.itemIds)]),
      domainLabels(),
      entrustingId === undefined || entrustingId === selfId ? undefined : q.findSubject(db, null, entrustingId),
      selfId === null ? [] : q.entrustedBy(db, selfId),
    ]);
    const vs = checkSubject(input, {
      selfId,
      entrusting: entrusting ? { id: entrusting.id, kind: entrusting.kind, itemIds: new Set(await q.itemIdsOf(db, entrusting.id)) } : null,
      entrustsOthers: dependents.length > 0,
      knownItems: known,
      domains: labels,
    });
    if (vs.length > 0) throw invalid(E.ENF_SUBJECT_INVALID, vs);
  }

  async function officerViews(rows: q.OfficerRow[], plain = false) {
    const labels = await domainLabels();
    const day = today();
    return rows.map((o) => {
      const s = certificateStanding({ status: o.status, statusOn: o.status_on, issuedOn: o.issued_on, expiresOn: o.expires_on }, day);
      return {
        id: o.id,
        name: o.name,
        idNumber: (plain ? o.id_number : maskIdNumber(o.id_number)) ?? '',
        orgId: o.org_id,
        certificateNo: o.certificate_no,
        domains: o.domains,
        domainLabels: o.domains.map((d) => labels.get(d)?.label ?? d),
        issuedOn: o.issued_on,
        expiresOn: o.expires_on,
        status: o.status,
        statusReason: o.status_reason,
        statusOn: o.status_on,
        legalQualification: o.legal_qualification,
        standing: s.standing,
        standingLabel: STANDING_LABELS[s.standing],
        standingReason: s.reason,
        daysToExpiry: daysBetween(day, o.expires_on),
        createdAt: o.created_at.toISOString(),
        updatedAt: o.updated_at.toISOString(),
      };
    });
  }

  async function checkOfficerInput(o: OfficerInput) {
    const vs = checkOfficer(o, { domains: await domainLabels() });
    if (vs.length > 0) throw invalid(E.ENF_OFFICER_INVALID, vs);
  }

  const taken = (o: OfficerInput, byCert: boolean) =>
    byCert
      ? E.ENF_CERTIFICATE_TAKEN(`执法证号 ${o.certificateNo} 已被登记`, [{ field: 'certificateNo', message: `执法证号 ${o.certificateNo} 已被登记` }])
      : E.ENF_PERSON_TAKEN(undefined, [{ field: 'idNumber', message: '该公民身份号码已登记为执法人员' }]);

  const service = {
    subjects: {
      async list(actor: Actor, filter: q.SubjectFilter, page: Page) {
        const { items, total } = await q.listSubjects(db, actor, filter, page);
        return { items: await subjectViews(items), total };
      },

      async get(actor: Actor | null, id: number) {
        const row = await q.findSubject(db, actor, id);
        if (!row) throw E.ENF_SUBJECT_NOT_FOUND();
        const [[view], items, entrusted] = await Promise.all([subjectViews([row]), q.itemsOf(db, id), q.entrustedBy(db, id)]);
        if (!view) throw E.ENF_SUBJECT_NOT_FOUND();
        return { ...view, items, entrusted: entrusted.map((s) => ({ id: s.id, orgId: s.org_id, kind: s.kind })) };
      },

      async create(who: AuditWho, input: SubjectInput) {
        const actor = actorOfWho(who);
        await requireOrg(actor, input.orgId);
        await checkSubjectInput(input, null);
        const id = await db.transaction().execute(async (trx) => {
          const subjectId = await q.insertSubject(trx, subjectRow(input), clock());
          if (subjectId === null) throw E.ENF_SUBJECT_EXISTS(undefined, [{ field: 'orgId', message: '该机构已登记为执法主体' }]);
          await q.replaceItems(trx, subjectId, [...new Set(input.itemIds)]);
          await recordAudit(trx, who, { action: 'enforcement.subject.create', targetType: 'enforcement_subject', targetId: subjectId, changes: { after: input } });
          return subjectId;
        });
        return service.subjects.get(actor, id);
      },

      /** Replaces the subject: kind, basis, domains, items and 委托书. */
      async update(who: AuditWho, id: number, input: SubjectInput) {
        const actor = actorOfWho(who);
        const before = await q.findSubject(db, actor, id);
        if (!before) throw E.ENF_SUBJECT_NOT_FOUND();
        await requireOrg(actor, input.orgId);
        await checkSubjectInput(input, id);
        const other = await q.findSubjectByOrg(db, input.orgId);
        if (other && other.id !== id) throw E.ENF_SUBJECT_EXISTS(undefined, [{ field: 'orgId', message: '该机构已登记为执法主体' }]);
        const beforeItems = await q.itemIdsOf(db, id);
        await db.transaction().execute(async (trx) => {
          await q.updateSubject(trx, id, subjectRow(input), clock());
          await q.replaceItems(trx, id, [...new Set(input.itemIds)]);
          await recordAudit(trx, who, { action: 'enforcement.subject.update', targetType: 'enforcement_subject', targetId: id, changes: { before: { ...before, itemIds: beforeItems }, after: input } });
        });
        return service.subjects.get(actor, id);
      },

      /**
       * May the subject exercise the power-list item on the day (ADP-30, ADP-31)? For the case
       * service: a decision citing an item its subject does not hold is refused or flagged.
       */
      async mayExercise(subject: { id: number } | { orgId: number }, itemId: number, onDate: string): Promise<PowerStanding> {
        const row = 'id' in subject ? await q.findSubject(db, null, subject.id) : await q.findSubjectByOrg(db, subject.orgId);
        if (!row) return powerStanding(null, itemId, onDate);
        const itemIds = new Set(await q.itemIdsOf(db, row.id));
        const entrusting = row.kind === ENTRUSTED && row.entrusted_by !== null ? new Set(await q.itemIdsOf(db, row.entrusted_by)) : null;
        return powerStanding(
          {
            kind: row.kind,
            itemIds,
            entrustment:
              entrusting && row.entrustment_from && row.entrustment_to
                ? { from: row.entrustment_from, to: row.entrustment_to, publishedOn: row.entrustment_published_on, entrustingItemIds: entrusting }
                : null,
          },
          itemId,
          onDate,
        );
      },
    },

    officers: {
      async list(actor: Actor, filter: q.OfficerFilter, page: Page) {
        const { items, total } = await q.listOfficers(db, actor, filter, page, today());
        return { items: await officerViews(items), total };
      },

      /** With the certificate history; the full ID number only with enforcement:read-personal, and that reading is audited. */
      async get(who: AuditWho, id: number) {
        const actor = actorOfWho(who);
        const row = await q.findOfficer(db, actor, id);
        if (!row) throw E.ENF_OFFICER_NOT_FOUND();
        const plain = actor?.permissions.has(P['enforcement:read-personal']) ?? false;
        if (plain) await db.transaction().execute((trx) => recordAudit(trx, who, { action: 'enforcement.officer.read-personal', targetType: 'enforcement_officer', targetId: id }));
        const [[view], history] = await Promise.all([officerViews([row], plain), q.historyOf(db, id)]);
        if (!view) throw E.ENF_OFFICER_NOT_FOUND();
        return {
          ...view,
          history: history.map((h) => ({
            kind: h.kind, status: h.status, certificateNo: h.certificate_no, issuedOn: h.issued_on, expiresOn: h.expires_on, reason: h.reason, effectiveOn: h.effective_on, at: h.at.toISOString(),
          })),
        };
      },

      async create(who: AuditWho, input: OfficerInput) {
        const actor = actorOfWho(who);
        await requireOrg(actor, input.orgId);
        await checkOfficerInput(input);
        const id = await db.transaction().execute(async (trx) => {
          const [byCert] = await q.officersByCertificate(trx, [input.certificateNo]);
          if (byCert) throw taken(input, true);
          const officerId = await q.insertOfficer(trx, officerRow(input), clock());
          if (officerId === null) throw taken(input, false);
          await q.recordEvent(trx, { officerId, kind: '发证', status: '在岗', certificateNo: input.certificateNo, issuedOn: input.issuedOn, expiresOn: input.expiresOn, reason: '', effectiveOn: input.issuedOn, actorId: actor?.userId ?? null });
          await recordAudit(trx, who, { action: 'enforcement.officer.create', targetType: 'enforcement_officer', targetId: officerId, changes: { after: auditedInput(input) } });
          return officerId;
        });
        return service.officers.get(who, id);
      },

      /** Changes everything but the person; a new certificate number or term is kept in the history. */
      async update(who: AuditWho, id: number, patch: Omit<OfficerInput, 'idNumber'>) {
        const actor = actorOfWho(who);
        const before = await q.findOfficer(db, actor, id);
        if (!before) throw E.ENF_OFFICER_NOT_FOUND();
        const input = { ...patch, idNumber: before.id_number };
        await requireOrg(actor, input.orgId);
        await checkOfficerInput(input);
        await db.transaction().execute(async (trx) => {
          const [byCert] = await q.officersByCertificate(trx, [input.certificateNo]);
          if (byCert && byCert.id !== id) throw taken(input, true);
          const { id_number: _, ...row } = officerRow(input);
          await q.updateOfficer(trx, id, row, clock());
          if (before.certificate_no !== input.certificateNo || before.issued_on !== input.issuedOn || before.expires_on !== input.expiresOn) {
            await q.recordEvent(trx, { officerId: id, kind: '变更', status: before.status, certificateNo: input.certificateNo, issuedOn: input.issuedOn, expiresOn: input.expiresOn, reason: '', effectiveOn: today(), actorId: actor?.userId ?? null });
          }
          await recordAudit(trx, who, { action: 'enforcement.officer.update', targetType: 'enforcement_officer', targetId: id, changes: { before: auditedRow(before), after: auditedInput(input) } });
        });
        return service.officers.get(who, id);
      },

      /** 暂扣, 注销 or 恢复 with a reason, audited and kept in the certificate history. */
      async changeStatus(who: AuditWho, id: number, change: { action: StatusAction; reason: string; effectiveOn?: string | undefined }) {
        const actor = actorOfWho(who);
        const on = change.effectiveOn ?? today();
        await db.transaction().execute(async (trx) => {
          const o = await q.findOfficer(trx, actor, id);
          if (!o) throw E.ENF_OFFICER_NOT_FOUND();
          const next = statusTransition(o.status, change.action);
          if (!next) throw E.ENF_STATUS_TRANSITION(`执法证当前为“${o.status}”，不能${{ suspend: '暂扣', revoke: '注销', reinstate: '恢复' }[change.action]}`, [{ field: 'action', code: 'ENF_STATUS_TRANSITION', message: `当前状态：${o.status}` }]);
          await q.setStatus(trx, id, next.to, change.reason, next.to === '在岗' ? null : on, clock());
          await q.recordEvent(trx, { officerId: id, kind: next.event, status: next.to, certificateNo: o.certificate_no, issuedOn: o.issued_on, expiresOn: o.expires_on, reason: change.reason, effectiveOn: on, actorId: actor?.userId ?? null });
          await recordAudit(trx, who, { action: `enforcement.officer.${change.action}`, targetType: 'enforcement_officer', targetId: id, changes: { status: [o.status, next.to], reason: change.reason, effectiveOn: on } });
        });
        return service.officers.get(who, id);
      },

      /**
       * Creates or updates officers by 执法证号 in one transaction (an import): all or nothing, one
       * audit event. The inputs must have passed the checks of `checkMany`.
       */
      async upsert(who: AuditWho, inputs: readonly OfficerInput[]) {
        const actor = actorOfWho(who);
        return db.transaction().execute(async (trx) => {
          const existing = new Map((await q.officersByCertificate(trx, inputs.map((i) => i.certificateNo))).map((o) => [o.certificate_no, o]));
          const result = { created: 0, updated: 0, unchanged: 0 };
          const now = clock();
          for (const input of inputs) {
            const old = existing.get(input.certificateNo);
            const row = officerRow(input);
            if (!old) {
              const officerId = await q.insertOfficer(trx, row, now);
              if (officerId === null) throw taken(input, false);
              await q.recordEvent(trx, { officerId, kind: '发证', status: '在岗', certificateNo: input.certificateNo, issuedOn: input.issuedOn, expiresOn: input.expiresOn, reason: '', effectiveOn: input.issuedOn, actorId: actor?.userId ?? null });
              result.created += 1;
              continue;
            }
            const same = old.name === row.name && old.org_id === row.org_id && old.issued_on === row.issued_on && old.expires_on === row.expires_on
              && old.legal_qualification === row.legal_qualification && old.domains.join() === row.domains.join();
            if (same) {
              result.unchanged += 1;
              continue;
            }
            const { id_number: _, ...changes } = row;
            await q.updateOfficer(trx, old.id, changes, now);
            if (old.issued_on !== row.issued_on || old.expires_on !== row.expires_on) {
              await q.recordEvent(trx, { officerId: old.id, kind: '变更', status: old.status, certificateNo: row.certificate_no, issuedOn: row.issued_on, expiresOn: row.expires_on, reason: '导入', effectiveOn: today(), actorId: actor?.userId ?? null });
            }
            result.updated += 1;
          }
          await recordAudit(trx, who, { action: 'enforcement.officer.import', targetType: 'enforcement_officer', targetId: null, changes: result });
          return result;
        });
      },

      /**
       * Rule violations of each input, and who already holds each person or certificate: an import
       * updates only officers in the caller's scope.
       */
      async checkMany(actor: Actor, inputs: readonly OfficerInput[]) {
        const labels = await domainLabels();
        const [byCert, byPerson] = await Promise.all([q.officersByCertificate(db, inputs.map((i) => i.certificateNo)), q.officersByIdNumber(db, inputs.map((i) => i.idNumber))]);
        const visible = await q.officerIdsInScope(db, actor, byCert.map((o) => o.id));
        const outside = new Set(byCert.filter((o) => !visible.has(o.id)).map((o) => o.certificate_no));
        const certOf = new Map(byCert.map((o) => [o.certificate_no, o.id_number]));
        const personOf = new Map(byPerson.map((o) => [o.id_number, o.certificate_no]));
        return inputs.map((i) => {
          const vs = checkOfficer(i, { domains: labels });
          const holder = certOf.get(i.certificateNo);
          if (outside.has(i.certificateNo)) vs.push({ field: 'certificateNo', code: 'ENF_CERTIFICATE_TAKEN', message: `执法证号 ${i.certificateNo} 已由您数据范围以外的机构登记` });
          else if (holder !== undefined && holder !== i.idNumber) vs.push({ field: 'certificateNo', code: 'ENF_CERTIFICATE_TAKEN', message: `执法证号 ${i.certificateNo} 已登记在另一人名下` });
          const cert = personOf.get(i.idNumber);
          if (cert !== undefined && cert !== i.certificateNo) vs.push({ field: 'idNumber', code: 'ENF_PERSON_TAKEN', message: `该公民身份号码已登记，执法证号为 ${cert}` });
          return vs;
        });
      },

      /**
       * ADP-03: the standing of each officer's 执法证 on a day, for the case service (two officers
       * with valid certificates per act). Officers not found are absent from the map.
       */
      async standings(ids: readonly number[], onDate: string) {
        const rows = await q.certificatesOf(db, ids);
        return new Map(rows.map((o) => [o.id, { ...certificateStanding({ status: o.status, statusOn: o.status_on, issuedOn: o.issued_on, expiresOn: o.expires_on }, onDate), legalQualification: o.legal_qualification }]));
      },
    },
  };
  return service;
}

export type EnforcementService = ReturnType<typeof createEnforcementService>;
