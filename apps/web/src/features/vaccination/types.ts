/** Vaccination's API shapes: the server's schemas, from packages/contracts. */
export type {
  Booking,
  Dose,
  Lot,
  MyVaccination,
  PersonAtSite,
  ScreeningQuestion,
  Site,
  Slot,
} from '@phongdich/contracts/vaccination';

export interface DayList {
  booked: { bookingId: string; fullName: string; status: string; startsAt: string }[];
  observation: { doseId: string; fullName: string; doseNumber: number; observeUntil: string }[];
  due: { personId: string; fullName: string; doseNumber: number }[];
}
