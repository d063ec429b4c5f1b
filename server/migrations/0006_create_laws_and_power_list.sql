-- Regulation library (法规库, S1) and power list (权责清单, S2), issue 7.
-- A law version is one text as enacted or revised on one date; its elements (编…目) are rows with
-- stable ids (modules/laws/README.md), so citations, power-list bases and statistics are joins.

create table law_versions (
  id             text primary key,            -- 行政处罚法/2021-01-22
  short_title    text not null,               -- shared by every version of one law
  title          text not null,
  level          text,                        -- LawLevel (立法法's hierarchy); null when unknown
  issuer         text not null default '',    -- 制定机关, from the history lines
  version_date   date,
  effective_date date,
  repealed_on    date,                        -- a 废止 history line
  -- Set by version linking: the previous version, and the day the next one took effect.
  previous_id    text references law_versions (id),
  superseded_on  date,
  history        jsonb not null default '[]',
  articles       int not null default 0,
  chapters       int not null default 0,
  sections       int not null default 0,
  parts          int not null default 0,
  warnings       jsonb not null default '[]', -- [{file, line, code, message}]
  imported_at    timestamptz not null default now()
);
create index law_versions_short_title on law_versions (short_title, version_date);

-- One file of a law version: a code split over several files has several pieces.
create table law_files (
  law_id      text not null references law_versions (id) on delete cascade,
  piece       text not null,                  -- the subtitle (物权编), '' for a whole text
  file        text not null,                  -- the path as given to the import
  sha256      text not null,
  first_article int,                          -- orders the pieces of a split code
  articles    int not null, chapters int not null, sections int not null, parts int not null,
  warnings    jsonb not null default '[]',
  imported_at timestamptz not null default now(),
  primary key (law_id, piece)
);

create table law_elements (
  id        text primary key,                 -- 行政处罚法/2021-01-22/art51/p1/i2
  law_id    text not null references law_versions (id) on delete cascade,
  piece     text not null,
  parent_id text,                             -- null at the top of the law
  ord       int not null,                     -- document order within the piece
  kind      text not null,                    -- ElementKind
  number    int not null default 0,
  sub       int,
  label     text not null default '',
  heading   text not null default '',
  text      text not null default '',
  line      int not null
);
create index law_elements_law on law_elements (law_id, piece, ord);
create index law_elements_parent on law_elements (parent_id);

-- What search reads: one row per article (its whole text) and one per law version (its title).
-- tokens: the CJK characters and bigrams of the text (search/tokens.ts), because 'simple' cannot
-- segment Chinese and trigrams cannot serve 1–2 character queries (DESIGN.md).
create table law_search (
  element_id text primary key,
  law_id     text not null references law_versions (id) on delete cascade,
  kind       text not null check (kind in ('title', 'article')),
  body       text not null,
  tokens     tsvector not null
);
create index law_search_tokens on law_search using gin (tokens);
create index law_search_law on law_search (law_id);

-- Citations found in article text: one row per cited element; an unresolved one keeps its reason.
-- `target` keeps what the words say (citations.ts CitationTarget), so a citation of a law imported
-- later is resolved again without re-reading the citing text.
create table law_citations (
  id          bigint generated always as identity primary key,
  from_law_id text not null references law_versions (id) on delete cascade,
  piece       text not null,                  -- the citing file's piece (law_files.piece)
  from_id     text not null,                  -- the citing 款 / 项 / 目
  start_at    int not null,                   -- offsets in the citing element's text
  end_at      int not null,
  raw         text not null,
  cited_title text,                           -- the 《》 title (normalised); null for this law
  target      jsonb not null,
  to_id       text,                           -- null when unresolved
  to_law_id   text,
  reason      text,                           -- UnresolvedReason when unresolved
  message     text
);
create index law_citations_from on law_citations (from_law_id, piece, from_id);
create index law_citations_title on law_citations (cited_title) where cited_title is not null;
create index law_citations_to on law_citations (to_id text_pattern_ops);

-- 权责清单: enforcement items (执法事项) with their legal basis and discretion benchmarks.
create table power_items (
  id          int generated always as identity primary key,
  code        text not null unique,
  name        text not null,
  kind        text not null check (kind in ('行政处罚', '行政许可', '行政强制', '行政检查', '行政征收', '行政确认', '其他')),
  org_types   text[] not null default '{}',   -- identity org types that exercise the item
  description text not null default '',
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now()
);

-- Legal basis by element id; not a foreign key because re-importing a law replaces its rows.
create table power_item_bases (
  item_id    int not null references power_items (id) on delete cascade,
  element_id text not null,
  role       text not null default 'basis' check (role in ('basis', 'penalty')), -- 设定依据 / 处罚依据
  ord        int not null default 0,
  reviewed_at timestamptz,                    -- last confirmed against a newer version of its law
  primary key (item_id, element_id)
);
create index power_item_bases_element on power_item_bases (element_id);

-- 裁量基准 (ADP-23): one tier per circumstance level.
create table power_item_benchmarks (
  item_id       int not null references power_items (id) on delete cascade,
  level         text not null check (level in ('轻微', '一般', '较重', '严重')),
  circumstances text not null default '',
  penalties     text[] not null default '{}', -- penalty_type codes (行政处罚法 第九条)
  amount_min    numeric(14, 2),
  amount_max    numeric(14, 2),
  note          text not null default '',
  primary key (item_id, level)
);

-- The built-in business roles of an existing installation get the new rights (see 0004).
update roles set permissions = array(select distinct unnest(permissions || array['menu:laws', 'laws:read', 'menu:power-list', 'power-list:read']))
where builtin and code = 'leader';
update roles set permissions = array(select distinct unnest(permissions || array['menu:laws', 'laws:read', 'laws:import', 'menu:power-list', 'power-list:read', 'power-list:manage']))
where builtin and code = 'staff';
