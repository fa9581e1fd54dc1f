// Test helpers: another country's CSCA and document signer, and certificates signed by them.
import {
  createCscaCertificate,
  createDocumentSignerCertificate,
  encodeHcert,
  generateSigningKeyPair,
  kidFromCertificate,
  toBase64,
  type CertificateType,
  type DccPayload,
} from '@phongdich/dcc';

export async function foreignSigner(country: string, types: CertificateType[] = ['v', 't', 'r']) {
  const ca = await generateSigningKeyPair('ES256');
  const now = new Date();
  const notAfter = new Date(now.getTime() + 5 * 365 * 864e5);
  const cscaDer = await createCscaCertificate({
    publicKey: ca.publicKey,
    privateKey: ca.privateKey,
    subject: { commonName: `CSCA ${country}`, country },
    notBefore: now,
    notAfter,
  });
  const pair = await generateSigningKeyPair('ES256');
  const der = await createDocumentSignerCertificate({
    publicKey: pair.publicKey,
    subject: { commonName: `DSC ${country}`, country },
    csca: { certificate: cscaDer, privateKey: ca.privateKey },
    types,
    notBefore: now,
    notAfter,
  });
  const kid = await kidFromCertificate(der);
  return {
    der,
    kid: toBase64(kid),
    /** The file another country's gateway would publish, in the EU form. */
    euJson: (extra: object[] = []) =>
      JSON.stringify([
        { kid: toBase64(kid), country, certificateType: 'DSC', rawData: toBase64(der) },
        ...extra,
      ]),
    pem: () =>
      `-----BEGIN CERTIFICATE-----\n${toBase64(der).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`,
    sign: (payload: DccPayload, issuedAt = new Date()) =>
      encodeHcert({
        payload,
        issuer: country,
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + 365 * 864e5),
        kid,
        privateKey: pair.privateKey,
      }),
  };
}

/** A vaccination payload as another country issues it (schema 1.3.0, one entry). */
export function foreignVaccination(country: string, ci: string): DccPayload {
  return {
    ver: '1.3.0',
    nam: { fn: 'Müller', fnt: 'MUELLER', gn: 'Anna', gnt: 'ANNA' },
    dob: '1980-04-02',
    v: [
      {
        tg: '840539006',
        vp: '1119349007',
        mp: 'EU/1/20/1528',
        ma: 'ORG-100030215',
        dn: 2,
        sd: 2,
        dt: '2021-06-01',
        co: country,
        is: `Ministry of Health ${country}`,
        ci,
      },
    ],
  };
}
