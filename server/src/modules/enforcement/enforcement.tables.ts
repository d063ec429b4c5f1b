import type { ColumnType, Generated } from 'kysely';

/** 行政处罚法 第十七条至第二十条: who may enforce. */
export const SUBJECT_KINDS = ['法定行政机关', '法律法规授权组织', '受委托组织'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const ENTRUSTED: SubjectKind = '受委托组织';

export const OFFICER_STATUSES = ['在岗', '暂扣', '注销'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

export const CERTIFICATE_EVENTS = ['发证', '变更', '暂扣', '注销', '恢复'] as const;
export type CertificateEventKind = (typeof CERTIFICATE_EVENTS)[number];

/** Dates are calendar days, 'YYYY-MM-DD' (database.ts keeps `date` columns as text). */
export type EnforcementSubjectsTable = {
  id: Generated<number>;
  org_id: number;
  kind: SubjectKind;
  legal_basis: string;
  domains: string[];
  entrusted_by: number | null;
  entrustment_no: string | null;
  entrustment_matters: string | null;
  entrustment_from: string | null;
  entrustment_to: string | null;
  entrustment_published_on: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type EnforcementSubjectItemsTable = {
  subject_id: number;
  item_id: number;
};

export type EnforcementOfficersTable = {
  id: Generated<number>;
  name: string;
  id_number: string;
  org_id: number;
  certificate_no: string;
  domains: string[];
  issued_on: string;
  expires_on: string;
  status: ColumnType<OfficerStatus, OfficerStatus | undefined, OfficerStatus>;
  status_reason: ColumnType<string, string | undefined, string>;
  status_on: string | null;
  legal_qualification: boolean;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type EnforcementCertificateEventsTable = {
  id: Generated<number>;
  officer_id: number;
  kind: CertificateEventKind;
  status: OfficerStatus;
  certificate_no: string;
  issued_on: string;
  expires_on: string;
  reason: string;
  effective_on: string;
  actor_id: number | null;
  at: Generated<Date>;
};

export type EnforcementTables = {
  enforcement_subjects: EnforcementSubjectsTable;
  enforcement_subject_items: EnforcementSubjectItemsTable;
  enforcement_officers: EnforcementOfficersTable;
  enforcement_certificate_events: EnforcementCertificateEventsTable;
};
