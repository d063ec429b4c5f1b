import type { FastifyInstance } from 'fastify';
import type { BaseDb } from '../../platform/db/database.ts';
import { standardsRoutes } from './standards.routes.ts';
import { createStandardsService } from './standards.service.ts';

export { DATA_ELEMENTS } from './elements.data.ts';
export { AGENCY_LIBRARIES, STANDARD_LIBRARIES } from './libraries.data.ts';
export { checkIdNumber, idCheckDigit } from './id-number.rules.ts';
export { checkCreditCode } from './credit-code.check.ts';
export { findLibrary, personalFields } from './standards.service.ts';
export { codeTableOf, codeSetOf, compileRowCheck, elementOf, headerIndex, labelOf, mapHeaders } from './record-check.ts';
export type { CodeTables, HeaderMapping, RawCell, RowCheck, RowOutcome, RowReason, FieldValue } from './record-check.ts';
export type { DataElement, ElementKind, LibraryField, StandardLibrary, CrossRule } from './standards.types.ts';

/**
 * Standards (P2, 业务标准库): the data elements and the business standard libraries built from them,
 * and the row check every import runs. Definitions are code; the versions a server has run with
 * are kept in the database.
 */
export function createStandardsModule(db: BaseDb) {
  const standards = createStandardsService(db);
  return {
    standards,
    async routes(app: FastifyInstance) {
      await app.register(standardsRoutes(standards));
    },
    ensureBaseline: () => standards.ensureVersions(),
  };
}

export type StandardsModule = ReturnType<typeof createStandardsModule>;
