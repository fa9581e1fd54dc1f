import type { Venue } from '@phongdich/contracts/venues';

// The scanner's, the check-in's and the status colour's shapes come from the server's schemas (packages/contracts).
export type { Bilingual, Colour } from '@phongdich/contracts/status';
export type { ScanResult } from '@phongdich/contracts/scan';

export type StaffMethod = 'personal_qr' | 'printed_qr' | 'cccd' | 'bhyt' | 'manual';

export type { CheckinResult } from '@phongdich/contracts/checkins';

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

/** A point of /api/me/venues, as the scanner's picker uses it. */
export type MyVenue = Pick<Venue, 'id' | 'name' | 'status'>;
