import { createRecordReader } from './record-reader.ts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { BaseDb } from '../../platform/db/database.ts';
import type { CodeLookup } from '../dictionary/index.ts';
import { batchRoutes } from './batches.routes.ts';
import { createBatchService } from './batches.service.ts';
import { createSourceService } from './sources.service.ts';
import { seedAggregationDemo } from './aggregation.demo.ts';
import { createRecordService } from './records.service.ts';
import { recordRoutes } from './records.routes.ts';
import { sourceRoutes } from './sources.routes.ts';

export type { IngestSummary } from './batches.service.ts';

/**
 * Aggregation (P3, 归集): every record of every source system lands in its standard library,
 * checked, with lineage — from files (CSV/XLSX/JSON, CLI or console upload) and pushes. Source
 * systems carry their delivery obligations, from which the coverage rate (归集率) is computed.
 */
export function createAggregationModule(db: BaseDb, deps: { codes: CodeLookup; uploadDir: string; logger: Logger; clock?: () => Date }) {
  const sources = createSourceService(db, deps.clock);
  const batches = createBatchService(db, { codes: deps.codes, sources, clock: deps.clock });
  const records = createRecordService(db);
  return {
    sources,
    batches,
    /** What other modules may read of the records (sharing gateway). */
    reader: createRecordReader(db),
    /** Stops running batches at a chunk boundary (shutdown); they resume on the next start. */
    stop: () => batches.stop(),
    /** Resumes console uploads a dead server left half done (called by `serve`, in the background). */
    resumeInterrupted: () => batches.resumeInterrupted(deps.uploadDir, (msg, err) => (err ? deps.logger.error({ err }, msg) : deps.logger.info(msg))),
    /** Demo source systems and records, loaded through the aggregation path itself. */
    seedDemo: (orgIdOfRegion: (region: string) => Promise<number | null>) => seedAggregationDemo({ sources, batches, orgIdOfRegion }),
    async routes(app: FastifyInstance) {
      await app.register(sourceRoutes(sources));
      await app.register(batchRoutes(batches, { uploadDir: deps.uploadDir, logger: deps.logger }));
      await app.register(recordRoutes(records));
    },
  };
}

export type AggregationModule = ReturnType<typeof createAggregationModule>;
