-- The people registry: one record per person, shared by every module.
create table persons (
  id uuid primary key default gen_random_uuid(),
  full_name text not null,
  -- foldVietnamese(full_name), computed in application code: "Nguyễn Văn Đặng" → "nguyen van dang"
  name_folded text not null,
  birth_date date,
  birth_year smallint not null,
  sex text not null check (sex in ('male', 'female', 'other')),
  nationality char(2) not null default 'VN',
  cccd text,
  cmnd text,
  passport text,
  bhyt text,
  phones text[] not null default '{}',
  commune_code text not null,
  -- Denormalised from the commune so jurisdiction filters need no join.
  district_code text,
  province_code text not null,
  street text,
  merged_into uuid references persons (id),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  created_by text
);

-- One live record per identity number: a unique index (not a check-then-insert) makes concurrent
-- creations of the same person fail instead of both succeeding. Merged records step aside.
create unique index persons_cccd_uq on persons (cccd) where cccd is not null and merged_into is null;
create unique index persons_cmnd_uq on persons (cmnd) where cmnd is not null and merged_into is null;
create unique index persons_bhyt_uq on persons (bhyt) where bhyt is not null and merged_into is null;
-- Passport numbers are only unique per issuing country, so this one is not unique.
create index persons_passport_idx on persons (passport) where passport is not null;
create index persons_phones_idx on persons using gin (phones);
-- The last 10 BHYT digits are the lifelong social insurance number: a new card (other group or level)
-- for the same person is a duplicate even though the full numbers differ.
create index persons_bhyt_sin_idx on persons (substr(bhyt, 6)) where bhyt is not null;

-- Name search at 10 million people. Two indexes, the planner picks per query:
-- * a btree on (name_folded collate "C", id): serves a full-name prefix ("nguyen van an…") and, above
--   all, the keyset order of the results, so a page is read in index order and stops after `limit`
--   rows instead of sorting every match (a common name matches hundreds of thousands of people).
--   Folded names are plain ASCII, so byte order is also the natural order.
-- * a trigram GIN on name_folded: serves matches on any part of the name ("van an", a given name).
-- Both combine (bitmap AND) with the btree indexes on the jurisdiction columns and birth year below,
-- which is what makes a commune or district officer's search cheap even for the most common names.
-- Full-text search was rejected: Vietnamese names are short syllable sequences where word order
-- matters and stemming has nothing to do; trigram + prefix fit the queries officers actually type.
create index persons_name_order_idx on persons (name_folded collate "C", id);
create index persons_name_trgm_idx on persons using gin (name_folded gin_trgm_ops);
create index persons_birth_year_idx on persons (birth_year);
create index persons_commune_idx on persons (commune_code);
create index persons_district_idx on persons (district_code);
create index persons_province_idx on persons (province_code);
create index persons_merged_into_idx on persons (merged_into) where merged_into is not null;

-- Family members declared by a person (e.g. a parent declaring a child with no phone).
create table person_family_links (
  person_id uuid not null references persons (id),
  member_id uuid not null references persons (id),
  relation text not null,
  created_at timestamptz not null default now(),
  primary key (person_id, member_id),
  check (person_id <> member_id)
);
create index person_family_links_member_idx on person_family_links (member_id);

-- What changed on a record and who did it (field names and old/new values of non-secret fields).
create table person_history (
  id bigserial primary key,
  person_id uuid not null references persons (id),
  at timestamptz not null default now(),
  actor_account_id text,
  kind text not null check (kind in ('create', 'update', 'merge', 'merged_into', 'family_link')),
  changes jsonb not null default '{}'::jsonb
);
create index person_history_person_idx on person_history (person_id, id);
