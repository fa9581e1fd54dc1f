import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { catalogueInForce } from './vaccination.catalogue';
import { doseView, dosesOf } from './vaccination.doses';
import { assertActsFor, ownAndFamily } from './vaccination.people';
import { vaccinationPayload } from './vaccination.certificates';
import { vaccinationPdf } from './vaccination.pdf';
import { personBriefs, revokedAmong } from './vaccination.deps';

/** The person's latest certificate that has not expired and is not on the revocation list (keys'). */
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
     order by c.issued_at desc`,
    [personId],
  );
  const revoked = await revokedAmong(
    db,
    'DCC',
    rows.map((c) => c.uvci),
  );
  return rows.find((c) => !revoked.has(c.uvci));
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
      const person = (await personBriefs(db, [personId])).get(personId)!;
      const dose = (await dosesOf(db, personId)).find((d) => d.id === cert.dose_id);
      if (!dose) throw new AppError('CERTIFICATE_NOT_FOUND');
      const catalogue = await catalogueInForce(db, 'covid-19', dose.administered_at);
      const entry = vaccinationPayload(
        { fullName: person.fullName, birthDate: person.birthDate, birthYear: person.birthYear },
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
        fullName: person.fullName,
        birth: person.birthDate?.split('-').reverse().join('/') ?? String(person.birthYear),
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
