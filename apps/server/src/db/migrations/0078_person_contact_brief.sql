-- Issue #9 (seams9), paid after its benchmark: checkins' "who was at this point" shows how to reach each
-- visitor, and since the seam work it asked people's personBriefs for the page's phones in a second
-- statement, which doubled the query's time (bench/checkins-query.bench.ts: 0.65x -> 0.31x of the bare
-- index read). A named read view owned by people with what a tracing list shows of each person — name,
-- birth year, phone numbers; no identity number, no address — joined once per row (two views over
-- persons would be two lookups a row); a plain view, inlined.
create view person_contact_brief as
  select id, full_name, birth_year, phones from persons;
