-- Issue #9 (seams-vacc): vaccination's coverage figures sum the communes under a unit and list a
-- unit's children with the census population, so unit_brief also shows where a unit sits in the tree
-- (parent_code, path: the materialised path of 0030, matched with `like path || '%'`) and its census
-- population (public figures). Columns are only added at the end, so `create or replace` keeps every
-- reader of 0069 working; still a plain view, inlined by the planner (admin_units_children_idx and the
-- primary key serve it as before).
create or replace view unit_brief as
  select structure, code, level, level_name, name, full_name, province_code, district_code, parent_code, path,
         population
  from admin_units;
