-- Issue #9 (seams9): `system` names the platform itself at work (event handlers, jobs, the demo seed,
-- the command line) in the audit log. No account may carry it, so nobody signs in as the system.
alter table accounts add constraint accounts_role_not_system check (role <> 'system');

-- Issue #9 (seams9): named read views, where another module's list must join a person, an account, a
-- unit or a point in its own SQL (to filter or page by it). Each is owned by the module of its table
-- (docs/architecture.md) and shows only what such lists need; the owner may change its table behind
-- it. Plain views: the planner inlines them (an unused left join to a unique key is removed).
create view person_brief as
  select p.id, p.full_name, p.name_folded, p.birth_year, p.unit_structure, p.province_code, p.district_code,
         p.commune_code, p.merged_into, u.full_name as commune_name
  from persons p left join admin_units u on u.structure = p.unit_structure and u.code = p.commune_code;
create view account_brief as
  select id, kind, username, display_name from accounts;
create view unit_brief as
  select structure, code, level, level_name, name, full_name, province_code, district_code from admin_units;
create view venue_brief as
  select id, name, unit_structure, province_code, district_code, commune_code from venues;
