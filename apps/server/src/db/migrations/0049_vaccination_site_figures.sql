-- Vaccination (issue #12, task vaccsite): the next dose each person is due for (the site's day list
-- reads it by commune through an index, never by computing every person's schedule), and coverage
-- counts kept up to date by the `vaccination.dose_recorded` handler, so a national figure sums a few
-- rows per commune instead of scanning every dose. `vaccination rebuild-figures` recomputes both.

-- Who booked arrived, and who marked it (the site's staff).
alter table vaccination_bookings add column arrived_by_account_id text;

-- One row per person and disease with a dose on record and a further dose in the schedule.
create table vaccination_next_due (
  person_id uuid not null,
  disease text not null,
  dose_number smallint not null check (dose_number > 0),
  kind text not null check (kind in ('primary', 'booster')),
  -- The first day (Viet Nam) the dose may be given.
  due_from date not null,
  product_mp text not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025',
  updated_at timestamptz not null default now(),
  primary key (person_id, disease)
);
-- The day list: a commune's people due by a day, in order, a page at a time (keyset on due_from, person_id).
create index vaccination_next_due_area_idx
  on vaccination_next_due (unit_structure, commune_code, disease, due_from, person_id);

-- Each vaccinated person's place in the series, as last counted (the handler subtracts it before
-- adding the new state, so a person who moved or got a further dose is counted once).
create table vaccination_coverage_people (
  person_id uuid not null,
  disease text not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025',
  birth_year smallint not null,
  priority_group text not null default '',
  doses smallint not null,
  primary_complete boolean not null,
  boosters smallint not null,
  updated_at timestamptz not null default now(),
  primary key (person_id, disease)
);

-- People vaccinated per commune and birth year (age bands are birth-year ranges at query time, so the
-- counts never go stale as people age) and priority group ('' = none recorded).
create table vaccination_coverage (
  disease text not null,
  unit_structure text not null,
  commune_code text not null,
  birth_year smallint not null,
  priority_group text not null default '',
  at_least_one integer not null default 0 check (at_least_one >= 0),
  full_primary integer not null default 0 check (full_primary >= 0),
  booster integer not null default 0 check (booster >= 0),
  primary key (disease, unit_structure, commune_code, birth_year, priority_group)
);

-- The registry's people per commune and birth year, counted by the rebuild (the denominator; counting
-- 100 million persons for every figure request is what this avoids).
create table vaccination_population (
  unit_structure text not null,
  commune_code text not null,
  birth_year smallint not null,
  people integer not null,
  counted_at timestamptz not null default now(),
  primary key (unit_structure, commune_code, birth_year)
);

create index vaccination_adverse_events_area_idx
  on vaccination_adverse_events (unit_structure, commune_code, severity);
