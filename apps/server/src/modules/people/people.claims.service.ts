import { foldVietnamese } from '@phongdich/domain';
import type {
  IdentityClaim,
  IdentityClaimListItem,
  IdentityClaimResolution,
  IdentityClaimResolved,
} from '@phongdich/contracts/people';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import { authorize, can, canAt } from '../../core/auth/policy';
import type { Db, Queryable } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import { sendMessage } from '../outbox';
import { claimById, openClaimsIn, type ClaimRow } from './people.claims.repository';
import { fullPerson, isUniqueViolation, loadPerson, validPersonFields } from './people.common';
import { mergeIn } from './people.merge.service';
import { staffSeesInFull } from './people.policy';
import { addHistory, familyOf, findByIdNumbers } from './people.repository';
import { citizenAccount } from './people.search.repository';
import type { Person, PersonRow } from './people.types';
import { locationOf, toPerson, toSummary } from './people.view';
import { mergeInput, updatePersonIn } from './people.write.service';

const LIST_LIMIT = 100;
const CLAIM_FIELDS = ['cccd', 'cmnd', 'passport', 'bhyt'] as const;
type ClaimStatus = IdentityClaim['status'];

/** The live record holding one of the claimed numbers now (it may have changed since the claim). */
function holderIdOf(q: Queryable, claim: ClaimRow): Promise<string | undefined> {
  const c = claim.changes.claimed;
  return findByIdNumbers(
    q,
    { cccd: c.cccd ?? null, cmnd: c.cmnd ?? null, bhyt: c.bhyt ?? null },
    claim.person_id,
  );
}

/** A claim on a record of the officer's area; any other id is not found (nothing said about it). */
async function claimInArea(q: Queryable, ctx: AuditContext, id: string) {
  const claim = await claimById(q, id);
  if (!claim) throw new AppError('IDENTITY_CLAIM_NOT_FOUND');
  const claimant = await loadPerson(q, claim.person_id);
  if (!canAt(ctx.actor, 'person.merge', locationOf(claimant))) throw new AppError('IDENTITY_CLAIM_NOT_FOUND');
  return { claim, claimant };
}

/** The holder as policy shows it to this officer: in full inside their area, masked outside. */
async function holderView(q: Queryable, ctx: AuditContext, row: PersonRow): Promise<Person> {
  const full = staffSeesInFull(ctx.actor, row);
  return toPerson(row, full ? await familyOf(q, row.id) : [], {
    masked: !full,
    canBreakGlass: can(ctx.actor, 'person.breakGlass'),
  });
}

/**
 * The reason goes to the citizen by SMS: it must not name the record that holds the number (its
 * name or any of its numbers), or the refusal would tell them who that is.
 */
function assertReasonNamesNobody(reason: string, holder: PersonRow | undefined): void {
  if (!holder) return;
  const folded = foldVietnamese(reason).replace(/\s+/g, ' ');
  const numbers = [holder.cccd, holder.cmnd, holder.passport, holder.bhyt, ...holder.phones].filter(
    (v): v is string => Boolean(v),
  );
  const digits = reason.replace(/\D/g, '');
  const names = folded.includes(foldVietnamese(holder.full_name).replace(/\s+/g, ' '));
  if (
    names ||
    numbers.some((n) => digits.includes(n.replace(/\D/g, '')) && n.replace(/\D/g, '').length >= 6)
  ) {
    throw new AppError('VALIDATION_FAILED', [
      fieldError(
        'reason',
        'CLAIM_REASON_NAMES_HOLDER',
        'Lý do gửi cho người dân không được nêu tên hay số giấy tờ của người khác.',
        'The reason is sent to the citizen: it may not name the other person or their numbers.',
      ),
    ]);
  }
}

export function peopleClaimsService(db: Db) {
  return {
    async list(ctx: AuditContext): Promise<{ items: IdentityClaimListItem[] }> {
      authorize(ctx.actor, 'person.merge');
      return db.transaction(async (tx) => {
        const items: IdentityClaimListItem[] = [];
        for (const claim of await openClaimsIn(tx, ctx.actor, LIST_LIMIT)) {
          const row = await loadPerson(tx, claim.person_id);
          items.push({
            id: claim.id,
            at: claim.at.toISOString(),
            person: toSummary(row, false),
            fields: CLAIM_FIELDS.filter((k) => claim.changes.claimed[k]),
          });
          await recordAudit(tx, ctx, {
            action: 'person.read',
            personId: row.id,
            details: { view: 'identity-claims', claimId: claim.id },
          });
        }
        return { items };
      });
    },

    /** The claim with the two records side by side, the holder masked as policy says. */
    async get(ctx: AuditContext, id: string): Promise<IdentityClaim> {
      authorize(ctx.actor, 'person.merge');
      return db.transaction(async (tx) => {
        const { claim, claimant } = await claimInArea(tx, ctx, id);
        const holderId = claim.open ? await holderIdOf(tx, claim) : undefined;
        const holder = holderId ? await holderView(tx, ctx, await loadPerson(tx, holderId)) : null;
        await recordAudit(tx, ctx, {
          action: 'person.read',
          personId: claimant.id,
          details: { view: 'identity-claim', claimId: claim.id },
        });
        if (holder) {
          await recordAudit(tx, ctx, {
            action: 'person.read',
            personId: holder.id,
            details: { view: 'identity-claim', claimId: claim.id, masked: holder.masked },
          });
        }
        return {
          id: claim.id,
          at: claim.at.toISOString(),
          status: claim.status as ClaimStatus,
          claimed: claim.changes.claimed,
          claimant: await fullPerson(tx, claimant),
          holder,
        };
      });
    },

    /**
     * Merge (the citizen's new record folds into the holder's, their account follows), reject with a
     * reason (the citizen is told by SMS), or correct the numbers on the citizen's record. Both records
     * are locked in a fixed order, so two officers resolving at once get one resolution and a 409.
     */
    async resolve(
      ctx: AuditContext,
      id: string,
      body: IdentityClaimResolution,
    ): Promise<IdentityClaimResolved> {
      authorize(ctx.actor, 'person.merge');
      const run = () =>
        db.transaction(async (tx) => {
          const first = await claimInArea(tx, ctx, id);
          const holderId = await holderIdOf(tx, first.claim);
          for (const pid of [first.claimant.id, holderId].filter((v): v is string => Boolean(v)).sort())
            await loadPerson(tx, pid, true);
          const { claim, claimant } = await claimInArea(tx, ctx, id);
          if (!claim.open) throw new AppError('IDENTITY_CLAIM_RESOLVED');
          const holder = holderId ? await loadPerson(tx, holderId) : undefined;
          const actorId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
          const resolved = (status: string, extra: Record<string, unknown> = {}) =>
            addHistory(tx, claimant.id, actorId, 'identity_claim', { claimId: claim.id, status, ...extra });

          if (body.outcome === 'merge') {
            if (!holder) throw new AppError('MERGE_INVALID', undefined, 'no record holds the claimed number');
            const person = await mergeIn(tx, ctx, holder.id, claimant.id);
            await resolved('merged', { survivorId: holder.id });
            return { id: claim.id, status: 'merged' as const, person };
          }
          if (body.outcome === 'reject') {
            const reason = body.reason.trim();
            if (!reason) {
              throw new AppError('VALIDATION_FAILED', [
                fieldError('reason', 'REQUIRED', 'Cần nêu lý do.', 'A reason is required.'),
              ]);
            }
            assertReasonNamesNobody(reason, holder);
            await resolved('rejected', { reason });
            await recordAudit(tx, ctx, {
              action: 'person.update',
              personId: claimant.id,
              details: { identityClaim: claim.id, outcome: 'rejected' },
            });
            const account = claim.actor_account_id
              ? await citizenAccount(tx, claim.actor_account_id)
              : undefined;
            if (account?.phone) {
              await sendMessage(tx, {
                channel: 'sms',
                to: account.phone,
                subject: 'identity-claim-rejected',
                body:
                  `Phong Dich: so giay to ban khai chua duoc xac nhan. Ly do: ${foldVietnamese(reason)}. ` +
                  'Vui long mang giay to den tram y te xa/phuong.',
              });
            }
            return { id: claim.id, status: 'rejected' as const, person: await fullPerson(tx, claimant) };
          }
          authorize(ctx.actor, 'person.update', locationOf(claimant));
          const f = await validPersonFields(
            tx,
            mergeInput(claimant, { version: body.version, ...body.numbers }),
          );
          const person = await updatePersonIn(tx, ctx, claimant.id, f, body.version, {
            identityClaim: claim.id,
            outcome: 'corrected',
          });
          await resolved('corrected');
          return { id: claim.id, status: 'corrected' as const, person };
        });
      try {
        return await run();
      } catch (err) {
        // Corrected numbers racing another registration: run again, the duplicate check then names
        // the record that won (the officer may know it), as an edit does.
        if (!isUniqueViolation(err)) throw err;
        return run();
      }
    },
  };
}
