import type { Bilingual, Colour } from '../scanner/types';

export interface MyQr {
  personId: string;
  token: string;
  colour: Colour;
  reasons: Bilingual[];
  ruleSetVersion: string;
  expiresAt: string;
}

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

export interface CardBatch {
  id: string;
  communeCode: string;
  cardCount: number;
  createdAt: string;
}
