import type { Db } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import { AppError, fieldError } from '../../core/errors';
import { findByIdNumbers, findPerson, locationOf } from '../people';
import { scanService } from '../scan';

const unresolved = () =>
  new AppError('PERSON_CODE_UNRESOLVED', [
    fieldError(
      'code',
      'NO_MATCH',
      'Không tìm thấy người với mã này: hãy tìm theo tên.',
      'No person for this code: search by name.',
    ),
  ]);

/**
 * The person behind what a sampler scanned or typed: a typed CCCD (12 digits) or CMND (9) is looked up
 * directly; anything else (personal or printed QR, CCCD chip QR, BHYT) goes through the scanner's resolver,
 * which verifies signed tokens and may register a person from a CCCD chip.
 *
 * A person named by record id (picked from a name search) must be one the sampler may see: living in
 * the sampler's area or in the session's commune. Anyone else is sampled by scanning their card or QR,
 * the proof they are present. Otherwise a record id alone would let a sampler attach (and read back the
 * name of) anyone in the country; the answer is the same as for an unknown id.
 */
export async function resolvePersonId(
  db: Db,
  ctx: AuditContext,
  input: { personId?: string; code?: string },
  session: { commune_code: string },
): Promise<string> {
  if (input.personId) {
    const p = await findPerson(db, input.personId);
    if (!p || p.merged_into) throw new AppError('PERSON_NOT_FOUND');
    const loc = locationOf(p);
    if (!inJurisdiction(ctx.actor, loc) && loc.communeCode !== session.commune_code)
      throw new AppError('PERSON_NOT_FOUND');
    return p.id;
  }
  const code = (input.code ?? '').trim();
  if (!code) throw unresolved();
  const digits = code.replace(/[\s.-]/g, '');
  if (/^\d{12}$/.test(digits) || /^\d{9}$/.test(digits)) {
    const id = await findByIdNumbers(
      db,
      { cccd: digits.length === 12 ? digits : null, cmnd: digits.length === 9 ? digits : null, bhyt: null },
      null,
    );
    if (!id) throw unresolved();
    return id;
  }
  const answer = await scanService(db).resolve(ctx, { code });
  if (answer.kind !== 'person') throw unresolved();
  return answer.person.id;
}
