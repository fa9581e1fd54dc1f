-- Issue #10 (units task, round 6): the move at 10 million people, and every record naming a unit.

-- Tracing, cases and vaccination records name a unit too (UNIT_TABLES); the move now carries them and
-- keeps their old path, as on every other record.
alter table cases add column moved_from_unit text;
alter table contacts add column moved_from_unit text;
alter table clusters add column moved_from_unit text;
alter table traced_cases add column moved_from_unit text;
alter table vaccination_corrections add column moved_from_unit text;
alter table vaccination_next_due add column moved_from_unit text;
alter table vaccination_coverage_people add column moved_from_unit text;

-- The name-word entries follow a person's name, liveness and area. The move rewrites areas by key
-- range: it updates the entries of its range itself in one set-based statement (a merge of two key
-- ranges, move.batch.ts) and says so with the transaction-local setting
-- phongdich.name_words_by_caller, instead of this trigger joining the batch's old and new rows
-- (transition tables have no index) and probing each person's entries. A column list (`update of
-- name_folded, …`) would spare other updates the trigger, but PostgreSQL allows no column list on a
-- trigger with transition tables.
create or replace function person_name_words_changed() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('phongdich.name_words_by_caller', true), '') = 'on' then
    return null;
  end if;
  update person_name_words x
     set unit_structure = n.unit_structure, province_code = n.province_code,
         district_code = n.district_code, commune_code = n.commune_code
    from old_rows o join new_rows n on n.id = o.id
   where x.person_id = n.id and n.merged_into is null and o.merged_into is null
     and o.name_folded = n.name_folded
     and (o.unit_structure, o.province_code, o.district_code, o.commune_code)
         is distinct from (n.unit_structure, n.province_code, n.district_code, n.commune_code);
  delete from person_name_words x
   using old_rows o join new_rows n on n.id = o.id
   where x.person_id = o.id
     and (o.name_folded is distinct from n.name_folded or (o.merged_into is null) <> (n.merged_into is null));
  insert into person_name_words (word, name_folded, person_id, unit_structure, province_code, district_code, commune_code)
  select w, n.name_folded, n.id, n.unit_structure, n.province_code, n.district_code, n.commune_code
    from new_rows n join old_rows o on o.id = n.id
         cross join lateral person_name_word_list(n.name_folded) as w
   where n.merged_into is null
     and (o.name_folded is distinct from n.name_folded or (o.merged_into is null) <> (n.merged_into is null));
  return null;
end
$$;
