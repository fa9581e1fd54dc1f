-- Tracing's own record of each case it traced (issue #13 §3): its window and the points it visited,
-- so clusters (≥ N cases at one point, one household, in a window) are found without reading the
-- cases module's table. Owner: modules/tracing.
create table traced_cases (
  case_id uuid primary key,
  person_id uuid not null references persons (id),
  window_start timestamptz not null,
  window_end timestamptz not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  traced_at timestamptz not null default now()
);
create index traced_cases_person_idx on traced_cases (person_id);
create index traced_cases_commune_idx on traced_cases (commune_code, window_end);
create table traced_case_venues (
  case_id uuid not null references traced_cases (case_id) on delete cascade,
  venue_id uuid not null,
  first_at timestamptz not null,
  last_at timestamptz not null,
  primary key (case_id, venue_id)
);
create index traced_case_venues_venue_idx on traced_case_venues (venue_id, last_at);
