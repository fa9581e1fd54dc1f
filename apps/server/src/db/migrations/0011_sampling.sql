-- Sampling (issue #4 §1): labs, testing sessions with sites, teams and targets, tube label batches,
-- tubes with their pooled members, and shipments to labs (chain of custody).
-- No foreign keys to other modules' tables (persons, accounts): plain columns keep migrations independent.

-- Laboratories. Lab staff accounts carry `facility_id = labs.id`.
create table labs (
  id uuid primary key default gen_random_uuid(),
  code text not null unique,
  name text not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create table testing_sessions (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('mass', 'routine', 'targeted')),
  test_type text not null check (test_type in ('rt_pcr', 'rapid_antigen')),
  session_date date not null,
  pool_size smallint not null check (pool_size between 1 and 10),
  lab_id uuid references labs (id),
  -- Where the session takes place; decides jurisdiction and the figures' area.
  commune_code text not null,
  district_code text,
  province_code text not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  created_by_account_id text,
  created_at timestamptz not null default now()
);
create index testing_sessions_commune_idx on testing_sessions (commune_code, session_date);
create index testing_sessions_district_idx on testing_sessions (district_code, session_date);
create index testing_sessions_province_idx on testing_sessions (province_code, session_date);

create table testing_sites (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references testing_sessions (id),
  name text not null,
  address text,
  position smallint not null
);
create index testing_sites_session_idx on testing_sites (session_id);

-- Sampler accounts working a session (optionally at one site).
create table testing_team_members (
  session_id uuid not null references testing_sessions (id),
  account_id text not null,
  site_id uuid references testing_sites (id),
  added_at timestamptz not null default now(),
  primary key (session_id, account_id)
);
create index testing_team_members_account_idx on testing_team_members (account_id);

-- People expected at a session: imported lists or citizens' self-registration.
create table testing_targets (
  session_id uuid not null references testing_sessions (id),
  person_id uuid not null,
  source text not null check (source in ('import', 'self')),
  added_at timestamptz not null default now(),
  primary key (session_id, person_id)
);

-- Barcode sequence per province code ('00' = national): numbers are never reused.
create table tube_barcode_sequences (
  prefix text primary key,
  last_value bigint not null
);

create table tube_label_batches (
  id uuid primary key default gen_random_uuid(),
  test_type text not null check (test_type in ('rt_pcr', 'rapid_antigen')),
  session_id uuid references testing_sessions (id),
  prefix text not null,
  first_seq bigint not null,
  count int not null check (count between 1 and 3000),
  created_by_account_id text,
  created_at timestamptz not null default now()
);

create table tubes (
  barcode text primary key,
  label_batch_id uuid not null references tube_label_batches (id),
  -- Set when the first person is linked (or at printing, for a session's batch).
  session_id uuid references testing_sessions (id),
  test_type text not null check (test_type in ('rt_pcr', 'rapid_antigen')),
  pooled boolean not null default false,
  status text not null default 'printed'
    check (status in ('printed', 'used', 'in_transit', 'received', 'resulted', 'void')),
  sealed_at timestamptz,
  sample_type text check (sample_type in ('nasopharyngeal', 'oropharyngeal', 'nasal', 'saliva')),
  collected_at timestamptz,
  collected_by_account_id text,
  -- Of the session, copied at first use so figures and jurisdiction need no join.
  commune_code text,
  district_code text,
  province_code text,
  lab_id uuid references labs (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tubes_batch_idx on tubes (label_batch_id);
create index tubes_session_idx on tubes (session_id);
create index tubes_status_idx on tubes (status, province_code);
create index tubes_collected_idx on tubes (collected_at) where collected_at is not null;

-- The people sampled into a tube (1 for single tests, up to the pool size for pools).
create table tube_members (
  barcode text not null references tubes (barcode),
  person_id uuid not null,
  position smallint not null check (position between 1 and 10),
  added_at timestamptz not null default now(),
  -- The sampler device's id for this link: a retried or re-synced link is recognised, never doubled.
  sample_id uuid not null unique,
  session_id uuid not null references testing_sessions (id),
  collected_at timestamptz not null,
  added_by_account_id text,
  primary key (barcode, person_id),
  unique (barcode, position)
);
create index tube_members_person_idx on tube_members (person_id);
create index tube_members_session_person_idx on tube_members (session_id, person_id);

create table shipments (
  id uuid primary key default gen_random_uuid(),
  lab_id uuid not null references labs (id),
  sender text not null,
  sender_account_id text,
  carrier text not null,
  sent_at timestamptz not null,
  received_at timestamptz,
  received_by_account_id text,
  status text not null default 'in_transit' check (status in ('in_transit', 'received')),
  tube_count int not null,
  missing_count int not null default 0,
  extra_count int not null default 0,
  -- The sender's area (common to the manifest's tubes as far as they agree).
  commune_code text,
  district_code text,
  province_code text,
  created_at timestamptz not null default now()
);
create index shipments_lab_idx on shipments (lab_id, sent_at);

-- Tubes on a manifest ('sent' → 'received' or 'missing'), and tubes the lab found but not listed ('extra').
create table shipment_tubes (
  shipment_id uuid not null references shipments (id),
  barcode text not null,
  status text not null default 'sent' check (status in ('sent', 'received', 'missing', 'extra')),
  received_at timestamptz,
  primary key (shipment_id, barcode)
);
create index shipment_tubes_barcode_idx on shipment_tubes (barcode);
