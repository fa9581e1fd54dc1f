-- Administrative units (tỉnh / huyện / xã) in two structures: 'pre2025' (3 levels, the primary one used
-- across the platform) and '2025' (2 levels since 1/7/2025: province → commune, no districts).
create table admin_units (
  structure text not null check (structure in ('pre2025', '2025')),
  code text not null,
  level smallint not null check (level between 1 and 3),
  parent_code text,
  province_code text not null,
  district_code text,
  name text not null,
  -- foldVietnamese(name) / foldVietnamese(full_name): search without diacritics or case
  name_folded text not null,
  full_name_folded text not null,
  name_en text not null,
  full_name text not null,
  full_name_en text not null,
  type text not null,
  population int,
  primary key (structure, code)
);
create index admin_units_children_idx on admin_units (structure, parent_code, code);
create index admin_units_level_idx on admin_units (structure, level, code);
-- exact and prefix (LIKE 'abc%') matches on the folded names
create index admin_units_name_prefix_idx on admin_units (structure, name_folded text_pattern_ops);
create index admin_units_full_name_prefix_idx on admin_units (structure, full_name_folded text_pattern_ops);
-- fuzzy matches (pg_trgm, enabled in 0001)
create index admin_units_name_trgm_idx on admin_units using gin (name_folded gin_trgm_ops);
create index admin_units_full_name_trgm_idx on admin_units using gin (full_name_folded gin_trgm_ops);

-- Which 2025 unit(s) each pre-2025 unit went into. Codes of different levels never collide (2, 3 or 5
-- digits). No foreign keys: a few codes in the mapping changed again before or after the cut-offs.
create table admin_unit_mapping_2025 (
  old_code text not null,
  old_level smallint not null check (old_level between 1 and 3),
  old_name text not null,
  new_code text not null,
  new_name text not null,
  -- the old unit was split across several new units: only part of it lies in this one
  partial boolean not null,
  primary key (old_code, new_code)
);
create index admin_unit_mapping_2025_new_idx on admin_unit_mapping_2025 (new_code);

-- Versions of the reference data sets loaded, so loading at start is idempotent and reloads on change.
create table reference_data (
  name text primary key,
  version text not null,
  loaded_at timestamptz not null default now()
);
