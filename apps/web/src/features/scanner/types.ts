// The scanner's and the status colour's shapes come from the server's schemas (packages/contracts).
export type { Bilingual, Colour } from '@phongdich/contracts/status';
export type { ScanResult } from '@phongdich/contracts/scan';

export type StaffMethod = 'personal_qr' | 'printed_qr' | 'cccd' | 'bhyt' | 'manual';

export interface CheckinResult {
  id: string;
  venueId: string;
  venueName: string;
  serverTime: string;
  duplicate: boolean;
  /** Already checked in here within the same-visit window (by this or another of their codes). */
  sameVisit?: boolean;
  declarationRequired: boolean;
}

/** What the offline queue holds for kind 'checkin' (the batch endpoint's item). */
export type CheckinQueueItem =
  | { id: string; kind: 'visitor'; venueToken: string; personId?: string; deviceTime: string }
  | {
      id: string;
      kind: 'staff';
      venueId: string;
      deviceTime: string;
      /** The scanned code: the server resolves the person when the batch arrives. */
      code: string;
    };

export interface MyVenue {
  id: string;
  name: string;
  status: string;
}
