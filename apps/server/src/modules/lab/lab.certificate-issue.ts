import type { Queryable } from '../../core/db/db';
import {
  certificateDue,
  issueOrRecordFailure,
  type IssueTarget,
  type TestCertificateFacts,
} from '../certificates';
import type { SigningKey } from '../keys';
import { personBriefs } from '../people';

/**
 * A certificate for a released person result, issued by the certificates module (which records a
 * failure instead of failing the transaction) and linked here to the person result, the lab's row,
 * in the same transaction.
 */
export async function issueCertificateFor(
  tx: Queryable,
  key: SigningKey,
  target: IssueTarget,
  facts: TestCertificateFacts,
  now?: Date,
): Promise<{ id: string; uvci: string } | null> {
  const issued = await issueOrRecordFailure(tx, key, target, facts, now);
  if (issued) await linkCertificate(tx, target.personResultId, issued.id);
  return issued;
}

/** The person result's current certificate (null: none, e.g. corrected to a result that gets none). */
export async function linkCertificate(
  tx: Queryable,
  personResultId: string,
  certificateId: string | null,
): Promise<void> {
  await tx.query('update person_results set certificate_id = $2 where id = $1', [
    personResultId,
    certificateId,
  ]);
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
  }>(
    `select r.person_id::text as person_id, r.result, r.test_type, r.pooled, r.collected_at, r.released_at,
       r.lab_id::text as lab_id, r.lab_name, l.kit
     from person_results r left join lab_results l on l.barcode = r.barcode
     where r.id = $1`,
    [personResultId],
  );
  const r = rows[0];
  if (!r || !certificateDue(r.result, r.pooled)) return undefined;
  const person = (await personBriefs(q, [r.person_id])).get(r.person_id);
  if (!person?.fullName || !person.birthYear) return undefined;
  return {
    target: { personId: r.person_id, personResultId, labId: r.lab_id },
    releasedAt: r.released_at,
    facts: {
      fullName: person.fullName,
      birthDate: person.birthDate,
      birthYear: person.birthYear,
      testType: r.test_type,
      result: r.result as 'positive' | 'negative',
      kit: r.kit,
      collectedAt: r.collected_at ?? r.released_at,
      labName: r.lab_name ?? 'Phòng xét nghiệm',
    },
  };
}
