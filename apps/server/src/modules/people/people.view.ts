import type { Location } from '../../core/auth/jurisdiction';
import { maskId, maskName, maskPhone } from '@phongdich/domain';
import type { FamilyLink, Person, PersonRow, PersonSummary } from './people.types';

const maskOrNull = (v: string | null) => (v ? maskId(v) : null);

/**
 * The API shape of a record. Masked: recognisable, not identifying (masked name and numbers, birth
 * year only, no street, no family) — what an officer sees of someone outside their jurisdiction.
 */
export function toPerson(
  row: PersonRow,
  family: FamilyLink[],
  opts: { masked: boolean; canBreakGlass: boolean },
): Person {
  const m = opts.masked;
  return {
    id: row.id,
    masked: m,
    canBreakGlass: m && opts.canBreakGlass,
    fullName: m ? maskName(row.full_name) : row.full_name,
    birthDate: m ? null : row.birth_date,
    birthYear: row.birth_year,
    sex: row.sex,
    nationality: row.nationality,
    cccd: m ? maskOrNull(row.cccd) : row.cccd,
    cmnd: m ? maskOrNull(row.cmnd) : row.cmnd,
    passport: m ? maskOrNull(row.passport) : row.passport,
    bhyt: m ? maskOrNull(row.bhyt) : row.bhyt,
    phones: m ? row.phones.map(maskPhone) : row.phones,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    districtCode: row.district_code,
    provinceCode: row.province_code,
    street: m ? null : row.street,
    family: m ? [] : family,
    mergedInto: row.merged_into,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function toSummary(row: PersonRow, masked: boolean): PersonSummary {
  const id = row.cccd ?? row.cmnd ?? row.passport ?? row.bhyt;
  return {
    id: row.id,
    fullName: masked ? maskName(row.full_name) : row.full_name,
    birthYear: row.birth_year,
    sex: row.sex,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    masked,
    idHint: id ? maskId(id) : null,
  };
}

export function locationOf(row: PersonRow): Location & { provinceCode: string; communeCode: string } {
  return {
    provinceCode: row.province_code,
    districtCode: row.district_code,
    communeCode: row.commune_code,
    structure: row.unit_structure,
  };
}
