import { doseEligibility, seriesState, type VaccinationCatalogue } from '@phongdich/domain';
import type { Db, Queryable } from '../../core/db/db';
import { onEvent } from '../../core/events/handler';
import { catalogueInForce } from './vaccination.catalogue';
import { findPerson } from './vaccination.deps';
import { dosesOf } from './vaccination.doses';
import { vnDate } from './vaccination.reach';

const DISEASE = 'covid-19';

interface CountedState {
  commune_code: string;
  unit_structure: string;
  birth_year: number;
  priority_group: string;
  doses: number;
  primary_complete: boolean;
  boosters: number;
}

/** What a person adds to their commune's counts: +1 in each column they qualify for. */
const contribution = (s: CountedState) => ({
  one: s.doses > 0 ? 1 : 0,
  full: s.primary_complete ? 1 : 0,
  booster: s.boosters > 0 ? 1 : 0,
});

async function addToCounts(tx: Queryable, s: CountedState, sign: 1 | -1): Promise<void> {
  const c = contribution(s);
  if (!c.one && !c.full && !c.booster) return;
  const key = [DISEASE, s.unit_structure, s.commune_code, s.birth_year, s.priority_group];
  // Taking away is an update of a row that exists (an insert of negative counts would fail its check first).
  if (sign < 0) {
    await tx.query(
      `update vaccination_coverage set at_least_one = at_least_one - $6, full_primary = full_primary - $7,
         booster = booster - $8
       where disease = $1 and unit_structure = $2 and commune_code = $3 and birth_year = $4 and priority_group = $5`,
      [...key, c.one, c.full, c.booster],
    );
    return;
  }
  await tx.query(
    `insert into vaccination_coverage as v (disease, unit_structure, commune_code, birth_year, priority_group,
       at_least_one, full_primary, booster)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (disease, unit_structure, commune_code, birth_year, priority_group) do update set
       at_least_one = v.at_least_one + excluded.at_least_one,
       full_primary = v.full_primary + excluded.full_primary,
       booster = v.booster + excluded.booster`,
    [...key, c.one, c.full, c.booster],
  );
}

/**
 * The next dose a person is due for by the schedule in force, and from which day: the series goes on
 * with its first product, a booster with the first product its rule allows. None when the schedule has
 * no further dose or the person may not have it (age limits).
 */
export function nextDue(
  catalogue: VaccinationCatalogue,
  history: { mp: string; at: string }[],
  birth: { date: string | null; year: number },
  now: Date,
): { doseNumber: number; kind: 'primary' | 'booster'; dueFrom: string; mp: string } | null {
  if (!history.length) return null;
  const state = seriesState(catalogue, history);
  const last = history[history.length - 1]!;
  const mp = state.primaryComplete
    ? (catalogue.boosters.find((b) => b.ordinal === state.boosters + 1)?.products[0] ?? last.mp)
    : history[0]!.mp;
  let e = doseEligibility({ catalogue, history, birth, mp, at: now });
  // Not yet: ask again on the first day it may be given (age limits are judged on that day).
  if (!e.eligible && e.reason === 'TOO_SOON' && e.earliest)
    e = doseEligibility({ catalogue, history, birth, mp, at: new Date(e.earliest) });
  if (!e.eligible) return null;
  return { doseNumber: e.doseNumber, kind: e.kind, dueFrom: vnDate(new Date(e.earliest)), mp };
}

/**
 * Brings one person's next-due row and their share of the coverage counts up to date with their doses.
 * Idempotent (it recomputes from the doses and moves the counts by the difference), so a replayed event,
 * a dose from an import or a correction, or the rebuild all leave the same figures. The person's row is
 * locked first: two doses of one person handled at once cannot both subtract the same old state.
 */
export async function refreshPersonVaccination(
  tx: Queryable,
  personId: string,
  catalogue?: VaccinationCatalogue,
  now = new Date(),
): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`vaccination_state:${personId}`]);
  const person = await findPerson(tx, personId);
  const old = (
    await tx.query<CountedState>(
      `select commune_code, unit_structure, birth_year, priority_group, doses, primary_complete, boosters
       from vaccination_coverage_people where person_id = $1 and disease = $2`,
      [personId, DISEASE],
    )
  )[0];
  if (old) await addToCounts(tx, old, -1);
  const doses = person ? await dosesOf(tx, personId) : [];
  if (!person || !doses.length) {
    await tx.query('delete from vaccination_coverage_people where person_id = $1 and disease = $2', [
      personId,
      DISEASE,
    ]);
    await tx.query('delete from vaccination_next_due where person_id = $1 and disease = $2', [
      personId,
      DISEASE,
    ]);
    return;
  }
  const cat = catalogue ?? (await catalogueInForce(tx, DISEASE, now));
  // The person's priority group as recorded now (an invitation list or an officer set it).
  const group = await tx.query<{ group_code: string }>(
    'select group_code from vaccination_priority_members where person_id = $1 and disease = $2',
    [personId, DISEASE],
  );
  const history = doses.map((d) => ({ mp: d.product_mp, at: d.administered_at.toISOString() }));
  const series = seriesState(cat, history);
  const state: CountedState = {
    commune_code: person.commune_code,
    unit_structure: person.unit_structure,
    birth_year: person.birth_year,
    priority_group: group[0]?.group_code ?? '',
    doses: series.doses,
    primary_complete: series.primaryComplete,
    boosters: series.boosters,
  };
  await tx.query(
    `insert into vaccination_coverage_people (person_id, disease, commune_code, district_code, province_code,
       unit_structure, birth_year, priority_group, doses, primary_complete, boosters)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (person_id, disease) do update set commune_code = excluded.commune_code,
       district_code = excluded.district_code, province_code = excluded.province_code,
       unit_structure = excluded.unit_structure, birth_year = excluded.birth_year,
       priority_group = excluded.priority_group, doses = excluded.doses,
       primary_complete = excluded.primary_complete, boosters = excluded.boosters, updated_at = now()`,
    [
      personId,
      DISEASE,
      person.commune_code,
      person.district_code,
      person.province_code,
      person.unit_structure,
      person.birth_year,
      state.priority_group,
      state.doses,
      state.primary_complete,
      state.boosters,
    ],
  );
  await addToCounts(tx, state, 1);
  const due = nextDue(cat, history, { date: person.birth_date, year: person.birth_year }, now);
  if (!due) {
    await tx.query('delete from vaccination_next_due where person_id = $1 and disease = $2', [
      personId,
      DISEASE,
    ]);
    return;
  }
  await tx.query(
    `insert into vaccination_next_due (person_id, disease, dose_number, kind, due_from, product_mp, commune_code,
       district_code, province_code, unit_structure)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (person_id, disease) do update set dose_number = excluded.dose_number, kind = excluded.kind,
       due_from = excluded.due_from, product_mp = excluded.product_mp, commune_code = excluded.commune_code,
       district_code = excluded.district_code, province_code = excluded.province_code,
       unit_structure = excluded.unit_structure, updated_at = now()`,
    [
      personId,
      DISEASE,
      due.doseNumber,
      due.kind,
      due.dueFrom,
      due.mp,
      person.commune_code,
      person.district_code,
      person.province_code,
      person.unit_structure,
    ],
  );
}

/** Every dose, whichever its source (site, import, correction), moves the figures of its person. */
export const vaccinationFiguresHandler = onEvent(
  'vaccination.dose_recorded',
  'vaccination.figures',
  async (tx, event) => refreshPersonVaccination(tx, event.payload.personId),
);

/**
 * Recomputes every vaccinated person's state and the counts from the doses, and recounts the
 * registry's population per commune and birth year. For consistency after a catalogue change, a
 * voided dose, a move of units, or to check the incremental figures (a test compares them).
 */
export async function rebuildVaccinationFigures(db: Db, batch = 500): Promise<{ people: number }> {
  const catalogue = await catalogueInForce(db, DISEASE, new Date());
  await db.transaction(async (tx) => {
    await tx.query('delete from vaccination_coverage where disease = $1', [DISEASE]);
    await tx.query('delete from vaccination_coverage_people where disease = $1', [DISEASE]);
    await tx.query('delete from vaccination_next_due where disease = $1', [DISEASE]);
    await tx.query('delete from vaccination_population');
    await tx.query(
      `insert into vaccination_population (unit_structure, commune_code, birth_year, people)
       select unit_structure, commune_code, birth_year, count(*) from person_brief
       where commune_code is not null group by unit_structure, commune_code, birth_year`,
    );
  });
  let after = '00000000-0000-0000-0000-000000000000';
  let people = 0;
  for (;;) {
    const ids = await db.query<{ person_id: string }>(
      `select distinct person_id::text from vaccination_doses
       where disease = $1 and status = 'active' and person_id > $2 order by person_id limit $3`,
      [DISEASE, after, batch],
    );
    if (!ids.length) break;
    await db.transaction(async (tx) => {
      for (const { person_id } of ids) await refreshPersonVaccination(tx, person_id, catalogue);
    });
    people += ids.length;
    after = ids[ids.length - 1]!.person_id;
  }
  return { people };
}
