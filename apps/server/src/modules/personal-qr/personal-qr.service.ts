import { newQrId, signQrToken, type StatusColour } from '@phongdich/domain';
import type { Db, Queryable } from '../../core/db/db';
import { type AuditContext, recordAudit } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { signingKey } from '../keys';
import { familyOf, citizenAccount, personIdByPhone } from '../people';
import { personStatus } from '../status';
import { currentAppToken, insertToken } from './personal-qr.repository';

/** An app code is re-signed on every request with a fresh expiry; the id behind it stays the same. */
export const APP_CODE_DAYS = 30;

export interface MyQr {
  personId: string;
  token: string;
  colour: StatusColour;
  reasons: { vi: string; en: string }[];
  ruleSetVersion: string;
  expiresAt: string;
}

/** The citizen's own person id (linked to the account, else found by the signed-in phone). */
export async function ownPersonIdOf(q: Queryable, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'citizen') return null;
  const account = await citizenAccount(q, actor.accountId);
  if (account?.person_id) return account.person_id;
  return account?.phone ? ((await personIdByPhone(q, account.phone)) ?? null) : null;
}

/** Self or a declared family member; anything else is a 403 (never reveals whether the id exists). */
export async function allowedPersonId(q: Queryable, actor: Actor, requested?: string): Promise<string> {
  const own = await ownPersonIdOf(q, actor);
  if (!own) throw new AppError('QR_NO_PERSON');
  if (!requested || requested === own) return own;
  const family = await familyOf(q, own);
  if (!family.some((f) => f.id === requested))
    throw new AppError('FORBIDDEN', undefined, 'not self or family');
  return requested;
}

async function appTokenId(db: Db, personId: string): Promise<{ id: string; issuedAt: Date }> {
  const existing = await currentAppToken(db, personId);
  if (existing) return { id: existing.id, issuedAt: existing.issued_at };
  const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  await insertToken(db, { id: newQrId(), personId, type: 'P', issuedAt });
  // A concurrent request may have won the unique index: read back whichever is current.
  const row = await currentAppToken(db, personId);
  if (!row) throw new Error('personal QR token vanished');
  return { id: row.id, issuedAt: row.issued_at };
}

export function personalQrService(db: Db) {
  return {
    async myQr(ctx: AuditContext, requestedPersonId?: string): Promise<MyQr> {
      authorize(ctx.actor, 'qr.personal');
      const personId = await allowedPersonId(db, ctx.actor, requestedPersonId);
      const { id, issuedAt } = await appTokenId(db, personId);
      const expiresAt = new Date(Date.now() + APP_CODE_DAYS * 86_400_000);
      const token = await signQrToken({ type: 'P', id, issuedAt, expiresAt }, await signingKey(db, 'qr'));
      const status = await personStatus(db, personId);
      await recordAudit(db, ctx, { action: 'qr.personal.issue', personId, details: { type: 'P' } });
      return {
        personId,
        token,
        colour: status.colour,
        reasons: status.reasons,
        ruleSetVersion: status.ruleSetVersion,
        expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString(),
      };
    },
  };
}
