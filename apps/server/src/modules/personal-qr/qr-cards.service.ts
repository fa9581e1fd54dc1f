import { newQrId, signQrToken } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { rowLocation } from '../../core/auth/jurisdiction';
import { type AuditContext, recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { AppError, fieldError } from '../../core/errors';
import { signingKey, revoke } from '../keys';
import { loadPerson, locationOf } from '../people';
import {
  batchesIn,
  cardsOfBatch,
  findBatch,
  findToken,
  insertBatch,
  insertToken,
  markRevoked,
  peopleWithoutAccount,
  setBatchCount,
} from './personal-qr.repository';
import { renderCardsPdf } from './qr-cards.pdf';
import { MAX_CARDS_PER_BATCH, type CardBatch, type CardBatchBody } from '@phongdich/contracts/personal-qr';

const accountOf = (ctx: AuditContext) => (ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId);
const unitOf = (ctx: AuditContext) => (ctx.actor.kind === 'staff' ? ctx.actor.unitCode : null);

function batchView(b: { id: string; commune_code: string; card_count: number; created_at: Date }): CardBatch {
  return {
    id: b.id,
    communeCode: b.commune_code,
    cardCount: b.card_count,
    createdAt: b.created_at.toISOString(),
  };
}

export function qrCardsService(db: Db) {
  return {
    /** One batch per commune: "everyone without an account" needs a commune-level officer. */
    /** With an Idempotency-Key, a retry after a lost answer gets the same batch (no second set of cards). */
    async createBatch(ctx: AuditContext, input: CardBatchBody, idempotencyKey?: string) {
      authorize(ctx.actor, 'qrCard.manage');
      const unit = unitOf(ctx);
      let personIds = [...new Set(input.personIds ?? [])];
      if (input.allWithoutAccount) {
        if (!unit || unit.length !== 5)
          throw new AppError('VALIDATION_FAILED', [
            fieldError(
              'allWithoutAccount',
              'COMMUNE_ONLY',
              'Chỉ cán bộ xã chọn được "mọi người chưa có tài khoản".',
              'Only a commune officer can select everyone without an account.',
            ),
          ]);
        personIds = await peopleWithoutAccount(db, unit);
      }
      if (personIds.length === 0 || personIds.length > MAX_CARDS_PER_BATCH)
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'personIds',
            'BATCH_SIZE',
            `Chọn từ 1 đến ${MAX_CARDS_PER_BATCH} người.`,
            `Select 1 to ${MAX_CARDS_PER_BATCH} people.`,
          ),
        ]);
      const opts = {
        scope: idempotencyScope('POST /api/qr-cards/batches', ctx.actor),
        key: idempotencyKey,
        body: input,
        status: 201,
      };
      const res = await runIdempotent(db, opts, async (tx) => {
        const people = [];
        for (const id of personIds) {
          const row = await loadPerson(tx, id);
          authorize(ctx.actor, 'qrCard.manage', locationOf(row));
          people.push(row);
        }
        const first = people[0]!;
        // A batch is filed under its first person's commune (a commune officer's batch is all one commune).
        const batchId = await insertBatch(tx, { ...locationOf(first), accountId: accountOf(ctx) });
        const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
        for (const p of people)
          await insertToken(tx, { id: newQrId(), personId: p.id, type: 'C', issuedAt, batchId });
        await setBatchCount(tx, batchId, people.length);
        await recordAudit(tx, ctx, {
          action: 'qrCard.batch.create',
          details: { batchId, count: people.length },
        });
        return { id: batchId, cardCount: people.length };
      });
      return res.body;
    },

    async listBatches(ctx: AuditContext) {
      authorize(ctx.actor, 'qrCard.manage');
      return { items: (await batchesIn(db, ctx.actor)).map(batchView) };
    },

    async batchPdf(ctx: AuditContext, batchId: string): Promise<Buffer> {
      authorize(ctx.actor, 'qrCard.manage');
      const batch = await findBatch(db, batchId);
      if (!batch) throw new AppError('NOT_FOUND');
      authorize(ctx.actor, 'qrCard.manage', rowLocation(batch));
      const key = await signingKey(db, 'qr');
      const cards = [];
      for (const c of await cardsOfBatch(db, batchId)) {
        if (c.revoked_at) continue;
        const token = await signQrToken({ type: 'C', id: c.token_id, issuedAt: c.issued_at }, key);
        cards.push({ token, fullName: c.full_name, birthYear: c.birth_year, communeName: c.commune_name });
      }
      await recordAudit(db, ctx, {
        action: 'qrCard.batch.print',
        details: { batchId, count: cards.length },
      });
      return renderCardsPdf(cards);
    },

    /** A lost card: its id goes on the published revocation list; a new batch prints a new card. */
    async revokeCard(ctx: AuditContext, tokenId: string, reason?: string) {
      authorize(ctx.actor, 'qrCard.manage');
      const token = await findToken(db, tokenId);
      if (!token) throw new AppError('NOT_FOUND');
      authorize(ctx.actor, 'qrCard.manage', locationOf(await loadPerson(db, token.person_id)));
      await db.transaction(async (tx) => {
        await markRevoked(tx, tokenId);
        await revoke(tx, {
          type: token.type,
          id: tokenId,
          reason: reason ?? null,
          revokedBy: accountOf(ctx),
        });
        await recordAudit(tx, ctx, {
          action: 'qrCard.revoke',
          personId: token.person_id,
          details: { tokenId, type: token.type },
        });
      });
      return { revoked: true };
    },
  };
}
