import type { FieldErrorCode } from '@phongdich/contracts';
import { createHash } from 'node:crypto';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES } from '@phongdich/contracts/vaccination-corrections';
import { AppError } from '../../core/errors';

export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** What the bytes are, from their first bytes (never from the name or the declared type alone). */
export function sniffEvidence(bytes: Uint8Array): EvidenceType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  return undefined;
}

/**
 * Decodes and checks an uploaded evidence file: at most 5 MB, and a JPEG, PNG or PDF by its bytes that
 * is what it was declared to be. Anything else is CORRECTION_EVIDENCE_INVALID (415), before any write.
 */
export function checkedEvidence(e: { contentType: string; content: string }) {
  const bytes = Buffer.from(e.content, 'base64');
  const invalid = (code: FieldErrorCode, vi: string, en: string) =>
    new AppError('CORRECTION_EVIDENCE_INVALID', [{ field: 'evidence', code, message: { vi, en } }]);
  if (!bytes.length) throw invalid('empty', 'Tệp minh chứng trống', 'The evidence file is empty');
  if (bytes.length > EVIDENCE_MAX_BYTES)
    throw invalid('too_large', 'Tệp minh chứng lớn hơn 5 MB', 'The evidence file is larger than 5 MB');
  const sniffed = sniffEvidence(bytes);
  if (!sniffed || sniffed !== e.contentType)
    throw invalid(
      'type',
      'Tệp minh chứng không phải ảnh JPEG/PNG hoặc PDF như đã khai',
      'The evidence file is not the JPEG/PNG photo or PDF it was declared as',
    );
  return { bytes, contentType: sniffed, sha256: createHash('sha256').update(bytes).digest('hex') };
}
