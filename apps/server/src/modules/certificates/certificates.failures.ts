import type { Queryable } from '../../core/db/db';

/**
 * The certificates that could not be signed (`certificate_failures`, this module's table), for the
 * lab that released the results: listed, retried and cleared through these, in the caller's
 * transaction. A failure names the person result by id; the lab maps ids to its barcodes.
 */
export interface CertificateFailure {
  personResultId: string;
  personId: string;
  reason: string;
  attempts: number;
  firstFailedAt: Date;
}

/** The lab's failures, oldest first; `forUpdate` locks them for a retry in the caller's transaction. */
export async function certificateFailuresOfLab(
  q: Queryable,
  labId: string,
  limit: number,
  forUpdate = false,
): Promise<CertificateFailure[]> {
  return q.query<CertificateFailure>(
    `select person_result_id::text as "personResultId", person_id::text as "personId", reason, attempts,
       first_failed_at as "firstFailedAt"
     from certificate_failures where lab_id = $1::uuid order by first_failed_at limit $2${forUpdate ? ' for update' : ''}`,
    [labId, limit],
  );
}

/** How many failures are waiting: of a lab, or among some person results. */
export async function countCertificateFailures(
  q: Queryable,
  of: { labId: string } | { personResultIds: readonly string[] },
): Promise<number> {
  const rows =
    'labId' in of
      ? await q.query<{ n: number }>(
          'select count(*)::int as n from certificate_failures where lab_id = $1::uuid',
          [of.labId],
        )
      : await q.query<{ n: number }>(
          'select count(*)::int as n from certificate_failures where person_result_id = any($1::uuid[])',
          [[...of.personResultIds]],
        );
  return rows[0]?.n ?? 0;
}

/** The failure of a person result is over (issued since, or no certificate due any more). */
export async function clearCertificateFailure(tx: Queryable, personResultId: string): Promise<void> {
  await tx.query('delete from certificate_failures where person_result_id = $1', [personResultId]);
}

/** The uvci of each certificate named (for their revocation when a result is corrected). */
export async function certificateUvcis(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ id: string; uvci: string }>(
    'select id::text as id, uvci from test_certificates where id = any($1::uuid[])',
    [[...ids]],
  );
  return new Map(rows.map((r) => [r.id, r.uvci]));
}

/** A corrected result's old certificate points to the one that replaced it (null: none replaced it). */
export async function markCertificateReplaced(
  tx: Queryable,
  certificateId: string,
  replacedBy: string | null,
): Promise<void> {
  await tx.query('update test_certificates set replaced_by = $2 where id = $1', [certificateId, replacedBy]);
}
