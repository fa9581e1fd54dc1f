import type { CorrectionInput } from '@phongdich/contracts/lab';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { certificateDue, certificateUvcis, markCertificateReplaced } from '../certificates';
import { signingKey, type SigningKey, revoke } from '../keys';
import { sendMessage } from '../outbox';
import { emitEvent } from '../../core/events/emit';
import { personBriefs } from '../people';
import { addWorklistItem, closeWorklistItems, reopenWorklistItems } from '../worklist';
import { certificateFactsOf, issueCertificateFor, linkCertificate } from './lab.certificate-issue';
import { labOf, normalizeCt, sameResult } from './lab.common';
import { closeRetests, openRetest, reportPositive, type MemberRow } from './lab.release';
import type { CtValues, LabResultValue } from './lab.types';

// What the supervisor sends is the route's body (packages/contracts).
export type { CorrectionInput };

export interface CorrectionOutcome {
  barcode: string;
  correctionId: string;
  from: LabResultValue;
  to: LabResultValue;
  people: number;
  certificatesRevoked: number;
  certificatesIssued: number;
}

const NOTICE = {
  subject: 'Phòng Dịch: kết quả xét nghiệm được đính chính',
  // Privacy: as for a release, the SMS says only that something changed; the result is behind sign-in.
  body: 'Phong Dich: ket qua xet nghiem cua ban da duoc dinh chinh. Dang nhap ung dung de xem. / Your test result was corrected; sign in to see it.',
};

interface Stored {
  barcode: string;
  lab_id: string;
  status: 'entered' | 'released';
  result: LabResultValue;
  ct_values: CtValues | null;
  kit: string | null;
}
interface Member extends MemberRow {
  person_result_id: string;
  certificate_id: string | null;
  uvci: string | null;
  released_at: Date;
}

/**
 * The tube's person results with what a correction needs of each: the certificate's uvci (certificates)
 * and the person's name, birth and phones (people), read through their owners.
 */
async function correctedMembers(tx: Queryable, barcode: string): Promise<Member[]> {
  const rows = await tx.query<{
    person_result_id: string;
    person_id: string;
    certificate_id: string | null;
    collected_at: Date;
    released_at: Date;
  }>(
    `select r.id::text as person_result_id, r.person_id::text as person_id, r.certificate_id::text as certificate_id,
       coalesce(r.collected_at, r.released_at) as collected_at, r.released_at
     from person_results r where r.barcode = $1 order by r.person_id`,
    [barcode],
  );
  const uvcis = await certificateUvcis(
    tx,
    rows.flatMap((r) => (r.certificate_id ? [r.certificate_id] : [])),
  );
  const people = await personBriefs(
    tx,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => {
    const p = people.get(r.person_id);
    return {
      ...r,
      uvci: r.certificate_id ? (uvcis.get(r.certificate_id) ?? null) : null,
      full_name: p?.fullName ?? null,
      birth_date: p?.birthDate ?? null,
      birth_year: p?.birthYear ?? null,
      phones: p?.phones ?? null,
      commune_code: p?.communeCode ?? null,
    };
  });
}

/**
 * A lab supervisor corrects a released result (issue #7 §2). Everything happens in one transaction,
 * so a failure leaves the old result fully in force: the history row keeps the replaced value; every
 * member's person result takes the new one; their certificates are revoked and reissued when one is
 * due; the person and the commune are told (SMS notice, domain event, worklist item); the follow-ups of
 * the old value are closed and those of the new one opened; and the audit log records it per person.
 * An Idempotency-Key makes a retried request answer the first one's outcome instead of correcting twice.
 */
export function labCorrectionService(db: Db) {
  return {
    async correct(
      ctx: AuditContext,
      barcode: string,
      input: CorrectionInput,
      idempotencyKey: string | undefined,
    ): Promise<CorrectionOutcome> {
      authorize(ctx.actor, 'lab.result.verify');
      const { labId, accountId } = labOf(ctx.actor);
      const key = await signingKey(db, 'dcc');
      const res = await runIdempotent(
        db,
        {
          scope: idempotencyScope(`lab.result.correct:${barcode}`, ctx.actor),
          key: idempotencyKey,
          body: input,
          status: 200,
        },
        (tx) => correctInTx(tx, ctx, key, { barcode, labId, accountId }, input),
      );
      return res.body;
    },
  };
}

async function correctInTx(
  tx: Queryable,
  ctx: AuditContext,
  key: SigningKey,
  at: { barcode: string; labId: string; accountId: string },
  input: CorrectionInput,
): Promise<CorrectionOutcome> {
  const { barcode } = at;
  const stored = (
    await tx.query<Stored>(
      `select barcode, lab_id::text as lab_id, status, result, ct_values, kit from lab_results
       where barcode = $1 for update`,
      [barcode],
    )
  )[0];
  if (!stored || stored.lab_id !== at.labId) throw new AppError('RESULT_NOT_ENTERED');
  if (stored.status !== 'released') throw new AppError('RESULT_NOT_RELEASED');
  if (sameResult(stored, { ...input, barcode })) throw new AppError('CORRECTION_UNCHANGED');
  const ct = normalizeCt(input.ctValues);
  const kit = input.kit?.trim() || null;
  const reason = input.reason.trim();

  const correction = await tx.query<{ id: string }>(
    `insert into lab_result_corrections (barcode, old_result, old_ct_values, old_kit, new_result, new_ct_values,
       new_kit, reason, corrected_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      barcode,
      stored.result,
      stored.ct_values ? JSON.stringify(stored.ct_values) : null,
      stored.kit,
      input.result,
      ct ? JSON.stringify(ct) : null,
      kit,
      reason,
      at.accountId,
    ],
  );
  const correctionId = correction[0]!.id;
  await tx.query(
    `update lab_results set result = $2, ct_values = $3, kit = $4, corrected_at = now() where barcode = $1`,
    [barcode, input.result, ct ? JSON.stringify(ct) : null, kit],
  );
  await tx.query(`update person_results set result = $2 where barcode = $1`, [barcode, input.result]);

  const members = await correctedMembers(tx, barcode);
  const pooled = members.length > 1;
  let revoked = 0;
  let issued = 0;
  for (const m of members) {
    if (m.uvci) {
      await revoke(tx, {
        type: 'DCC',
        id: m.uvci,
        reason: `Đính chính kết quả / Result corrected`,
        revokedBy: at.accountId,
      });
      revoked++;
    }
    let newCertificate: string | null = null;
    if (certificateDue(input.result, pooled)) {
      const due = await certificateFactsOf(tx, m.person_result_id);
      if (due) {
        const cert = await issueCertificateFor(tx, key, due.target, due.facts);
        if (cert) {
          newCertificate = cert.id;
          issued++;
        }
      }
    }
    if (m.certificate_id) await markCertificateReplaced(tx, m.certificate_id, newCertificate);
    if (!newCertificate) await linkCertificate(tx, m.person_result_id, null);

    await updateFollowUps(tx, m, barcode, pooled, stored.result, input.result);
    const phone = m.phones?.[0];
    if (phone) await sendMessage(tx, { channel: 'sms', to: phone, ...NOTICE });
    await emitEvent(tx, 'test.corrected', {
      personId: m.person_id,
      barcode,
      from: stored.result,
      to: input.result,
      pooled,
      correctedAt: new Date().toISOString(),
    });
    if (m.commune_code)
      await addWorklistItem(tx, {
        kind: 'result_corrected',
        personId: m.person_id,
        communeCode: m.commune_code,
        title: {
          vi: 'Kết quả xét nghiệm đã được đính chính: kiểm tra lại việc theo dõi',
          en: 'A test result was corrected: review the follow-up',
        },
        sourceType: 'lab_result_correction',
        sourceId: `${correctionId}:${m.person_id}`,
        priority: 'high',
        data: { barcode, from: stored.result, to: input.result, pooled },
      });
    await recordAudit(tx, ctx, {
      action: 'lab.result.correct',
      personId: m.person_id,
      reason,
      details: { barcode, from: stored.result, to: input.result, correctionId },
    });
  }
  return {
    barcode,
    correctionId,
    from: stored.result,
    to: input.result,
    people: members.length,
    certificatesRevoked: revoked,
    certificatesIssued: issued,
  };
}

/** Close what the old value asked the commune to do and open what the new one asks. */
async function updateFollowUps(
  tx: Queryable,
  m: Member,
  barcode: string,
  pooled: boolean,
  from: LabResultValue,
  to: LabResultValue,
): Promise<void> {
  const note = `Kết quả đính chính: ${from} → ${to} / Result corrected: ${from} → ${to}`;
  if (!pooled && from === 'positive') {
    await closeWorklistItems(tx, {
      kind: 'test_positive',
      sourceType: 'lab_result',
      sourceIds: [`${barcode}:${m.person_id}`],
      note,
    });
  }
  if (pooled && from === 'positive') {
    const closed = await tx.query<{ id: string }>(
      `update retest_tasks set status = 'done', closed_at = now(), closed_by_barcode = $2
       where person_id = $1 and pool_barcode = $2 and status = 'pending' returning id::text as id`,
      [m.person_id, barcode],
    );
    await closeWorklistItems(tx, {
      kind: 'retest_pending',
      sourceType: 'retest_task',
      sourceIds: closed.map((r) => r.id),
      note,
      evenIfDone: true,
    });
  }
  if (pooled && to === 'positive') {
    // A task closed by an earlier correction opens again; a new one is added otherwise.
    await tx.query(
      `update retest_tasks set status = 'pending', closed_at = null, closed_by_barcode = null
       where person_id = $1 and pool_barcode = $2 and closed_by_barcode = $2`,
      [m.person_id, barcode],
    );
    await openRetest(tx, m, barcode);
    await reopen(tx, 'retest_pending', 'retest_task', null, m.person_id, barcode);
  }
  if (!pooled && to === 'positive') {
    await reportPositive(tx, m, barcode, m.collected_at, m.released_at);
    await reopen(tx, 'test_positive', 'lab_result', `${barcode}:${m.person_id}`, m.person_id, barcode);
  }
  if (!pooled && to !== 'invalid') await closeRetests(tx, m.person_id, barcode);
}

/** A follow-up closed by an earlier correction is open again when a later one restores its cause. */
async function reopen(
  tx: Queryable,
  kind: string,
  sourceType: string,
  sourceId: string | null,
  personId: string,
  barcode: string,
): Promise<void> {
  const ids = sourceId
    ? [sourceId]
    : (
        await tx.query<{ id: string }>(
          `select id::text as id from retest_tasks where person_id = $1 and pool_barcode = $2 and status = 'pending'`,
          [personId, barcode],
        )
      ).map((r) => r.id);
  await reopenWorklistItems(tx, kind, sourceType, ids);
}
