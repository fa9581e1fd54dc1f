import { HcertError } from '@phongdich/dcc';
import type { Queryable } from '../../core/db/db';
import type { SigningKey } from '../keys';
import { issueTestCertificate } from './certificates.issue';
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
 * is returned, so the result itself is still released and the supervisor sees what to retry.
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
    await tx.query('delete from certificate_failures where person_result_id = $1', [target.personResultId]);
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

/** The facts a certificate states, read from a released person result; undefined when none is due. */
export async function certificateFactsOf(
  q: Queryable,
  personResultId: string,
): Promise<{ target: IssueTarget; facts: TestCertificateFacts; releasedAt: Date } | undefined> {
  const rows = await q.query<{
    person_id: string;
    result: 'positive' | 'negative' | 'invalid';
    test_type: 'rt_pcr' | 'rapid_antigen';
    pooled: boolean;
    collected_at: Date | null;
    released_at: Date;
    lab_id: string | null;
    lab_name: string | null;
    kit: string | null;
    full_name: string | null;
    birth_date: string | null;
    birth_year: number | null;
  }>(
    `select r.person_id, r.result, r.test_type, r.pooled, r.collected_at, r.released_at,
       r.lab_id::text as lab_id, r.lab_name, l.kit, p.full_name, p.birth_date::text as birth_date, p.birth_year
     from person_results r left join lab_results l on l.barcode = r.barcode left join persons p on p.id = r.person_id
     where r.id = $1`,
    [personResultId],
  );
  const r = rows[0];
  if (!r || !certificateDue(r.result, r.pooled) || !r.full_name || !r.birth_year) return undefined;
  return {
    target: { personId: r.person_id, personResultId, labId: r.lab_id },
    releasedAt: r.released_at,
    facts: {
      fullName: r.full_name,
      birthDate: r.birth_date,
      birthYear: r.birth_year,
      testType: r.test_type,
      result: r.result as 'positive' | 'negative',
      kit: r.kit,
      collectedAt: r.collected_at ?? r.released_at,
      labName: r.lab_name ?? 'Phòng xét nghiệm',
    },
  };
}

/** An invalid result, or a positive pool (not a diagnosis of anyone in it), gets no certificate. */
export function certificateDue(result: string, pooled: boolean): boolean {
  return result !== 'invalid' && !(pooled && result === 'positive');
}
