-- Vaccination (issue #12, first slice): the catalogue as versioned data, lots, sites, campaigns, slots,
-- bookings, screenings, doses, adverse events and vaccination certificates.
-- No foreign keys to other modules' tables (persons, accounts): plain columns keep migrations independent.

-- One row per catalogue version of a disease; never updated: an edit is a new version.
create table vaccine_catalogues (
  id uuid primary key default gen_random_uuid(),
  disease text not null,
  version text not null,
  effective_from timestamptz not null,
  body jsonb not null,
  created_by_account_id text,
  created_at timestamptz not null default now(),
  unique (disease, version),
  unique (disease, effective_from)
);

-- Vaccination sites: fixed health stations, mobile teams, hospitals. Vaccinator accounts carry
-- `facility_id = vaccination_sites.id`.
create table vaccination_sites (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('fixed', 'mobile', 'hospital')),
  commune_code text not null,
  district_code text,
  province_code text not null,
  -- the map the codes belong to (0030): jurisdiction compares structure and code; the deployment sets the default
  unit_structure text not null default 'pre2025',
  daily_capacity integer not null check (daily_capacity > 0),
  opens_at time not null,
  closes_at time not null,
  created_at timestamptz not null default now()
);
create index vaccination_sites_commune_idx on vaccination_sites (commune_code);

-- A lot is held by a site; `remaining` goes down with each dose and can never go below zero.
create table vaccine_lots (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references vaccination_sites (id),
  product_mp text not null,
  lot_number text not null,
  expires_on date not null,
  quantity integer not null check (quantity > 0),
  remaining integer not null check (remaining >= 0 and remaining <= quantity),
  created_at timestamptz not null default now(),
  unique (site_id, product_mp, lot_number)
);

create table vaccination_campaigns (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  disease text not null,
  products text[] not null,
  target_groups text[] not null,
  -- The area the campaign covers: a unit code of any level (2, 3 or 5 digits).
  area_code text not null,
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  created_at timestamptz not null default now()
);

create table vaccination_slots (
  id uuid primary key default gen_random_uuid(),
  site_id uuid not null references vaccination_sites (id),
  campaign_id uuid not null references vaccination_campaigns (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  capacity integer not null check (capacity > 0),
  -- Counted in the booking's own statement, so a slot is never over-booked (see bookings.repository).
  booked integer not null default 0 check (booked >= 0 and booked <= capacity),
  unique (site_id, starts_at)
);
create index vaccination_slots_campaign_idx on vaccination_slots (campaign_id, starts_at);

create table vaccination_bookings (
  id uuid primary key default gen_random_uuid(),
  slot_id uuid not null references vaccination_slots (id),
  site_id uuid not null references vaccination_sites (id),
  person_id uuid not null,
  booked_by_account_id text not null,
  status text not null default 'booked' check (status in ('booked', 'arrived', 'cancelled')),
  created_at timestamptz not null default now(),
  arrived_at timestamptz
);
-- One live booking per person and campaign slot day is enough; one per slot is the hard rule.
create unique index vaccination_bookings_once_idx on vaccination_bookings (slot_id, person_id)
  where status <> 'cancelled';
create index vaccination_bookings_person_idx on vaccination_bookings (person_id);

create table vaccination_screenings (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null unique,
  person_id uuid not null,
  site_id uuid not null references vaccination_sites (id),
  question_set_version text not null,
  answers jsonb not null,
  outcome text not null check (outcome in ('vaccinate', 'postpone', 'refer_hospital', 'contraindicated')),
  decision text not null check (decision in ('vaccinate', 'postpone', 'refer_hospital', 'contraindicated')),
  postpone_until date,
  reason text,
  screened_by_account_id text not null,
  screened_at timestamptz not null,
  created_at timestamptz not null default now()
);
create index vaccination_screenings_person_idx on vaccination_screenings (person_id, screened_at);

-- Doses from every source: given at a site, imported from a province's list, or a citizen's accepted
-- correction. A voided dose stays (history); only active doses count.
create table vaccination_doses (
  id uuid primary key default gen_random_uuid(),
  -- Chosen by the device that recorded it: a retried sync is the same dose.
  client_id uuid not null unique,
  person_id uuid not null,
  disease text not null,
  product_mp text not null,
  lot_id uuid references vaccine_lots (id),
  lot_number text,
  dose_number smallint not null check (dose_number > 0),
  site_id uuid references vaccination_sites (id),
  vaccinator_account_id text,
  screening_id uuid references vaccination_screenings (id),
  administered_at timestamptz not null,
  -- The day in Viet Nam: two devices recording the same person on the same day recorded one dose.
  administered_on date not null,
  source text not null check (source in ('site', 'import', 'correction')),
  status text not null default 'active' check (status in ('active', 'voided')),
  -- Rules the dose broke when it was recorded (e.g. given before the minimum interval): kept, flagged.
  flags text[] not null default '{}',
  commune_code text,
  district_code text,
  province_code text,
  unit_structure text not null default 'pre2025',
  recorded_by_account_id text,
  created_at timestamptz not null default now()
);
create unique index vaccination_doses_one_a_day_idx on vaccination_doses (person_id, disease, administered_on)
  where status = 'active';
create unique index vaccination_doses_number_idx on vaccination_doses (person_id, disease, dose_number)
  where status = 'active';
create index vaccination_doses_site_idx on vaccination_doses (site_id, administered_at);

create table vaccination_adverse_events (
  id uuid primary key default gen_random_uuid(),
  client_id uuid not null unique,
  person_id uuid not null,
  dose_id uuid references vaccination_doses (id),
  site_id uuid references vaccination_sites (id),
  symptoms text[] not null,
  onset_at timestamptz not null,
  severity text not null check (severity in ('mild', 'moderate', 'serious')),
  reported_by text not null check (reported_by in ('site', 'citizen')),
  reporter_account_id text not null,
  note text,
  commune_code text,
  district_code text,
  province_code text,
  unit_structure text not null default 'pre2025',
  created_at timestamptz not null default now()
);
create index vaccination_adverse_events_person_idx on vaccination_adverse_events (person_id);

-- The certificate in force is the latest one not revoked (revocations table, type 'DCC').
create table vaccination_certificates (
  id uuid primary key default gen_random_uuid(),
  uvci text not null unique,
  person_id uuid not null,
  dose_id uuid not null references vaccination_doses (id),
  hc1 text not null,
  kid text not null,
  issued_at timestamptz not null,
  expires_at timestamptz not null
);
create index vaccination_certificates_person_idx on vaccination_certificates (person_id, issued_at);
