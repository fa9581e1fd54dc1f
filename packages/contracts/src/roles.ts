/** Staff and citizen roles. Scope (unit, facility, lab, venue) lives on the account, not in the role. */
export const ROLES = [
  'national_admin',
  'province_officer',
  'district_officer',
  'commune_officer',
  'venue_manager',
  'sampler',
  'lab_technician',
  'lab_supervisor',
  'vaccinator',
  'quarantine_officer',
  // Tổ COVID cộng đồng: residents' volunteers of a commune who phone its cases at home (issue #13 §4).
  'community_team',
  'steering_committee',
  'verifier',
  'hotline_operator',
  'citizen',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The platform itself at work (event handlers, interval jobs, the demo seed, command-line tools). It
 * is no account's role, so nobody signs in as it and no route admits it; the audit log names it.
 */
export const SYSTEM_ROLE = 'system';
export type SystemRole = typeof SYSTEM_ROLE;
/** Who an audit entry or an actor can name: an account's role or the system. */
export type ActorRole = Role | SystemRole;

export const ROLE_LABELS: Record<ActorRole, { vi: string; en: string }> = {
  national_admin: { vi: 'Quản trị quốc gia', en: 'National administrator' },
  province_officer: { vi: 'Cán bộ y tế tỉnh', en: 'Province health officer' },
  district_officer: { vi: 'Cán bộ y tế huyện', en: 'District health officer' },
  commune_officer: { vi: 'Cán bộ y tế xã', en: 'Commune health officer' },
  venue_manager: { vi: 'Quản lý điểm kiểm soát', en: 'Venue manager' },
  sampler: { vi: 'Nhân viên lấy mẫu', en: 'Sampler' },
  lab_technician: { vi: 'Kỹ thuật viên xét nghiệm', en: 'Lab technician' },
  lab_supervisor: { vi: 'Trưởng phòng xét nghiệm', en: 'Lab supervisor' },
  vaccinator: { vi: 'Nhân viên tiêm chủng', en: 'Vaccinator' },
  quarantine_officer: { vi: 'Cán bộ cách ly', en: 'Quarantine officer' },
  community_team: { vi: 'Tổ COVID cộng đồng', en: 'Community COVID team' },
  steering_committee: { vi: 'Ban chỉ đạo', en: 'Steering committee' },
  verifier: { vi: 'Người kiểm tra chứng nhận', en: 'Verifier' },
  hotline_operator: { vi: 'Tổng đài viên', en: 'Hotline operator' },
  citizen: { vi: 'Người dân', en: 'Citizen' },
  system: { vi: 'Hệ thống', en: 'System' },
};
