import { deflateSync } from 'node:zlib';
import {
  ICAO_NAME_MAX,
  icaoTransliterate,
  buildUvci,
  randomUvciOpaque,
  valueSetDisplay,
  type DccPayload,
  type TestEntry,
} from '@phongdich/dcc';

export const DCC_ISSUER = 'Bộ Y tế Việt Nam';
export const TEST_TYPE_CODES = { rt_pcr: 'LP6464-4', rapid_antigen: 'LP217198-3' } as const;
export const TEST_RESULT_CODES = { negative: '260415000', positive: '260373001' } as const;
/** How long the signature stays valid; how long a test counts is a verifier's business rule. */
export const CERTIFICATE_VALIDITY_DAYS = 365;

/**
 * Vietnamese names are written family name first: "Nguyễn Văn An" → fn Nguyễn, gn Văn An. The
 * standardised forms follow ICAO 9303 (digits and punctuation dropped), so no registered name, however
 * unusual, makes the certificate fail the DCC schema; the written forms are cut to the schema's 80.
 */
export function dccName(fullName: string): DccPayload['nam'] {
  const parts = fullName.trim().split(/\s+/);
  const fn = (parts[0] ?? '').slice(0, ICAO_NAME_MAX);
  const gn = parts.slice(1).join(' ').slice(0, ICAO_NAME_MAX);
  return {
    fn,
    fnt: icaoTransliterate(fn),
    ...(gn && { gn, gnt: icaoTransliterate(gn) }),
  };
}

/** The HC1 zlib stage on node:zlib (native; the same RFC 1950 stream fflate writes, ~4× sooner). */
export const nativeZlib = (bytes: Uint8Array): Uint8Array => deflateSync(bytes, { level: 9 });

export interface TestCertificateFacts {
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  testType: 'rt_pcr' | 'rapid_antigen';
  result: 'positive' | 'negative';
  kit: string | null;
  collectedAt: Date;
  labName: string;
}

export function newUvci(): string {
  return buildUvci(`TEST/${randomUvciOpaque(16)}`);
}

/** The DCC payload of a test certificate (schema 1.3.0, one `t` entry). */
export function testCertificatePayload(f: TestCertificateFacts, uvci: string): DccPayload {
  const entry: TestEntry = {
    tg: '840539006',
    tt: TEST_TYPE_CODES[f.testType],
    sc: f.collectedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    tr: TEST_RESULT_CODES[f.result],
    tc: f.labName.slice(0, 80),
    co: 'VN',
    is: DCC_ISSUER,
    ci: uvci,
  };
  if (f.kit) {
    // A rapid test's device from the EU value set goes in `ma`; any other kit name in `nm`.
    if (f.testType === 'rapid_antigen' && valueSetDisplay('ma', f.kit, 't')) entry.ma = f.kit;
    else entry.nm = f.kit.slice(0, 80);
  }
  return {
    ver: '1.3.0',
    nam: dccName(f.fullName),
    dob: f.birthDate ?? String(f.birthYear),
    t: [entry],
  };
}
