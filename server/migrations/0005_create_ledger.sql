-- Tamper-evident ledger (区块链存证, L1): append-only Merkle logs (RFC 9162) with tiles, signed
-- checkpoints (c2sp.org/tlog-checkpoint) and witness cosignatures (c2sp.org/tlog-cosignature).
-- Nothing here is ever updated in place except a log's size and the partial tile on each level's
-- right edge; `tianping ledger verify` recomputes everything else from the entries.

create table ledger_logs (
  id          int generated always as identity primary key,
  name        text not null unique check (name ~ '^[a-z][a-z0-9-]{0,39}$'),
  -- The checkpoint's first line: names the log wherever its checkpoints travel.
  origin      text not null unique check (origin ~ '^[^\s+]{1,200}$'),
  hash_alg    text not null check (hash_alg in ('sha256', 'sm3')),
  description text not null default '',
  -- Entries 0 … size-1 exist. Appends lock this row: that is what makes indexes gap-free.
  size        bigint not null default 0 check (size >= 0),
  created_at  timestamptz not null default now()
);

-- One entry: a typed entry's body is the RFC 8785 canonical JSON of {type, time, submitter,
-- payload}; a raw entry's body is the submitted bytes. The leaf hash is H(0x00 ‖ body).
create table ledger_entries (
  log_id      int not null references ledger_logs (id),
  idx         bigint not null check (idx >= 0),
  entry_type  text,            -- null for raw entries; copied from the body for filtering
  submitter   text,
  appended_at timestamptz not null default now(),
  body        bytea not null,
  primary key (log_id, idx)
);

-- Level-8·level subtree hashes, 256 per row (tiles.ts); a partial tile on each level's right edge.
create table ledger_tiles (
  log_id      int not null references ledger_logs (id),
  level       smallint not null check (level >= 0),
  idx         bigint not null check (idx >= 0),
  hashes      bytea not null check (octet_length(hashes) between 32 and 8192 and octet_length(hashes) % 32 = 0),
  primary key (log_id, level, idx)
);

-- Signing keys: public halves here (as c2sp verifier keys), private halves in the key directory,
-- apart from the data they vouch for. A log key signs checkpoints; the node's witness key
-- cosigns other logs' checkpoints (log_id null).
create table ledger_keys (
  id          int generated always as identity primary key,
  log_id      int references ledger_logs (id),
  kind        text not null check (kind in ('ed25519', 'sm2', 'cosignature/v1')),
  vkey        text not null unique,
  created_at  timestamptz not null default now(),
  retired_at  timestamptz,
  -- The log entry that announced the key (rotation is itself on the log).
  entry_idx   bigint
);
create unique index ledger_keys_active on ledger_keys (coalesce(log_id, 0), kind) where retired_at is null;

create table ledger_checkpoints (
  log_id      int not null references ledger_logs (id),
  size        bigint not null check (size >= 0),
  root        bytea not null,
  -- The signed note as published, log signatures only; cosignatures are kept apart and appended.
  note        text not null,
  created_at  timestamptz not null default now(),
  primary key (log_id, size)
);

-- Witnesses a log accepts cosignatures from.
create table ledger_witnesses (
  log_id      int not null references ledger_logs (id),
  name        text not null,
  vkey        text not null,
  added_at    timestamptz not null default now(),
  primary key (log_id, name)
);

create table ledger_cosignatures (
  log_id       int not null references ledger_logs (id),
  size         bigint not null,
  witness      text not null,
  line         text not null,  -- the signature line, as it goes under the checkpoint
  cosigned_at  timestamptz not null,
  received_at  timestamptz not null default now(),
  primary key (log_id, size, witness),
  foreign key (log_id, size) references ledger_checkpoints (log_id, size)
);

-- This node as a witness of other logs: the largest checkpoint it has verified for each origin.
-- A newer checkpoint is cosigned only if it is consistent with this one.
create table ledger_witnessed (
  origin       text primary key,
  url          text not null,
  log_vkey     text not null,
  size         bigint not null,
  root         bytea not null,
  updated_at   timestamptz not null default now()
);

-- Audit rows already anchored on the audit log, and by which entry: lets the anchoring job pick up
-- a row that commits after rows with higher ids (a long transaction) instead of skipping it.
create table ledger_audit_anchors (
  audit_id     bigint primary key,
  entry_idx    bigint not null
);

-- Built-in roles of an existing installation get the ledger's rights (only missing codes added).
update roles set permissions = array(select distinct unnest(permissions || array['menu:ledger', 'ledger:read', 'ledger:manage']))
where builtin and code = 'sysadmin';
update roles set permissions = array(select distinct unnest(permissions || array['menu:ledger', 'ledger:read']))
where builtin and code = 'auditadmin';
update roles set permissions = array(select distinct unnest(permissions || array['ledger:append']))
where builtin and code = 'source_system';
