import type { UnitStructure } from '../../core/units/structure';
import type { Venue as VenueContract, VenueStatus } from '@phongdich/contracts';
import type { VenueKind } from './venue-kinds';

export type { VenueStatus };

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
  /** The map its codes are on (a child takes its parent's). */
  unit_structure: UnitStructure;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** A venue as the API shows it (shared with the web app). */
export type Venue = VenueContract<VenueKind>;

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
