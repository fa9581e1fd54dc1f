// Personal QR shapes come from the server's schemas (packages/contracts).
export type { CardBatch, MyQr } from '@phongdich/contracts/personal-qr';

export interface FamilyPerson {
  id: string;
  fullName: string;
}

export interface Visit {
  id: string;
  personId: string;
  venueId: string | null;
  venueName: string | null;
  method: string;
  deviceTime: string;
  serverTime: string;
  checkoutTime: string | null;
}
