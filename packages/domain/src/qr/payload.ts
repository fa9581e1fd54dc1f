// Binary payload of a Phòng Dịch QR token (layout in FORMAT.md). Binary, not JSON, to keep
// printed codes small enough for cheap phone cameras.
import { fromBase64url, toBase64url } from './base64url';

export const QR_PAYLOAD_VERSION = 1;

const FLAG_HAS_EXPIRY = 0b01;
const FLAG_UUID_ID = 0b10;
const KNOWN_FLAGS = FLAG_HAS_EXPIRY | FLAG_UUID_ID;
const UINT32_MAX = 0xffffffff;

export const KID_PATTERN = /^[A-Za-z0-9_-]{1,12}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MIN_RAW_ID_BYTES = 4;
const MAX_RAW_ID_BYTES = 16;

export interface QrPayload {
  version: number;
  kid: string;
  /** Lowercase UUID, or base64url of 4–16 random bytes. Never a CCCD or other personal number. */
  id: string;
  /** Unix seconds. */
  issuedAt: number;
  expiresAt: number | null;
}

/** Bytes of an id, or null if it is neither a UUID nor canonical base64url of 4–16 bytes. */
function idBytes(id: string): { uuid: boolean; bytes: Uint8Array } | null {
  const lower = id.toLowerCase();
  if (UUID_PATTERN.test(lower)) {
    const hex = lower.replace(/-/g, '');
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    return { uuid: true, bytes };
  }
  // All-digit ids look like CCCD/phone numbers: refuse them so personal numbers never get printed.
  if (/^\d+$/.test(id)) return null;
  const bytes = fromBase64url(id);
  if (!bytes || bytes.length < MIN_RAW_ID_BYTES || bytes.length > MAX_RAW_ID_BYTES) return null;
  return { uuid: false, bytes };
}

function uuidText(bytes: Uint8Array): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isValidQrId(id: string): boolean {
  return idBytes(id) !== null;
}

/** A fresh 12-byte random id (16 characters), shorter than a UUID in the printed code. */
export function newQrId(): string {
  return toBase64url(globalThis.crypto.getRandomValues(new Uint8Array(12)));
}

const isUint32 = (n: number) => Number.isInteger(n) && n >= 0 && n <= UINT32_MAX;

/** Throws on values that cannot be encoded: callers are our own signing code, so a bug must be loud. */
export function encodePayload(p: Omit<QrPayload, 'version'>): Uint8Array {
  if (!KID_PATTERN.test(p.kid)) throw new RangeError('QR kid must be 1–12 base64url characters');
  const id = idBytes(p.id);
  if (!id) throw new RangeError('QR id must be a UUID or base64url of 4–16 bytes');
  if (!isUint32(p.issuedAt)) throw new RangeError('QR issuedAt out of range');
  if (p.expiresAt !== null && (!isUint32(p.expiresAt) || p.expiresAt <= p.issuedAt)) {
    throw new RangeError('QR expiresAt must be after issuedAt');
  }
  const flags = (p.expiresAt !== null ? FLAG_HAS_EXPIRY : 0) | (id.uuid ? FLAG_UUID_ID : 0);
  const kid = new TextEncoder().encode(p.kid);
  const out: number[] = [QR_PAYLOAD_VERSION, flags, kid.length, ...kid];
  if (!id.uuid) out.push(id.bytes.length);
  out.push(...id.bytes);
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, p.issuedAt);
  view.setUint32(4, p.expiresAt ?? 0);
  out.push(...new Uint8Array(view.buffer, 0, p.expiresAt !== null ? 8 : 4));
  return new Uint8Array(out);
}

/** Null for anything that is not exactly one well-formed v1 payload (no trailing bytes). */
export function decodePayload(bytes: Uint8Array): QrPayload | null {
  let pos = 0;
  const take = (n: number): Uint8Array | null =>
    pos + n <= bytes.length ? bytes.subarray(pos, (pos += n)) : null;
  const head = take(3);
  if (!head || head[0] !== QR_PAYLOAD_VERSION || (head[1]! & ~KNOWN_FLAGS) !== 0) return null;
  const flags = head[1]!;
  const kidBytes = take(head[2]!);
  const kid = kidBytes ? String.fromCharCode(...kidBytes) : '';
  if (!KID_PATTERN.test(kid)) return null;
  let id: string;
  if (flags & FLAG_UUID_ID) {
    const raw = take(16);
    if (!raw) return null;
    id = uuidText(raw);
  } else {
    const len = take(1)?.[0];
    if (len === undefined || len < MIN_RAW_ID_BYTES || len > MAX_RAW_ID_BYTES) return null;
    const raw = take(len);
    if (!raw) return null;
    id = toBase64url(raw);
  }
  const times = take(flags & FLAG_HAS_EXPIRY ? 8 : 4);
  if (!times || pos !== bytes.length) return null;
  const view = new DataView(times.buffer, times.byteOffset, times.byteLength);
  const issuedAt = view.getUint32(0);
  const expiresAt = flags & FLAG_HAS_EXPIRY ? view.getUint32(4) : null;
  if (expiresAt !== null && expiresAt <= issuedAt) return null;
  return { version: QR_PAYLOAD_VERSION, kid, id, issuedAt, expiresAt };
}
