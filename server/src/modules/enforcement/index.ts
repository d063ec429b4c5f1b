import type { FastifyInstance } from 'fastify';
import type { BaseDb } from '../../platform/db/database.ts';
import type { CodeLookup } from '../dictionary/index.ts';
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
 * (ADP-30, ADP-31). Org-scoped data: every list and look-up is limited to the caller's scope.
 */
export function createEnforcementModule(base: BaseDb, deps: { codes: CodeLookup; orgs: OrgAccess & OrgNames; clock?: (() => Date) | undefined }) {
  const service = createEnforcementService(base, deps);
  const transfer = createOfficerTransfer(service, deps);
  return {
    service,
    transfer,
    /** Subjects and officers of the demo orgs; call after the power list is seeded. */
    seedDemo: (orgs: DemoOrgs) => seedEnforcementDemo(base, service, orgs, deps.clock ?? (() => new Date())),
    routes: (app: FastifyInstance) => app.register(enforcementRoutes({ service, transfer })),
  };
}

export type EnforcementModule = ReturnType<typeof createEnforcementModule>;
