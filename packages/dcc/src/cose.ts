// COSE_Sign1 (RFC 9052) build/parse for HCERT, plus CBOR helpers shared by the codec.
import { decode, encode } from 'cborg';
import { HcertError } from './errors';

const COSE_SIGN1_TAG = 18;
const CWT_TAG = 61;

/** A CBOR tag-1 epoch time (seconds): a number in the CWT claims, an RFC 3339 string in the payload. */
export class EpochTime {
  constructor(readonly seconds: number) {}
  toIso(): string {
    return new Date(this.seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
}

const passThrough = (decodeInner: () => unknown) => decodeInner();
const textTag = (what: string) => (decodeInner: () => unknown) => {
  const v = decodeInner();
  if (typeof v !== 'string') throw new Error(`${what} tag on a non-string`);
  return v;
};
/**
 * The tags valid EU certificates carry, as the EU verifiers accept them: 18 (COSE_Sign1) and 61 (CWT)
 * around the message (CO28 double-tags it), and the date tags on CWT times and payload dates — 0
 * (RFC 3339 date-time text), 1 (epoch seconds), 1004 (RFC 8943 full-date text) and 100 (RFC 8943 days
 * since 1970-01-01). Any other tag is an error.
 */
const TAGS = {
  [COSE_SIGN1_TAG]: passThrough,
  [CWT_TAG]: passThrough,
  0: textTag('date-time'),
  1: (decodeInner: () => unknown) => {
    const v = decodeInner();
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error('epoch tag on a non-number');
    return new EpochTime(v);
  },
  100: (decodeInner: () => unknown) => {
    const v = decodeInner();
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('days tag on a non-integer');
    return new Date(v * 864e5).toISOString().slice(0, 10);
  },
  1004: textTag('full-date'),
};

/** Decodes CBOR keeping integer-keyed maps as Map; throws BAD_CBOR on undecodable bytes. */
export function decodeCbor(bytes: Uint8Array, what: string): unknown {
  try {
    return decode(bytes, { useMaps: true, tags: TAGS });
  } catch (e) {
    throw new HcertError('BAD_CBOR', `${what}: ${(e as Error).message}`);
  }
}

export interface CoseSign1 {
  protectedBytes: Uint8Array;
  protectedHeader: Map<unknown, unknown>;
  unprotectedHeader: Map<unknown, unknown>;
  payload: Uint8Array;
  signature: Uint8Array;
}

export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  const msg = decodeCbor(bytes, 'COSE_Sign1');
  if (!Array.isArray(msg) || msg.length !== 4) throw new HcertError('MALFORMED', 'not a COSE_Sign1 array');
  const [protectedBytes, unprotectedHeader, payload, signature] = msg as unknown[];
  if (!(protectedBytes instanceof Uint8Array) || !(unprotectedHeader instanceof Map))
    throw new HcertError('MALFORMED', 'bad COSE headers');
  if (!(payload instanceof Uint8Array)) throw new HcertError('MALFORMED', 'COSE payload missing');
  if (!(signature instanceof Uint8Array)) throw new HcertError('MALFORMED', 'COSE signature missing');
  const protectedHeader = protectedBytes.length ? decodeCbor(protectedBytes, 'protected header') : new Map();
  if (!(protectedHeader instanceof Map)) throw new HcertError('MALFORMED', 'protected header is not a map');
  return { protectedBytes, protectedHeader, unprotectedHeader, payload, signature };
}

/** CBOR head of a byte string of this length (major type 2, shortest form, as cborg writes it). */
function byteStringHead(length: number): number[] {
  if (length < 24) return [0x40 | length];
  if (length < 0x100) return [0x58, length];
  if (length < 0x10000) return [0x59, length >> 8, length & 0xff];
  return [0x5a, (length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];
}

// array(4), text(10) "Signature1"
const SIG1_PREFIX = [0x84, 0x6a, ...new TextEncoder().encode('Signature1')];

/**
 * The bytes a COSE_Sign1 signature covers: Sig_structure ["Signature1", protected, h'', payload]
 * with empty external AAD. Written directly (a fixed prefix and two byte strings) rather than
 * through the CBOR encoder: it is on every verification's path.
 */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const ph = byteStringHead(protectedBytes.length);
  const pl = byteStringHead(payload.length);
  const out = new Uint8Array(
    SIG1_PREFIX.length + ph.length + protectedBytes.length + 1 + pl.length + payload.length,
  );
  let o = 0;
  for (const part of [SIG1_PREFIX, ph, protectedBytes, [0x40], pl, payload]) {
    out.set(part, o);
    o += part.length;
  }
  return out;
}

export function encodeCoseSign1(parts: {
  protectedBytes: Uint8Array;
  payload: Uint8Array;
  signature: Uint8Array;
}): Uint8Array {
  const body = encode([parts.protectedBytes, new Map(), parts.payload, parts.signature]);
  const out = new Uint8Array(body.length + 1);
  out[0] = 0xc0 | COSE_SIGN1_TAG; // major type 6, tag 18 fits in the initial byte
  out.set(body, 1);
  return out;
}

/** Converts decoded CBOR maps to plain JSON-like objects (the DCC payload uses string keys). */
export function toPlain(value: unknown): unknown {
  if (value instanceof Map) {
    const obj: Record<string, unknown> = {};
    for (const [k, v] of value) obj[String(k)] = toPlain(v);
    return obj;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof EpochTime) return value.toIso();
  return value;
}
