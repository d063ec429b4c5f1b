import type { ColumnType, Generated } from 'kysely';
import type { BenchmarkLevel } from '../../power-list/power-list.tables.ts';
import type {
  CaseFacts, CaseState, CollectiveDiscussionInput, DecisionContent, HearingInput, PartyKind, PenaltyInput, RecusalInput,
} from '../workflow/index.ts';

type Json<T> = ColumnType<T, string, string>;
/** numeric columns come back as strings (exact decimals). */
type Money = ColumnType<string | null, number | null | undefined, number | null>;

/** An investigation act (询问, 检查, 勘验…) as recorded: officers by their registry id. */
export interface CaseAct {
  kind: string;
  date: string;
  officerIds: number[];
  /** 笔录 attached (ADP-03) */
  recordAttached: boolean;
  note: string;
}

/** The 决定书 being drafted, then made by the move to 决定 (its date is the move's). */
export interface CaseDecision {
  date: string;
  officerIds: number[];
  penalty: PenaltyInput;
  content: DecisionContent;
  minorMitigation: string | null;
  /** ADP-23: the 裁量基准 tier of the case's item applied, and why the fine leaves it */
  benchmarkLevel: BenchmarkLevel | null;
  outsideBenchmarkReason: string | null;
}

/** The facts a case records as the workflow takes them. */
type RecordedAsIs = Pick<CaseFacts,
  'notice' | 'legalReviewGrounds' | 'collectiveDiscussionRequired' | 'transfer' | 'service' | 'pauses' | 'extensionDays' |
  'preservations' | 'paidDate' | 'reviewPeriods' | 'publicationRequired' | 'publishedDate' | 'publicationWithdrawal'>;

/**
 * What a case has recorded, part by part: the workflow's `CaseFacts` minus what the service
 * derives (the officers' certificates from the registry, the reviewer's qualification and
 * earlier reviews, the item's benchmark tier). Officers are registry ids.
 */
export interface CaseRecord extends RecordedAsIs {
  officerIds: number[];
  recusals: (Omit<RecusalInput, 'officerId'> & { officerId: number })[];
  acts: CaseAct[];
  hearing: (Omit<HearingInput, 'chairId'> & { chairId: number | null }) | null;
  legalReview: { reviewerId: number; date: string; result: 'passed' | 'failed'; opinion: string } | null;
  collectiveDiscussion: (Omit<CollectiveDiscussionInput, 'attendeeIds'> & { attendeeIds: number[] }) | null;
  decision: CaseDecision | null;
}

export type CasePart = keyof CaseRecord;

export const EMPTY_RECORD: CaseRecord = {
  officerIds: [], recusals: [], acts: [], notice: null, hearing: null, legalReviewGrounds: [], legalReview: null,
  collectiveDiscussionRequired: false, collectiveDiscussion: null, decision: null, transfer: null, service: null, pauses: [],
  extensionDays: 0, preservations: [], paidDate: null, reviewPeriods: [], publicationRequired: false, publishedDate: null,
  publicationWithdrawal: null,
};

export interface EnforcementCasesTable {
  id: Generated<number>;
  org_id: number;
  case_no: string;
  cause: string;
  item_id: number | null;
  state: CaseState;
  party_kind: PartyKind;
  party_name: string;
  party_id_number: string | null;
  sector: string;
  province: string;
  act_end_date: string;
  discovered_date: string | null;
  filed_date: string | null;
  life_health_harm: boolean;
  record: Json<CaseRecord>;
  decided_on: string | null;
  fine: Money;
  served_on: string | null;
  closed_on: string | null;
  next_due: ColumnType<string | null, string | null | undefined, string | null>;
  decision_due: ColumnType<string | null, string | null | undefined, string | null>;
  alerts: ColumnType<string[], string[] | undefined, string[]>;
  state_since: ColumnType<Date, Date | undefined, Date>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EnforcementCaseNumbersTable {
  org_id: number;
  year: number;
  last: number;
}

export type CaseEventKind = 'created' | 'moved' | 'recorded';

export interface EnforcementCaseEventsTable {
  id: Generated<number>;
  case_id: number;
  kind: CaseEventKind;
  from_state: CaseState | null;
  to_state: CaseState | null;
  part: CasePart | null;
  on_date: string | null;
  opinion: ColumnType<string, string | undefined, string>;
  actor_id: number | null;
  actor_name: ColumnType<string, string | undefined, string>;
  at: Generated<Date>;
}

export type CaseTables = {
  enforcement_cases: EnforcementCasesTable;
  enforcement_case_numbers: EnforcementCaseNumbersTable;
  enforcement_case_events: EnforcementCaseEventsTable;
};
