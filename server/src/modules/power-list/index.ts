import type { FastifyInstance } from 'fastify';
import type { BaseDb } from '../../platform/db/database.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { seedPowerListDemo } from './power-list.demo.ts';
import { powerListRoutes } from './power-list.routes.ts';
import { createPowerListService } from './power-list.service.ts';
import { createTransferService } from './power-list.transfer.ts';
import { createReviewService } from './reviews.service.ts';

export type { DemoSeedResult } from './power-list.demo.ts';
export type { ItemInput } from './power-list.rules.ts';

/**
 * The power list (权责清单, S2 of issue 7): enforcement items (执法事项) with their legal basis as
 * element ids of the regulation library, discretion benchmarks (裁量基准, ADP-23), XLSX import and
 * export, and the bases to review when a cited law gets a new version. A catalogue of the whole
 * installation, not org-scoped data. Reads the laws tables, never writes them.
 */
export function createPowerListModule(base: BaseDb, deps: { codes: CodeLookup; clock?: (() => Date) | undefined }) {
  const service = createPowerListService(base, deps);
  const transfer = createTransferService(base, service, deps);
  const reviews = createReviewService(base, deps);
  return {
    service,
    transfer,
    reviews,
    /** The demo list; call after the laws are imported. Bases the library lacks are skipped and returned. */
    seedDemo: () => seedPowerListDemo(service),
    routes: (app: FastifyInstance) => app.register(powerListRoutes({ items: service, transfer, reviews })),
  };
}

export type PowerListModule = ReturnType<typeof createPowerListModule>;
