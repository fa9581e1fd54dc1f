// Core's one spreadsheet import (issue #9 §2): sampling's target lists, lab result files and the
// vaccination imports all read files, find headers, keep column maps and write error sheets here.
export { readSpreadsheet, detectFormat, decodeText, detectDelimiter, cellText } from './read';
export type { Sheet, SheetRow, SheetFormat, TextEncoding } from './read';
export { unreadable, readFailureOf, type ReadFailure } from './read-errors';
export { detectHeader, mapHeader, type ColumnAliases, type HeaderMatch } from './header';
export { loadColumnMap, saveColumnMap, withSavedMap, type ColumnMap } from './column-maps';
export { errorSpreadsheet, ERROR_COLUMN_TITLE, type ErrorSheet } from './error-sheet';
export { runInBatches, type ImportProgress } from './batches';
export {
  DEFAULT_SPREADSHEET_LIMITS,
  spreadsheetTooLarge,
  assertXlsxWithinLimits,
  type SpreadsheetLimits,
} from '../spreadsheet-limits';
