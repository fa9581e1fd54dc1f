import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { catalogueInForce } from './vaccination.catalogue';
import { doseView, dosesOf } from './vaccination.doses';
import { assertActsFor, ownAndFamily } from './vaccination.people';
import { vaccinationPayload } from './vaccination.certificates';
import { vaccinationPdf } from './vaccination.pdf';

async function certificateInForce(db: Db, personId: string) {
  const rows = await db.query<{
    uvci: string;
    hc1: string;
    issued_at: Date;
    expires_at: Date;
    dose_id: string;
  }>(
    `select c.uvci, c.hc1, c.issued_at, c.expires_at, c.dose_id::text from vaccination_certificates c
     where c.person_id = $1 and c.expires_at > now()
       and not exists (select 1 from revocations r where r.type = 'DCC' and r.id = c.uvci and r.reinstated_at is null)
     order by c.issued_at desc limit 1`,
    [personId],
  );
  return rows[0];
}

/** A citizen's own and family's doses and certificates. */
export function mineService(db: Db) {
  return {
    async list(ctx: AuditContext) {
      authorize(ctx.actor, 'vaccination.readOwn');
      const people = await ownAndFamily(db, ctx);
      const out = [];
      for (const p of people) {
        const doses = await dosesOf(db, p.id);
        const cert = await certificateInForce(db, p.id);
        out.push({
          personId: p.id,
          name: p.name,
          self: p.self,
          doses: doses.map(doseView),
          certificate: cert
            ? {
                uvci: cert.uvci,
                hc1: cert.hc1,
                issuedAt: cert.issued_at.toISOString(),
                expiresAt: cert.expires_at.toISOString(),
              }
            : null,
        });
        await recordAudit(db, ctx, {
          action: 'vaccination.readOwn',
          personId: p.id,
          details: { doses: doses.length },
        });
      }
      return out;
    },

    async pdf(ctx: AuditContext, personId: string): Promise<Buffer> {
      authorize(ctx.actor, 'vaccination.readOwn');
      await assertActsFor(db, ctx, personId);
      const cert = await certificateInForce(db, personId);
      if (!cert) throw new AppError('CERTIFICATE_NOT_FOUND');
      const person = (
        await db.query<{ full_name: string; birth_date: string | null; birth_year: number }>(
          'select full_name, birth_date::text as birth_date, birth_year from persons where id = $1',
          [personId],
        )
      )[0]!;
      const dose = (await dosesOf(db, personId)).find((d) => d.id === cert.dose_id);
      if (!dose) throw new AppError('CERTIFICATE_NOT_FOUND');
      const catalogue = await catalogueInForce(db, 'covid-19', dose.administered_at);
      const entry = vaccinationPayload(
        { fullName: person.full_name, birthDate: person.birth_date, birthYear: person.birth_year },
        dose,
        catalogue,
        cert.uvci,
      ).v![0]!;
      await recordAudit(db, ctx, {
        action: 'vaccination.certificate.pdf',
        personId,
        details: { uvci: cert.uvci },
      });
      return vaccinationPdf({
        hc1: cert.hc1,
        uvci: cert.uvci,
        fullName: person.full_name,
        birth: person.birth_date?.split('-').reverse().join('/') ?? String(person.birth_year),
        productName: catalogue.products.find((p) => p.mp === dose.product_mp)?.name.vi ?? dose.product_mp,
        doseNumber: entry.dn,
        seriesDoses: entry.sd,
        vaccinatedOn: entry.dt,
        issuedAt: cert.issued_at,
        expiresAt: cert.expires_at,
      });
    },
  };
}
