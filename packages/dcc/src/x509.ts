// Just enough DER/X.509 reading for a DCC trust list: the signer's public key and its DCC key-usage OIDs.
// Runs in browsers too (no node:crypto), so a verifier can load DSC certificates directly.
import type { DccAlg } from './keys';
import type { CertificateType } from './payload';

interface Tlv {
  tag: number;
  start: number; // first byte of the TLV
  body: number; // first content byte
  end: number; // one past the last content byte
}

function readTlv(der: Uint8Array, pos: number): Tlv {
  const tag = der[pos]!;
  let len = der[pos + 1]!;
  let body = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[body + i]!;
    body += n;
  }
  if (body + len > der.length) throw new Error('DER value overruns input');
  return { tag, start: pos, body, end: body + len };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.body; pos < parent.end; pos = out.at(-1)!.end) out.push(readTlv(der, pos));
  return out;
}

function oidString(der: Uint8Array, tlv: Tlv): string {
  const parts: number[] = [];
  let value = 0;
  for (let i = tlv.body; i < tlv.end; i++) {
    value = value * 128 + (der[i]! & 0x7f);
    if (!(der[i]! & 0x80)) {
      if (parts.length === 0)
        parts.push(Math.min(2, Math.floor(value / 40)), value - Math.min(2, Math.floor(value / 40)) * 40);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

function tbsFields(der: Uint8Array): Tlv[] {
  const cert = readTlv(der, 0);
  const tbs = children(der, cert)[0];
  if (!tbs) throw new Error('not an X.509 certificate');
  const fields = children(der, tbs);
  // Skip the optional [0] version so index 5 is always subjectPublicKeyInfo.
  return fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
}

/** SubjectPublicKeyInfo (DER) and the DCC algorithm that key type signs with. */
export function certificatePublicKey(der: Uint8Array): { spki: Uint8Array; alg: DccAlg } {
  const spki = tbsFields(der)[5];
  if (!spki) throw new Error('certificate has no subjectPublicKeyInfo');
  const algId = children(der, children(der, spki)[0]!)[0]!;
  const oid = oidString(der, algId);
  const alg = oid === '1.2.840.10045.2.1' ? 'ES256' : oid === '1.2.840.113549.1.1.1' ? 'PS256' : undefined;
  if (!alg) throw new Error(`unsupported public key algorithm ${oid}`);
  return { spki: der.slice(spki.start, spki.end), alg };
}

const EXT_KEY_USAGE = '2.5.29.37';
// HCERT spec: 1.3.6.1.4.1.1847.2021.1.{1 test, 2 vaccination, 3 recovery}, also under 1.3.6.1.4.1.0.1847….
const DCC_USAGE = /^1\.3\.6\.1\.4\.1\.(?:0\.)?1847\.2021\.1\.([123])$/;
const USAGE_TYPES: Record<string, CertificateType> = { '1': 't', '2': 'v', '3': 'r' };

/**
 * Certificate types the signer may issue. No extended key usage, or one listing no usage at all: all
 * three (HCERT spec; upstream conformance case CO15 "no OID present"). An extended key usage that names
 * usages restricts the signer to the DCC types among them, so one naming only other usages (e.g. TLS
 * server) may sign no DCC at all (issue #8): a restriction to nothing must never read as no restriction.
 */
export function certificateAllowedTypes(der: Uint8Array): CertificateType[] {
  const extsWrapper = tbsFields(der).find((f) => f.tag === 0xa3);
  const allowed = new Set<CertificateType>();
  let restricted = false;
  if (extsWrapper) {
    for (const ext of children(der, children(der, extsWrapper)[0]!)) {
      const parts = children(der, ext);
      if (oidString(der, parts[0]!) !== EXT_KEY_USAGE) continue;
      const usage = readTlv(der, parts.at(-1)!.body); // OCTET STRING wraps SEQUENCE OF OID
      const oids = children(der, usage);
      if (oids.length) restricted = true;
      for (const oid of oids) {
        const m = DCC_USAGE.exec(oidString(der, oid));
        if (m) allowed.add(USAGE_TYPES[m[1]!]!);
      }
    }
  }
  return restricted ? [...allowed] : ['v', 't', 'r'];
}
