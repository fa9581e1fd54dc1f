/** Vaccination's API shapes: the server's schemas, from packages/contracts. */
export type {
  Arrival,
  Booking,
  CoverageFigures,
  DayList,
  DueItem,
  DuePage,
  Dose,
  Lot,
  MyVaccination,
  PersonAtSite,
  ScreeningQuestion,
  Site,
  SiteFigures,
  Slot,
} from '@phongdich/contracts/vaccination';
