// Trust-list files: reading the forms other issuers publish, and writing ours in the EU gateway's form.
import { fromBase64, toBase64 } from './bytes';
import { kidFromCertificate } from './keys';
import { readSignerCertificate, type SignerCertificate } from './x509';

/** One entry of the EU DCC gateway's trust list (`/trustList/DSC`), as national backends republish it. */
export interface EuTrustListItem {
  kid: string;
  country: string;
  certificateType: 'DSC';
  /** base64 DER of the document-signer certificate. */
  rawData: string;
  /** hex SHA-256 of the DER. */
  thumbprint: string;
  timestamp: string;
}

export type TrustListFormat = 'eu-json' | 'pem' | 'der' | 'base64';

export interface TrustListFile {
  format: TrustListFormat;
  /** DER certificates with the country and kid the file gave, if any. */
  certificates: { der: Uint8Array; country?: string; kid?: string }[];
}

export class TrustListFileError extends Error {}

const PEM = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const BASE64_LINE = /^[A-Za-z0-9+/=\s]+$/;

function jsonEntries(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    for (const key of ['certificates', 'dscTrustList', 'trustList', 'dsc', 'items']) {
      const inner = (value as Record<string, unknown>)[key];
      if (Array.isArray(inner)) return inner;
      // The French/Dutch lists map a country or kid to its entries.
      if (inner && typeof inner === 'object') return Object.values(inner).flat();
    }
  }
  return undefined;
}

function fromJson(text: string): TrustListFile | undefined {
  // A signed DSC list (as some national backends serve it) is a signature line, then the JSON.
  const start = text.search(/[[{]/);
  if (start < 0) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
  const items = jsonEntries(parsed);
  if (!items) throw new TrustListFileError('JSON without a list of certificates');
  const certificates = items.map((item, i) => {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const raw = o.rawData ?? o.rawdata ?? o.certificate ?? o.cert ?? o.dsc;
    if (typeof raw !== 'string') throw new TrustListFileError(`entry ${i + 1} has no rawData`);
    let der: Uint8Array;
    try {
      der = fromBase64(raw.replace(/\s+/g, ''));
    } catch {
      throw new TrustListFileError(`entry ${i + 1}: rawData is not base64`);
    }
    const country = typeof o.country === 'string' ? o.country : undefined;
    const kid = typeof o.kid === 'string' ? o.kid : undefined;
    return { der, ...(country && { country }), ...(kid && { kid }) };
  });
  return { format: 'eu-json', certificates };
}

/**
 * Reads a trust-list file: the EU gateway / "DSC list" JSON (an array of {kid, country, rawData}, or an
 * object holding one under `certificates`), PEM certificates, one DER certificate, or base64 DER lines.
 */
export function parseTrustListFile(content: string | Uint8Array): TrustListFile {
  if (content instanceof Uint8Array) {
    if (content[0] === 0x30) return { format: 'der', certificates: [{ der: content }] };
    content = new TextDecoder().decode(content);
  }
  const text = content.replace(/^\uFEFF/, '').trim();
  if (!text) throw new TrustListFileError('empty file');
  const pem = [...text.matchAll(PEM)].map((m) => ({ der: fromBase64(m[1]!.replace(/\s+/g, '')) }));
  if (pem.length) return { format: 'pem', certificates: pem };
  const json = fromJson(text);
  if (json) return json;
  if (BASE64_LINE.test(text)) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    try {
      return { format: 'base64', certificates: lines.map((l) => ({ der: fromBase64(l.trim()) })) };
    } catch {
      /* falls through */
    }
  }
  throw new TrustListFileError('not a trust-list file (EU JSON, PEM, DER or base64 certificates)');
}

export interface TrustedSigner extends SignerCertificate {
  /** base64 of the 8-byte kid: SHA-256 over the DER certificate, its first 8 bytes. */
  kid: string;
  der: Uint8Array;
  thumbprint: string;
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A certificate read for a trust list (kid computed from it, never taken from the file). */
export async function trustedSigner(der: Uint8Array): Promise<TrustedSigner> {
  const cert = readSignerCertificate(der);
  const kid = toBase64(await kidFromCertificate(der));
  const thumbprint = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', der.slice())));
  return { ...cert, kid, der, thumbprint };
}

/** Our signers in the EU gateway's trust-list form. */
export function euTrustListItem(s: TrustedSigner, country: string, timestamp: Date): EuTrustListItem {
  return {
    kid: s.kid,
    country,
    certificateType: 'DSC',
    rawData: toBase64(s.der),
    thumbprint: s.thumbprint,
    timestamp: timestamp.toISOString(),
  };
}
