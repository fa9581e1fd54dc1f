// Shared helpers for the dcc tests only (never imported by the library, which stays I/O-free).
// eslint-disable-next-line no-restricted-imports -- test-only helper: reads fixture files
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encode } from 'cborg';
import { zlibSync } from 'fflate';
import { base45Encode } from './base45';
import { encodeCoseSign1 } from './cose';
import { HC1_PREFIX, decodeHcert } from './hcert';
import type { DccPayload } from './payload';

/** Upstream schema examples copied to standards/examples (see standards/SOURCES.md). */
export function schemaExample(name: string): DccPayload {
  const url = new URL(`../standards/examples/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as DccPayload;
}

export function hc1FromCose(cose: Uint8Array): string {
  return HC1_PREFIX + base45Encode(zlibSync(cose));
}

/** Rebuilds a signed HC1 with a replaced CWT payload but the original protected header and signature. */
export function tamperPayload(hc1: string, change: (payload: DccPayload) => void): string {
  const decoded = decodeHcert(hc1);
  change(decoded.payload);
  const { sign1 } = decoded.raw;
  const cwt = new Map<number, unknown>([
    [1, decoded.issuer],
    [4, decoded.expiresAt.getTime() / 1000],
    [6, decoded.issuedAt.getTime() / 1000],
    [-260, new Map([[1, decoded.payload]])],
  ]);
  return hc1FromCose(
    encodeCoseSign1({
      protectedBytes: sign1.protectedBytes,
      payload: encode(cwt),
      signature: sign1.signature,
    }),
  );
}
