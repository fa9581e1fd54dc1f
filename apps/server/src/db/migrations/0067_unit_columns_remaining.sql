-- Issue #10 (units10): the last columns naming a unit say which map their codes are on, are carried by
-- the move and keep the old path they came from, like every other record (core/units/deployment.ts
-- UNIT_TABLES): a campaign's area, an import's default commune, a venue review policy's unit.

alter table vaccination_campaigns
  add column unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  add column moved_from_unit text;
alter table vaccination_imports
  add column unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  add column moved_from_unit text;
alter table venue_review_policies
  add column unit_structure text not null default 'pre2025' check (unit_structure in ('pre2025', '2025')),
  -- The old path, or the old paths (space-separated, in order) of the former units whose settings
  -- merged into this one (a point auto-approves only if every one of them did).
  add column moved_from_unit text;

-- Rows written before this migration named their unit on the deployment's map of the time: the
-- recorded structure since it was last set, and pre2025 before (the only other map).
update vaccination_campaigns c set unit_structure = s.value
  from deployment_settings s where s.name = 'unit_structure' and s.value = '2025' and c.created_at >= s.changed_at;
update vaccination_imports i set unit_structure = s.value
  from deployment_settings s where s.name = 'unit_structure' and s.value = '2025' and i.created_at >= s.changed_at;
update venue_review_policies p set unit_structure = s.value
  from deployment_settings s where s.name = 'unit_structure' and s.value = '2025' and p.updated_at >= s.changed_at;

-- A unit is identified by structure + code: a 2021 commune's setting must not decide for the 2025
-- commune that kept its code.
alter table venue_review_policies drop constraint venue_review_policies_pkey;
alter table venue_review_policies add primary key (unit_structure, unit_code);
