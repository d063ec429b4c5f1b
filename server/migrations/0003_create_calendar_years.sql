-- 工作日历: year tables an administrator enters from the State Council General Office's notice
-- (国务院办公厅关于XXXX年部分节假日安排的通知). They are layered over the built-in 2020–2026 tables
-- (server/src/platform/calendar/holidays.ts); statutory periods (DAY-01..DAY-04) count on them.
--
-- Saving a year adds a version; the latest version of a year is in effect. A replaced table stays
-- here for the record (which deadlines were computed on what), so the table is append-only.
-- Dates are validated in the service (calendar.ts), which knows weekends and neighbouring years.
create table calendar_years (
  id                   bigint generated always as identity primary key,
  year                 int not null check (year between 1949 and 2999),
  version              int not null check (version >= 1),
  -- 文号 of the notice, e.g. 国办发明电〔2025〕7号
  source               text not null check (char_length(source) between 1 and 100),
  -- later notices that changed the year (as 国办发明电〔2020〕1号 extended the 2020 春节)
  amended_by           text[] not null default '{}',
  -- [{ "date": "2027-01-01", "kind": "holiday" | "workday", "name": "元旦" }, …]
  days                 jsonb not null check (jsonb_typeof(days) = 'array'),
  -- users.id of the administrator (null for the system); the name is kept as entered
  entered_by           bigint,
  entered_by_username  text not null,
  entered_at           timestamptz not null default now(),
  unique (year, version)
);

create trigger calendar_years_append_only before update or delete on calendar_years
  for each row execute function forbid_mutation();
create trigger calendar_years_no_truncate before truncate on calendar_years
  for each statement execute function forbid_mutation();
