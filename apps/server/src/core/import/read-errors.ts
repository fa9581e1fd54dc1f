import { AppError, fieldError } from '../errors';

/** Why a file could not be read at all; each module may name these in its own error code. */
export type ReadFailure = 'EMPTY_FILE' | 'ENCODING' | 'CSV_SYNTAX' | 'EXCEL_UNREADABLE' | 'XLS_UNSUPPORTED';

const TEXT: Record<ReadFailure, [vi: string, en: string]> = {
  EMPTY_FILE: ['Tệp không có dữ liệu.', 'The file holds no data.'],
  ENCODING: [
    'Tệp không phải mã UTF-8 hay UTF-16: hãy lưu lại dạng "CSV UTF-8" hoặc .xlsx.',
    'The file is neither UTF-8 nor UTF-16: save it again as "CSV UTF-8" or .xlsx.',
  ],
  CSV_SYNTAX: ['Tệp CSV sai cú pháp.', 'Malformed CSV.'],
  EXCEL_UNREADABLE: ['Không đọc được tệp Excel (.xlsx).', 'The Excel (.xlsx) file cannot be read.'],
  XLS_UNSUPPORTED: [
    'Định dạng .xls cũ không hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8.',
    'Old .xls files are not supported: save as .xlsx or CSV UTF-8.',
  ],
};

/** IMPORT_FILE_INVALID (422) with the failure as the `file` field's code; `internal` is for the log only. */
export function unreadable(failure: ReadFailure, internal?: string): AppError {
  const [vi, en] = TEXT[failure];
  return new AppError('IMPORT_FILE_INVALID', [fieldError('file', failure, vi, en)], internal);
}

/** The failure an error from readSpreadsheet names, or null when it is another error. */
export function readFailureOf(e: unknown): ReadFailure | null {
  if (!(e instanceof AppError) || e.code !== 'IMPORT_FILE_INVALID') return null;
  const code = e.details?.[0]?.code;
  return code && code in TEXT ? (code as ReadFailure) : null;
}
