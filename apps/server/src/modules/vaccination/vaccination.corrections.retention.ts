import type { Db } from '../../core/db/db';

/** Evidence photos and PDFs are only needed to decide a request; kept this long after the decision. */
export const EVIDENCE_RETENTION_DAYS = 180;

/** Drops the bytes of evidence whose request was decided long enough ago (the row stays: size, hash, when). */
export async function dropDecidedEvidence(db: Db, now = new Date()): Promise<number> {
  const rows = await db.query(
    `update vaccination_correction_evidence e set content = null, deleted_at = $1
     from vaccination_corrections c
     where c.id = e.correction_id and e.deleted_at is null and c.decided_at < $1::timestamptz - make_interval(days => $2)
     returning e.id`,
    [now, EVIDENCE_RETENTION_DAYS],
  );
  return rows.length;
}
