import type { Db, Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { fullPerson, loadPerson } from './people.common';
import { staffSeesInFull } from './people.policy';
import { addHistory } from './people.repository';
import { findDuplicates } from './people.search.repository';
import type { DuplicateReason, PersonRow, PersonSummary } from './people.types';
import { locationOf, toSummary } from './people.view';
import { forgetAllActors } from '../../core/auth/sessions';
import { repointCitizenAccounts } from '../accounts';

/** Fields the survivor takes from the duplicate when its own are empty. */
const FILLABLE = ['birth_date', 'cccd', 'cmnd', 'passport', 'bhyt', 'street'] as const;

async function mergeRows(tx: Queryable, keep: PersonRow, dup: PersonRow): Promise<string[]> {
  // The duplicate steps aside first, so its identity numbers leave the partial unique indexes.
  await tx.query(
    'update persons set merged_into = $2, version = version + 1, updated_at = now() where id = $1',
    [dup.id, keep.id],
  );
  const filled: string[] = FILLABLE.filter((c) => keep[c] === null && dup[c] !== null);
  const newPhones = dup.phones.filter((p) => !keep.phones.includes(p));
  if (newPhones.length) filled.push('phones');
  await tx.query(
    `update persons set ${[
      ...FILLABLE.filter((c) => filled.includes(c)).map((c, i) => `${c} = $${i + 3}`),
      'phones = $2',
    ]
      .concat(['version = version + 1', 'updated_at = now()'])
      .join(', ')} where id = $1`,
    [
      keep.id,
      [...keep.phones, ...newPhones],
      ...FILLABLE.filter((c) => filled.includes(c)).map((c) => dup[c]),
    ],
  );
  // Family links move to the survivor (links that already exist there, or to itself, are dropped).
  await tx.query(
    `insert into person_family_links (person_id, member_id, relation, created_at)
     select $2, member_id, relation, created_at from person_family_links where person_id = $1 and member_id <> $2
     union all
     select person_id, $2, relation, created_at from person_family_links where member_id = $1 and person_id <> $2
     on conflict do nothing`,
    [dup.id, keep.id],
  );
  await tx.query('delete from person_family_links where person_id = $1 or member_id = $1', [dup.id]);
  // Citizen accounts that pointed at the duplicate now point at the survivor.
  await repointCitizenAccounts(tx, dup.id, keep.id);
  forgetAllActors();
  return filled;
}

export function peopleMergeService(db: Db) {
  return {
    async duplicates(
      ctx: AuditContext,
      id: string,
    ): Promise<{ items: { person: PersonSummary; reasons: DuplicateReason[] }[] }> {
      authorize(ctx.actor, 'person.read');
      return db.transaction(async (tx) => {
        const row = await loadPerson(tx, id);
        authorize(ctx.actor, 'person.read', locationOf(row));
        const found = await findDuplicates(tx, row);
        const items = found.map((d) => ({
          person: toSummary(d.row, !staffSeesInFull(ctx.actor, d.row)),
          reasons: d.reasons,
        }));
        await recordAudit(tx, ctx, {
          action: 'person.read',
          personId: id,
          details: { view: 'duplicates', candidateIds: items.map((i) => i.person.id) },
        });
        return { items };
      });
    },

    /** Keeps `id`, folds `duplicateId` into it, and records the merge on both. */
    async merge(ctx: AuditContext, id: string, duplicateId: string) {
      return db.transaction((tx) => mergeIn(tx, ctx, id, duplicateId));
    },
  };
}

/** The merge's writes in the caller's transaction (an identity claim's resolution merges too). */
export async function mergeIn(tx: Queryable, ctx: AuditContext, id: string, duplicateId: string) {
  authorize(ctx.actor, 'person.merge');
  if (id === duplicateId) throw new AppError('MERGE_INVALID');
  // Lock in a fixed order so two opposite merges cannot deadlock.
  const [a, b] = [id, duplicateId].sort();
  const rows = new Map([
    [a!, await loadPerson(tx, a!, true)],
    [b!, await loadPerson(tx, b!, true)],
  ]);
  const keep = rows.get(id)!;
  const dup = rows.get(duplicateId)!;
  authorize(ctx.actor, 'person.merge', locationOf(keep));
  authorize(ctx.actor, 'person.merge', locationOf(dup));
  if (keep.merged_into || dup.merged_into) throw new AppError('MERGE_INVALID');
  const filled = await mergeRows(tx, keep, dup);
  const actorId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
  await addHistory(tx, keep.id, actorId, 'merge', { duplicateId: dup.id, filled });
  await addHistory(tx, dup.id, actorId, 'merged_into', { survivorId: keep.id });
  await recordAudit(tx, ctx, {
    action: 'person.merge',
    personId: keep.id,
    details: { duplicateId: dup.id, filledFields: filled },
  });
  await recordAudit(tx, ctx, {
    action: 'person.merge',
    personId: dup.id,
    details: { survivorId: keep.id },
  });
  return fullPerson(tx, await loadPerson(tx, keep.id));
}
