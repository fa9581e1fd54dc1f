import type { Queryable } from '../../core/db/db';
import type { UnitStructure } from '../../core/units/structure';
import type { AuditContext } from '../../core/audit/audit';
import { inJurisdiction, rowLocation } from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';
import { deploymentStructure } from '../../core/units/deployment';
import { findUnit } from './vaccination.deps';

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

/**
 * Whether a campaign's area holds a site. The area is a unit of the deployment's map (where campaigns
 * are created, vaccination.sites.ts) at the level the unit is recorded at, never read from the code's
 * length; a site on another map is outside it even when its codes match (a 2021 commune and the 2025
 * commune that took its code are different places).
 */
export async function campaignHoldsSite(q: Queryable, areaCode: string, site: SiteRow): Promise<boolean> {
  const structure = await deploymentStructure(q);
  if (site.unit_structure !== structure) return false;
  const unit = await findUnit(q, structure, areaCode);
  if (!unit) return false;
  const atLevel =
    unit.level === 1 ? site.province_code : unit.level === 2 ? site.district_code : site.commune_code;
  return atLevel === areaCode;
}
