-- Visitors whose chip ID card (or BHYT card) a venue scanned but who are not in the person registry
-- (issue #7 §2): the visit is recorded against a pending identity holding the card's data, and a
-- commune officer of the venue's area confirms it as a new person or merges it into an existing one.
-- Its id stands in as the check-ins' person_id until then; resolving repoints those check-ins.
create table pending_identities (
  id uuid primary key default gen_random_uuid(),
  method text not null check (method in ('cccd', 'bhyt')),
  -- The card's data as a person input (name, birth, sex, ID numbers, address), validated when scanned.
  card jsonb not null,
  cccd text,
  bhyt text,
  full_name text not null,
  birth_year int,
  -- Where it was scanned: the venue's area decides which officers review it.
  venue_id uuid not null,
  commune_code text not null,
  district_code text,
  province_code text not null,
  created_by_account_id uuid,
  created_at timestamptz not null default now(),
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'merged')),
  -- The person it became (confirmed) or was merged into.
  person_id uuid,
  resolved_by_account_id uuid,
  resolved_at timestamptz
);
-- One pending identity per card: a second scan (any venue) finds the first.
create unique index pending_identities_cccd_idx on pending_identities (cccd)
  where status = 'pending' and cccd is not null;
create unique index pending_identities_bhyt_idx on pending_identities (bhyt)
  where status = 'pending' and bhyt is not null;
create index pending_identities_commune_idx on pending_identities (commune_code, status, created_at);
create index pending_identities_district_idx on pending_identities (district_code, status, created_at);
create index pending_identities_province_idx on pending_identities (province_code, status, created_at);
