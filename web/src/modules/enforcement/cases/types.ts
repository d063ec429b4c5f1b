/**
 * The case routes' shapes, from the generated schema. Kept beside the pages (not in api/types.ts,
 * which another change owns) with the same derivation.
 */
import type { paths } from '../../../api/schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type ListPath = paths['/api/v1/enforcement/cases'];
type RecordPath = paths['/api/v1/enforcement/cases/{id}/record'];

export type CaseItem = Json<ListPath['get']['responses'][200]> extends { items: (infer T)[] } ? T : never;
export type CaseState = CaseItem['state'];
export type CaseQuery = NonNullable<ListPath['get']['parameters']['query']>;
export type CaseBody = Json<NonNullable<ListPath['post']['requestBody']>>;
export type CaseDetail = Json<paths['/api/v1/enforcement/cases/{id}']['get']['responses'][200]>;
export type CaseMove = CaseDetail['next'][number];
export type CaseFinding = CaseDetail['findings'][number];
export type CaseEvent = CaseDetail['events'][number];
export type RecordPatch = Json<NonNullable<RecordPath['patch']['requestBody']>>;
export type CaseAct = NonNullable<RecordPatch['acts']>[number];
export type CaseNotice = NonNullable<RecordPatch['notice']>;
export type CaseDecision = NonNullable<RecordPatch['decision']>;
export type MoveBody = Json<NonNullable<paths['/api/v1/enforcement/cases/{id}/moves']['post']['requestBody']>>;

/** The stored record as the detail gives it (typed there as a plain object): the parts the console reads. */
export interface StoredRecord {
  officerIds: number[];
  acts: CaseAct[];
  notice: CaseNotice | null;
  decision: CaseDecision | null;
}
