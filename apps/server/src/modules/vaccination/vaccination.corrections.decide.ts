import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { AppError } from '../../core/errors';
import { catalogueInForce } from './vaccination.catalogue';
import { reissueVaccinationCertificate } from './vaccination.certificates';
import {
  assertReviewer,
  correctionRow,
  correctionView,
  DISEASE,
  type CorrectionRow,
} from './vaccination.corrections';
import { emitEvent, loadPerson, signingKey } from './vaccination.deps';

/**
 * Numbers a person's active doses 1, 2, 3… in the order they were given. A missing dose found later may
 * come before doses on record; the unique index on active dose numbers is kept at every row by moving
 * the numbers out of the way first (no number on record reaches 1000).
 */
async function renumberDoses(tx: Queryable, personId: string): Promise<void> {
  await tx.query(
    `update vaccination_doses set dose_number = dose_number + 1000
     where person_id = $1 and disease = $2 and status = 'active'`,
    [personId, DISEASE],
  );
  await tx.query(
    `update vaccination_doses d set dose_number = r.n
     from (select id, row_number() over (order by administered_at, created_at) as n from vaccination_doses
           where person_id = $1 and disease = $2 and status = 'active') r
     where d.id = r.id`,
    [personId, DISEASE],
  );
}

/**
 * The dose an accepted request writes, through the same steps as a dose given at a site: the person's
 * doses taken one at a time (the same lock), the dose kept with source 'correction', the numbers in
 * order, the domain event, and the certificate revoked and reissued. A 'wrong' request voids the dose
 * it names first. A dose already on record that day is kept (and the request points at it).
 */
async function writeCorrectedDose(tx: Queryable, ctx: AuditContext, r: CorrectionRow) {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`vaccination_dose:${r.person_id}`]);
  const person = await loadPerson(tx, r.person_id);
  if (r.kind === 'wrong' && r.dose_id)
    await tx.query(
      `update vaccination_doses set status = 'voided' where id = $1 and person_id = $2 and status = 'active'`,
      [r.dose_id, r.person_id],
    );
  const sameDay = await tx.query<{ id: string }>(
    `select id::text from vaccination_doses
     where person_id = $1 and disease = $2 and administered_on = $3 and status = 'active'`,
    [r.person_id, DISEASE, r.dose_date],
  );
  if (sameDay[0]) return { doseId: sameDay[0].id, written: false };
  // Noon in Viet Nam on the day given: the time of day is not known, the day is.
  const at = new Date(`${r.dose_date}T12:00:00+07:00`);
  const rows = await tx.query<{ id: string }>(
    `insert into vaccination_doses (client_id, person_id, disease, product_mp, lot_number, dose_number, site_id,
       administered_at, administered_on, source, flags, commune_code, district_code, province_code, unit_structure,
       recorded_by_account_id)
     values ($1, $2, $3, $4, $5, 999, $6, $7, $8, 'correction', '{}', $9, $10, $11, $12, $13)
     returning id::text`,
    [
      r.id, // the request's id: accepting it twice cannot write two doses
      r.person_id,
      DISEASE,
      r.product_mp,
      r.lot_number,
      r.site_id,
      at,
      r.dose_date,
      person.commune_code,
      person.district_code,
      person.province_code,
      person.unit_structure,
      ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
    ],
  );
  const doseId = rows[0]!.id;
  await renumberDoses(tx, r.person_id);
  const doseNumber = (
    await tx.query<{ dose_number: number }>('select dose_number from vaccination_doses where id = $1', [
      doseId,
    ])
  )[0]!.dose_number;
  await emitEvent(tx, 'vaccination.dose_recorded', {
    doseId,
    personId: r.person_id,
    disease: DISEASE,
    productMp: r.product_mp,
    doseNumber,
    administeredAt: at.toISOString(),
    source: 'correction',
    siteId: r.site_id,
  });
  return { doseId, written: true };
}

export function correctionDecisions(db: Db) {
  return {
    /** Accepts a pending request: the dose, the certificate reissued, the history and the audit in one transaction. */
    async accept(ctx: AuditContext, id: string, reason?: string) {
      assertReviewer(ctx, await correctionRow(db, id));
      const catalogue = await catalogueInForce(db, DISEASE, new Date());
      // Fetching the key may write (first use, rotation): before the transaction, as the dose path does.
      const key = await signingKey(db, 'dcc');
      return db.transaction(async (tx) => {
        const r = await correctionRow(tx, id, true);
        if (r.status !== 'pending') throw new AppError('CORRECTION_ALREADY_DECIDED');
        const { doseId, written } = await writeCorrectedDose(tx, ctx, r);
        const certificate = await reissueVaccinationCertificate(tx, key, r.person_id, catalogue);
        await tx.query(
          `update vaccination_corrections set status = 'accepted', decided_at = now(), decided_by_account_id = $2,
             decision_reason = $3, accepted_dose_id = $4 where id = $1`,
          [id, ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId, reason?.trim() || null, doseId],
        );
        await tx.query(
          `insert into vaccination_correction_history (correction_id, actor_account_id, action, reason)
           values ($1, $2, 'accepted', $3)`,
          [id, ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId, reason?.trim() || null],
        );
        await recordAudit(tx, ctx, {
          action: 'vaccination.correction.accept',
          personId: r.person_id,
          details: { correctionId: id, doseId, written, uvci: certificate?.uvci ?? null },
        });
        return { correction: await correctionView(tx, await correctionRow(tx, id)), certificate };
      });
    },

    /** Rejects a pending request with the reason the citizen will read. */
    async reject(ctx: AuditContext, id: string, reason: string) {
      assertReviewer(ctx, await correctionRow(db, id));
      const text = reason.trim();
      if (text.length < 3)
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'reason',
            code: 'required',
            message: { vi: 'Cần ghi lý do từ chối', en: 'A reason for the rejection is required' },
          },
        ]);
      return db.transaction(async (tx) => {
        const r = await correctionRow(tx, id, true);
        if (r.status !== 'pending') throw new AppError('CORRECTION_ALREADY_DECIDED');
        const by = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
        await tx.query(
          `update vaccination_corrections set status = 'rejected', decided_at = now(), decided_by_account_id = $2,
             decision_reason = $3 where id = $1`,
          [id, by, text],
        );
        await tx.query(
          `insert into vaccination_correction_history (correction_id, actor_account_id, action, reason)
           values ($1, $2, 'rejected', $3)`,
          [id, by, text],
        );
        await recordAudit(tx, ctx, {
          action: 'vaccination.correction.reject',
          personId: r.person_id,
          details: { correctionId: id },
        });
        return { correction: await correctionView(tx, await correctionRow(tx, id)), certificate: null };
      });
    },
  };
}
