import { buildUvci, encodeHcert, randomUvciOpaque, type DccPayload } from '@phongdich/dcc';
import type { VaccinationCatalogue } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import {
  CERTIFICATE_VALIDITY_DAYS,
  DCC_ISSUER,
  dccName,
  nativeZlib,
  personBriefs,
  revoke,
  revokedAmong,
  type SigningKey,
} from './vaccination.deps';

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
  const [issued] = await reissueVaccinationCertificates(tx, key, [personId], catalogue, now);
  return issued ? { uvci: issued.uvci } : null;
}

/**
 * The same for many people in three reads, one insert and the signatures side by side (WebCrypto
 * signs on the thread pool, so the next payload is encoded while one is signed). With `onlyStale`,
 * a person whose certificate in force already states their latest dose keeps it: the after-commit
 * path (one event per dose) then issues once per person however many events name them.
 */
export async function reissueVaccinationCertificates(
  tx: Queryable,
  key: SigningKey,
  personIds: readonly string[],
  catalogue: VaccinationCatalogue,
  now = new Date(),
  opts: { onlyStale?: boolean } = {},
): Promise<{ personId: string; uvci: string }[]> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return [];
  const people = await personBriefs(tx, ids);
  const latest = new Map(
    (
      await tx.query<DoseForCertificate & { person_id: string }>(
        `select distinct on (person_id) person_id::text, id::text, product_mp, dose_number, administered_at
         from vaccination_doses where person_id = any($1::uuid[]) and disease = $2 and status = 'active'
         order by person_id, dose_number desc`,
        [ids, catalogue.disease],
      )
    ).map((d) => [d.person_id, d]),
  );
  const held = await tx.query<{ uvci: string; person_id: string; dose_id: string }>(
    `select c.uvci, c.person_id::text, c.dose_id::text from vaccination_certificates c
     where c.person_id = any($1::uuid[])`,
    [ids],
  );
  // The revocation list is the keys module's: the certificates it names are no longer in force.
  const revoked = await revokedAmong(
    tx,
    'DCC',
    held.map((c) => c.uvci),
  );
  const inForce = held.filter((c) => !revoked.has(c.uvci));
  const current = new Map<string, { uvci: string; dose_id: string }[]>();
  for (const c of inForce) current.set(c.person_id, [...(current.get(c.person_id) ?? []), c]);
  const due = ids.filter((id) => {
    const held = current.get(id) ?? [];
    const dose = latest.get(id);
    return !(opts.onlyStale && dose && held.length === 1 && held[0]!.dose_id === dose.id);
  });
  for (const id of due)
    for (const p of current.get(id) ?? [])
      await revoke(tx, { type: 'DCC', id: p.uvci, reason: 'reissued', revokedBy: null });
  const expiresAt = new Date(now.getTime() + CERTIFICATE_VALIDITY_DAYS * 864e5);
  const signed = await Promise.all(
    due.flatMap((personId) => {
      const person = people.get(personId);
      const dose = latest.get(personId);
      if (!person || !dose) return [];
      const uvci = buildUvci(`VACC/${randomUvciOpaque(16)}`);
      return [
        encodeHcert({
          payload: vaccinationPayload(
            { fullName: person.fullName, birthDate: person.birthDate, birthYear: person.birthYear },
            dose,
            catalogue,
            uvci,
          ),
          issuer: 'VN',
          issuedAt: now,
          expiresAt,
          kid: key.kidBytes,
          privateKey: key.privateKey,
          deflate: nativeZlib,
        }).then((hc1) => ({ personId, uvci, doseId: dose.id, hc1 })),
      ];
    }),
  );
  if (signed.length)
    await tx.query(
      `insert into vaccination_certificates (uvci, person_id, dose_id, hc1, kid, issued_at, expires_at)
       select u, p, d, h, $5, $6, $7 from unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[]) as t(u, p, d, h)`,
      [
        signed.map((c) => c.uvci),
        signed.map((c) => c.personId),
        signed.map((c) => c.doseId),
        signed.map((c) => c.hc1),
        key.kid,
        now,
        expiresAt,
      ],
    );
  return signed.map(({ personId, uvci }) => ({ personId, uvci }));
}
