import { recordAudit } from '../../core/audit/audit';
import { emitEvent } from '../../core/events/emit';
import { onEvent } from '../../core/events/handler';
import { addHistory, openCaseOf } from './cases.repository';
import { CASES_FROM_RESULTS } from './cases.open';

const ACCOUNT = 'system:cases.follow-correction';
// The platform acting on a lab's correction: the audit log and history name this handler.
const CORRECTOR = {
  actor: { ...CASES_FROM_RESULTS, accountId: ACCOUNT, displayName: 'cases.follow-correction' },
};

/**
 * A lab's correction of a released single-person result (lab emits `test.corrected` per person). A
 * positive corrected to negative or invalid annuls the confirmation that tube gave the person's open
 * case; when no confirmation remains the case is closed as annulled (never a case: the colour is no
 * longer red). A result corrected back to positive restores its annulled confirmation on an open case;
 * where there is none, lab's `test.positive` for the correction opens one (`cases.open-from-result`).
 * Pools confirm no case, so their corrections change none.
 */
export const followResultCorrection = onEvent('test.corrected', 'cases.follow-correction', async (tx, e) => {
  const { personId, barcode, from, to, pooled } = e.payload;
  if (pooled || from === to) return;
  const open = await openCaseOf(tx, personId, true);
  if (!open) return;
  if (to === 'positive') {
    const restored = await tx.query(
      `update case_confirmations set annulled_at = null
       where case_id = $1 and barcode = $2 and annulled_at is not null returning id`,
      [open.id, barcode],
    );
    if (!restored.length) return;
    await newVersion(open.id, open.version, ['confirmation'], 'case.confirmation_restore');
    return;
  }
  if (from !== 'positive') return;
  const annulled = await tx.query(
    `update case_confirmations set annulled_at = now()
     where case_id = $1 and barcode = $2 and annulled_at is null returning id`,
    [open.id, barcode],
  );
  if (!annulled.length) return;
  const [left] = await tx.query<{ n: number; first: string | null }>(
    `select count(*)::int as n, min(sample_date)::text as first from case_confirmations
     where case_id = $1 and annulled_at is null`,
    [open.id],
  );
  if (left!.n > 0) {
    // The infectious window starts from the earliest confirming sample that still stands.
    await tx.query('update cases set sample_date = $2::date where id = $1', [open.id, left!.first]);
    await newVersion(open.id, open.version, ['confirmation', 'sampleDate'], 'case.confirmation_annul');
    return;
  }
  await tx.query(
    `update cases set status = 'closed', closed_reason = 'annulled', closed_at = now() where id = $1`,
    [open.id],
  );
  await newVersion(open.id, open.version, ['confirmation', 'status'], 'case.annul');

  async function newVersion(
    caseId: string,
    was: number,
    changed: string[],
    action: 'case.annul' | 'case.confirmation_annul' | 'case.confirmation_restore',
  ): Promise<void> {
    await tx.query('update cases set version = $2, updated_at = now() where id = $1', [caseId, was + 1]);
    await addHistory(tx, caseId, was + 1, changed, ACCOUNT);
    await recordAudit(tx, CORRECTOR, {
      action,
      personId,
      details: { caseId, barcode, from, to },
    });
    await emitEvent(tx, 'case.updated', { caseId, personId, changed });
  }
});
