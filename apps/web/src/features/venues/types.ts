/** API shapes of the check-in point endpoints (see /docs, tag "venues"). */
export type { Venue, VenueStatus } from '@phongdich/contracts';

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
