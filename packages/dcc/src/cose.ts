// COSE_Sign1 (RFC 9052) build/parse for HCERT, plus CBOR helpers shared by the codec.
import { decode, encode } from 'cborg';
import { HcertError } from './errors';

const COSE_SIGN1_TAG = 18;
const CWT_TAG = 61;
// Tags 18 (COSE_Sign1) and 61 (CWT) may wrap the message (CO28 double-tags it); any other tag is an error.
const passThrough = (decodeInner: () => unknown) => decodeInner();
const TAGS = { [COSE_SIGN1_TAG]: passThrough, [CWT_TAG]: passThrough };

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
  return value;
}
