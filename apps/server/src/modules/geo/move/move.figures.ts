import type { Queryable } from '../../../core/db/db';

/**
 * The vaccination figures count people per (unit_structure, commune): once the move has carried the
 * people and their counted states, the counts are recounted from them in the finishing transaction
 * — coverage from vaccination_coverage_people, the population from persons, as the vaccination
 * rebuild counts them. The counts are locked against the dose handler's writes meanwhile: a dose
 * handled at the same time waits, then moves the recounted figures by its own difference.
 */
export async function recountVaccinationFigures(tx: Queryable): Promise<number> {
  await tx.query('lock table vaccination_coverage, vaccination_population in share row exclusive mode');
  await tx.query('delete from vaccination_coverage');
  const rows = await tx.query<{ n: number }>(
    `with counted as (
       insert into vaccination_coverage (disease, unit_structure, commune_code, birth_year, priority_group,
         at_least_one, full_primary, booster)
       select disease, unit_structure, commune_code, birth_year, priority_group, count(*) filter (where doses > 0),
         count(*) filter (where primary_complete), count(*) filter (where boosters > 0)
       from vaccination_coverage_people group by disease, unit_structure, commune_code, birth_year, priority_group
       returning 1
     ) select count(*)::int as n from counted`,
  );
  // Only a population already counted is recounted (the rebuild counts it first; none is not zero).
  const counted = await tx.query('select 1 from vaccination_population limit 1');
  if (counted.length) {
    await tx.query('delete from vaccination_population');
    await tx.query(
      `insert into vaccination_population (unit_structure, commune_code, birth_year, people)
       select unit_structure, commune_code, birth_year, count(*) from persons
       where commune_code is not null group by unit_structure, commune_code, birth_year`,
    );
  }
  return rows[0]?.n ?? 0;
}

/**
 * A reviewed record that a figure counts moves its share with it, before the record itself is
 * updated to `commune` (one person: a recount of every commune for each choice would not do).
 */
export async function moveResolvedShare(
  tx: Queryable,
  table: string,
  key: string,
  commune: string,
): Promise<void> {
  if (table === 'persons')
    await tx.query(
      `with p as (
         select unit_structure, commune_code, birth_year from persons
         where id = $1::uuid and unit_structure = 'pre2025' and commune_code is not null
       ), taken as (
         update vaccination_population v set people = v.people - 1 from p
         where v.unit_structure = p.unit_structure and v.commune_code = p.commune_code
           and v.birth_year = p.birth_year and v.people > 0
         returning p.birth_year
       )
       insert into vaccination_population as v (unit_structure, commune_code, birth_year, people)
       select '2025', $2, birth_year, 1 from taken
       on conflict (unit_structure, commune_code, birth_year) do update set people = v.people + 1`,
      [key, commune],
    );
  if (table === 'vaccination_coverage_people')
    await tx.query(
      `with s as (
         select disease, unit_structure, commune_code, birth_year, priority_group, (doses > 0)::int as one,
           primary_complete::int as complete, (boosters > 0)::int as booster
         from vaccination_coverage_people where person_id = $1::uuid and unit_structure = 'pre2025'
       ), taken as (
         update vaccination_coverage c set at_least_one = c.at_least_one - s.one,
           full_primary = c.full_primary - s.complete, booster = c.booster - s.booster
         from s where c.disease = s.disease and c.unit_structure = s.unit_structure
           and c.commune_code = s.commune_code and c.birth_year = s.birth_year and c.priority_group = s.priority_group
         returning s.*
       )
       insert into vaccination_coverage as c (disease, unit_structure, commune_code, birth_year, priority_group,
         at_least_one, full_primary, booster)
       select disease, '2025', $2, birth_year, priority_group, one, complete, booster from taken
       on conflict (disease, unit_structure, commune_code, birth_year, priority_group) do update set
         at_least_one = c.at_least_one + excluded.at_least_one, full_primary = c.full_primary + excluded.full_primary,
         booster = c.booster + excluded.booster`,
      [key, commune],
    );
}
