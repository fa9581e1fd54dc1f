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

/** The bytes a COSE_Sign1 signature covers: Sig_structure with empty external AAD. */
export function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encode(['Signature1', protectedBytes, new Uint8Array(0), payload]);
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
