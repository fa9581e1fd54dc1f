// HC1 codec: payload → CWT → COSE_Sign1 → zlib → Base45 → "HC1:" and back, one exported function per stage.
import { encode } from 'cborg';
import { unzlibSync, zlibSync } from 'fflate';
import { Base45Error, base45Decode, base45Encode } from './base45';
import { toBase64 } from './bytes';
import {
  EpochTime,
  decodeCbor,
  encodeCoseSign1,
  parseCoseSign1,
  sigStructure,
  toPlain,
  type CoseSign1,
} from './cose';
import { HcertError } from './errors';
import { COSE_ALG, algFromCose, signBytes, type DccAlg } from './keys';
import type { WebCryptoKey } from './webcrypto';
import type { DccPayload } from './payload';
import { validateDccSchema } from './schema';

export const HC1_PREFIX = 'HC1:';
const CWT_ISS = 1;
const CWT_EXP = 4;
const CWT_IAT = 6;
const CWT_HCERT = -260;
const HCERT_DCC = 1;
const HEADER_ALG = 1;
const HEADER_KID = 4;

export interface EncodeHcertInput {
  payload: DccPayload;
  issuer: string;
  issuedAt: Date;
  expiresAt: Date;
  kid: Uint8Array;
  privateKey: WebCryptoKey;
  alg?: DccAlg;
  /** Refuse to sign a payload that fails its schema (default true). */
  validate?: boolean;
  /**
   * zlib (RFC 1950) of the COSE bytes; fflate's by default, which runs in browsers too. A server passes
   * node:zlib's: native, about 4× faster on a certificate's few hundred bytes, where fflate's table
   * set-up costs more than the signature (bench/vaccination-certificates.bench.ts).
   */
  deflate?: (bytes: Uint8Array) => Uint8Array;
}

export async function encodeHcert(input: EncodeHcertInput): Promise<string> {
  const alg = input.alg ?? 'ES256';
  if (input.kid.length !== 8) throw new RangeError('kid must be 8 bytes');
  if (input.expiresAt <= input.issuedAt) throw new RangeError('expiresAt must be after issuedAt');
  // A JSON round trip drops undefined members, which CBOR cannot carry.
  const payload = JSON.parse(JSON.stringify(input.payload)) as DccPayload;
  if (input.validate !== false) {
    const check = validateDccSchema(payload, { formats: true });
    if (!check.ok) throw new HcertError('SCHEMA_INVALID', check.errors.join('; '));
  }
  const cwt = new Map<number, unknown>([
    [CWT_ISS, input.issuer],
    [CWT_EXP, Math.floor(input.expiresAt.getTime() / 1000)],
    [CWT_IAT, Math.floor(input.issuedAt.getTime() / 1000)],
    [CWT_HCERT, new Map([[HCERT_DCC, payload]])],
  ]);
  const protectedBytes = encode(
    new Map<number, unknown>([
      [HEADER_ALG, COSE_ALG[alg]],
      [HEADER_KID, input.kid],
    ]),
  );
  const cwtBytes = encode(cwt);
  const signature = await signBytes(alg, input.privateKey, sigStructure(protectedBytes, cwtBytes));
  const cose = encodeCoseSign1({ protectedBytes, payload: cwtBytes, signature });
  const deflate = input.deflate ?? ((b: Uint8Array) => zlibSync(b, { level: 9 }));
  return HC1_PREFIX + base45Encode(deflate(cose));
}

// --- decoding stages (exported for the conformance tests and for diagnostics)

export function unprefix(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) throw new HcertError('MALFORMED', 'empty input');
  if (!text.startsWith(HC1_PREFIX)) throw new HcertError('BAD_PREFIX', 'missing HC1: prefix');
  return text.slice(HC1_PREFIX.length);
}

export function decodeBase45Stage(text: string): Uint8Array {
  try {
    return base45Decode(text);
  } catch (e) {
    if (e instanceof Base45Error) throw new HcertError('BAD_BASE45', e.message);
    throw e;
  }
}

/**
 * The most a certificate may inflate to. A QR code holds at most ~2.9 kB of Base45-decoded bytes and
 * a real COSE message inflates to about twice that; more is a decompression bomb, not a certificate.
 */
export const MAX_COSE_BYTES = 64 * 1024;

/**
 * The spec requires zlib; uncompressed COSE (testdata Z2) is rejected like broken zlib (Z1). fflate
 * is given an output buffer of the bound: it then writes in place instead of growing its own
 * (~10× faster for a certificate), and stops at the buffer's end, so filling it means too large.
 */
export function inflateStage(bytes: Uint8Array): Uint8Array {
  let out: Uint8Array;
  try {
    out = unzlibSync(bytes, { out: new Uint8Array(MAX_COSE_BYTES + 1) });
  } catch (e) {
    throw new HcertError('BAD_COMPRESSION', (e as Error).message);
  }
  if (out.length > MAX_COSE_BYTES)
    throw new HcertError('BAD_COMPRESSION', `inflates to more than ${MAX_COSE_BYTES} bytes`);
  return out;
}

export interface DecodedHcert {
  payload: DccPayload;
  issuer: string | undefined;
  issuedAt: Date;
  expiresAt: Date;
  /** Protected-header kid wins; the unprotected one is only used when the protected header has none. */
  kid: Uint8Array | undefined;
  kidBase64: string | undefined;
  alg: DccAlg | number | undefined;
  raw: { compressed: Uint8Array; cose: Uint8Array; sign1: CoseSign1 };
}

export function decodeHcert(text: string): DecodedHcert {
  const compressed = decodeBase45Stage(unprefix(text));
  const cose = inflateStage(compressed);
  const sign1 = parseCoseSign1(cose);
  const claims = decodeCbor(sign1.payload, 'CWT');
  if (!(claims instanceof Map)) throw new HcertError('MALFORMED', 'CWT is not a map');
  const iss = claims.get(CWT_ISS);
  const iat = numericDate(claims.get(CWT_IAT));
  const exp = numericDate(claims.get(CWT_EXP));
  if (iat === undefined || exp === undefined) throw new HcertError('MALFORMED', 'iat/exp missing');
  const hcert = claims.get(CWT_HCERT);
  const dcc = hcert instanceof Map ? hcert.get(HCERT_DCC) : undefined;
  if (!(dcc instanceof Map)) throw new HcertError('MALFORMED', 'hcert claim -260/1 missing');
  const kid = headerBytes(sign1, HEADER_KID);
  const algId = sign1.protectedHeader.get(HEADER_ALG) ?? sign1.unprotectedHeader.get(HEADER_ALG);
  return {
    payload: toPlain(dcc) as DccPayload,
    issuer: typeof iss === 'string' ? iss : undefined,
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
    kid,
    kidBase64: kid && toBase64(kid),
    alg: algFromCose(algId) ?? (typeof algId === 'number' ? algId : undefined),
    raw: { compressed, cose, sign1 },
  };
}

/** A CWT NumericDate: a plain number (integer or float) or one wrapped in the epoch tag 1. */
function numericDate(v: unknown): number | undefined {
  if (v instanceof EpochTime) return v.seconds;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function headerBytes(sign1: CoseSign1, label: number): Uint8Array | undefined {
  const value = sign1.protectedHeader.has(label)
    ? sign1.protectedHeader.get(label)
    : sign1.unprotectedHeader.get(label);
  return value instanceof Uint8Array ? value : undefined;
}
