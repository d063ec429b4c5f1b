import type { FastifyInstance } from 'fastify';
import type { BaseDb } from '../../platform/db/database.ts';
import { createCodeLookup, type CodeLookup } from './code-lookup.ts';
import { codeSetRoutes } from './code-sets.routes.ts';
import { createCodeSetService } from './code-sets.service.ts';

export type { CodeLookup } from './code-lookup.ts';
export { PENALTY } from './penalty-types.ts';

/**
 * Dictionary (数据字典): the code sets — national standards seeded at start, and custom sets the
 * system administrator maintains. Other modules check and show codes through `lookup`
 * (`labelOf`, `isValidCode`), handed to them by the composition root, and never read these tables.
 */
export function createDictionaryModule(db: BaseDb, clock?: () => Date) {
  const cache = createCodeLookup(db);
  const codeSets = createCodeSetService(db, cache, clock);
  const lookup: CodeLookup = { labelOf: cache.labelOf, isValidCode: cache.isValidCode, itemsOf: cache.itemsOf };

  return {
    codeSets,
    lookup,
    async routes(app: FastifyInstance) {
      await app.register(codeSetRoutes(codeSets));
    },
    /** Built-in code sets exist in every database, demo or not. */
    ensureBaseline: () => codeSets.ensureBuiltinSets(),
  };
}

export type DictionaryModule = ReturnType<typeof createDictionaryModule>;
