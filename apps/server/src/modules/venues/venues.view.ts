import type { Location } from '../../core/auth/jurisdiction';
import type { Queryable } from '../../core/db/db';
import { unitNames } from '../geo';
import { displayPlate } from './plate';
import { childCounts } from './venues.repository';
import type { Venue, VenueRow } from './venues.types';

/** API shape of venues, with their area names and number of children, in two queries. */
export async function toVenues(q: Queryable, rows: VenueRow[]): Promise<Venue[]> {
  const names = await unitNames(
    q,
    rows.flatMap((r) => [r.commune_code, r.district_code, r.province_code]),
  );
  const children = await childCounts(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    communeCode: r.commune_code,
    districtCode: r.district_code,
    provinceCode: r.province_code,
    areaName: [r.commune_code, r.district_code, r.province_code]
      .map((c) => (c ? names.get(c) : undefined))
      .filter(Boolean)
      .join(', '),
    street: r.street,
    plateNumber: r.plate_number ? displayPlate(r.plate_number) : null,
    ownerPhone: r.owner_phone,
    status: r.status,
    statusReason: r.status_reason,
    reviewed: r.reviewed_at !== null,
    requiresDeclarationHours: r.requires_declaration_hours,
    parentId: r.parent_id,
    childCount: children.get(r.id) ?? 0,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  }));
}

export async function toVenue(q: Queryable, row: VenueRow): Promise<Venue> {
  return (await toVenues(q, [row]))[0]!;
}

export const locationOfVenue = (
  v: Pick<VenueRow, 'commune_code' | 'district_code' | 'province_code' | 'unit_structure'>,
): Location => ({
  provinceCode: v.province_code,
  districtCode: v.district_code,
  communeCode: v.commune_code,
  structure: v.unit_structure,
});
