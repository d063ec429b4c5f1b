-- 行政处罚案件 (全流程办案, S4), issue 8 point 2: a case and its full-process record.

-- A case. Its state moves only through the case service, which asks the workflow rules
-- (modules/enforcement/workflow) first. The scalar facts the supervision scan filters on are
-- columns; the case's records (acts, 告知书, 听证, 法制审核, 决定书, 送达…) are one JSON document,
-- written whole by the service and read whole by the rules.
create table enforcement_cases (
  id               bigint generated always as identity primary key,
  org_id           bigint not null references orgs (id),
  case_no          text not null unique,          -- 案件编号, 〔year〕sequence per org
  cause            text not null,                 -- 案由
  item_id          int references power_items (id), -- the 执法事项 applied (decisions cite it: ADP-23)
  state            text not null,
  party_kind       text not null check (party_kind in ('citizen', 'organisation')),
  party_name       text not null,
  party_id_number  text,                          -- 公民身份号码 or 统一社会信用代码
  sector           text not null,                 -- ADP-10 threshold key
  province         text not null,                 -- region code of the province, ADP-10
  act_end_date     date not null,                 -- 违法行为终了之日 (ADP-22)
  discovered_date  date,
  filed_date       date,
  life_health_harm boolean not null default false, -- ADP-22: the 5-year period
  record           jsonb not null,
  -- Facts of the record kept as columns for lists, statistics and the supervision scan.
  decided_on       date,
  fine             numeric(14, 2),
  served_on        date,
  closed_on        date,
  state_since      timestamptz not null default now(), -- stuck-case detection
  created_by       bigint,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index enforcement_cases_org_state on enforcement_cases (org_id, state);
create index enforcement_cases_item on enforcement_cases (item_id) where item_id is not null;

-- The last case number given per org and year: one row updated in the transaction that files.
create table enforcement_case_numbers (
  org_id bigint not null references orgs (id),
  year   int not null,
  last   int not null,
  primary key (org_id, year)
);

-- 全过程记录: every move and every record of a case, never updated.
create table enforcement_case_events (
  id         bigint generated always as identity primary key,
  case_id    bigint not null references enforcement_cases (id) on delete cascade,
  kind       text not null check (kind in ('created', 'moved', 'recorded')),
  from_state text,
  to_state   text,
  part       text,                                 -- the record part written ('notice', 'decision'…)
  on_date    date,                                 -- the legal date of the move
  opinion    text not null default '',
  actor_id   bigint,
  actor_name text not null default '',
  at         timestamptz not null default now()
);
create index enforcement_case_events_case on enforcement_case_events (case_id, id);

-- The built-in business roles of an existing installation get the new rights (see 0006).
update roles set permissions = array(select distinct unnest(permissions || array['menu:cases', 'case:read']))
where builtin and code = 'leader';
update roles set permissions = array(select distinct unnest(permissions || array['menu:cases', 'case:read', 'case:handle']))
where builtin and code = 'staff';
