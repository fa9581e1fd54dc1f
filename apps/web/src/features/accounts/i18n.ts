import type { Role } from '@phongdich/contracts';

export const accountsMoreVi = {
  search: 'Tìm theo tên hoặc tên đăng nhập',
  filterUnit: 'Đơn vị',
  totpOn: 'Xác thực hai lớp: đang bật',
  totpOff: 'Xác thực hai lớp: chưa bật',
  lastSignIn: 'Đăng nhập gần nhất: {{at}}',
  neverSignedIn: 'Chưa đăng nhập lần nào',
  changeRole: 'Đổi vai trò và đơn vị',
  newRole: 'Vai trò mới',
  newUnit: 'Đơn vị mới',
  nationalUnit: 'Toàn quốc (không cần đơn vị)',
  changed: 'Đã đổi vai trò và đơn vị.',
};

export const accountsMoreEn: typeof accountsMoreVi = {
  search: 'Search by name or username',
  filterUnit: 'Unit',
  totpOn: 'Two-factor: on',
  totpOff: 'Two-factor: off',
  lastSignIn: 'Last sign-in: {{at}}',
  neverSignedIn: 'Never signed in',
  changeRole: 'Change role and unit',
  newRole: 'New role',
  newUnit: 'New unit',
  nationalUnit: 'Whole country (no unit)',
  changed: 'Role and unit changed.',
};

/** The unit level a role's unit must be at (officers), 'none' for national admins, 'any' otherwise. */
export function unitLevelForRole(role: Role): 1 | 2 | 3 | 'any' | 'none' {
  if (role === 'national_admin') return 'none';
  if (role === 'province_officer') return 1;
  if (role === 'district_officer') return 2;
  if (role === 'commune_officer') return 3;
  return 'any';
}
