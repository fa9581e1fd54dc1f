-- Issue #10 remainders (units task).

-- Vaccination records name a unit too: the move keeps their old path, as on every other record.
alter table vaccination_sites add column moved_from_unit text;
alter table vaccination_doses add column moved_from_unit text;
alter table vaccination_adverse_events add column moved_from_unit text;

-- A view's `select *` is expanded when the view is created: declarations_all (0007) never had the
-- unit_structure (0030) and moved_from_unit (0031) columns, so readers through it could not tell
-- which map a declaration's codes are on. Both tables gained them in the same order; they are
-- appended at the view's end.
create or replace view declarations_all as
  select * from declarations
  union all
  select * from declarations_held;
