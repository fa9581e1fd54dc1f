-- Given-name searches ("van an", "thi hoa") at national scale. The GIN index on the name's words
-- (0013) answers them by intersecting the posting lists of every typed word (a fifth of the country
-- is "thi" or "van"), then fetching and sorting every match to return the first page: p95 256 ms,
-- p99 1.4 s at 10 million people.
--
-- Instead, one row per (live person, distinct word of the folded name), ordered by word, then the
-- person's folded name and id: the keyset order of the results. A search reads the entries of its
-- rarest typed word in result order, keeps those whose name holds every other typed word (checked on
-- the index entry itself: the folded name is in it) and stops after one page. The area codes are in
-- the index entry too, so a province or district officer's search filters before any heap access.
-- Kept by statement-level triggers on persons, so every writer (service, merges, imports, demo and
-- bulk generators) keeps it right with no code of its own.
create table person_name_words (
  word text collate "C" not null,
  name_folded text collate "C" not null,
  person_id uuid not null,
  -- the map the area codes below belong to (0030): jurisdiction compares structure and code
  unit_structure text not null,
  province_code text not null,
  district_code text,
  commune_code text not null
);

-- The distinct words of a folded name, in order ("thu thu" once): no sort, so the backfill and the
-- triggers stay linear.
create function person_name_word_list(name text) returns setof text language sql immutable as $$
  select w from unnest(string_to_array(name, ' ')) with ordinality as u (w, i)
   where w <> '' and not (w = any ((string_to_array(name, ' '))[1:i - 1]))
$$;

-- Filled before its indexes and foreign key are made: one pass each instead of a lookup per row
-- (minutes at 10 million people otherwise).
insert into person_name_words (word, name_folded, person_id, unit_structure, province_code, district_code, commune_code)
select w, p.name_folded, p.id, p.unit_structure, p.province_code, p.district_code, p.commune_code
  from persons p cross join lateral person_name_word_list(p.name_folded) as w
 where p.merged_into is null;

alter table person_name_words add primary key (person_id, word);
alter table person_name_words add foreign key (person_id) references persons (id) on delete cascade;
create index person_name_words_order_idx on person_name_words (word, name_folded, person_id)
  include (unit_structure, province_code, district_code, commune_code);
-- Which typed word is rarest is read from the statistics: keep the frequency of every common word.
alter table person_name_words alter column word set statistics 5000;

create function person_name_words_added() returns trigger language plpgsql as $$
begin
  insert into person_name_words (word, name_folded, person_id, unit_structure, province_code, district_code, commune_code)
  select w, n.name_folded, n.id, n.unit_structure, n.province_code, n.district_code, n.commune_code
    from new_rows n cross join lateral person_name_word_list(n.name_folded) as w
   where n.merged_into is null;
  return null;
end
$$;

-- Only rows whose name, area or liveness changed are rewritten (most updates touch none of them).
create function person_name_words_changed() returns trigger language plpgsql as $$
begin
  delete from person_name_words x
   using old_rows o join new_rows n on n.id = o.id
   where x.person_id = o.id
     and (o.name_folded, o.unit_structure, o.province_code, o.district_code, o.commune_code, o.merged_into is null)
         is distinct from (n.name_folded, n.unit_structure, n.province_code, n.district_code, n.commune_code, n.merged_into is null);
  insert into person_name_words (word, name_folded, person_id, unit_structure, province_code, district_code, commune_code)
  select w, n.name_folded, n.id, n.unit_structure, n.province_code, n.district_code, n.commune_code
    from new_rows n join old_rows o on o.id = n.id
         cross join lateral person_name_word_list(n.name_folded) as w
   where n.merged_into is null
     and (o.name_folded, o.unit_structure, o.province_code, o.district_code, o.commune_code, o.merged_into is null)
         is distinct from (n.name_folded, n.unit_structure, n.province_code, n.district_code, n.commune_code, n.merged_into is null);
  return null;
end
$$;

create trigger persons_name_words_added after insert on persons
  referencing new table as new_rows for each statement execute function person_name_words_added();
create trigger persons_name_words_changed after update on persons
  referencing old table as old_rows new table as new_rows
  for each statement execute function person_name_words_changed();

-- Nothing searches the words through the GIN index any more, and it was the costliest to maintain.
drop index if exists persons_name_words_idx;
