-- Carrying records from the pre2025 map to the 2025 map (issue #10).

-- History: the pre2025 path ('/01/001/00001/') a record's unit had before the move. Set on every
-- record the move handled, moved or sent to review, so a re-run skips it.
alter table accounts add column moved_from_unit text;
alter table persons add column moved_from_unit text;
alter table worklist_items add column moved_from_unit text;
alter table declarations add column moved_from_unit text;
alter table declarations_held add column moved_from_unit text;
alter table venues add column moved_from_unit text;
alter table daily_venue_counts add column moved_from_unit text;
alter table checkins add column moved_from_unit text;
alter table checkins_held add column moved_from_unit text;
alter table qr_card_batches add column moved_from_unit text;
alter table labs add column moved_from_unit text;
alter table testing_sessions add column moved_from_unit text;
alter table tubes add column moved_from_unit text;
alter table shipments add column moved_from_unit text;
alter table pending_identities add column moved_from_unit text;

-- The plan, from the official mapping: for each old unit (province or commune), the one 2025 unit it
-- went into, or (split, unknown) none and the candidates a person must choose from.
create table unit_move_map (
  old_code text primary key,
  old_level smallint not null,
  new_code text,
  new_province_code text,
  candidates text[] not null
);

-- One run of the move: progress per table ({"persons": {"after": "<key>", "moved": n, "review": n,
-- "done": true}}), so an interrupted run resumes where it stopped.
create table unit_move_runs (
  id uuid primary key default gen_random_uuid(),
  status text not null check (status in ('running', 'done')),
  progress jsonb not null default '{}',
  started_by text,
  started_at timestamptz not null default now(),
  finished_at timestamptz
);
create unique index unit_move_runs_one_running on unit_move_runs (status) where status = 'running';

-- Records the move did not guess: a commune split across several new communes, an old unit with no
-- new one, a district-level account. Province officers of the new province resolve them.
create table unit_move_reviews (
  id uuid primary key default gen_random_uuid(),
  table_name text not null,
  record_key text not null,
  reason text not null check (reason in ('split', 'unmapped', 'district')),
  old_path text not null,
  old_name text,
  -- 2025 commune codes to choose from (empty: any commune of the province)
  candidates text[] not null,
  -- the 2025 province whose officers resolve it
  province_code text,
  status text not null default 'open' check (status in ('open', 'resolved')),
  resolved_code text,
  resolved_by text,
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  unique (table_name, record_key)
);
create index unit_move_reviews_open_idx on unit_move_reviews (province_code, status, created_at);
