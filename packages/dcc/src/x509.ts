// X.509 for DCC trust lists on pkijs (a maintained ASN.1/X.509 library, no install scripts): reading a
// document signer's public key and DCC key usages, and making CSCA and document-signer certificates.
// Reading runs in browsers too (no node:crypto); making certificates needs WebCrypto, which both have.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buf } from './bytes';
import type { DccAlg } from './keys';
import type { CertificateType } from './payload';
import type { WebCryptoKey } from './webcrypto';

const EXT_KEY_USAGE = '2.5.29.37';
const EXT_BASIC_CONSTRAINTS = '2.5.29.19';
const EXT_KEY_USAGE_BITS = '2.5.29.15';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSA_PSS = '1.2.840.113549.1.1.10';
// HCERT spec: 1.3.6.1.4.1.1847.2021.1.{1 test, 2 vaccination, 3 recovery}, also under 1.3.6.1.4.1.0.1847….
const DCC_USAGE = /^1\.3\.6\.1\.4\.1\.(?:0\.)?1847\.2021\.1\.([123])$/;
const USAGE_TYPES: Record<string, CertificateType> = { '1': 't', '2': 'v', '3': 'r' };
/** The extended key usage OID that lets a signer issue a certificate type. */
export const DCC_USAGE_OIDS: Record<CertificateType, string> = {
  t: '1.3.6.1.4.1.1847.2021.1.1',
  v: '1.3.6.1.4.1.1847.2021.1.2',
  r: '1.3.6.1.4.1.1847.2021.1.3',
};

function parse(der: Uint8Array): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(buf(der));
  } catch (e) {
    throw new Error(`not an X.509 certificate: ${(e as Error).message}`);
  }
}

export interface SignerCertificate {
  spki: Uint8Array;
  alg: DccAlg;
  allowedTypes: CertificateType[];
  /** The subject's country (C), when it names one. */
  country: string | undefined;
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

function nameText(name: pkijs.RelativeDistinguishedNames): string {
  const short: Record<string, string> = {
    '2.5.4.3': 'CN',
    '2.5.4.6': 'C',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
  };
  return name.typesAndValues
    .map((tv) => `${short[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .join(', ');
}

function algOf(cert: pkijs.Certificate): DccAlg {
  const oid = cert.subjectPublicKeyInfo.algorithm.algorithmId;
  if (oid === EC_PUBLIC_KEY) return 'ES256';
  if (oid === RSA_ENCRYPTION || oid === RSA_PSS) return 'PS256';
  throw new Error(`unsupported public key algorithm ${oid}`);
}

/**
 * Certificate types the signer may issue. No extended key usage, or one listing no usage at all: all
 * three (HCERT spec; upstream conformance case CO15 "no OID present"). An extended key usage that names
 * usages restricts the signer to the DCC types among them, so one naming only other usages (e.g. TLS
 * server) may sign no DCC at all (issue #8): a restriction to nothing must never read as no restriction.
 */
function allowedTypesOf(cert: pkijs.Certificate): CertificateType[] {
  const allowed = new Set<CertificateType>();
  let restricted = false;
  for (const ext of cert.extensions ?? []) {
    if (ext.extnID !== EXT_KEY_USAGE) continue;
    const usage = ext.parsedValue instanceof pkijs.ExtKeyUsage ? ext.parsedValue : undefined;
    // An extended key usage that cannot be read restricts to nothing rather than to everything.
    if (!usage) return [];
    if (usage.keyPurposes.length) restricted = true;
    for (const oid of usage.keyPurposes) {
      const m = DCC_USAGE.exec(oid);
      if (m) allowed.add(USAGE_TYPES[m[1]!]!);
    }
  }
  return restricted ? [...allowed] : ['v', 't', 'r'];
}

/** Everything a verifier needs of a document-signer certificate (DER). Throws on what it cannot use. */
export function readSignerCertificate(der: Uint8Array): SignerCertificate {
  const cert = parse(der);
  const country = cert.subject.typesAndValues.find((tv) => tv.type === '2.5.4.6');
  return {
    spki: new Uint8Array(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
    alg: algOf(cert),
    allowedTypes: allowedTypesOf(cert),
    country: country ? String(country.value.valueBlock.value) : undefined,
    subject: nameText(cert.subject),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}

/** SubjectPublicKeyInfo (DER) and the DCC algorithm that key type signs with. */
export function certificatePublicKey(der: Uint8Array): { spki: Uint8Array; alg: DccAlg } {
  const { spki, alg } = readSignerCertificate(der);
  return { spki, alg };
}

export function certificateAllowedTypes(der: Uint8Array): CertificateType[] {
  return allowedTypesOf(parse(der));
}

// --- making certificates (the issuer side)

export interface CertificateSubject {
  commonName: string;
  country: string;
  organization?: string;
}

function setName(name: pkijs.RelativeDistinguishedNames, s: CertificateSubject): void {
  const add = (type: string, value: asn1js.BaseStringBlock) =>
    name.typesAndValues.push(new pkijs.AttributeTypeAndValue({ type, value }));
  add('2.5.4.6', new asn1js.PrintableString({ value: s.country }));
  if (s.organization) add('2.5.4.10', new asn1js.Utf8String({ value: s.organization }));
  add('2.5.4.3', new asn1js.Utf8String({ value: s.commonName }));
}

function serial(): asn1js.Integer {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f; // positive
  return new asn1js.Integer({ valueHex: buf(bytes) });
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.BaseBlock }) {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toSchema().toBER(false) });
}

/** keyUsage bits (RFC 5280 §4.2.1.3), written as a BIT STRING: digitalSignature, or keyCertSign + cRLSign. */
function keyUsage(ca: boolean): pkijs.Extension {
  const bits = ca ? 0x06 : 0x80;
  const unused = ca ? 1 : 7;
  return new pkijs.Extension({
    extnID: EXT_KEY_USAGE_BITS,
    critical: true,
    extnValue: new asn1js.BitString({ valueHex: new Uint8Array([bits]).buffer, unusedBits: unused }).toBER(
      false,
    ),
  });
}

async function signed(
  cert: pkijs.Certificate,
  subjectKey: WebCryptoKey,
  signerKey: WebCryptoKey,
): Promise<Uint8Array> {
  cert.version = 2;
  cert.serialNumber = serial();
  // pkijs names the DOM CryptoKey type, which the server's Node-only lib does not declare: the same object.
  await cert.subjectPublicKeyInfo.importKey(subjectKey as Parameters<pkijs.PublicKeyInfo['importKey']>[0]);
  await cert.sign(signerKey as Parameters<pkijs.Certificate['sign']>[0], 'SHA-256');
  return new Uint8Array(cert.toSchema(true).toBER(false));
}

/** A self-signed country signing CA (CSCA) certificate for a P-256 key pair. */
export async function createCscaCertificate(opts: {
  publicKey: WebCryptoKey;
  privateKey: WebCryptoKey;
  subject: CertificateSubject;
  notBefore: Date;
  notAfter: Date;
}): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  setName(cert.subject, opts.subject);
  setName(cert.issuer, opts.subject);
  cert.notBefore.value = opts.notBefore;
  cert.notAfter.value = opts.notAfter;
  cert.extensions = [
    extension(EXT_BASIC_CONSTRAINTS, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 })),
    keyUsage(true),
  ];
  return signed(cert, opts.publicKey, opts.privateKey);
}

/**
 * A document-signer certificate (DSC) for a signing key, signed by the CSCA, whose extended key usage
 * names the DCC types the key may sign (so a verifier refuses any other type from it).
 */
export async function createDocumentSignerCertificate(opts: {
  publicKey: WebCryptoKey;
  subject: CertificateSubject;
  csca: { certificate: Uint8Array; privateKey: WebCryptoKey };
  types: CertificateType[];
  notBefore: Date;
  notAfter: Date;
}): Promise<Uint8Array> {
  if (!opts.types.length) throw new RangeError('a document signer must be allowed at least one type');
  const issuer = parse(opts.csca.certificate);
  const cert = new pkijs.Certificate();
  setName(cert.subject, opts.subject);
  cert.issuer = issuer.subject;
  cert.notBefore.value = opts.notBefore;
  cert.notAfter.value = opts.notAfter;
  cert.extensions = [
    extension(EXT_BASIC_CONSTRAINTS, true, new pkijs.BasicConstraints({ cA: false })),
    keyUsage(false),
    extension(
      EXT_KEY_USAGE,
      false,
      new pkijs.ExtKeyUsage({ keyPurposes: opts.types.map((t) => DCC_USAGE_OIDS[t]) }),
    ),
  ];
  return signed(cert, opts.publicKey, opts.csca.privateKey);
}

/** Whether `der` carries a valid signature by `issuerDer`'s key (a DSC checked against its CSCA). */
export async function certificateSignedBy(der: Uint8Array, issuerDer: Uint8Array): Promise<boolean> {
  try {
    return await parse(der).verify(parse(issuerDer));
  } catch {
    return false;
  }
}
