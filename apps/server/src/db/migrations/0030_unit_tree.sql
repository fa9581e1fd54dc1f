-- Units as a tree (issue #10): each unit's level name and its ancestors' materialized path
-- ('/01/001/00001/' in pre2025, '/01/00004/' in 2025), so "under unit X" is a prefix match at any depth.
alter table admin_units add column level_name text;
alter table admin_units add column path text;
create index admin_units_path_idx on admin_units (structure, path text_pattern_ops);

-- Every record naming a unit carries the structure its codes belong to (codes collide across the two
-- maps). Existing rows were written on the pre2025 map. The default is replaced at start by the
-- deployment's structure (PHONGDICH_UNIT_STRUCTURE, see core/units/deployment.ts), so writers that do
-- not name a structure write the deployment's. A constant default: adding it rewrites no table.
alter table accounts add column unit_structure text not null default 'pre2025';
alter table persons add column unit_structure text not null default 'pre2025';
alter table worklist_items add column unit_structure text not null default 'pre2025';
alter table declarations add column unit_structure text not null default 'pre2025';
-- Held copies keep every column of their table, in the same order (retention copies rows whole).
alter table declarations_held add column unit_structure text not null default 'pre2025';
alter table venues add column unit_structure text not null default 'pre2025';
alter table daily_venue_counts add column unit_structure text not null default 'pre2025';
alter table checkins add column unit_structure text not null default 'pre2025';
alter table checkins_held add column unit_structure text not null default 'pre2025';
alter table qr_card_batches add column unit_structure text not null default 'pre2025';
alter table labs add column unit_structure text not null default 'pre2025';
alter table testing_sessions add column unit_structure text not null default 'pre2025';
alter table tubes add column unit_structure text not null default 'pre2025';
alter table shipments add column unit_structure text not null default 'pre2025';
alter table pending_identities add column unit_structure text not null default 'pre2025';

-- NOT VALID: checked on every new or changed row without scanning the existing ones at upgrade.
alter table accounts add constraint accounts_unit_structure_check check (unit_structure in ('pre2025', '2025')) not valid;
alter table persons add constraint persons_unit_structure_check check (unit_structure in ('pre2025', '2025')) not valid;
alter table venues add constraint venues_unit_structure_check check (unit_structure in ('pre2025', '2025')) not valid;
alter table labs add constraint labs_unit_structure_check check (unit_structure in ('pre2025', '2025')) not valid;

-- The deployment's settings that must agree across servers (one row per name).
create table deployment_settings (
  name text primary key,
  value text not null,
  changed_at timestamptz not null default now()
);
