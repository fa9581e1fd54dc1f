/*
 * Text envelope of a Phòng Dịch QR token (full description in FORMAT.md):
 *
 *   PD1:<type>:<base64url(payload)>.<base64url(signature)>
 *
 * type V = venue / check-in point, P = personal code shown in the app, C = printed personal card.
 * The signature is ECDSA P-256 / SHA-256 (ES256, raw r||s, 64 bytes) over the ASCII text
 * `PD1:<type>:<base64url(payload)>`, so the type cannot be swapped without breaking it.
 */
import { fromBase64url } from './base64url';
import { decodePayload, type QrPayload } from './payload';

export const QR_TOKEN_PREFIX = 'PD1';
export const QR_TOKEN_TYPES = ['V', 'P', 'C'] as const;
export type QrTokenType = (typeof QR_TOKEN_TYPES)[number];

export const ES256_SIGNATURE_BYTES = 64;

const ENVELOPE = /^PD1:([VPC]):([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

export interface QrEnvelope {
  type: QrTokenType;
  payload: QrPayload;
  /** The exact signed text: everything before the '.'. */
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

export function signingInputFor(type: QrTokenType, payloadB64: string): string {
  return `${QR_TOKEN_PREFIX}:${type}:${payloadB64}`;
}

/** Structural parse only (no signature check); null when the text is not a well-formed token. */
export function parseQrEnvelope(text: string): QrEnvelope | null {
  const m = ENVELOPE.exec(text);
  if (!m) return null;
  const [, type, payloadB64, signatureB64] = m as unknown as [string, QrTokenType, string, string];
  const payloadBytes = fromBase64url(payloadB64);
  const signature = fromBase64url(signatureB64);
  if (!payloadBytes || !signature || signature.length !== ES256_SIGNATURE_BYTES) return null;
  const payload = decodePayload(payloadBytes);
  if (!payload) return null;
  return { type, payload, signingInput: signingInputFor(type, payloadB64), signature };
}
