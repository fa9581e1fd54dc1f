import { newQrId, signQrToken } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { signingKey } from '../keys';

/** A personal (P) or printed-card (C) token for a person, issued an hour ago and signed as the server does. */
export async function newPersonToken(
  db: Queryable,
  personId: string,
  type: 'P' | 'C',
  expiresAt?: Date,
): Promise<{ id: string; token: string }> {
  const id = newQrId();
  const issuedAt = new Date(Date.now() - 3_600_000);
  await db.query('insert into personal_qr_tokens (id, person_id, type, issued_at) values ($1, $2, $3, $4)', [
    id,
    personId,
    type,
    issuedAt,
  ]);
  return {
    id,
    token: await signQrToken({ type, id, issuedAt, expiresAt }, await signingKey(db as never, 'qr')),
  };
}
