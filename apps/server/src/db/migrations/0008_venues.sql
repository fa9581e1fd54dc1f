-- Check-in points (venues): shops, offices, markets and their stalls, vehicles by plate; their staff;
-- the review policy per unit; and the daily per-point counts the figures read.
create table venues (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  name text not null,
  -- foldVietnamese(name), computed in application code, for search without diacritics
  name_folded text not null,
  commune_code text not null,
  -- Denormalised from the commune so jurisdiction filters need no join.
  district_code text,
  province_code text not null,
  street text,
  -- Vehicles (bus_coach, truck, ferry): normalised plate, e.g. "29B12345".
  plate_number text,
  owner_phone text not null,
  owner_account_id uuid,
  status text not null check (status in ('pending', 'active', 'suspended')),
  status_reason text,
  -- Null until an officer has looked at it: auto-approved points still wait for a review.
  reviewed_at timestamptz,
  reviewed_by_account_id uuid,
  requires_declaration_hours int,
  -- A market's stalls, a company's buses.
  parent_id uuid references venues (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version int not null default 1
);
create index venues_commune_idx on venues (commune_code, status, created_at);
create index venues_district_idx on venues (district_code, status);
create index venues_province_idx on venues (province_code, status);
create index venues_owner_idx on venues (owner_account_id);
create index venues_parent_idx on venues (parent_id);
create index venues_plate_idx on venues (plate_number) where plate_number is not null;
create index venues_name_trgm_idx on venues using gin (name_folded gin_trgm_ops);

-- Staff are named by phone: they sign in as citizens (one-time code), matched to their account then.
create table venue_staff (
  venue_id uuid not null references venues (id) on delete cascade,
  account_id uuid,
  phone text not null,
  role text not null default 'staff' check (role in ('owner', 'staff')),
  added_at timestamptz not null default now(),
  primary key (venue_id, phone)
);
create index venue_staff_phone_idx on venue_staff (phone);
create index venue_staff_account_idx on venue_staff (account_id);

-- Whether new points in a unit (province, district or commune code) wait for approval. The most
-- specific row wins; with no row, points are active at once (self-service, as in 2021).
create table venue_review_policies (
  unit_code text primary key,
  auto_approve boolean not null,
  updated_at timestamptz not null default now()
);

-- Check-ins and declarations per point and day (Vietnam time), rebuilt from the raw tables.
create table daily_venue_counts (
  day date not null,
  venue_id uuid not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  checkins int not null default 0,
  declarations int not null default 0,
  primary key (day, venue_id)
);
create index daily_venue_counts_commune_idx on daily_venue_counts (commune_code, day);
create index daily_venue_counts_district_idx on daily_venue_counts (district_code, day);
create index daily_venue_counts_province_idx on daily_venue_counts (province_code, day);

-- When each day was last rolled up, so a day is recomputed only while it can still change.
create table daily_count_refreshes (
  day date primary key,
  refreshed_at timestamptz not null
);
