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

/** The query a GET route takes. */
type Params<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type LawVersion = Item<'/api/v1/laws'>;
export type LawStatus = LawVersion['status'];
export type LawLevel = NonNullable<LawVersion['level']>;
export type LawLevelCount = Answer<'/api/v1/laws/levels', 'get'>['items'][number];
export type LawListQuery = Params<'/api/v1/laws'>;
export type LawVersionDetail = Answer<'/api/v1/laws/version', 'get'>;
/** One element of a law version (编/章/节/条/款/项/目, appendix, table, text), flat with its parentId. */
export type LawElement = LawVersionDetail['elements'][number];
export type LawWarning = LawVersionDetail['warnings'][number];
export type LawHistoryLine = LawVersionDetail['history'][number];
export type LawElementDetail = Answer<'/api/v1/laws/element', 'get'>;
export type LawCitation = LawElementDetail['citations'][number];
export type LawCitedBy = LawElementDetail['citedBy'][number];
export type LawSearchHit = Item<'/api/v1/laws/search'>;
export type LawImported = Answer<'/api/v1/laws/import', 'post'>['items'][number];

export type PowerItemEntry = Item<'/api/v1/power-list/items'>;
export type PowerItemKind = PowerItemEntry['kind'];
export type PowerItemQuery = Params<'/api/v1/power-list/items'>;
export type PowerItem = Answer<'/api/v1/power-list/items/{id}', 'get'>;
export type PowerBasis = PowerItem['bases'][number];
export type PowerBasisRole = PowerBasis['role'];
export type PowerBenchmark = PowerItem['benchmarks'][number];
export type BenchmarkLevel = PowerBenchmark['level'];
export type PowerItemBody = Body<'/api/v1/power-list/items', 'post'>;
export type PowerImportResult = Answer<'/api/v1/power-list/import', 'post'>;
export type PowerReview = Item<'/api/v1/power-list/reviews'>;
export type PowerReviewConfirm = Body<'/api/v1/power-list/reviews/confirm', 'post'>;

export type ShareResource = Answer<'/api/v1/sharing/resources/{code}', 'get'>;
export type ShareResourceField = ShareResource['fields'][number];
export type SharingType = ShareResource['sharingType'];
export type OpenType = ShareResource['openType'];
export type ShareResourceBody = Body<'/api/v1/sharing/resources/{code}', 'put'>;
export type ShareResourceCreateBody = Body<'/api/v1/sharing/resources', 'post'>;
export type ShareConsumer = Item<'/api/v1/sharing/consumers'>;
export type ConsumerAlg = ShareConsumer['alg'];
export type ConsumerBody = Body<'/api/v1/sharing/consumers', 'post'>;
export type ConsumerCreated = Answer<'/api/v1/sharing/consumers', 'post'>;
export type ShareRequest = Item<'/api/v1/sharing/requests'>;
export type ShareRequestQuery = Params<'/api/v1/sharing/requests'>;
export type DemandBody = Body<'/api/v1/sharing/requests', 'post'>;
export type DecisionBody = Body<'/api/v1/sharing/requests/{id}/decision', 'post'>;
export type ShareGrant = Item<'/api/v1/sharing/grants'>;
export type GrantBody = Body<'/api/v1/sharing/grants', 'post'>;
export type ShareStats = Answer<'/api/v1/sharing/stats', 'get'>;
export type ShareStatsRow = ShareStats['items'][number];
export type SubjectLogItem = Item<'/api/v1/sharing/subject-log'>;

export type EnforcementSubject = Item<'/api/v1/enforcement/subjects'>;
export type SubjectKind = EnforcementSubject['kind'];
export type EnforcementSubjectDetail = Answer<'/api/v1/enforcement/subjects/{id}', 'get'>;
export type SubjectBody = Body<'/api/v1/enforcement/subjects', 'post'>;
export type EnforcementOfficer = Item<'/api/v1/enforcement/officers'>;
export type OfficerStatus = EnforcementOfficer['status'];
export type CertificateStanding = EnforcementOfficer['standing'];
export type OfficerQuery = Params<'/api/v1/enforcement/officers'>;
export type EnforcementOfficerDetail = Answer<'/api/v1/enforcement/officers/{id}', 'get'>;
export type OfficerBody = Body<'/api/v1/enforcement/officers', 'post'>;
export type OfficerPatch = Body<'/api/v1/enforcement/officers/{id}', 'put'>;
export type OfficerStatusBody = Body<'/api/v1/enforcement/officers/{id}/status', 'post'>;
export type OfficerImportResult = Answer<'/api/v1/enforcement/officers/import', 'post'>;
