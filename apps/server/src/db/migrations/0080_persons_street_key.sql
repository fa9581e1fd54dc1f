-- Issue #13: a case's household (people.household.ts, householdOf) is its family links and everyone
-- at the same street line of the same commune, compared without case and spacing. That compared the
-- street of every person of the commune, for each case (a city ward has 50,000 people or more). An
-- index on the commune and the normalised street line makes it a lookup; the query uses the same
-- expression. Owner: modules/people.
create index persons_street_key_idx
  on persons (unit_structure, commune_code, (lower(regexp_replace(trim(street), '\s+', ' ', 'g'))))
  where merged_into is null and street is not null;
