import { AppError } from '../../core/errors';

/**
 * The first file part of a multipart/form-data body (a browser form posting the export), binary-safe.
 * Only what an upload form sends is supported: one file field, no nested multiparts.
 */
export function firstFilePart(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const value = boundary?.[1] ?? boundary?.[2];
  if (!value) throw new AppError('MALFORMED_REQUEST', undefined, 'multipart without boundary');
  const delimiter = Buffer.from(`--${value.trim()}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const headersStart = start + delimiter.length + 2; // CRLF after the delimiter
    const headersEnd = body.indexOf('\r\n\r\n', headersStart);
    if (headersEnd < 0) break;
    const next = body.indexOf(delimiter, headersEnd);
    if (next < 0) break;
    const headers = body.subarray(headersStart, headersEnd).toString('utf8');
    if (/filename=/i.test(headers)) return body.subarray(headersEnd + 4, next - 2); // CRLF before the next delimiter
    start = next;
  }
  throw new AppError('UPLOAD_EMPTY', undefined, 'no file part in the form');
}
