import type { Location } from '../../core/auth/jurisdiction';
import type { CaseRow } from './cases.types';

/** A case lies where the person lived when it opened: its jurisdiction (reachOf/inJurisdiction). */
export const caseLocation = (
  c: Pick<CaseRow, 'province_code' | 'district_code' | 'commune_code' | 'unit_structure'>,
): Location => ({
  provinceCode: c.province_code,
  districtCode: c.district_code,
  communeCode: c.commune_code,
  structure: c.unit_structure,
});
