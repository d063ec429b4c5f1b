-- Standards (业务标准库) and aggregation (归集).
--
-- Library definitions live in code (server/src/modules/standards/libraries.data.ts); every version
-- the server has run with is kept here, so a record checked against version 1 can still show what
-- version 1 required after the library moves on.
create table std_library_versions (
  library_id    text not null check (library_id ~ '^[a-z][a-z0-9-]{1,39}$'),
  version       int not null check (version >= 1),
  name          text not null,
  definition    jsonb not null,
  definition_hash text not null,
  published_at  timestamptz not null default now(),
  primary key (library_id, version)
);

-- Source systems (来源系统) and what each must deliver (归集责任): the libraries, how often, and how
-- many records the source says it holds — the denominator of the coverage rate (归集率).
create table agg_sources (
  id            bigint generated always as identity primary key,
  code          text not null unique check (code ~ '^[a-z0-9][a-z0-9_-]{1,39}$'),
  name          text not null check (char_length(name) between 1 and 100),
  -- The org that owns the source; its records fall in that org's data scope. Null: registered by
  -- the operator's CLI for the whole installation (seen only with the 'all' scope).
  org_id        bigint references orgs (id),
  description   text not null default '',
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);

create table agg_source_libraries (
  source_id     bigint not null references agg_sources (id),
  library_id    text not null,
  cycle         text not null check (cycle in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
  expected_records int check (expected_records >= 0),
  primary key (source_id, library_id)
);

-- One aggregation job (批次): a file import or a push from a source system.
create table agg_batches (
  id               uuid primary key,
  library_id       text not null,
  library_version  int not null,
  source_id        bigint not null references agg_sources (id),
  org_id           bigint references orgs (id),
  kind             text not null check (kind in ('file', 'push')),
  mode             text not null check (mode in ('atomic', 'partial')),
  -- running → completed | failed (the source could not be read to the end) | rejected (atomic
  -- mode with rejected rows: nothing landed).
  status           text not null check (status in ('running', 'completed', 'failed', 'rejected')),
  file_name        text,
  file_size        bigint,
  -- sha256 of the file: re-running an unfinished job on the same file resumes it (crash safety).
  file_hash        text,
  format           text,
  -- The source system's own batch id (push); a retried push with the same id is not re-applied.
  external_id      text,
  read_rows        int not null default 0,
  accepted_rows    int not null default 0,
  cleansed_rows    int not null default 0,
  rejected_rows    int not null default 0,
  inserted_rows    int not null default 0,
  updated_rows     int not null default 0,
  unchanged_rows   int not null default 0,
  -- Records (in read order) whose outcome is committed; a resumed job skips them.
  checkpoint_seq   int not null default 0,
  bytes_read       bigint not null default 0,
  unmapped_headers jsonb not null default '[]',
  error_code       text,
  error_message    text,
  created_by       bigint,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  finished_at      timestamptz
);
create unique index agg_batches_external_idx on agg_batches (source_id, library_id, external_id) where external_id is not null;
create index agg_batches_resume_idx on agg_batches (library_id, source_id, file_hash) where status = 'running';
create index agg_batches_recent_idx on agg_batches (created_at desc);
create index agg_batches_coverage_idx on agg_batches (source_id, library_id, finished_at desc) where status = 'completed';

-- The standard libraries' records: one row per business key, the current value with its lineage.
create table agg_records (
  library_id      text not null,
  business_key    text not null,
  data            jsonb not null,
  -- Values the validators normalised: { field: original text }; null when none was.
  cleansed        jsonb,
  -- sha256 over the normalised data: an unchanged row is recognised and not rewritten.
  content_hash    text not null,
  library_version int not null,
  org_id          bigint,
  source_id       bigint not null,
  batch_id        uuid not null,
  row_no          int not null,
  sheet           text,
  received_at     timestamptz not null,
  primary key (library_id, business_key)
);
-- No secondary index yet: every one costs each of the millions of upserts; the readers of
-- records (theme libraries, record lists by data scope) add the ones they need.

-- Superseded versions of a record: what it was, from which batch, until which batch replaced it.
create table agg_record_history (
  library_id      text not null,
  business_key    text not null,
  data            jsonb not null,
  cleansed        jsonb,
  content_hash    text not null,
  library_version int not null,
  org_id          bigint,
  source_id       bigint not null,
  batch_id        uuid not null,
  row_no          int not null,
  sheet           text,
  received_at     timestamptz not null,
  superseded_at   timestamptz not null,
  superseded_by   uuid not null
);
create index agg_record_history_key_idx on agg_record_history (library_id, business_key, superseded_at);

-- Rejected rows with every reason, and the original cells for the error report.
create table agg_row_errors (
  batch_id   uuid not null references agg_batches (id),
  seq        int not null,
  row_no     int not null,
  sheet      text,
  headers    jsonb not null,
  cells      jsonb not null,
  reasons    jsonb not null,
  primary key (batch_id, seq)
);

-- A key repeated within one batch is rejected (the second occurrence would otherwise silently
-- overwrite the first). Keys the batch wrote carry its batch id in agg_records; the keys it found
-- unchanged are kept in a table of its own (agg_seen_<batch id>, created by the batch and dropped
-- when it ends) — listed here only as documentation.

-- The built-in business roles of an existing installation get the new module's rights (a fresh
-- database creates them with these from code). An administrator's own edits are kept: only
-- missing codes are added.
update roles set permissions = array(select distinct unnest(permissions || array['menu:standards', 'standards:read', 'menu:aggregation', 'aggregation:read', 'aggregation:read-records']))
where builtin and code = 'leader';
update roles set permissions = array(select distinct unnest(permissions || array['menu:standards', 'standards:read', 'menu:aggregation', 'aggregation:read', 'aggregation:read-records', 'aggregation:ingest', 'aggregation:manage-sources']))
where builtin and code = 'staff';
