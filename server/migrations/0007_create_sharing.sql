-- Sharing and exchange (共享交换, P6), issue 5: the resource catalog, consumers with keys, demand →
-- approval → grant, the signed gateway's call log, and the change feed over aggregated records.

-- 政务信息资源目录: what may be shared, over which standard library, on what terms.
create table share_resources (
  code          text primary key check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  name          text not null,
  library_id    text not null,                -- the standard library the resource serves
  owner_org_id  bigint references orgs (id),  -- approves demands; null: the installation
  fields        text[] not null,              -- field ids offered (of the library's standard)
  lookup_keys   text[] not null,              -- fields a consumer may look a record up by
  update_cycle  text not null check (update_cycle in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  -- 无条件共享 / 有条件共享 / 不予共享 (政务信息资源共享管理暂行办法 第九条); the legal basis of a
  -- condition or a refusal is required (第九条第二款: 不予共享 must have a basis in law).
  sharing_type  text not null check (sharing_type in ('unconditional', 'conditional', 'none')),
  sharing_basis text not null default '',
  open_type     text not null check (open_type in ('open', 'conditional', 'closed')), -- 开放类型
  description   text not null default '',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  check (sharing_type = 'unconditional' or sharing_basis <> '')
);

-- Other agencies' systems. An HMAC secret is kept sealed with the installation's key (the
-- gateway needs it to verify); public keys are kept as given.
create table share_consumers (
  id          bigint generated always as identity primary key,
  name        text not null unique,
  agency      text not null default '',
  org_id      bigint references orgs (id),     -- when the consumer is one of our own units
  key_id      text not null unique,
  alg         text not null check (alg in ('hmac-sha256', 'ed25519', 'sm2-sm3')),
  secret_sealed bytea,
  public_key  text,
  status      text not null default 'active' check (status in ('active', 'suspended')),
  created_at  timestamptz not null default now(),
  check ((alg = 'hmac-sha256') = (secret_sealed is not null))
);

-- 供需对接: a consumer's demand for fields of a resource, for a purpose, on a legal basis.
create table share_requests (
  id            bigint generated always as identity primary key,
  consumer_id   bigint not null references share_consumers (id),
  resource_code text not null references share_resources (code),
  fields        text[] not null,
  purpose       text not null,
  legal_basis   text not null,
  status        text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  requested_at  timestamptz not null default now(),
  due_on        date not null,                -- the owner answers within 10 working days
  decided_at    timestamptz,
  decided_by    bigint,
  decision_note text not null default '',
  grant_id      bigint
);
create index share_requests_status on share_requests (status, due_on);

-- A grant: exactly what a consumer may receive. Fields outside it are never returned.
create table share_grants (
  id             bigint generated always as identity primary key,
  consumer_id    bigint not null references share_consumers (id),
  resource_code  text not null references share_resources (code),
  fields         text[] not null,
  plain_fields   text[] not null default '{}', -- returned unmasked (a subset of fields)
  purpose        text not null,
  legal_basis    text not null default '',
  rate_per_second int not null default 10 check (rate_per_second between 1 and 10000),
  quota_per_day  int not null default 10000 check (quota_per_day between 1 and 100000000),
  expires_at     timestamptz not null,
  request_id     bigint references share_requests (id),
  created_at     timestamptz not null default now(),
  revoked_at     timestamptz,
  check (plain_fields <@ fields)
);
create index share_grants_consumer on share_grants (consumer_id, resource_code);

-- Nonces seen within the signature window: a replayed request is refused (RFC 9421 §7.2.2).
create table share_nonces (
  key_id     text not null,
  nonce      text not null,
  created_at timestamptz not null,
  primary key (key_id, nonce)
);

-- Every gateway call, without the data returned. Inserted only, never indexed beyond what the
-- statistics and the data-subject view read, so a log of tens of millions does not slow lookups.
create table share_calls (
  id            bigint generated always as identity primary key,
  at            timestamptz not null default now(),
  consumer_id   bigint,
  grant_id      bigint,
  resource_code text,
  service       text not null,                -- lookup, verify, changes
  purpose       text,
  result_count  int not null default 0,
  status        int not null,
  code          text,                         -- the error code of a refused call
  latency_ms    real not null
);
create index share_calls_day on share_calls (at);

-- Whom a call looked up: a keyed hash (HMAC-SM3) of the ID or licence number, so the log does
-- not hold the numbers themselves while "who looked me up" stays answerable (PIPL 第四十五条).
create table share_call_subjects (
  call_id  bigint not null,
  subject  bytea not null
);
create index share_call_subjects_subject on share_call_subjects (subject);

-- Calls counted per grant and day, for the daily quota; flushed from memory every second.
create table share_quota_days (
  grant_id bigint not null,
  day      date not null,
  used     int not null,
  primary key (grant_id, day)
);

-- The change feed: each record remembers the transaction that last changed it. A reader sees
-- only transactions older than every one still running (pg_snapshot_xmin), so a cursor
-- (xid, key) never skips a change committed late.
alter table agg_records add column change_xid xid8 not null default pg_current_xact_id();
create index agg_records_changes on agg_records (library_id, change_xid, business_key);
-- Lookups by ID number (共享: 按身份证号查询律师) on the person libraries.
create index agg_records_id_number on agg_records (library_id, (data ->> 'idNumber')) where data ? 'idNumber';

-- The built-in business roles of an existing installation get the new rights (see 0004).
update roles set permissions = array(select distinct unnest(permissions || array['menu:sharing', 'sharing:read', 'sharing:approve']))
where builtin and code = 'leader';
update roles set permissions = array(select distinct unnest(permissions || array['menu:sharing', 'sharing:read', 'sharing:manage', 'sharing:request', 'sharing:approve', 'sharing:subject-log']))
where builtin and code = 'staff';
