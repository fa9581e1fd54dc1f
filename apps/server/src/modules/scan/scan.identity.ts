// Matching (or registering) the person behind a CCCD chip QR or a BHYT card scan.
import { bhytSocialInsuranceNumber, type BhytScan, type CccdQr } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import {
  createPersonIn,
  isUniqueViolation,
  validPersonFields,
  type PersonInput,
  type PersonRow,
  findPerson,
  livePersonIdByDocument,
  type PersonDocumentKind,
} from '../people';

/** The person behind a document, through people's query (one indexed read, as before issue #9). */
async function firstLive(
  q: Queryable,
  kind: PersonDocumentKind,
  value: string,
): Promise<PersonRow | undefined> {
  const id = await livePersonIdByDocument(q, kind, value);
  return id ? findPerson(q, id) : undefined;
}

export async function matchCccd(q: Queryable, card: CccdQr): Promise<PersonRow | undefined> {
  return (
    (await firstLive(q, 'cccd', card.cccd)) ?? (card.cmnd ? await firstLive(q, 'cmnd', card.cmnd) : undefined)
  );
}

/** The full number, else the lifelong 10-digit social insurance part (a newer card, same person). */
export async function matchBhyt(q: Queryable, number: string): Promise<PersonRow | undefined> {
  const exact = await firstLive(q, 'bhyt', number);
  if (exact) return exact;
  const sin = bhytSocialInsuranceNumber(number);
  return sin ? firstLive(q, 'bhyt_sin', sin) : undefined;
}

export function cccdPersonInput(card: CccdQr, communeCode: string): PersonInput {
  return {
    fullName: card.fullName,
    birthDate: card.birthDate,
    sex: card.sex,
    cccd: card.cccd,
    cmnd: card.cmnd,
    communeCode,
    // The card's permanent address is kept as written; the commune is the scanning point's.
    street: card.address.slice(0, 200),
  };
}

export function bhytPersonInput(scan: BhytScan, communeCode: string): PersonInput | null {
  if (!scan.fullName || !scan.birthDate) return null;
  const yearOnly = /^\d{4}$/.test(scan.birthDate);
  return {
    fullName: scan.fullName,
    birthDate: yearOnly ? null : scan.birthDate,
    birthYear: yearOnly ? Number(scan.birthDate) : null,
    sex: 'other',
    bhyt: scan.number,
    communeCode,
  };
}

/**
 * Registers the person through the people write path (history + audit). Two scanners racing on the
 * same card: the unique index lets one insert win; the other finds that record.
 */
export async function createFromScan(
  tx: Queryable,
  ctx: AuditContext,
  input: PersonInput,
  method: string,
  rematch: () => Promise<PersonRow | undefined>,
): Promise<{ row: PersonRow; created: boolean }> {
  const f = await validPersonFields(tx, input);
  try {
    await tx.query('savepoint scan_create');
    const person = await createPersonIn(tx, ctx, f, {
      revealExistingId: false,
      details: { via: 'scan', method },
    });
    await tx.query('release savepoint scan_create');
    return { row: (await findPerson(tx, person.id))!, created: true };
  } catch (err) {
    await tx.query('rollback to savepoint scan_create');
    const again = isUniqueViolation(err) || (err as { code?: string }).code === 'DUPLICATE_PERSON';
    const found = again ? await rematch() : undefined;
    if (!found) throw err;
    return { row: found, created: false };
  }
}
