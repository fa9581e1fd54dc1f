import { webcrypto } from 'node:crypto';
import {
  createCscaCertificate,
  createDocumentSignerCertificate,
  kidFromCertificate,
  toBase64,
} from '@phongdich/dcc';
import type { Queryable } from '../../core/db/db';
import { keysSecretOf } from '../../core/crypto/keys-secret';
import { decryptPrivateKey, encryptPrivateKey, generateP256, importP256Private } from './key-crypto';

/** The country on our certificates and trust-list entries. */
export const DCC_COUNTRY = 'VN';
const CSCA_YEARS = 10;
/** A DSC outlives the certificates its key signs (12 months) by a year, so they verify to the end. */
const DSC_YEARS = 2;
const years = (n: number, from: Date) => new Date(from.getTime() + n * 365 * 864e5);
const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * The country signing CA that signs our document signers: made once (self-signed, 10 years), its
 * private key encrypted at rest like the signing keys. Runs in the rotation's transaction, which holds
 * the signing-keys lock, so two first rotations cannot make two.
 */
async function activeCsca(
  tx: Queryable,
): Promise<{ certificate: Uint8Array; privateKey: webcrypto.CryptoKey }> {
  const secret = keysSecretOf(tx);
  const row = (
    await tx.query<{ certificate: string; private_key_enc: string }>(
      `select certificate, private_key_enc from dcc_cscas where status = 'active'`,
    )
  )[0];
  if (row)
    return {
      certificate: Buffer.from(row.certificate, 'base64'),
      privateKey: await importP256Private(decryptPrivateKey(row.private_key_enc, secret)),
    };
  const { pkcs8, spki } = await generateP256();
  const privateKey = await importP256Private(pkcs8);
  const publicKey = await webcrypto.subtle.importKey('spki', spki, P256, true, ['verify']);
  const now = new Date();
  const certificate = await createCscaCertificate({
    publicKey,
    privateKey,
    subject: { commonName: 'Phong Dich CSCA', organization: 'Bo Y te', country: DCC_COUNTRY },
    notBefore: now,
    notAfter: years(CSCA_YEARS, now),
  });
  await tx.query(`insert into dcc_cscas (certificate, private_key_enc) values ($1, $2)`, [
    toBase64(certificate),
    encryptPrivateKey(pkcs8, secret),
  ]);
  return { certificate, privateKey };
}

/**
 * A document-signer certificate for a new DCC signing key, signed by the CSCA, allowed to sign the
 * three DCC types (its extended key usage names them). Its kid is SHA-256 over the certificate.
 */
export async function documentSigner(
  tx: Queryable,
  spki: Uint8Array,
): Promise<{ certificate: string; kid: string; kidBytes: Uint8Array }> {
  const csca = await activeCsca(tx);
  const publicKey = await webcrypto.subtle.importKey('spki', spki, P256, true, ['verify']);
  const now = new Date();
  const der = await createDocumentSignerCertificate({
    publicKey,
    subject: { commonName: 'Phong Dich DSC', organization: 'Bo Y te', country: DCC_COUNTRY },
    csca,
    types: ['v', 't', 'r'],
    notBefore: now,
    notAfter: years(DSC_YEARS, now),
  });
  const kidBytes = await kidFromCertificate(der);
  return { certificate: toBase64(der), kid: toBase64(kidBytes), kidBytes };
}

/** The CSCA certificate (base64 DER), for verifiers that check our DSCs against it. */
export async function cscaCertificate(q: Queryable): Promise<string | null> {
  const rows = await q.query<{ certificate: string }>(
    `select certificate from dcc_cscas where status = 'active'`,
  );
  return rows[0]?.certificate ?? null;
}
