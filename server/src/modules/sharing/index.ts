import type { CalendarService } from '../../platform/calendar/index.ts';
import { createSealer } from '../../platform/crypto/seal.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { RecordReader } from '../aggregation/record-reader.ts';
import { createConsumerService } from './consumers.service.ts';
import { createGrantService } from './grants.service.ts';
import { createResourceService } from './resources.service.ts';
import { seedSharingDemo } from './sharing.demo.ts';
import { sharingRoutes } from './sharing.routes.ts';

/**
 * Sharing and exchange (共享交换, P6): the resource catalog, consumers with keys, demand →
 * approval → grant, and the signed gateway other agencies' systems call.
 */
export function createSharingModule(base: BaseDb, deps: { calendar: CalendarService; keyDir: string; reader: RecordReader; clock?: (() => Date) | undefined }) {
  const sealer = createSealer(deps.keyDir);
  const resources = createResourceService(base);
  const consumers = createConsumerService(base, sealer);
  const grants = createGrantService(base, { calendar: deps.calendar, clock: deps.clock });
  return {
    resources,
    consumers,
    grants,
    ensureBaseline: () => resources.ensureBaseline(),
    seedDemo: (orgs: { provinceOrgId: number | null; cityOrgId: number | null }) => seedSharingDemo(base, { consumers, grants, ...orgs }),
    routes: sharingRoutes({ resources, consumers, grants }),
  };
}

export type SharingModule = ReturnType<typeof createSharingModule>;
