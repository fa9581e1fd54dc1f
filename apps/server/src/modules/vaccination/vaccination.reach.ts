import type { Queryable } from '../../core/db/db';
import type { LevelName, UnitStructure } from '../../core/units/structure';
import type { AuditContext } from '../../core/audit/audit';
import {
  inJurisdiction,
  liesWithin,
  rowLocation,
  type Location,
  type Reach,
} from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';

export interface SiteRow {
  id: string;
  name: string;
  kind: 'fixed' | 'mobile' | 'hospital';
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  daily_capacity: number;
  opens_at: string;
  closes_at: string;
}

export async function findSite(q: Queryable, id: string): Promise<SiteRow> {
  const rows = await q.query<SiteRow>(
    `select id::text, name, kind, commune_code, district_code, province_code, unit_structure, daily_capacity,
       to_char(opens_at, 'HH24:MI') as opens_at, to_char(closes_at, 'HH24:MI') as closes_at
     from vaccination_sites where id = $1`,
    [id],
  );
  if (!rows[0]) throw new AppError('VACCINATION_SITE_NOT_FOUND');
  return rows[0];
}

export const siteLocation = (s: SiteRow) => rowLocation(s);

/**
 * Who may work with a site's people: its own vaccinators (accounts whose facility is the site) and
 * officers whose area holds the site. Checked after the site is found, so an unknown id is a 404.
 */
export function assertSiteReach(ctx: AuditContext, site: SiteRow): void {
  const a = ctx.actor;
  if (a.kind !== 'staff' && a.kind !== 'machine') throw new AppError('FORBIDDEN');
  if (a.role === 'vaccinator') {
    if (a.facilityId !== site.id) throw new AppError('FORBIDDEN', undefined, 'vaccinator of another site');
    return;
  }
  if (!inJurisdiction(a, siteLocation(site))) throw new AppError('FORBIDDEN', undefined, 'site outside area');
}

/** The calendar day in Viet Nam (UTC+7, no daylight saving) of an instant, as yyyy-mm-dd. */
export function vnDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A campaign's area as its row names it: a unit of any level on one map (its level looked up; null: unknown). */
export interface CampaignArea {
  area_code: string;
  unit_structure: UnitStructure;
  area_level: LevelName | null;
}

/** The columns of a `CampaignArea`, from a vaccination_campaigns row aliased `alias`. */
export const campaignAreaSql = (alias: string) =>
  `${alias}.area_code, ${alias}.unit_structure, (select u.level_name from unit_brief u
     where u.structure = ${alias}.unit_structure and u.code = ${alias}.area_code) as area_level`;

/**
 * Whether a campaign's area holds a location: the one jurisdiction rule, map included (a 2021
 * district's campaign does not hold a 2025 commune that has the same digits; a moved site is in the
 * moved campaign's area).
 */
export function areaHolds(area: CampaignArea, loc: Location): boolean {
  const reach: Reach = area.area_level
    ? { kind: 'under', structure: area.unit_structure, level: area.area_level, code: area.area_code }
    : { kind: 'none' };
  return liesWithin(reach, loc);
}
