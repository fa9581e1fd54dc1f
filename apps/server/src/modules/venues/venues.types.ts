import type { VenueKind } from './venue-kinds';

export type VenueStatus = 'pending' | 'active' | 'suspended';

export interface VenueRow {
  id: string;
  kind: VenueKind;
  name: string;
  name_folded: string;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  street: string | null;
  plate_number: string | null;
  owner_phone: string;
  owner_account_id: string | null;
  status: VenueStatus;
  status_reason: string | null;
  reviewed_at: Date | null;
  requires_declaration_hours: number | null;
  parent_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** A venue as the API shows it. */
export interface Venue {
  id: string;
  kind: VenueKind;
  name: string;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  /** "Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội". */
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
}

export interface VenueStaffMember {
  phone: string;
  role: 'owner' | 'staff';
  /** Has this phone signed in yet (an account exists)? */
  hasAccount: boolean;
  addedAt: string;
}

export interface VenueInput {
  kind: string;
  name: string;
  communeCode: string;
  street?: string;
  plateNumber?: string;
  ownerPhone?: string;
  staffPhones?: string[];
  requiresDeclarationHours?: number | null;
}

export interface ChildInput {
  name: string;
  plate?: string;
  kind?: string;
}
