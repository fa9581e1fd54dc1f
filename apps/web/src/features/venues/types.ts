/** API shapes of the check-in point endpoints (see /docs, tag "venues"). */
export type VenueStatus = 'pending' | 'active' | 'suspended';

export interface Venue {
  id: string;
  kind: string;
  name: string;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  areaName: string;
  street: string | null;
  plateNumber: string | null;
  ownerPhone: string;
  status: VenueStatus;
  statusReason: string | null;
  reviewed: boolean;
  requiresDeclarationHours: number | null;
  parentId: string | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Only when reading one point: may the caller run it (owner/staff) or review it (officer)? */
  access?: { manage: boolean; review: boolean };
}

export interface VenueKindOption {
  code: string;
  vi: string;
  en: string;
  vehicle: boolean;
}

export interface StaffMember {
  phone: string;
  role: 'owner' | 'staff';
  hasAccount: boolean;
  addedAt: string;
}
