-- Connectors (接口连接器): pulling other agencies' data (公安 死亡注销, 民政 婚姻登记, 自然资源 不动产登记,
-- 组织人事 公务员登记) from their HTTP APIs into aggregation. A connector is one remote endpoint with
-- its credentials, paging and field mapping; it delivers as an aggregation source system of its own.
create table conn_connectors (
  id            bigint generated always as identity primary key,
  -- Also the code of the source system it delivers as (agg_sources.code).
  code          text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
  name          text not null check (char_length(name) between 1 and 100),
  agency        text not null check (char_length(agency) between 1 and 100),
  -- The org that registered it; its runs and records fall in that org's data scope.
  org_id        bigint references orgs (id),
  source_id     bigint not null references agg_sources (id),
  library_id    text not null,
  base_url      text not null,
  endpoint      text not null,
  -- The scheme and its non-secret parts (header name, access key id); the secret is apart, sealed
  -- with the installation key (SM4 + HMAC-SM3), never stored or shown in the clear.
  auth          jsonb not null,
  secret_sealed bytea not null,
  paging        jsonb not null,
  -- Where an agency reports errors inside an HTTP 200 (code and message paths); null: it does not.
  envelope      jsonb,
  mapping       jsonb not null,
  schedule      text not null check (schedule in ('manual', 'hourly', 'daily', 'weekly')),
  timeout_ms    int not null check (timeout_ms between 1000 and 300000),
  status        text not null default 'active' check (status in ('active', 'paused')),
  created_by    bigint,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

-- One pull (拉取): page by page, each page landing as one aggregation push batch. `next_cursor` is
-- committed with every landed page, so a pull killed at any point resumes where it stopped.
create table conn_runs (
  id            bigint generated always as identity primary key,
  connector_id  bigint not null references conn_connectors (id),
  trigger       text not null check (trigger in ('manual', 'schedule', 'cli')),
  status        text not null check (status in ('running', 'completed', 'failed')),
  -- The page number or the agency's cursor the next page is fetched with; null: the first page.
  next_cursor   text,
  pages_fetched int not null default 0,
  pages_landed  int not null default 0,
  -- Pages whose content landed before (same page, same content): not pushed again.
  pages_skipped int not null default 0,
  items_read    int not null default 0,
  accepted_rows int not null default 0,
  rejected_rows int not null default 0,
  inserted_rows int not null default 0,
  updated_rows  int not null default 0,
  unchanged_rows int not null default 0,
  retries       int not null default 0,
  last_batch_id uuid,
  error_code    text,
  error_message text,
  started_by    bigint,
  started_at    timestamptz not null,
  -- Advanced with every page: a running pull whose heartbeat stopped belongs to a dead process.
  heartbeat_at  timestamptz not null,
  finished_at   timestamptz
);
create unique index conn_runs_one_running on conn_runs (connector_id) where status = 'running';
create index conn_runs_recent on conn_runs (connector_id, started_at desc);

-- Pages that landed, by the batch id derived from the page and its content: a page fetched again
-- with the same content is skipped, so pulling again changes nothing.
create table conn_pages (
  connector_id  bigint not null references conn_connectors (id),
  external_id   text not null,
  batch_id      uuid not null,
  run_id        bigint not null references conn_runs (id),
  records       int not null,
  landed_at     timestamptz not null,
  primary key (connector_id, external_id)
);

-- The built-in business roles of an existing installation get the new rights (see 0004).
update roles set permissions = array(select distinct unnest(permissions || array['menu:connectors', 'connectors:read']))
where builtin and code = 'leader';
update roles set permissions = array(select distinct unnest(permissions || array['menu:connectors', 'connectors:read', 'connectors:manage', 'connectors:run']))
where builtin and code = 'staff';
