/**
 * The shapes the console reads, taken from the server's OpenAPI (schema.d.ts, written by
 * `npm run gen:api`): when the contract changes, these change with it and the compiler shows
 * every page that needs to follow.
 */
import type { components, paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch';
/** The JSON a route answers with 200. */
type Answer<P extends keyof paths, M extends Method> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
type Item<P extends keyof paths> = Answer<P, 'get'> extends { items: (infer T)[] } ? T : never;

export interface Page<T> {
  items: T[];
  total: number;
}

export type SessionUser = Answer<'/api/v1/auth/me', 'get'>['user'];
export type DataScope = SessionUser['dataScope'];

export type Org = Answer<'/api/v1/orgs/{id}', 'get'>;
export type OrgTreeNode = components['schemas']['OrgTreeNode'];
export type DivisionImportSummary = Answer<'/api/v1/orgs/import-divisions', 'post'>;

export type User = Answer<'/api/v1/users/{id}', 'get'>;

export type Role = Answer<'/api/v1/roles/{id}', 'get'>;
export type AdminKind = NonNullable<Role['adminKind']>;
export type Permission = Item<'/api/v1/permissions'>;

export type LoginEvent = Item<'/api/v1/login-events'>;
export type LoginResult = LoginEvent['result'];
export type AuditEvent = Item<'/api/v1/audit-events'>;

export type CodeSet = Item<'/api/v1/code-sets'>;
export type CodeItem = Item<'/api/v1/code-sets/{code}/items'>;

export type CalendarYear = Item<'/api/v1/calendar/years'>;
export type CalendarYearDetail = Answer<'/api/v1/calendar/years/{year}', 'get'>;
export type CalendarDay = CalendarYearDetail['days'][number];

export type DataElement = Item<'/api/v1/data-elements'>;
export type StandardLibrary = Item<'/api/v1/standard-libraries'>;
export type StandardLibraryDetail = Answer<'/api/v1/standard-libraries/{id}', 'get'>;
export type LibraryField = StandardLibraryDetail['fields'][number];

export type Batch = Answer<'/api/v1/aggregation/batches/{id}', 'get'>;
export type BatchStatus = Batch['status'];
export type BatchMode = Batch['mode'];
export type SourceSystem = Item<'/api/v1/aggregation/sources'>;
export type SourceObligation = SourceSystem['libraries'][number];
export type UpdateCycle = SourceObligation['cycle'];
export type SourceCreateBody = NonNullable<paths['/api/v1/aggregation/sources']['post']['requestBody']>['content']['application/json'];
export type Coverage = Answer<'/api/v1/aggregation/coverage', 'get'>;
export type CoverageRow = Coverage['rows'][number];
export type CoverageOrg = Coverage['orgs'][number];
/** A record of a standard library as held (ID numbers and phones masked), with its lineage. */
export type LibraryRecord = Item<'/api/v1/aggregation/records'>;
export type RecordLineage = LibraryRecord['lineage'];
export type LibraryRecordDetail = Answer<'/api/v1/aggregation/records/{library}/{ref}', 'get'>;
/** An earlier version of a record: what it was, and when and by which batch it was replaced. */
export type RecordVersion = LibraryRecordDetail['history'][number];

/** The request body a route takes (JSON). */
type Body<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type LedgerLog = Item<'/api/v1/ledger/logs'>;
export type HashAlg = LedgerLog['hashAlg'];
export type CreateLogBody = Body<'/api/v1/ledger/logs', 'post'>;
export type LedgerLogDetail = Answer<'/api/v1/ledger/logs/{name}', 'get'>;
export type SigningKey = LedgerLogDetail['keys'][number];
export type KeyKind = SigningKey['kind'];
export type Witness = LedgerLogDetail['witnesses'][number];
export type Checkpoint = Item<'/api/v1/ledger/logs/{name}/checkpoints'>;
export type LedgerEntry = Item<'/api/v1/ledger/logs/{name}/entries'>;
export type LedgerEntryDetail = Answer<'/api/v1/ledger/logs/{name}/entries/{index}', 'get'>;
export type InclusionProof = NonNullable<LedgerEntryDetail['proof']>;
export type VerifyResult = Answer<'/api/v1/ledger/logs/{name}/verification', 'get'>;
export type VerifyProblem = VerifyResult['problems'][number];
export type RotateKeyBody = Body<'/api/v1/ledger/logs/{name}/rotate-key', 'post'>;
export type AddWitnessBody = Body<'/api/v1/ledger/logs/{name}/witnesses', 'post'>;
export type NodeWitness = Answer<'/api/v1/ledger/witness', 'get'>;
