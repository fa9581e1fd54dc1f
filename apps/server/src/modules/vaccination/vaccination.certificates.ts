import { buildUvci, encodeHcert, randomUvciOpaque, type DccPayload } from '@phongdich/dcc';
import type { VaccinationCatalogue } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { CERTIFICATE_VALIDITY_DAYS, DCC_ISSUER, dccName, revoke, type SigningKey } from './vaccination.deps';

export interface DoseForCertificate {
  id: string;
  product_mp: string;
  dose_number: number;
  administered_at: Date;
}

/**
 * The DCC "v" payload. The ministry's certificate fields map to: full name (nam.fn/gn), standardised
 * name (fnt/gnt), date of birth (dob), disease (tg), vaccine type (vp), product (mp), holder (ma),
 * dose number (dn), doses in the series (sd), date of vaccination (dt), country (co), issuer (is) and
 * certificate id (ci) — one entry, the latest dose, as the DCC specification asks.
 */
export function vaccinationPayload(
  person: { fullName: string; birthDate: string | null; birthYear: number },
  dose: DoseForCertificate,
  catalogue: VaccinationCatalogue,
  uvci: string,
): DccPayload {
  const product = catalogue.products.find((p) => p.mp === dose.product_mp);
  const primary = product?.schedule.doses ?? 2;
  const vnDay = new Date(dose.administered_at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return {
    ver: '1.3.0',
    nam: dccName(person.fullName),
    dob: person.birthDate ?? String(person.birthYear),
    v: [
      {
        tg: catalogue.diseaseCode,
        vp: product?.vp ?? '1119305005',
        mp: dose.product_mp,
        ma: product?.ma ?? '',
        dn: dose.dose_number,
        // A booster counts beyond the series: 3/3 after a two-dose series, as the EU guidelines encode it.
        sd: Math.max(primary, dose.dose_number),
        dt: vnDay,
        co: 'VN',
        is: DCC_ISSUER,
        ci: uvci,
      },
    ],
  };
}

/**
 * Issues the person's certificate for their latest dose and revokes the one it replaces, in the
 * caller's transaction (the key is fetched before the transaction opens).
 */
export async function reissueVaccinationCertificate(
  tx: Queryable,
  key: SigningKey,
  personId: string,
  catalogue: VaccinationCatalogue,
  now = new Date(),
): Promise<{ uvci: string } | null> {
  const person = (
    await tx.query<{ full_name: string; birth_date: string | null; birth_year: number }>(
      'select full_name, birth_date::text as birth_date, birth_year from persons where id = $1',
      [personId],
    )
  )[0];
  const dose = (
    await tx.query<DoseForCertificate>(
      `select id::text, product_mp, dose_number, administered_at from vaccination_doses
       where person_id = $1 and disease = $2 and status = 'active' order by dose_number desc limit 1`,
      [personId, catalogue.disease],
    )
  )[0];
  const previous = await tx.query<{ uvci: string }>(
    `select c.uvci from vaccination_certificates c
     where c.person_id = $1 and not exists (select 1 from revocations r where r.type = 'DCC' and r.id = c.uvci and r.reinstated_at is null)`,
    [personId],
  );
  for (const p of previous)
    await revoke(tx, { type: 'DCC', id: p.uvci, reason: 'reissued', revokedBy: null });
  if (!person || !dose) return null;
  const uvci = buildUvci(`VACC/${randomUvciOpaque(16)}`);
  const expiresAt = new Date(now.getTime() + CERTIFICATE_VALIDITY_DAYS * 864e5);
  const hc1 = await encodeHcert({
    payload: vaccinationPayload(
      { fullName: person.full_name, birthDate: person.birth_date, birthYear: person.birth_year },
      dose,
      catalogue,
      uvci,
    ),
    issuer: 'VN',
    issuedAt: now,
    expiresAt,
    kid: key.kidBytes,
    privateKey: key.privateKey,
  });
  await tx.query(
    `insert into vaccination_certificates (uvci, person_id, dose_id, hc1, kid, issued_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [uvci, personId, dose.id, hc1, key.kid, now, expiresAt],
  );
  return { uvci };
}
