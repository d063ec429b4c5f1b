import type { FastifyInstance } from 'fastify';
import type { CalendarService } from '../../platform/calendar/index.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { seedCaseDemo } from './cases/cases.demo.ts';
import { caseRoutes } from './cases/cases.routes.ts';
import { createCaseService } from './cases/cases.service.ts';
import { seedEnforcementDemo, type DemoOrgs } from './enforcement.demo.ts';
import { enforcementRoutes } from './enforcement.routes.ts';
import { createEnforcementService, type OrgAccess } from './enforcement.service.ts';
import { createOfficerTransfer, type OrgNames } from './officers.transfer.ts';

export { certificateStanding, powerStanding, STANDING_LABELS, type PowerStanding, type Standing } from './enforcement.rules.ts';
export type { DemoOrgs } from './enforcement.demo.ts';

/**
 * 执法主体与执法人员 (S3 of issue 8): subjects with the power-list items they may exercise and,
 * for an entrusted organisation, its 委托书 (ADP-30); officers with their 执法证 and its history.
 * The case service asks `service.officers.standings` (ADP-03) and `service.subjects.mayExercise`
 * (ADP-30, ADP-31). 行政处罚案件 (S4, cases/): a case from 线索 to 结案, every move checked by the
 * workflow rules (workflow/). Org-scoped data: every list and look-up is limited to the caller's scope.
 */
export function createEnforcementModule(base: BaseDb, deps: { codes: CodeLookup; orgs: OrgAccess & OrgNames; calendar: CalendarService; clock?: (() => Date) | undefined }) {
  const service = createEnforcementService(base, deps);
  const transfer = createOfficerTransfer(service, deps);
  const cases = createCaseService(base, { codes: deps.codes, calendar: deps.calendar, registry: service, clock: deps.clock });
  return {
    service,
    transfer,
    cases,
    /** Subjects and officers of the demo orgs; call after the power list is seeded. */
    seedDemo: (orgs: DemoOrgs) => seedEnforcementDemo(base, service, orgs, deps.clock ?? (() => new Date())),
    /** `count` demo cases in every state; call after seedDemo (they need its subjects and officers). */
    seedDemoCases: (count: number) => seedCaseDemo(base, count, deps.calendar.current(), deps.clock ?? (() => new Date())),
    routes: async (app: FastifyInstance) => {
      await app.register(enforcementRoutes({ service, transfer }));
      await app.register(caseRoutes(cases));
    },
  };
}

export type EnforcementModule = ReturnType<typeof createEnforcementModule>;
