import { HcertError } from '@phongdich/dcc';
import type { Queryable } from '../../core/db/db';
import type { SigningKey } from '../keys';
import { issueTestCertificate } from './certificates.issue';
import { clearCertificateFailure } from './certificates.failures';
import type { TestCertificateFacts } from './certificates.payload';

export interface IssueTarget {
  personId: string;
  personResultId: string;
  labId: string | null;
}

/**
 * Issues a certificate without ever failing the caller's transaction (issue #8: one unusual name
 * blocked a whole batch of results). The attempt runs inside a savepoint; on any failure the savepoint
 * is rolled back, the failure is recorded in `certificate_failures` (a code, never the name) and null
 * is returned, so the result itself is still released and the supervisor sees what to retry. The
 * lab links the certificate to its person result (its own table) in the same transaction.
 */
export async function issueOrRecordFailure(
  tx: Queryable,
  key: SigningKey,
  target: IssueTarget,
  facts: TestCertificateFacts,
  now = new Date(),
): Promise<{ id: string; uvci: string } | null> {
  await tx.query('savepoint certificate_issue');
  try {
    const issued = await issueTestCertificate(tx, key, target, facts, now);
    await tx.query('release savepoint certificate_issue');
    await clearCertificateFailure(tx, target.personResultId);
    return issued;
  } catch (err) {
    await tx.query('rollback to savepoint certificate_issue');
    const reason = err instanceof HcertError ? err.reason : 'INTERNAL';
    await tx.query(
      `insert into certificate_failures (person_result_id, person_id, lab_id, reason)
       values ($1, $2, $3, $4)
       on conflict (person_result_id) do update
         set attempts = certificate_failures.attempts + 1, reason = excluded.reason, last_failed_at = now()`,
      [target.personResultId, target.personId, target.labId, reason],
    );
    return null;
  }
}

/** An invalid result, or a positive pool (not a diagnosis of anyone in it), gets no certificate. */
export function certificateDue(result: string, pooled: boolean): boolean {
  return result !== 'invalid' && !(pooled && result === 'positive');
}
