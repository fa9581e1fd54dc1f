export interface Dose {
  id: string;
  productMp: string;
  lotNumber: string | null;
  doseNumber: number;
  siteName: string | null;
  administeredAt: string;
  flags: string[];
}
export interface MyVaccination {
  personId: string;
  name: string;
  self: boolean;
  doses: Dose[];
  certificate: { uvci: string; hc1: string; issuedAt: string; expiresAt: string } | null;
}
export interface Slot {
  id: string;
  siteName: string;
  startsAt: string;
  endsAt: string;
  free: number;
}
export interface Booking {
  id: string;
  code: string;
  personName: string;
  status: string;
  slot: Slot;
}
export interface Lot {
  id: string;
  productMp: string;
  lotNumber: string;
  expiresOn: string;
  remaining: number;
}
export interface Question {
  id: string;
  text: { vi: string; en: string };
}
export interface PersonAtSite {
  person: { id: string; fullName: string; birthYear: number };
  doses: Dose[];
  eligibility: (
    | { mp: string; eligible: true; doseNumber: number }
    | { mp: string; eligible: false; doseNumber: number; reason: string }
  )[];
  lots: Lot[];
  questionSet: { version: string; questions: Question[] };
}
export interface Site {
  id: string;
  name: string;
}
export interface DayList {
  booked: { bookingId: string; fullName: string; status: string; startsAt: string }[];
  observation: { doseId: string; fullName: string; doseNumber: number; observeUntil: string }[];
  due: { personId: string; fullName: string; doseNumber: number }[];
}
