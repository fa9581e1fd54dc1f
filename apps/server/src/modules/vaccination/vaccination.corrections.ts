import type { FieldErrorCode } from '@phongdich/contracts';
import type { Correction, CorrectionInput } from '@phongdich/contracts/vaccination-corrections';
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction, jurisdictionSql } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { catalogueInForce } from './vaccination.catalogue';
import { correctionCandidates } from './vaccination.corrections.candidates';
import { checkedEvidence } from './vaccination.corrections.evidence';
import { loadPerson, locationOf } from './vaccination.deps';
import { dosesOf } from './vaccination.doses';
import { assertActsFor, ownAndFamily } from './vaccination.people';
import { findSite, vnDate } from './vaccination.reach';

export const DISEASE = 'covid-19';

export interface CorrectionRow {
  id: string;
  person_id: string;
  person_name: string;
  kind: 'missing' | 'wrong';
  dose_id: string | null;
  product_mp: string;
  dose_date: string;
  site_id: string | null;
  site_name: string | null;
  site_text: string | null;
  lot_number: string | null;
  note: string | null;
  status: 'pending' | 'accepted' | 'rejected';
  filed_via: 'citizen' | 'hotline';
  filed_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
  accepted_dose_id: string | null;
  commune_code: string | null;
  district_code: string | null;
  province_code: string | null;
  unit_structure: 'pre2025' | '2025';
}

const SELECT = `select c.id::text, c.person_id::text, p.full_name as person_name, c.kind, c.dose_id::text,
    c.product_mp, c.dose_date::text, c.site_id::text, s.name as site_name, c.site_text, c.lot_number, c.note,
    c.status, c.filed_via, c.filed_at, c.decided_at, c.decision_reason, c.accepted_dose_id::text,
    c.commune_code, c.district_code, c.province_code, c.unit_structure
  from vaccination_corrections c
  join person_brief p on p.id = c.person_id
  left join vaccination_sites s on s.id = c.site_id`;

export async function correctionRow(q: Queryable, id: string, forUpdate = false): Promise<CorrectionRow> {
  const rows = await q.query<CorrectionRow>(
    `${SELECT} where c.id = $1${forUpdate ? ' for update of c' : ''}`,
    [id],
  );
  if (!rows[0]) throw new AppError('CORRECTION_NOT_FOUND');
  return rows[0];
}

/** The request with its evidence list and history, as every page shows it. */
export async function correctionView(q: Queryable, r: CorrectionRow): Promise<Correction> {
  const evidence = await q.query<{ id: string; content_type: string; size_bytes: number }>(
    `select id::text, content_type, size_bytes from vaccination_correction_evidence
     where correction_id = $1 and deleted_at is null order by uploaded_at`,
    [r.id],
  );
  const history = await q.query<{
    at: Date;
    action: 'filed' | 'accepted' | 'rejected';
    reason: string | null;
  }>(`select at, action, reason from vaccination_correction_history where correction_id = $1 order by id`, [
    r.id,
  ]);
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    kind: r.kind,
    doseId: r.dose_id,
    productMp: r.product_mp,
    doseDate: r.dose_date,
    siteId: r.site_id,
    siteName: r.site_name,
    siteText: r.site_text,
    lotNumber: r.lot_number,
    note: r.note,
    status: r.status,
    filedVia: r.filed_via,
    filedAt: r.filed_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionReason: r.decision_reason,
    acceptedDoseId: r.accepted_dose_id,
    evidence: evidence.map((e) => ({ id: e.id, contentType: e.content_type, sizeBytes: e.size_bytes })),
    history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, reason: h.reason })),
  };
}

const locOf = (r: CorrectionRow) => ({
  provinceCode: r.province_code,
  districtCode: r.district_code,
  communeCode: r.commune_code,
  structure: r.unit_structure,
});

/**
 * Who reviews a request: officers whose area holds the person (as filed), and the vaccinators of the
 * site the request names. Checked after the request is found (an unknown id is a 404).
 */
export function assertReviewer(ctx: AuditContext, r: CorrectionRow): void {
  authorize(ctx.actor, 'vaccination.correction.review');
  const a = ctx.actor;
  if (a.kind !== 'staff' && a.kind !== 'machine') throw new AppError('FORBIDDEN');
  if (a.role === 'vaccinator') {
    if (!r.site_id || a.facilityId !== r.site_id)
      throw new AppError('FORBIDDEN', undefined, 'correction of another site');
    return;
  }
  if (!inJurisdiction(a, locOf(r))) throw new AppError('FORBIDDEN', undefined, 'correction outside area');
}

function fieldError(field: string, code: FieldErrorCode, vi: string, en: string): AppError {
  return new AppError('VALIDATION_FAILED', [{ field, code, message: { vi, en } }]);
}

/** Filing and reading requests (citizens, hotline staff, reviewers); deciding is in vaccination.corrections.decide.ts. */
export function correctionsService(db: Db) {
  return {
    /**
     * A citizen files for themselves or a declared family member; hotline staff file for a caller of
     * their area. Idempotent by client id. The evidence is checked (size, sniffed type) before anything
     * is written; request, evidence and history land in one transaction with the audit entry.
     */
    async file(ctx: AuditContext, input: CorrectionInput) {
      authorize(ctx.actor, 'vaccination.correction.file');
      const a = ctx.actor;
      if (a.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      if (a.kind === 'citizen') await assertActsFor(db, ctx, input.personId);
      const person = await loadPerson(db, input.personId);
      const loc = locationOf(person);
      if (a.kind !== 'citizen' && !inJurisdiction(a, loc))
        throw new AppError('FORBIDDEN', undefined, 'caller outside the operator’s area');
      const day = new Date(`${input.doseDate}T12:00:00+07:00`);
      // A dose of today (Vietnam's day) may be reported the same morning: the date is compared as a
      // day, never as today's noon against the clock (which refused it before noon).
      if (Number.isNaN(day.getTime()) || input.doseDate > vnDate(new Date()) || input.doseDate < '2020-01-01')
        throw fieldError(
          'doseDate',
          'out_of_range',
          'Ngày tiêm không hợp lệ',
          'The date of the dose is not valid',
        );
      const catalogue = await catalogueInForce(db, DISEASE, day);
      if (!catalogue.products.some((p) => p.mp === input.productMp))
        throw fieldError(
          'productMp',
          'unknown_product',
          'Vắc xin không có trong danh mục',
          'Product not in the catalogue',
        );
      if (input.kind === 'wrong') {
        if (!input.doseId)
          throw fieldError('doseId', 'required', 'Cần chọn mũi tiêm bị sai', 'Choose the dose that is wrong');
        const d = await db.query(
          `select 1 from vaccination_doses where id = $1 and person_id = $2 and status = 'active'`,
          [input.doseId, person.id],
        );
        if (!d.length) throw new AppError('VACCINATION_DOSE_NOT_FOUND');
      }
      if (input.siteId) await findSite(db, input.siteId);
      if (!input.siteId && !input.siteText?.trim())
        throw fieldError('siteText', 'required', 'Cần ghi nơi tiêm', 'Say where the dose was given');
      const evidence = input.evidence ? checkedEvidence(input.evidence) : undefined;

      return db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `insert into vaccination_corrections (client_id, person_id, kind, dose_id, product_mp, dose_date, site_id,
             site_text, lot_number, note, filed_via, filed_by_account_id, commune_code, district_code, province_code,
             unit_structure)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
           on conflict (client_id) do nothing returning id::text`,
          [
            input.clientId,
            person.id,
            input.kind,
            input.kind === 'wrong' ? (input.doseId ?? null) : null,
            input.productMp,
            input.doseDate,
            input.siteId ?? null,
            input.siteText?.trim() || null,
            input.lotNumber?.trim() || null,
            input.note?.trim() || null,
            a.kind === 'citizen' ? 'citizen' : 'hotline',
            a.accountId,
            person.commune_code,
            person.district_code,
            person.province_code,
            person.unit_structure,
          ],
        );
        const id = rows[0]?.id;
        if (!id) {
          // A retried filing: the request already kept, if it is the same person's.
          const kept = await tx.query<{ id: string }>(
            `select id::text from vaccination_corrections where client_id = $1 and person_id = $2`,
            [input.clientId, person.id],
          );
          if (!kept[0]) throw new AppError('CONFLICT');
          return {
            correction: await correctionView(tx, await correctionRow(tx, kept[0].id)),
            duplicate: true,
          };
        }
        if (evidence)
          await tx.query(
            `insert into vaccination_correction_evidence (correction_id, content_type, size_bytes, sha256, content)
             values ($1, $2, $3, $4, $5)`,
            [id, evidence.contentType, evidence.bytes.length, evidence.sha256, evidence.bytes],
          );
        await tx.query(
          `insert into vaccination_correction_history (correction_id, actor_account_id, action) values ($1, $2, 'filed')`,
          [id, a.accountId],
        );
        await recordAudit(tx, ctx, {
          action: 'vaccination.correction.file',
          personId: person.id,
          details: { correctionId: id, kind: input.kind, via: a.kind === 'citizen' ? 'citizen' : 'hotline' },
        });
        return { correction: await correctionView(tx, await correctionRow(tx, id)), duplicate: false };
      });
    },

    /** A citizen's own and family's requests, newest first. */
    async mine(ctx: AuditContext) {
      authorize(ctx.actor, 'vaccination.readOwn');
      const people = await ownAndFamily(db, ctx);
      if (!people.length) return [];
      const rows = await db.query<CorrectionRow>(
        `${SELECT} where c.person_id = any($1::uuid[]) order by c.filed_at desc`,
        [people.map((p) => p.id)],
      );
      const out = [];
      for (const r of rows) out.push(await correctionView(db, r));
      for (const personId of new Set(rows.map((r) => r.person_id)))
        await recordAudit(db, ctx, { action: 'vaccination.correction.readOwn', personId });
      return out;
    },

    /** Pending (or decided) requests a reviewer may decide: their area, or their site. Each person's read audited. */
    async list(ctx: AuditContext, status: 'pending' | 'accepted' | 'rejected' = 'pending') {
      authorize(ctx.actor, 'vaccination.correction.review');
      const a = ctx.actor;
      if (a.kind !== 'staff' && a.kind !== 'machine') throw new AppError('FORBIDDEN');
      const where =
        a.role === 'vaccinator'
          ? { sql: 'c.site_id = $2', params: [a.facilityId ?? '00000000-0000-0000-0000-000000000000'] }
          : jurisdictionSql(a, 'c', 2);
      const rows = await db.query<CorrectionRow>(
        `${SELECT} where c.status = $1 and ${where.sql} order by c.filed_at limit 200`,
        [status, ...where.params],
      );
      const out = [];
      for (const r of rows) {
        out.push(await correctionView(db, r));
        await recordAudit(db, ctx, {
          action: 'vaccination.correction.read',
          personId: r.person_id,
          details: { correctionId: r.id, list: true },
        });
      }
      return out;
    },

    /** One request beside the person's doses on record and the candidates other sources offer. */
    async review(ctx: AuditContext, id: string) {
      const r = await correctionRow(db, id);
      assertReviewer(ctx, r);
      const doses = await dosesOf(db, r.person_id);
      const candidates = await correctionCandidates(db, {
        personId: r.person_id,
        productMp: r.product_mp,
        doseDate: r.dose_date,
        siteId: r.site_id,
      });
      await recordAudit(db, ctx, {
        action: 'vaccination.correction.read',
        personId: r.person_id,
        details: { correctionId: r.id },
      });
      return {
        correction: await correctionView(db, r),
        doses: doses.map((d) => ({
          id: d.id,
          productMp: d.product_mp,
          doseNumber: d.dose_number,
          administeredAt: d.administered_at.toISOString(),
          siteName: d.site_name,
          source: d.source,
        })),
        candidates,
      };
    },

    /** The evidence bytes, for the filer (citizen acting for the person) or a reviewer. Audited. */
    async evidence(ctx: AuditContext, id: string, evidenceId: string) {
      const r = await correctionRow(db, id);
      if (ctx.actor.kind === 'citizen') {
        authorize(ctx.actor, 'vaccination.readOwn');
        await assertActsFor(db, ctx, r.person_id);
      } else assertReviewer(ctx, r);
      const rows = await db.query<{ content_type: string; content: Buffer }>(
        `select content_type, content from vaccination_correction_evidence
         where id = $1 and correction_id = $2 and deleted_at is null`,
        [evidenceId, id],
      );
      if (!rows[0]) throw new AppError('CORRECTION_EVIDENCE_NOT_FOUND');
      await recordAudit(db, ctx, {
        action: 'vaccination.correction.evidence.read',
        personId: r.person_id,
        details: { correctionId: id, evidenceId },
      });
      return { contentType: rows[0].content_type, bytes: Buffer.from(rows[0].content) };
    },
  };
}
