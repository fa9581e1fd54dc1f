// Personal QR shapes come from the server's schemas (packages/contracts).
export type { CardBatch, MyQr } from '@phongdich/contracts/personal-qr';

export interface FamilyPerson {
  id: string;
  fullName: string;
}

// A visit in the citizen's own list comes from the server's schemas (packages/contracts).
export type { Visit } from '@phongdich/contracts/checkins';
