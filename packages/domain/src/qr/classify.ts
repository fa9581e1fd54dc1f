// One entry point for every code a scanner (camera or 2D USB scanner typing into a field) can read.
// Pure parsing: a Phòng Dịch token classified here must still go through verifyQrToken().
import { parseCccdQr, type CccdQr } from '../identity/cccd-qr';
import { parseBhytScan, type BhytScan } from './bhyt-qr';
import { parseQrEnvelope, type QrTokenType } from './envelope';

export const MAX_SCANNED_CODE_LENGTH = 4096;

export type UnknownCodeReason =
  'EMPTY' | 'TOO_LONG' | 'BINARY' | 'MALFORMED_PHONGDICH' | 'INVALID_CCCD_QR' | 'UNRECOGNISED';

export type ScannedCode =
  | { kind: 'phongdich'; tokenType: QrTokenType; raw: string }
  | ({ kind: 'cccd_chip' } & CccdQr)
  | ({ kind: 'bhyt' } & BhytScan)
  | { kind: 'dcc'; raw: string }
  | { kind: 'legacy_venue'; app: LegacyApp; raw: string }
  | { kind: 'unknown'; reason: UnknownCodeReason; detail?: string };

/**
 * Hosts of the 2021 national apps whose check-in/declaration QR codes were URLs. Only the host is
 * recognised (the path/query shapes were never published as a stable format), which is enough to
 * tell the officer "old code, ask for a Phòng Dịch code".
 */
const LEGACY_HOSTS: ReadonlyArray<[suffix: string, app: LegacyApp]> = [
  ['tokhaiyte.vn', 'vhd'],
  ['pccovid.gov.vn', 'pc-covid'],
  ['bluezone.gov.vn', 'bluezone'],
  ['bluezone.vn', 'bluezone'],
  ['ncovi.vnpt.vn', 'ncovi'],
  ['kbyt.khambenh.gov.vn', 'kbyt'],
];
export type LegacyApp = 'vhd' | 'pc-covid' | 'bluezone' | 'ncovi' | 'kbyt';

// C0 controls other than tab/CR/LF, DEL, C1 controls, and U+FFFD left by a lossy decode.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;

/** Strips what USB scanners and copy-paste add around a code: whitespace, CR/LF/tab suffixes, BOM. */
export function cleanScannedText(text: string): string {
  return text.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, '');
}

function legacyApp(text: string): LegacyApp | null {
  if (!/^https?:\/\//i.test(text)) return null;
  let host: string;
  try {
    host = new URL(text).hostname.toLowerCase();
  } catch {
    return null;
  }
  const hit = LEGACY_HOSTS.find(([suffix]) => host === suffix || host.endsWith(`.${suffix}`));
  return hit ? hit[1] : null;
}

/**
 * The check-in link printed on venue posters (issue #7): any phone camera opens it, and the platform's
 * own scanners read the signed token out of it offline. The token sits in the fragment, which a
 * browser never sends to a server, so it never reaches a request log.
 */
export const CHECKIN_PATH = '/checkin';
export function venueCheckinUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${CHECKIN_PATH}#${token}`;
}

/** The Phòng Dịch token in the fragment of a check-in link (any host: the signature decides), if any. */
function tokenInLink(text: string): string | null {
  if (!/^https?:\/\//i.test(text)) return null;
  const hash = text.indexOf('#');
  if (hash < 0) return null;
  let fragment = text.slice(hash + 1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    return null;
  }
  return fragment.startsWith('PD1:') ? fragment : null;
}

export function classifyScannedCode(input: string): ScannedCode {
  // Cheap guard before any regex work on a pasted megabyte; the exact limit is checked after trimming.
  if (input.length > MAX_SCANNED_CODE_LENGTH + 64) return { kind: 'unknown', reason: 'TOO_LONG' };
  const text = cleanScannedText(input);
  if (!text) return { kind: 'unknown', reason: 'EMPTY' };
  if (text.length > MAX_SCANNED_CODE_LENGTH) return { kind: 'unknown', reason: 'TOO_LONG' };
  if (BINARY.test(text)) return { kind: 'unknown', reason: 'BINARY' };

  if (text.startsWith('PD1:')) {
    const envelope = parseQrEnvelope(text);
    return envelope
      ? { kind: 'phongdich', tokenType: envelope.type, raw: text }
      : { kind: 'unknown', reason: 'MALFORMED_PHONGDICH' };
  }
  if (text.startsWith('HC1:')) return { kind: 'dcc', raw: text };
  const linked = tokenInLink(text);
  if (linked) {
    const envelope = parseQrEnvelope(linked);
    return envelope
      ? { kind: 'phongdich', tokenType: envelope.type, raw: linked }
      : { kind: 'unknown', reason: 'MALFORMED_PHONGDICH' };
  }

  const firstField = text.split('|', 1)[0]!.trim();
  if (text.includes('|') && /^\d{12}$/.test(firstField)) {
    const cccd = parseCccdQr(text);
    return cccd.ok
      ? { kind: 'cccd_chip', ...cccd.value }
      : { kind: 'unknown', reason: 'INVALID_CCCD_QR', detail: cccd.error.code };
  }
  const bhyt = parseBhytScan(text);
  if (bhyt) return { kind: 'bhyt', ...bhyt };

  const app = legacyApp(text);
  if (app) return { kind: 'legacy_venue', app, raw: text };
  return { kind: 'unknown', reason: 'UNRECOGNISED' };
}
