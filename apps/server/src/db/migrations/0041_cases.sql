-- Cases (F0), issue #13 §1: one row per case of a person, its confirmations, transfers of the place of
-- treatment, and the versioned history of its changes. Owner: modules/cases. Tracing (contacts,
-- chains, clusters) reads cases through modules/cases/index.ts (`caseForTracing`).

create table cases (
  id uuid primary key default gen_random_uuid(),
  person_id uuid not null references persons (id),
  status text not null default 'open' check (status in ('open', 'closed')),
  -- When the first confirmation reached the platform (a release, an officer's entry).
  confirmed_at timestamptz not null,
  -- The confirmation that opened the case: {kind: lab_result|manual|rapid_test_of_contact, barcode?,
  -- labId?, sampleDate, testType?, ruleVersion}. Later ones are in case_confirmations.
  confirmation jsonb not null,
  -- Day the confirming sample was taken (Asia/Ho_Chi_Minh): the infectious window starts 2 days before
  -- it when there are no symptoms, so tracing reads it often and it gets its own column.
  sample_date date not null,
  symptom_onset date,
  -- Severity level from the classification data (packages/domain cases); null until assessed.
  classification text,
  treatment_kind text not null default 'home' check (treatment_kind in ('home', 'facility', 'hospital')),
  treatment_facility text,
  isolated_at timestamptz,
  outcome text check (outcome in ('recovered', 'died')),
  closed_at timestamptz,
  source_case_id uuid references cases (id),
  -- Clusters are tracing's table: no foreign key, so the two migrations stay independent.
  cluster_id uuid,
  -- The person's commune when the case opened: the case's jurisdiction (kept if the person moves).
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  opened_by_account_id text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  check (status = 'open' or closed_at is not null),
  check (outcome is null or status = 'closed')
);
-- At most one open case per person: a second positive result of the same person can only add to it,
-- even when two releases race (the loser's insert fails and it updates the winner's case).
create unique index cases_open_person_uq on cases (person_id) where status = 'open';
create index cases_person_idx on cases (person_id);
create index cases_commune_idx on cases (commune_code, status, confirmed_at desc);
create index cases_district_idx on cases (district_code, status, confirmed_at desc);
create index cases_province_idx on cases (province_code, status, confirmed_at desc);
create index cases_source_idx on cases (source_case_id) where source_case_id is not null;
create index cases_cluster_idx on cases (cluster_id) where cluster_id is not null;

-- Every confirmation a case received (the first included). A tube's result confirms a case once:
-- a retried event or a re-release adds nothing.
create table case_confirmations (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('lab_result', 'manual', 'rapid_test_of_contact')),
  barcode text,
  lab_id text,
  test_type text,
  sample_date date not null,
  rule_version text not null,
  confirmed_at timestamptz not null default now(),
  recorded_by_account_id text,
  note text
);
create unique index case_confirmations_barcode_uq on case_confirmations (case_id, barcode)
  where barcode is not null;
create index case_confirmations_case_idx on case_confirmations (case_id, confirmed_at);

-- Place of treatment over time: the current one is also on the case; a transfer adds a row.
create table case_treatment_places (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null references cases (id),
  kind text not null check (kind in ('home', 'facility', 'hospital')),
  facility text,
  from_at timestamptz not null default now(),
  recorded_by_account_id text,
  note text
);
create index case_treatment_places_case_idx on case_treatment_places (case_id, from_at);

-- One row per version of a case: which fields changed and who changed them (values stay on the case
-- and in the audit log; this is the history shown on the case page).
create table case_history (
  id bigint generated always as identity primary key,
  case_id uuid not null references cases (id),
  version int not null,
  changed text[] not null,
  changed_by_account_id text,
  at timestamptz not null default now(),
  unique (case_id, version)
);
