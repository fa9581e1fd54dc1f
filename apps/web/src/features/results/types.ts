// Released results' shapes come from the server's schemas (packages/contracts).
export type {
  Certificate,
  MyResult,
  MyResults,
  OfficerResult,
  PersonResults,
} from '@phongdich/contracts/results';
