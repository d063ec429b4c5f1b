-- Identity: the org tree, roles with permissions and data scope, users, sessions, login log.
-- 2260 region codes and 统一社会信用代码 (GB 32100-2015) are validated in the service; the
-- database keeps the shape.

create table orgs (
  id           bigint generated always as identity primary key,
  parent_id    bigint references orgs (id),
  name         text not null check (char_length(name) between 1 and 100),
  type         text not null,
  region_code  char(6) not null check (region_code ~ '^[0-9]{6}$'),
  credit_code  char(18) unique,
  -- Materialized path '/1/4/27/': a subtree is one indexed prefix match, the shape that data
  -- scope filters need on every list query.
  path         text not null unique,
  depth        int not null,
  sort         int not null default 0,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);
create index orgs_parent_idx on orgs (parent_id);
create index orgs_path_idx on orgs (path text_pattern_ops);
create index orgs_region_idx on orgs (region_code);

create table roles (
  id           bigint generated always as identity primary key,
  code         text not null unique check (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
  name         text not null,
  description  text not null default '',
  permissions  text[] not null default '{}',
  data_scope   text not null check (data_scope in ('all', 'subtree', 'org', 'self')),
  -- 三员分立 (SEC-18): system, security and audit administrators are separate posts.
  admin_kind   text check (admin_kind in ('system', 'security', 'audit')),
  builtin      boolean not null default false,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table users (
  id                    bigint generated always as identity primary key,
  username              text not null,
  display_name          text not null,
  org_id                bigint not null references orgs (id),
  phone                 text,
  id_number             text,
  password_hash         text not null,
  must_change_password  boolean not null default false,
  password_changed_at   timestamptz not null default now(),
  failed_attempts       int not null default 0,
  locked_until          timestamptz,
  status                text not null default 'active' check (status in ('active', 'disabled')),
  -- Overrides the roles' default data scope when set.
  data_scope            text check (data_scope in ('all', 'subtree', 'org', 'self')),
  last_login_at         timestamptz,
  created_at            timestamptz not null default now(),
  updated_at            timestamptz not null default now()
);
-- SEC-12: login ids are unique, case-insensitively.
create unique index users_username_key on users (lower(username));
create index users_org_idx on users (org_id);

create table user_roles (
  user_id  bigint not null references users (id),
  role_id  bigint not null references roles (id),
  primary key (user_id, role_id)
);
create index user_roles_role_idx on user_roles (role_id);

create table sessions (
  -- SHA-256 of the bearer token: a stolen database does not yield usable tokens.
  token_hash    text primary key,
  user_id       bigint not null references users (id),
  created_at    timestamptz not null default now(),
  last_seen_at  timestamptz not null default now(),
  ip            text,
  user_agent    text,
  ended_at      timestamptz,
  end_reason    text
);
create index sessions_user_idx on sessions (user_id);

-- SEC-13/SEC-17: every login attempt, successful or not. Never the password.
create table login_events (
  id          bigint generated always as identity primary key,
  at          timestamptz not null default now(),
  username    text not null,
  user_id     bigint references users (id),
  org_id      bigint references orgs (id),
  ip          text,
  user_agent  text,
  result      text not null check (result in ('success', 'bad_password', 'locked', 'unknown_user', 'disabled', 'logout', 'timeout'))
);
create index login_events_at_idx on login_events (at desc);
create index login_events_user_idx on login_events (user_id, at desc);

-- SEC-17: the audit trail. Written in the same transaction as the change it records.
create table audit_events (
  id              bigint generated always as identity primary key,
  at              timestamptz not null default now(),
  actor_id        bigint,
  actor_username  text,
  actor_org_id    bigint,
  action          text not null,
  target_type     text not null,
  target_id       text,
  changes         jsonb,
  request_id      text,
  ip              text,
  result          text not null default 'success' check (result in ('success', 'failure'))
);
create index audit_events_at_idx on audit_events (at desc);
create index audit_events_actor_idx on audit_events (actor_id, at desc);
create index audit_events_target_idx on audit_events (target_type, target_id);

-- Append-only, enforced by the database itself (SEC-17 "避免受到未预期的删除、修改或覆盖"):
-- no update, delete or truncate path exists for any role the application connects as.
create function forbid_mutation() returns trigger language plpgsql as $$
begin
  raise exception '% 为只追加表，禁止修改或删除', tg_table_name using errcode = '42501';
end;
$$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function forbid_mutation();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function forbid_mutation();
create trigger login_events_append_only before update or delete on login_events
  for each row execute function forbid_mutation();
create trigger login_events_no_truncate before truncate on login_events
  for each statement execute function forbid_mutation();
