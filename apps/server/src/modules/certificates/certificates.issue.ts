import { encodeHcert } from '@phongdich/dcc';
import type { Queryable } from '../../core/db/db';
import type { SigningKey } from '../keys';
import {
  CERTIFICATE_VALIDITY_DAYS,
  nativeZlib,
  newUvci,
  testCertificatePayload,
  type TestCertificateFacts,
} from './certificates.payload';

/**
 * Signs and stores a DCC test certificate for one released person result, in the caller's
 * transaction. The key is fetched by the caller before the transaction opens (fetching may write).
 * The person result is the lab's: the lab links the certificate to it (`issueCertificateFor`).
 */
export async function issueTestCertificate(
  tx: Queryable,
  key: SigningKey,
  target: { personId: string; personResultId: string },
  facts: TestCertificateFacts,
  now = new Date(),
): Promise<{ id: string; uvci: string }> {
  const uvci = newUvci();
  const expiresAt = new Date(now.getTime() + CERTIFICATE_VALIDITY_DAYS * 864e5);
  const hc1 = await encodeHcert({
    payload: testCertificatePayload(facts, uvci),
    issuer: 'VN',
    issuedAt: now,
    expiresAt,
    kid: key.kidBytes,
    privateKey: key.privateKey,
    deflate: nativeZlib,
  });
  const rows = await tx.query<{ id: string }>(
    `insert into test_certificates (uvci, person_id, person_result_id, hc1, kid, issued_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [uvci, target.personId, target.personResultId, hc1, key.kid, now, expiresAt],
  );
  return { id: rows[0]!.id, uvci };
}
