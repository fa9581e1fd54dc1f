import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { addWorklistItem, areaOfficerIds, loadPerson, mappedTo2025, sendMessage } from './vaccination.deps';
import { deploymentStructure } from '../../core/units/deployment';
import { assertActsFor } from './vaccination.people';
import { assertSiteReach, findSite } from './vaccination.reach';
import { seriousAefiNotice } from './vaccination.sms';

export interface AefiInput {
  clientId: string;
  personId: string;
  doseId?: string | null;
  siteId?: string | null;
  symptoms: string[];
  onsetAt: string;
  severity: 'mild' | 'moderate' | 'serious';
  note?: string | null;
}

/**
 * Adverse events after immunisation, reported at the site or later by the citizen. A serious one puts
 * a high-priority item on the worklist (officers of the commune, district and province see it) and
 * sends a notice to every district and province officer of the person's area at once, through the
 * outbox, in the same transaction as the report.
 */
export function aefiService(db: Db) {
  return {
    async report(ctx: AuditContext, input: AefiInput) {
      authorize(ctx.actor, 'vaccination.aefi.report');
      const reportedBy = ctx.actor.kind === 'citizen' ? 'citizen' : 'site';
      if (reportedBy === 'citizen') await assertActsFor(db, ctx, input.personId);
      else {
        if (!input.siteId)
          throw new AppError('VALIDATION_FAILED', [
            {
              field: 'siteId',
              code: 'required',
              message: { vi: 'Cần điểm tiêm', en: 'The site is required' },
            },
          ]);
        assertSiteReach(ctx, await findSite(db, input.siteId));
      }
      const person = await loadPerson(db, input.personId);
      const onset = new Date(input.onsetAt);
      if (onset.getTime() > Date.now() + 5 * 60_000) throw new AppError('CLOCK_SKEW');
      if (input.doseId) {
        const d = await db.query('select 1 from vaccination_doses where id = $1 and person_id = $2', [
          input.doseId,
          person.id,
        ]);
        if (!d.length) throw new AppError('VACCINATION_DOSE_NOT_FOUND');
      }
      return db.transaction(async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `insert into vaccination_adverse_events (client_id, person_id, dose_id, site_id, symptoms, onset_at, severity,
             reported_by, reporter_account_id, note, commune_code, district_code, province_code, unit_structure)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           on conflict (client_id) do nothing returning id::text`,
          [
            input.clientId,
            person.id,
            input.doseId ?? null,
            reportedBy === 'site' ? input.siteId! : null,
            input.symptoms,
            onset,
            input.severity,
            reportedBy,
            ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId,
            input.note?.trim() || null,
            person.commune_code,
            person.district_code,
            person.province_code,
            // The person's own map, with their codes (not the column's default).
            person.unit_structure,
          ],
        );
        const id = rows[0]?.id;
        if (!id) return { clientId: input.clientId, duplicate: true, notified: 0 };
        let notified = 0;
        if (input.severity === 'serious') {
          await addWorklistItem(tx, {
            kind: 'aefi_serious',
            personId: person.id,
            communeCode: person.commune_code,
            // on the person's own map: a 2021 commune's code may be a different 2025 commune's
            structure: person.unit_structure,
            title: { vi: 'Phản ứng nặng sau tiêm chủng', en: 'Serious adverse event after vaccination' },
            sourceType: 'vaccination_aefi',
            sourceId: id,
            priority: 'high',
            data: { severity: input.severity, symptoms: input.symptoms },
          });
          // The district and province officers of the person's area on the person's map; and, for a
          // person still on the 2021 map in a 2025 deployment (not yet moved), the officers of the 2025
          // province(s) their commune went into, who serve it now.
          const provinces2025 =
            person.unit_structure === 'pre2025' && (await deploymentStructure(tx)) === '2025'
              ? [...new Set((await mappedTo2025(tx, person.commune_code)).map((u) => u.provinceCode))]
              : [];
          const officers = await areaOfficerIds(tx, {
            districtCode: person.district_code,
            provinceCode: person.province_code,
            structure: person.unit_structure,
            alsoProvinces2025: provinces2025,
          });
          for (const to of officers)
            await sendMessage(tx, {
              channel: 'notice',
              to,
              subject: 'vaccination.aefi.serious',
              body: seriousAefiNotice(person.commune_name ?? person.commune_code),
            });
          notified = officers.length;
        }
        await recordAudit(tx, ctx, {
          action: 'vaccination.aefi.report',
          personId: person.id,
          details: { aefiId: id, severity: input.severity, reportedBy },
        });
        return { clientId: input.clientId, duplicate: false, notified };
      });
    },
  };
}
