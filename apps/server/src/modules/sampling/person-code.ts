import type { Db } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { AppError, fieldError } from '../../core/errors';
import { findByIdNumbers, findPerson } from '../people';
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
 */
export async function resolvePersonId(
  db: Db,
  ctx: AuditContext,
  input: { personId?: string; code?: string },
): Promise<string> {
  if (input.personId) {
    const p = await findPerson(db, input.personId);
    if (!p || p.merged_into) throw new AppError('PERSON_NOT_FOUND');
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
