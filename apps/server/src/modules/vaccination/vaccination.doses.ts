import {
  doseEligibility,
  SCREENING_VN_2021,
  screeningOutcome,
  seriesState,
  type ScreeningDecision,
} from '@phongdich/domain';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { emitEvent, loadPerson, signingKey } from './vaccination.deps';
import { catalogueInForce } from './vaccination.catalogue';
import { reissueVaccinationCertificate } from './vaccination.certificates';
import { assertSiteReach, findSite, vnDate } from './vaccination.reach';
import { lotsOf } from './vaccination.sites';

export interface ScreeningInput {
  answers: Record<string, boolean>;
  decision: ScreeningDecision;
  postponeUntil?: string | null;
  reason?: string | null;
}
export interface ScreeningRecordInput extends ScreeningInput {
  clientId: string;
  personId: string;
  siteId: string;
  screenedAt: string;
}
export interface DoseInput {
  clientId: string;
  personId: string;
  siteId: string;
  lotId: string;
  administeredAt: string;
  screening: ScreeningInput;
}

const DISEASE = 'covid-19';
/** A phone that was offline may sync a week later; a dose dated further back, or ahead, is a wrong clock. */
const MAX_AGE_MS = 7 * 864e5;
const MAX_AHEAD_MS = 5 * 60_000;

export interface DoseRow {
  id: string;
  client_id: string;
  person_id: string;
  product_mp: string;
  lot_number: string | null;
  dose_number: number;
  site_id: string | null;
  site_name: string | null;
  administered_at: Date;
  source: string;
  flags: string[];
}

export async function dosesOf(q: Queryable, personId: string): Promise<DoseRow[]> {
  return q.query<DoseRow>(
    `select d.id::text, d.client_id::text, d.person_id::text, d.product_mp, d.lot_number, d.dose_number,
       d.site_id::text, s.name as site_name, d.administered_at, d.source, d.flags
     from vaccination_doses d left join vaccination_sites s on s.id = d.site_id
     where d.person_id = $1 and d.disease = $2 and d.status = 'active' order by d.dose_number`,
    [personId, DISEASE],
  );
}

export const doseView = (d: DoseRow) => ({
  id: d.id,
  clientId: d.client_id,
  personId: d.person_id,
  productMp: d.product_mp,
  lotNumber: d.lot_number,
  doseNumber: d.dose_number,
  siteId: d.site_id,
  siteName: d.site_name,
  administeredAt: d.administered_at.toISOString(),
  source: d.source,
  flags: d.flags,
});

function checkScreening(s: ScreeningInput): ScreeningDecision {
  const outcome = screeningOutcome(SCREENING_VN_2021, s.answers);
  if (!outcome) throw new AppError('VACCINATION_SCREENING_INCOMPLETE');
  // The vaccinator may be more careful than the form, never less.
  const severity = { vaccinate: 0, postpone: 1, refer_hospital: 2, contraindicated: 3 } as const;
  if (severity[s.decision] < severity[outcome]) throw new AppError('VACCINATION_SCREENING_DECISION');
  if (s.decision === 'postpone' && !s.postponeUntil)
    throw new AppError('VALIDATION_FAILED', [
      {
        field: 'postponeUntil',
        code: 'required',
        message: { vi: 'Cần ngày hẹn tiêm lại', en: 'A date to come back is required' },
      },
    ]);
  if (s.decision === 'contraindicated' && !s.reason?.trim())
    throw new AppError('VALIDATION_FAILED', [
      {
        field: 'reason',
        code: 'required',
        message: { vi: 'Cần ghi lý do chống chỉ định', en: 'The contraindication needs a reason' },
      },
    ]);
  return outcome;
}

function checkTime(at: string): Date {
  const t = new Date(at);
  const now = Date.now();
  if (Number.isNaN(t.getTime()) || t.getTime() > now + MAX_AHEAD_MS || t.getTime() < now - MAX_AGE_MS)
    throw new AppError('CLOCK_SKEW');
  return t;
}

async function insertScreening(
  tx: Queryable,
  ctx: AuditContext,
  s: ScreeningRecordInput,
  outcome: ScreeningDecision,
) {
  const rows = await tx.query<{ id: string }>(
    `insert into vaccination_screenings (client_id, person_id, site_id, question_set_version, answers, outcome, decision,
       postpone_until, reason, screened_by_account_id, screened_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (client_id) do nothing returning id::text`,
    [
      s.clientId,
      s.personId,
      s.siteId,
      SCREENING_VN_2021.version,
      JSON.stringify(s.answers),
      outcome,
      s.decision,
      s.postponeUntil ?? null,
      s.reason?.trim() || null,
      ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId,
      s.screenedAt,
    ],
  );
  return rows[0]?.id;
}

export function dosesService(db: Db) {
  return {
    /** The vaccinator's view of one person found by the scanner: doses, what is due, the form. Audited. */
    async person(ctx: AuditContext, personId: string, siteId: string) {
      authorize(ctx.actor, 'vaccination.administer');
      const site = await findSite(db, siteId);
      assertSiteReach(ctx, site);
      const person = await loadPerson(db, personId);
      const doses = await dosesOf(db, personId);
      const catalogue = await catalogueInForce(db, DISEASE, new Date());
      const history = doses.map((d) => ({ mp: d.product_mp, at: d.administered_at.toISOString() }));
      const lots = await lotsOf(db, site.id);
      const products = [...new Set(lots.map((l) => l.productMp))];
      const now = new Date();
      const eligibility = products.map((mp) => ({
        mp,
        ...doseEligibility({
          catalogue,
          history,
          birth: { date: person.birth_date, year: person.birth_year },
          mp,
          at: now,
        }),
      }));
      await recordAudit(db, ctx, { action: 'vaccination.person.read', personId, details: { siteId } });
      return {
        person: {
          id: person.id,
          fullName: person.full_name,
          birthYear: person.birth_year,
          birthDate: person.birth_date,
        },
        doses: doses.map(doseView),
        series: seriesState(catalogue, history),
        eligibility,
        lots,
        questionSet: SCREENING_VN_2021,
      };
    },

    /** A screening that ends in no dose (postpone, hospital, contraindicated). Idempotent by client id. */
    async screen(ctx: AuditContext, input: ScreeningRecordInput) {
      authorize(ctx.actor, 'vaccination.administer');
      const site = await findSite(db, input.siteId);
      assertSiteReach(ctx, site);
      await loadPerson(db, input.personId);
      checkTime(input.screenedAt);
      const outcome = checkScreening(input);
      return db.transaction(async (tx) => {
        const id = await insertScreening(tx, ctx, input, outcome);
        if (id)
          await recordAudit(tx, ctx, {
            action: 'vaccination.screen',
            personId: input.personId,
            details: { screeningId: id, decision: input.decision },
          });
        return { clientId: input.clientId, decision: input.decision, outcome, duplicate: !id };
      });
    },

    /**
     * Records a dose given at a site, with the screening that cleared it, in one transaction: the lot
     * must be the site's, in date and not used up; the dose number comes from the history. A retried
     * sync (same client id) or the same dose recorded by a second device (same person, same day)
     * answers with the dose already kept and changes nothing.
     */
    async record(ctx: AuditContext, input: DoseInput) {
      authorize(ctx.actor, 'vaccination.administer');
      const site = await findSite(db, input.siteId);
      assertSiteReach(ctx, site);
      const person = await loadPerson(db, input.personId);
      const at = checkTime(input.administeredAt);
      const outcome = checkScreening(input.screening);
      if (input.screening.decision !== 'vaccinate') throw new AppError('VACCINATION_SCREENING_DECISION');
      const catalogue = await catalogueInForce(db, DISEASE, at);
      // Fetching the key may write (first use, rotation): before the transaction, as the lab does.
      const key = await signingKey(db, 'dcc');
      return db.transaction(async (tx) => {
        // One person's doses are numbered one at a time, whichever device syncs.
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`vaccination_dose:${person.id}`]);
        const kept = await tx.query<DoseRow & { day: string }>(
          `select d.id::text, d.client_id::text, d.person_id::text, d.product_mp, d.lot_number, d.dose_number,
             d.site_id::text, s.name as site_name, d.administered_at, d.source, d.flags
           from vaccination_doses d left join vaccination_sites s on s.id = d.site_id
           where d.client_id = $1 or (d.person_id = $2 and d.disease = $3 and d.administered_on = $4 and d.status = 'active')`,
          [input.clientId, person.id, DISEASE, vnDate(at)],
        );
        if (kept[0]) return { dose: doseView(kept[0]), duplicate: true, certificate: null };

        const lot = (
          await tx.query<{
            id: string;
            product_mp: string;
            lot_number: string;
            expires_on: string;
            remaining: number;
          }>(
            `select id::text, product_mp, lot_number, expires_on::text, remaining from vaccine_lots
             where id = $1 and site_id = $2 for update`,
            [input.lotId, site.id],
          )
        )[0];
        if (!lot) throw new AppError('VACCINE_LOT_NOT_FOUND');
        if (lot.expires_on < vnDate(at)) throw new AppError('VACCINE_LOT_EXPIRED');
        if (lot.remaining <= 0) throw new AppError('VACCINE_LOT_EMPTY');

        const history = (await dosesOf(tx, person.id)).map((d) => ({
          mp: d.product_mp,
          at: d.administered_at.toISOString(),
        }));
        const e = doseEligibility({
          catalogue,
          history,
          birth: { date: person.birth_date, year: person.birth_year },
          mp: lot.product_mp,
          at,
        });
        if (!e.eligible && e.reason === 'UNKNOWN_PRODUCT')
          throw new AppError('VACCINATION_NOT_ELIGIBLE', [
            {
              field: 'lotId',
              code: 'unknown_product',
              message: { vi: 'Vắc xin không có trong danh mục', en: 'Product not in the catalogue' },
            },
          ]);
        // The dose was given: it is kept, and what it broke is flagged for the officers, never dropped.
        const flags = e.eligible ? [] : [e.reason];

        const screeningId = await insertScreening(
          tx,
          ctx,
          {
            ...input.screening,
            clientId: input.clientId,
            personId: person.id,
            siteId: site.id,
            screenedAt: input.administeredAt,
          },
          outcome,
        );
        const rows = await tx.query<{ id: string }>(
          `insert into vaccination_doses (client_id, person_id, disease, product_mp, lot_id, lot_number, dose_number, site_id,
             vaccinator_account_id, screening_id, administered_at, administered_on, source, flags,
             commune_code, district_code, province_code, recorded_by_account_id, unit_structure)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'site', $13, $14, $15, $16, $9, $17)
           returning id::text`,
          [
            input.clientId,
            person.id,
            DISEASE,
            lot.product_mp,
            lot.id,
            lot.lot_number,
            e.doseNumber,
            site.id,
            ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId,
            screeningId ?? null,
            at,
            vnDate(at),
            flags,
            person.commune_code,
            person.district_code,
            person.province_code,
            // The person's own map: their codes mean nothing without it (not the column's default).
            person.unit_structure,
          ],
        );
        const doseId = rows[0]!.id;
        await tx.query('update vaccine_lots set remaining = remaining - 1 where id = $1', [lot.id]);
        await tx.query(
          `update vaccination_bookings set status = 'arrived', arrived_at = coalesce(arrived_at, $3)
           where person_id = $1 and site_id = $2 and status = 'booked'
             and slot_id in (select id from vaccination_slots where starts_at::date between $4::date - 1 and $4::date + 1)`,
          [person.id, site.id, at, vnDate(at)],
        );
        await emitEvent(tx, 'vaccination.dose_recorded', {
          doseId,
          personId: person.id,
          disease: DISEASE,
          productMp: lot.product_mp,
          doseNumber: e.doseNumber,
          administeredAt: at.toISOString(),
          source: 'site',
          siteId: site.id,
        });
        const certificate = await reissueVaccinationCertificate(tx, key, person.id, catalogue);
        await recordAudit(tx, ctx, {
          action: 'vaccination.dose.record',
          personId: person.id,
          details: { doseId, siteId: site.id, lotId: lot.id, doseNumber: e.doseNumber, flags },
        });
        const dose = (await dosesOf(tx, person.id)).find((d) => d.id === doseId)!;
        return { dose: doseView(dose), duplicate: false, certificate };
      });
    },
  };
}
