-- Word pairs in the name-word index (issue #11): national given-name searches at 10 million people.
--
-- person_name_words (0033) holds one entry per live person and distinct word of the folded name. A
-- search reads its rarest typed word's entries in result order and checks the other words on each
-- entry. When every typed word is common ("nguyen hung", "thi hoa") most entries read are dropped:
-- 'hung' entries sort by name, so every "bui … hung", "dang … hung", … before "nguyen …" is read
-- first (36 k entries at 10 M people, p95 728 ms national).
--
-- Now the same table also holds one entry per unordered pair of distinct words of the name, keyed
-- "a b" (the two words in C order, one space: a single word never holds a space, so the keys cannot
-- collide): three more entries for a three-word name. A search of two or more words reads its rarest
-- typed pair, whose every entry holds both words, in result order, and stops after one page; a third
-- word is checked on the entry as before. The area is on every entry, so a province or district
-- officer's search filters before reading any person.
--
-- Everything that keeps the index right goes through person_name_word_list: the insert and update
-- triggers (0033, 0060) and the bulk generator. The unit move (geo/move/move.batch.ts) updates every
-- entry of a moved person by person_id, so pair entries follow moves with no change there.
create or replace function person_name_word_list(name text) returns setof text language sql immutable as $$
  with d as (
    select w, i from unnest(string_to_array(name, ' ')) with ordinality as u (w, i)
     where w <> '' and not (w = any ((string_to_array(name, ' '))[1:i - 1]))
  )
  select w from d
  union all
  select case when a.w collate "C" < b.w collate "C" then a.w || ' ' || b.w else b.w || ' ' || a.w end
    from d a join d b on a.i < b.i
$$;

-- Backfill: the pairs of every live person in one pass over persons, with the table's indexes and
-- foreign key dropped meanwhile and rebuilt after (one sort each instead of an index insert per
-- entry, in random order: 35 million of them at 10 M people). See bench/perf/README.md for the time.
alter table person_name_words drop constraint person_name_words_person_id_fkey;
alter table person_name_words drop constraint person_name_words_pkey;
drop index person_name_words_order_idx;

insert into person_name_words (word, name_folded, person_id, unit_structure, province_code, district_code, commune_code)
select w, p.name_folded, p.id, p.unit_structure, p.province_code, p.district_code, p.commune_code
  from persons p cross join lateral person_name_word_list(p.name_folded) as w
 where p.merged_into is null and strpos(w, ' ') > 0;

alter table person_name_words add primary key (person_id, word);
alter table person_name_words add foreign key (person_id) references persons (id) on delete cascade;
create index person_name_words_order_idx on person_name_words (word, name_folded, person_id)
  include (unit_structure, province_code, district_code, commune_code);
