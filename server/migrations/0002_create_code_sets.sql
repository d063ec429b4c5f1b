-- Dictionary (数据字典): code sets and their items. National standards (GB/T 2261.1, GB/T 3304,
-- GB/T 4658, GB/T 4762, …) are seeded by the server at start; custom sets are created by the
-- system administrator. Items are never deleted: a record that once carried a code must still
-- resolve its label, so an item that is no longer used is disabled instead.

create table code_sets (
  code         text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name         text not null check (char_length(name) between 1 and 50),
  -- The standard the codes follow, e.g. 'GB/T 3304-1991'; null for our own sets.
  standard     text,
  description  text not null default '',
  -- false: the codes and labels are fixed (a published standard, or codes the program relies on);
  -- only an item's enabled flag may change.
  editable     boolean not null,
  builtin      boolean not null default false,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now()
);

create table code_items (
  set_code     text not null references code_sets (code),
  code         text not null check (char_length(code) between 1 and 40),
  label        text not null check (char_length(label) between 1 and 100),
  sort         int not null default 0,
  enabled      boolean not null default true,
  -- Hierarchical sets (GB/T 4658 学历: 10 研究生教育 ⊃ 11 博士研究生毕业) name the parent item.
  parent_code  text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  primary key (set_code, code),
  foreign key (set_code, parent_code) references code_items (set_code, code)
);
create index code_items_sort_idx on code_items (set_code, sort, code);
