export type Colour = 'green' | 'yellow' | 'orange' | 'red';
export interface Bilingual {
  vi: string;
  en: string;
}

export interface ScannedPerson {
  id: string;
  fullName: string;
  birthYear: number;
  sex: string;
  communeCode: string;
  communeName: string | null;
  masked: boolean;
  idHint: string | null;
}

export type StaffMethod = 'personal_qr' | 'printed_qr' | 'cccd' | 'bhyt' | 'manual';

export type ScanResult =
  | {
      kind: 'person';
      person: ScannedPerson;
      colour: Colour;
      reasons: Bilingual[];
      created: boolean;
      method: StaffMethod;
      communeAssumed?: boolean;
      /** Not in the registry: recorded against a pending identity the commune will confirm or merge. */
      pending?: boolean;
    }
  | { kind: 'venue'; venueId: string; name: string; status?: string }
  | { kind: 'certificate'; raw: string };

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
