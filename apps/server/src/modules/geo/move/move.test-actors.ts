import type { StaffActor } from '../../../core/auth/actor';

/** The move's tests' actors: the national administrator who runs it and a 2025 province officer who reviews. */
export const moveAdmin: StaffActor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000001',
  role: 'national_admin',
  unitCode: null,
  facilityId: null,
  displayName: 'Quản trị',
};
export const hanoiOfficer2025: StaffActor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000002',
  role: 'province_officer',
  unitCode: '01',
  unitStructure: '2025',
  unitLevel: 'province',
  facilityId: null,
  displayName: 'Cán bộ Hà Nội',
};
