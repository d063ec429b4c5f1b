-- 执法监督 (S5), issue 8 point 7: what the supervision scan reads of a case, written with the case
-- (modules/enforcement/cases/supervision.columns.ts). A scan is one aggregate per kind of alert.
alter table enforcement_cases
  add column next_due     date,                        -- earliest due date of a step undone or done late
  add column decision_due date,                        -- ADP-14 limit while the decision is awaited
  add column alerts       text[] not null default '{}'; -- findings that do not change with the day

-- Partial and covering (org_id included): a scan reads these indexes only, never the cases' rows,
-- which carry their whole record; most closed, lawful cases are in none of them.
create index enforcement_cases_next_due on enforcement_cases (next_due) include (org_id) where next_due is not null;
create index enforcement_cases_decision_due on enforcement_cases (decision_due) include (org_id) where decision_due is not null;
create index enforcement_cases_alerts on enforcement_cases (org_id, alerts) where cardinality(alerts) > 0;

-- A bureau's case list counts its matches of a keyword (case number, 案由, party) from this index
-- alone: the rows themselves carry the whole record and are ten times wider.
create index enforcement_cases_search on enforcement_cases (org_id) include (state, case_no, cause, party_name);
