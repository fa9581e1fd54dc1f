-- Contact tracing (issue #13 §2, §3): contacts found from check-ins, households and proximity logs,
-- proximity identifiers and encounter logs, clusters. Owner: modules/tracing.
-- Cases are the cases module's table: referenced by id only (no foreign key across modules).

-- One row per (subject, person): the subject is the case (generation 1, F1) or the confirmed contact
-- (generation n + 1) the person was exposed to. Re-running discovery updates evidence and score, never
-- adds a second row (the unique key is the idempotency check).
create table contacts (
  id uuid primary key default gen_random_uuid(),
  subject_kind text not null check (subject_kind in ('case', 'contact')),
  subject_id uuid not null,
  -- The case at the root of the chain (an F2's root is its F1's case).
  root_case_id uuid not null,
  person_id uuid not null references persons (id),
  generation int not null check (generation >= 1),
  -- The last day of exposure (Vietnam day): follow-up and quarantine count from it.
  exposure_date date,
  -- [{kind: checkin|household|proximity|named, venueId, overlapMinutes, …}]: ids and numbers, no names.
  evidence jsonb not null default '[]'::jsonb,
  score numeric(4, 1) not null,
  rules_version text not null,
  status text not null default 'candidate' check (status in ('candidate', 'confirmed', 'dismissed')),
  status_reason text,
  status_by_account_id uuid,
  status_at timestamptz,
  -- Where the CONTACT lives: the officers of that unit follow them up (not the case's officers).
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1,
  unique (subject_id, person_id)
);
create index contacts_root_idx on contacts (root_case_id, score desc);
create index contacts_person_idx on contacts (person_id, status);
create index contacts_commune_idx on contacts (commune_code, status);
create index contacts_district_idx on contacts (district_code, status);
create index contacts_province_idx on contacts (province_code, status);

-- Proximity logs (Bluezone-like). A phone broadcasts rotating identifiers the server derives from a
-- per-person secret and the server's key (HMAC): without the key they are random bytes.
create table proximity_secrets (
  person_id uuid primary key references persons (id),
  secret bytea not null,
  created_at timestamptz not null default now()
);
-- The identifiers handed out, stored under a second keyed hash (not as broadcast), so a copy of the
-- database cannot tell which person an identifier heard on the street belongs to.
create table proximity_identifiers (
  lookup bytea primary key,
  person_id uuid not null,
  valid_from timestamptz not null,
  valid_to timestamptz not null
);
create index proximity_identifiers_valid_to_idx on proximity_identifiers (valid_to);
-- One-time codes an officer gives a case to upload their encounter log (hashed; used once).
create table proximity_upload_codes (
  id uuid primary key default gen_random_uuid(),
  case_id uuid not null,
  person_id uuid not null,
  code_hash bytea not null unique,
  issued_by_account_id uuid,
  issued_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  upload_id uuid
);
create index proximity_upload_codes_expires_idx on proximity_upload_codes (expires_at);
-- An upload, under the phone's own id: a retry returns the first answer and stores nothing new.
create table proximity_uploads (
  id uuid primary key,
  case_id uuid not null,
  person_id uuid not null,
  received_at timestamptz not null default now(),
  encounters int not null,
  resolved int not null
);
create index proximity_uploads_received_idx on proximity_uploads (received_at);
create table proximity_encounters (
  upload_id uuid not null references proximity_uploads (id) on delete cascade,
  case_id uuid not null,
  -- Null when the identifier matched nobody (expired, or never issued).
  person_id uuid,
  at timestamptz not null,
  duration_minutes int not null,
  rssi int not null
);
create index proximity_encounters_upload_idx on proximity_encounters (upload_id);

-- Clusters (ổ dịch): a venue, workplace, household or area with enough linked cases in a window is
-- proposed; officers confirm, name and close it. One open cluster per anchor.
create table clusters (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('venue', 'workplace', 'household', 'area')),
  -- The venue id, the household's first case's person id, or the unit code of an area.
  anchor text not null,
  name text,
  status text not null default 'proposed' check (status in ('proposed', 'confirmed', 'closed')),
  rules_version text not null,
  proposed_at timestamptz not null default now(),
  confirmed_at timestamptz,
  confirmed_by_account_id uuid,
  closed_at timestamptz,
  closed_by_account_id uuid,
  commune_code text not null,
  district_code text,
  province_code text not null,
  unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  version int not null default 1
);
create unique index clusters_open_anchor_uq on clusters (kind, anchor) where status <> 'closed';
create index clusters_commune_idx on clusters (commune_code, status);
create index clusters_district_idx on clusters (district_code, status);
create index clusters_province_idx on clusters (province_code, status);
create table cluster_cases (
  cluster_id uuid not null references clusters (id),
  case_id uuid not null,
  linked_at timestamptz not null default now(),
  primary key (cluster_id, case_id)
);
create index cluster_cases_case_idx on cluster_cases (case_id);
