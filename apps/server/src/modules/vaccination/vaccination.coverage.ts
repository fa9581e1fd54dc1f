import type { CoverageFigures, CoverageRow } from '@phongdich/contracts/vaccination';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { inJurisdiction, reachOf } from '../../core/auth/jurisdiction';
import { deploymentStructure } from '../../core/units/deployment';
import type { UnitStructure } from '../../core/units/structure';
import { AppError } from '../../core/errors';

const DISEASE = 'covid-19';
/** Age bands by birth year (a person born in Y is counted as aged now.year − Y all year). */
export const AGE_BANDS = [
  { band: 'all', minAge: 0 },
  { band: '18+', minAge: 18 },
  { band: '50+', minAge: 50 },
  { band: '65+', minAge: 65 },
] as const;

interface UnitRow {
  code: string;
  level: number;
  level_name: 'province' | 'district' | 'commune';
  name: string;
  path: string;
  population: number | null;
  province_code: string;
  district_code: string | null;
}

async function unitOf(q: Queryable, structure: UnitStructure, code: string): Promise<UnitRow> {
  const rows = await q.query<UnitRow>(
    `select code, level, level_name, full_name as name, path, population, province_code, district_code from unit_brief
     where structure = $1 and code = $2`,
    [structure, code],
  );
  if (!rows[0]) throw new AppError('UNIT_NOT_FOUND');
  return rows[0];
}

/** Rows of a table keyed by (unit_structure, commune_code) under a unit (all of them for the nation). */
const under = (alias: string, pathParam: number | null) =>
  pathParam === null
    ? 'true'
    : `exists (select 1 from unit_brief u where u.structure = ${alias}.unit_structure
         and u.code = ${alias}.commune_code and u.path like $${pathParam} || '%')`;

const emptyRow = (): CoverageRow => ({ population: 0, atLeastOne: 0, fullPrimary: 0, booster: 0 });

/**
 * Coverage of one unit (or the nation when `unitCode` is null) on one map: people with at least one
 * dose, a full primary series and a booster, by age band and priority group, over the registry's
 * population (counted by the rebuild) and, for a province or the nation, the 2019 census. Reads the
 * maintained counts (a few rows per commune and birth year), never the doses. The epidemic-level rules
 * read "adults with ≥ 1 dose" and "older people fully vaccinated" from `bands`.
 */
export async function coverageOf(
  q: Queryable,
  opts: { structure: UnitStructure; unitCode: string | null; at?: Date },
): Promise<CoverageFigures> {
  const year = (opts.at ?? new Date()).getUTCFullYear();
  const unit = opts.unitCode ? await unitOf(q, opts.structure, opts.unitCode) : null;
  const params: string[] = [DISEASE, opts.structure];
  const pathParam = unit ? params.push(unit.path) : null;
  const counts = await q.query<{
    birth_year: number;
    priority_group: string;
    one: string;
    full: string;
    booster: string;
  }>(
    `select c.birth_year, c.priority_group, sum(c.at_least_one)::text as one, sum(c.full_primary)::text as full,
       sum(c.booster)::text as booster
     from vaccination_coverage c where c.disease = $1 and c.unit_structure = $2 and ${under('c', pathParam)}
     group by c.birth_year, c.priority_group`,
    params,
  );
  const population = await q.query<{ birth_year: number; people: string }>(
    `select p.birth_year, sum(p.people)::text as people from vaccination_population p
     where p.unit_structure = $2 and ${under('p', pathParam)} and $1::text is not null group by p.birth_year`,
    params,
  );
  const bands = AGE_BANDS.map(({ band, minAge }) => {
    const row = emptyRow();
    const inBand = (birthYear: number) => year - birthYear >= minAge;
    for (const c of counts)
      if (inBand(c.birth_year)) {
        row.atLeastOne += Number(c.one);
        row.fullPrimary += Number(c.full);
        row.booster += Number(c.booster);
      }
    for (const p of population) if (inBand(p.birth_year)) row.population += Number(p.people);
    return { band, ...row };
  });
  const groups = new Map<string, CoverageRow>();
  for (const c of counts) {
    if (!c.priority_group) continue;
    const g = groups.get(c.priority_group) ?? emptyRow();
    g.atLeastOne += Number(c.one);
    g.fullPrimary += Number(c.full);
    g.booster += Number(c.booster);
    groups.set(c.priority_group, g);
  }
  // A group's population: its recorded members living in the unit (vaccination_priority_members).
  const members = await q.query<{ group_code: string; n: string }>(
    `select m.group_code, count(*)::text as n from vaccination_priority_members m join person_brief p on p.id = m.person_id
     where m.disease = $1 and p.unit_structure = $2 and p.merged_into is null and ${under('p', pathParam)}
     group by m.group_code`,
    params,
  );
  for (const m of members) {
    const g = groups.get(m.group_code) ?? emptyRow();
    g.population = Number(m.n);
    groups.set(m.group_code, g);
  }
  const census =
    unit === null
      ? Number(
          (
            await q.query<{ n: string | null }>(
              'select sum(population)::text as n from unit_brief where structure = $1 and level = 1',
              [opts.structure],
            )
          )[0]?.n ?? 0,
        ) || null
      : unit.level_name === 'province'
        ? unit.population
        : null;
  const aefi = await q.query<{ severity: string; n: string }>(
    `select a.severity, count(*)::text as n from vaccination_adverse_events a
     where a.unit_structure = $2 and ${under('a', pathParam)} and $1::text is not null group by a.severity`,
    params,
  );
  const children = await q.query<{ code: string; name: string; one: string; full: string; booster: string }>(
    `select ch.code, ch.full_name as name, coalesce(sum(c.at_least_one), 0)::text as one,
       coalesce(sum(c.full_primary), 0)::text as full, coalesce(sum(c.booster), 0)::text as booster
     from unit_brief ch
     left join unit_brief u on u.structure = ch.structure and u.path like ch.path || '%' and u.level_name = 'commune'
     left join vaccination_coverage c on c.unit_structure = u.structure and c.commune_code = u.code and c.disease = $1
     where ch.structure = $2 and ${unit ? 'ch.parent_code = $3' : 'ch.level = 1'}
     group by ch.code, ch.full_name order by ch.code`,
    unit ? [DISEASE, opts.structure, unit.code] : [DISEASE, opts.structure],
  );
  const childPopulation = await q.query<{ code: string; people: string }>(
    `select ch.code, coalesce(sum(p.people), 0)::text as people from unit_brief ch
     join unit_brief u on u.structure = ch.structure and u.path like ch.path || '%' and u.level_name = 'commune'
     join vaccination_population p on p.unit_structure = u.structure and p.commune_code = u.code
     where ch.structure = $1 and ${unit ? 'ch.parent_code = $2' : 'ch.level = 1'} group by ch.code`,
    unit ? [opts.structure, unit.code] : [opts.structure],
  );
  const popOf = new Map(childPopulation.map((r) => [r.code, Number(r.people)]));
  const severities = { mild: 0, moderate: 0, serious: 0 };
  for (const a of aefi) severities[a.severity as keyof typeof severities] = Number(a.n);
  return {
    structure: opts.structure,
    unit: unit ? { code: unit.code, name: unit.name, level: unit.level } : null,
    census,
    bands,
    priorityGroups: [...groups].map(([group, row]) => ({ group, ...row })),
    children: children.map((c) => ({
      code: c.code,
      name: c.name,
      population: popOf.get(c.code) ?? 0,
      atLeastOne: Number(c.one),
      fullPrimary: Number(c.full),
      booster: Number(c.booster),
    })),
    adverseEvents: severities,
  };
}

/** The share (0–1) of a band's population with a figure; null when the population is not counted. */
export function coverageShare(
  f: CoverageFigures,
  band: (typeof AGE_BANDS)[number]['band'],
  of: 'atLeastOne' | 'fullPrimary' | 'booster',
): number | null {
  const row = f.bands.find((b) => b.band === band)!;
  return row.population ? row[of] / row.population : null;
}

/** For the epidemic-level rules: adults (≥ 18) with at least one dose, and older people (≥ 65) fully vaccinated. */
export async function epidemicCoverage(
  q: Queryable,
  opts: { structure: UnitStructure; unitCode: string | null },
): Promise<{ adultsOneDose: number | null; olderFullyVaccinated: number | null }> {
  const f = await coverageOf(q, opts);
  return {
    adultsOneDose: coverageShare(f, '18+', 'atLeastOne'),
    olderFullyVaccinated: coverageShare(f, '65+', 'fullPrimary'),
  };
}

export function coverageService(db: Db) {
  return {
    /** Aggregates of the caller's area (their own unit unless they name one inside it). */
    async read(ctx: AuditContext, query: { unitCode?: string; structure?: UnitStructure }) {
      authorize(ctx.actor, 'stats.readAggregates');
      const structure = query.structure ?? (await deploymentStructure(db));
      const reach = reachOf(ctx.actor);
      const unitCode = query.unitCode ?? (reach.kind === 'under' ? reach.code : null);
      if (unitCode === null) {
        if (reach.kind !== 'all') throw new AppError('FORBIDDEN', undefined, 'national figures');
      } else {
        const unit = await unitOf(db, structure, unitCode);
        const loc = {
          provinceCode: unit.province_code,
          districtCode: unit.level_name === 'district' ? unit.code : unit.district_code,
          communeCode: unit.level_name === 'commune' ? unit.code : null,
          structure,
        };
        if (!inJurisdiction(ctx.actor, loc)) throw new AppError('FORBIDDEN', undefined, 'unit outside area');
      }
      const figures = await coverageOf(db, { structure, unitCode });
      await recordAudit(db, ctx, { action: 'vaccination.coverage.read', details: { unitCode, structure } });
      return figures;
    },
  };
}
