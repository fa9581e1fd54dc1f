import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import type { Queryable } from '../../core/db/db';
import { emitEvent } from '../../core/events/emit';
import { personBriefs } from '../people';
import { sendMessage } from '../outbox';
import { withdrawalNotice } from './tracing.sms';
import { unlinkAnnulledCase } from './tracing.clusters';

/**
 * A case annulled by a result correction was never a case: everyone traced from it (every generation
 * of its chain) is withdrawn. A confirmed contact stops being F1/F2 from it (the status source reads
 * confirmed rows only, so that colour goes) and a pending candidate leaves the lists; the rows stay,
 * marked with the status they had, each withdrawal audited. A person who is also a confirmed contact
 * of another case keeps that row, so that colour and follow-up stay; the others who had been told
 * are told it is lifted (without naming the case). It no longer counts for clusters and leaves the
 * open ones (unlinkAnnulledCase). Idempotent: a second run finds nothing to change.
 */
export async function withdrawAnnulledCase(tx: Queryable, caseId: string, ctx: AuditContext) {
  const rows = await tx.query<{
    id: string;
    person_id: string;
    withdrawn_from: 'candidate' | 'confirmed';
    generation: number;
    exposure_date: string | null;
  }>(
    `update contacts set withdrawn_from = status, status = 'withdrawn', status_reason = 'case_annulled',
            status_at = now(), status_by_account_id = null, updated_at = now(), version = version + 1
      where root_case_id = $1 and status in ('candidate', 'confirmed')
      returning id, person_id, withdrawn_from, generation, exposure_date::text as exposure_date`,
    [caseId],
  );
  const lines = await tx.query(
    `update named_contacts set status = 'withdrawn', updated_at = now()
      where case_id = $1 and status in ('pending', 'ambiguous') returning id`,
    [caseId],
  );
  const confirmed = rows.filter((r) => r.withdrawn_from === 'confirmed');
  const still = new Set(
    (
      await tx.query<{ person_id: string }>(
        `select distinct person_id from contacts where person_id = any($1::uuid[]) and status = 'confirmed'`,
        [confirmed.map((r) => r.person_id)],
      )
    ).map((r) => r.person_id),
  );
  const briefs = await personBriefs(
    tx,
    confirmed.filter((r) => !still.has(r.person_id)).map((r) => r.person_id),
  );
  const told = new Set<string>();
  for (const r of rows) {
    const stillContact = still.has(r.person_id);
    if (r.withdrawn_from === 'confirmed') {
      const phone = briefs.get(r.person_id)?.phones[0];
      // One notice a person, however many rows of the chain named them.
      if (phone && !stillContact && r.exposure_date && !told.has(r.person_id)) {
        told.add(r.person_id);
        await sendMessage(tx, { channel: 'sms', to: phone, ...withdrawalNotice(r.exposure_date) });
      }
      await emitEvent(tx, 'contact.withdrawn', {
        contactId: r.id,
        personId: r.person_id,
        subjectCaseId: caseId,
        reason: 'case_annulled',
        stillContact,
      });
    }
    await recordAudit(tx, ctx, {
      action: 'contact.withdraw',
      personId: r.person_id,
      details: { contactId: r.id, caseId, from: r.withdrawn_from, generation: r.generation, stillContact },
    });
  }
  const clusters = await unlinkAnnulledCase(tx, caseId);
  return {
    withdrawn: rows.length,
    confirmed: confirmed.length,
    lines: lines.length,
    clusters: clusters.length,
  };
}
