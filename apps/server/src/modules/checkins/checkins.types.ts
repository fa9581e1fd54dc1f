import type { UnitStructure } from '../../core/units/structure';

export type CheckinMethod = 'venue_qr' | 'personal_qr' | 'printed_qr' | 'cccd' | 'bhyt' | 'manual';
export type StaffMethod = Exclude<CheckinMethod, 'venue_qr'>;

/** A check-in ready to store (server time and venue location already decided). */
export interface NewCheckin {
  id: string;
  personId: string;
  venueId: string;
  method: CheckinMethod;
  deviceTime: Date;
  serverTime: Date;
  communeCode: string | null;
  districtCode: string | null;
  provinceCode: string | null;
  /**
   * The venue's structure: its codes are on the venue's map, whatever the deployment runs on now.
   * Left out, the deployment's is stored (rows built without a venue: tools, benches).
   */
  unitStructure?: UnitStructure;
  recordedBy: string | null;
  source: 'live' | 'sync';
  /** Who asked and from where, for the audit entry only (not stored on the row). */
  request?: { role: string; unit: string | null; ip: string | null; requestId: string | null };
}

export interface CheckinRow {
  id: string;
  person_id: string;
  venue_id: string;
  method: CheckinMethod;
  device_time: Date;
  server_time: Date;
  checkout_time: Date | null;
  commune_code: string | null;
  district_code: string | null;
  province_code: string | null;
  recorded_by_account_id: string | null;
  source: 'live' | 'sync';
}

// The API's shapes (the answer, the two bodies) are the contracts' (@phongdich/contracts/checkins).
export type { CheckinResult, StaffInput, VisitorInput } from '@phongdich/contracts/checkins';

/** Same id, same content: what decides "duplicate" versus "conflict". */
export function sameContent(a: NewCheckin, b: CheckinRow): boolean {
  return (
    a.personId === b.person_id &&
    a.venueId === b.venue_id &&
    a.method === b.method &&
    a.deviceTime.getTime() === b.device_time.getTime()
  );
}
