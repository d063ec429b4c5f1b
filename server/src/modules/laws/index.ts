import fs from 'node:fs';
import type { Logger } from 'pino';
import type { BaseDb } from '../../platform/db/database.ts';
import { createLawService } from './laws.service.ts';
import { lawRoutes } from './laws.routes.ts';
import { createLawSearch } from './search/search.service.ts';

export type { ImportedFile } from './import/import-laws.ts';

/**
 * The regulation library (法规库, S1): law texts to the 项 with stable ids, their versions and
 * status, citations between them, and Chinese full-text search.
 */
export function createLawsModule(base: BaseDb, deps: { clock?: (() => Date) | undefined } = {}) {
  const laws = createLawService(base, deps.clock);
  const search = createLawSearch(base, deps.clock);
  return {
    ...laws,
    search,
    routes: lawRoutes({ laws, search }),

    /** The demo's library: the sample texts, through the same import as `laws import`. */
    async seedDemo(dir: string, logger: Logger) {
      if (!fs.existsSync(dir)) {
        // info, not warn: one-shot commands log warnings to stdout, where --json output goes.
        logger.info({ dir }, '演示法规目录不存在，法规库为空：可用 tianping laws import <目录> 导入，或设置 TIANPING_DEMO_LAWS');
        return [];
      }
      return laws.importPaths({ system: 'demo' }, [dir]);
    },
  };
}

export type LawsModule = ReturnType<typeof createLawsModule>;
