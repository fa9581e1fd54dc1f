import type { Db } from '../../core/db/db';
import { onEvent } from '../../core/events/handler';
import { catalogueInForce } from './vaccination.catalogue';
import { reissueVaccinationCertificates } from './vaccination.certificates';
import { activeSigningKeyIn } from './vaccination.deps';

/**
 * Certificates of imported doses are issued after the import commits, from its dose events (#12 §4:
 * re-signing inside the import transaction was ~85 % of its time). The handler runs with its handling
 * record, so a retried event never issues twice; one import naming a person in several rows gives
 * several events but one certificate, as a person whose certificate in force already states their
 * latest dose is left alone. Site doses and accepted corrections still issue in their own transaction
 * (the vaccinator and the officer are shown the certificate at once).
 */
export function vaccinationCertificateHandler(db: Db) {
  return onEvent('vaccination.dose_recorded', 'vaccination.certificate', async (tx, event) => {
    if (event.payload.source !== 'import') return;
    const key = await activeSigningKeyIn(db, tx, 'dcc');
    const now = new Date();
    const catalogue = await catalogueInForce(tx, event.payload.disease, now);
    await reissueVaccinationCertificates(tx, key, [event.payload.personId], catalogue, now, {
      onlyStale: true,
    });
  });
}
