import type { FastifyInstance } from 'fastify';
import type { CalendarService } from '../../platform/calendar/index.ts';
import { createSealer } from '../../platform/crypto/seal.ts';
import type { BaseDb } from '../../platform/db/database.ts';
import type { RecordReader } from '../aggregation/record-reader.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { createConsumerService } from './consumers.service.ts';
import { createGateway } from './gateway/index.ts';
import { createGrantService } from './grants.service.ts';
import { createResourceService } from './resources.service.ts';
import { seedSharingDemo } from './sharing.demo.ts';
import { sharingRoutes } from './sharing.routes.ts';

/**
 * Sharing and exchange (共享交换, P6): the resource catalog, consumers with keys, demand →
 * approval → grant, and the signed gateway other agencies' systems call.
 */
export function createSharingModule(
  base: BaseDb,
  deps: { calendar: CalendarService; keyDir: string; reader: RecordReader; codes: CodeLookup; clock?: (() => Date) | undefined; onError?: (err: unknown) => void },
) {
  const sealer = createSealer(deps.keyDir);
  const resources = createResourceService(base);
  const consumers = createConsumerService(base, sealer);
  const grants = createGrantService(base, { calendar: deps.calendar, clock: deps.clock });
  const gateway = createGateway(base, { resources, consumers, grants, reader: deps.reader, codes: deps.codes, sealer, clock: deps.clock, onError: deps.onError });
  return {
    resources,
    consumers,
    grants,
    gateway,
    ensureBaseline: () => resources.ensureBaseline(),
    seedDemo: (orgs: { provinceOrgId: number | null; cityOrgId: number | null }) => seedSharingDemo(base, { consumers, grants, ...orgs }),
    async routes(app: FastifyInstance) {
      await app.register(sharingRoutes({ resources, consumers, grants, callLog: gateway.callLog, db: base }));
      await app.register(gateway.routes);
    },
    /** Background work of the gateway (nonce purge, quota and call-log flushes); `stop` flushes. */
    start: () => gateway.start(),
    stop: () => gateway.stop(),
  };
}

export type SharingModule = ReturnType<typeof createSharingModule>;
