-- Enforcement subjects and officers (执法主体与执法人员, S3), issue 8 point 1.

-- 执法主体: an org of the tree with standing to enforce (ADP-31: a penalty by a body without
-- standing is void). A 受委托组织 acts under a 委托书 of an entrusting subject (ADP-30, 行政处罚法
-- 第二十条): matters, term and number are required, and the entrusting subject may not itself be
-- entrusted (no sub-delegation, 第二十条第四款) — checked in enforcement.rules.ts.
create table enforcement_subjects (
  id                 int generated always as identity primary key,
  org_id             bigint not null unique references orgs (id),
  kind               text not null check (kind in ('法定行政机关', '法律法规授权组织', '受委托组织')),
  legal_basis        text not null default '',
  domains            text[] not null default '{}', -- enforcement_domain codes (执法领域)
  entrusted_by       int references enforcement_subjects (id),
  entrustment_no     text,
  entrustment_matters text,
  entrustment_from   date,
  entrustment_to     date,
  entrustment_published_on date, -- 委托书向社会公布 (第二十条第二款)
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  check ((kind = '受委托组织') = (entrusted_by is not null)),
  check (entrusted_by is null or (entrustment_no is not null and entrustment_matters is not null and entrustment_from is not null and entrustment_to is not null and entrustment_from <= entrustment_to)),
  check (entrusted_by is distinct from id)
);

-- The power-list items a subject may exercise; for a 受委托组织, the entrusted matters.
create table enforcement_subject_items (
  subject_id int not null references enforcement_subjects (id) on delete cascade,
  item_id    int not null references power_items (id) on delete cascade,
  primary key (subject_id, item_id)
);
create index enforcement_subject_items_item on enforcement_subject_items (item_id);

-- 执法人员 and their 执法证. ADP-03: an act needs two officers whose certificate is in force.
create table enforcement_officers (
  id              int generated always as identity primary key,
  name            text not null,
  id_number       text not null unique,        -- 公民身份号码, normalised to 18 characters
  org_id          bigint not null references orgs (id),
  certificate_no  text not null unique,        -- 执法证号
  domains         text[] not null default '{}',
  issued_on       date not null,
  expires_on      date not null,
  status          text not null default '在岗' check (status in ('在岗', '暂扣', '注销')),
  status_reason   text not null default '',
  status_on       date,                        -- since when the status holds (null: since issue)
  legal_qualification boolean not null default false, -- 法律职业资格 (ADP-11 第五十八条第二款)
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check (issued_on <= expires_on)
);
create index enforcement_officers_org on enforcement_officers (org_id);
create index enforcement_officers_expires on enforcement_officers (expires_on);

-- Certificate history: every issue, change of term and status change, never updated.
create table enforcement_certificate_events (
  id             bigint generated always as identity primary key,
  officer_id     int not null references enforcement_officers (id) on delete cascade,
  kind           text not null check (kind in ('发证', '变更', '暂扣', '注销', '恢复')),
  status         text not null check (status in ('在岗', '暂扣', '注销')),
  certificate_no text not null,
  issued_on      date not null,
  expires_on     date not null,
  reason         text not null default '',
  effective_on   date not null,
  actor_id       bigint,
  at             timestamptz not null default now()
);
create index enforcement_certificate_events_officer on enforcement_certificate_events (officer_id, id);

-- The built-in business roles of an existing installation get the new rights (see 0006).
update roles set permissions = array(select distinct unnest(permissions || array['menu:enforcement', 'enforcement:read']))
where builtin and code = 'leader';
update roles set permissions = array(select distinct unnest(permissions || array['menu:enforcement', 'enforcement:read', 'enforcement:manage']))
where builtin and code = 'staff';
