import type { Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';

export interface SiteRow {
  id: string;
  name: string;
  kind: 'fixed' | 'mobile' | 'hospital';
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: string;
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

export const siteLocation = (s: SiteRow) => ({
  provinceCode: s.province_code,
  districtCode: s.district_code,
  communeCode: s.commune_code,
});

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

/** Whether an area code of any level (2, 3 or 5 digits) holds a location. */
export function areaHolds(
  areaCode: string,
  loc: { provinceCode: string | null; districtCode: string | null; communeCode: string | null },
): boolean {
  if (areaCode.length === 2) return loc.provinceCode === areaCode;
  if (areaCode.length === 3) return loc.districtCode === areaCode;
  return loc.communeCode === areaCode;
}
